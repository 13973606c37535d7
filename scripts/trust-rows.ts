// Runs the gate's hard cases (a platform that fails halfway, policies, hostile answers; see
// __tests__/support/trust-cases.ts) against an action bundle and prints, for each, the outcome
// and exit code, the POSTs that reached the API and the time from start to exit, so that two
// bundles can be compared side by side:
//
//   npm run trust-rows [-- --bundle path/to/index.js] [--cli path/to/cli/index.js] [--only TEXT]
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../simulator/platform-simulator.js'
import { closedOrigin, runNode, startBundle, type BundleRun } from '../__tests__/support/runner.js'
import {
  decidedAtOnce,
  DECIDED_POSTS,
  decomposedName,
  failingPosts,
  gateway504,
  inputsFor,
  listedTwice,
  longQueue,
  MIXED_CASE_KEY,
  readNotTheConnector,
  readWebPage,
  redirectToKey,
  refusingTlsServer,
  WARN,
  type Inputs
} from '../__tests__/support/trust-cases.js'
import { renderTable } from '../src/report/table.js'

const { values } = parseArgs({
  options: {
    bundle: { type: 'string' },
    cli: { type: 'string' },
    only: { type: 'string' }
  },
  strict: true
})
const bundle = path.resolve(values.bundle ?? 'dist/index.js')
const cliBundle = path.resolve(values.cli ?? 'dist/cli/index.js')

interface Row {
  outcome: string
  posts: number
  seconds: number
  note: string
}

const posts = (sim: Simulator): number => sim.requests.filter((r) => r.method === 'POST').length
const errorLine = (run: BundleRun): string =>
  run.stdout.split('\n').find((line) => line.startsWith('::error')) ?? ''

async function runStep(inputs: Inputs, env: Record<string, string> = {}): Promise<BundleRun> {
  return (await startBundle(bundle, inputs, env, 400_000)).done
}

function row(run: BundleRun, sim?: Simulator, note = ''): Row {
  const outcome = `${run.outputs.outcome ?? '-'} (exit ${String(run.exitCode)})`
  return {
    outcome,
    posts: sim === undefined ? 0 : posts(sim),
    seconds: run.durationMs / 1000,
    note
  }
}

/** A step on a simulator of its own: `arrange` gives its inputs, `note` a word on the run. */
function onSim(
  arrange: (sim: Simulator) => Inputs,
  note: (run: BundleRun, sim: Simulator) => string = () => '',
  options: SimulatorOptions = {}
): () => Promise<Row> {
  return async () => {
    const sim = await startSimulator(options)
    try {
      const run = await runStep(arrange(sim))
      return row(run, sim, note(run, sim))
    } finally {
      await sim.close()
    }
  }
}

const neverStarted = (run: BundleRun): string => {
  const text = run.resultsFile ?? run.outputs.results ?? '[]'
  const entries = JSON.parse(text) as { 'check-id': string | null }[]
  return `${entries.filter((e) => e['check-id'] === null).length} never started`
}

const cases: [string, () => Promise<Row>][] = [
  [
    'warn; 200 connectors, max-concurrency 1, 2 s checks, 9 s deadline; one FAILs',
    onSim((sim) => {
      const { ids } = longQueue(sim, {
        count: 200,
        checkMs: 2000,
        history: false,
        broken: 100
      })
      const only = {
        'source-id': ids.join('\n'),
        'max-concurrency': '1',
        ...WARN
      }
      return inputsFor(sim, only, '9')
    }, neverStarted)
  ],
  [
    'warn; the POST creates the check, answers 502; the check ends FAILURE',
    onSim((sim) => {
      const id = failingPosts(sim, {
        status: 502,
        afterCreate: true,
        posts: 1,
        ending: 'FAILURE'
      })
      return inputsFor(sim, { 'source-id': id, ...WARN })
    })
  ],
  ...[true, false].map((afterCreate): [string, () => Promise<Row>] => [
    `every POST answers 500, ${afterCreate ? 'each creating a check' : 'creating none'} (poll 1 s, 60 s)`,
    onSim((sim) => {
      const id = failingPosts(sim, { status: 500, afterCreate, posts: 500 })
      return inputsFor(sim, { 'source-id': id, 'poll-interval-seconds': '1' }, '60')
    })
  ]),
  ...['{}', '{"detail":"Not Found"}'].map((body): [string, () => Promise<Row>] => [
    `reuse-success-seconds; the connector read answers 200 ${body}`,
    onSim(
      (sim) =>
        inputsFor(sim, {
          'source-id': readNotTheConnector(sim, body),
          'reuse-success-seconds': '600'
        }),
      (run) => (run.stdout.includes('passed on its check') ? 'reused' : 'not reused')
    )
  ]),
  [
    'warn; dry-run against an api-url that answers 200 text/html',
    onSim((sim) =>
      inputsFor(sim, {
        'source-id': readWebPage(sim),
        'dry-run': 'true',
        ...WARN
      })
    )
  ],
  [
    'warn; a host that never answers (connection refused)',
    async () => {
      const api = await closedOrigin()
      return row(
        await runStep({
          'api-key': 'sim_key_0123456789abcdef',
          'api-url': api,
          'source-id': randomUUID(),
          'timeout-seconds': '60',
          ...WARN
        })
      )
    }
  ],
  ...[false, true].map((history): [string, () => Promise<Row>] => [
    `the read before shows ${history ? 'an older check' : 'none (404)'}; the POST answers a new FAILURE`,
    onSim(
      (sim) => inputsFor(sim, { 'source-id': decidedAtOnce(sim, history) }),
      (run) => (errorLine(run).includes('Access Denied') ? 'reason shown' : 'reason lost'),
      DECIDED_POSTS
    )
  ]),
  [
    'an https:// api-url aimed at a plain-HTTP port',
    onSim((sim) =>
      inputsFor(
        sim,
        {
          'source-id': randomUUID(),
          'api-url': sim.url.replace('http:', 'https:')
        },
        '60'
      )
    )
  ],
  [
    'a redirect whose host holds the key in another letter case',
    onSim(
      (sim) => inputsFor(sim, { 'source-id': redirectToKey(sim) }),
      (run, sim) => {
        const shown = run.stdout.replace(`::add-mask::${sim.apiKey}`, '').toLowerCase()
        return shown.includes(sim.apiKey.toLowerCase()) ? 'key printed' : 'key hidden'
      },
      { apiKeys: [MIXED_CASE_KEY] }
    )
  ],
  ['a list that names the same connector twice', onSim((sim) => inputsFor(sim, listedTwice(sim)))],
  [
    'a name typed in NFC, listed in NFD (crème-docs)',
    onSim((sim) => inputsFor(sim, decomposedName(sim)))
  ],
  [
    "CLI --api-url '' with UNSTRUCTURED_API_URL set",
    async () => {
      const sim = await startSimulator()
      try {
        const run = await runNode(
          [cliBundle, '--source-id', randomUUID(), '--api-url', ''],
          {
            PATH: process.env.PATH ?? '',
            NO_COLOR: '1',
            UNSTRUCTURED_API_KEY: sim.apiKey,
            UNSTRUCTURED_API_URL: sim.url
          },
          60_000
        )
        return {
          outcome: `exit ${String(run.code)}`,
          posts: posts(sim),
          seconds: (run.closedAt - run.startedAt) / 1000,
          note: `${sim.requests.length} requests to UNSTRUCTURED_API_URL`
        }
      } finally {
        await sim.close()
      }
    }
  ],
  [
    'timeout-seconds: 0.001',
    onSim((sim) => inputsFor(sim, { 'source-id': randomUUID() }, '0.001'))
  ],
  [
    "every poll answers a gateway's 504 page until the deadline",
    onSim(
      (sim) => inputsFor(sim, { 'source-id': gateway504(sim) }, '10'),
      (run) => /Last error: .*?deadline|Last error: [^.]*/.exec(errorLine(run))?.[0] ?? ''
    )
  ],
  ...(['expired', 'legacy'] as const).map((kind): [string, () => Promise<Row>] => [
    kind === 'expired' ? 'an expired server certificate' : 'a server with only TLS 1.0 and 1.1',
    async () => {
      const server = await refusingTlsServer(kind)
      try {
        const run = await runStep(
          {
            'api-key': 'sim_key_0123456789abcdef',
            'api-url': server.url,
            'source-id': randomUUID(),
            'timeout-seconds': '60'
          },
          { NODE_EXTRA_CA_CERTS: server.caCertPath }
        )
        // The first sentence of the message, after the annotation's title.
        const message = errorLine(run).split('::')[2] ?? ''
        return row(run, undefined, message.split('. ')[1] ?? message.slice(0, 80))
      } finally {
        await server.close()
      }
    }
  ])
]

const header = ['case', 'outcome', 'POSTs', 'time', 'note']
const rows: string[][] = []
for (const [name, run] of cases) {
  if (values.only !== undefined && !name.includes(values.only)) continue
  const result = await run()
  const time = `${result.seconds.toFixed(1)} s`
  rows.push([name, result.outcome, String(result.posts), time, result.note])
  process.stderr.write('.')
}
process.stderr.write('\n')
process.stdout.write(`bundle: ${bundle}\n${renderTable(header, rows)}\n`)
