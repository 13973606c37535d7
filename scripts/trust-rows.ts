// Runs the gate's hard cases (a platform that fails halfway, policies, hostile answers) against
// an action bundle and prints, for each, the outcome and exit code, the POSTs that reached the
// API and the time from start to exit, so two bundles can be compared side by side:
//
//   npm run trust-rows [-- --bundle path/to/index.js] [--cli path/to/cli/index.js] [--only TEXT]
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  startSimulator,
  type FaultSlot,
  type Simulator,
  type SimulatorOptions
} from '../simulator/platform-simulator.js'
import { makeCertificates } from '../simulator/tls-certs.js'
import { closedOrigin, runNode, startBundle, type BundleRun } from '../__tests__/support/runner.js'
import { renderTable } from '../src/table.js'

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

type Case = [name: string, run: () => Promise<Row>]

const many = <T extends FaultSlot>(n: number, slot: T): T[] => Array.from({ length: n }, () => slot)
const posts = (sim: Simulator): number => sim.requests.filter((r) => r.method === 'POST').length
const errorLine = (run: BundleRun): string =>
  run.stdout.split('\n').find((line) => line.startsWith('::error')) ?? ''

async function step(
  sim: Simulator,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<BundleRun> {
  const all = { 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': '20', ...inputs }
  return (await startBundle(bundle, all, env, 400_000)).done
}

function row(sim: Simulator | undefined, run: BundleRun, note = ''): Row {
  return {
    outcome: `${run.outputs.outcome ?? '-'} (exit ${String(run.exitCode)})`,
    posts: sim === undefined ? 0 : posts(sim),
    seconds: run.durationMs / 1000,
    note
  }
}

async function withSim(
  test: (sim: Simulator) => Promise<Row>,
  options: SimulatorOptions = {}
): Promise<Row> {
  const sim = await startSimulator(options)
  try {
    return await test(sim)
  } finally {
    await sim.close()
  }
}

const cases: Case[] = [
  [
    'warn; 200 connectors, max-concurrency 1, 2 s checks, 9 s deadline; one FAILs',
    () =>
      withSim(async (sim) => {
        const ids = Array.from({ length: 200 }, () => randomUUID())
        ids.forEach((id, i) => {
          const failing = i === 100
          sim.addConnector(id, {
            kind: 'source',
            checkDurationMs: 2000,
            ending: failing ? 'FAILURE' : 'SUCCESS',
            reason: failing ? 'bucket not found' : null
          })
        })
        const run = await step(sim, {
          'source-id': ids.join('\n'),
          'max-concurrency': '1',
          'timeout-seconds': '9',
          'on-platform-unavailable': 'warn'
        })
        const entries = JSON.parse(run.resultsFile ?? run.outputs.results ?? '[]') as {
          'check-id': string | null
        }[]
        const never = entries.filter((e) => e['check-id'] === null).length
        return row(sim, run, `${never} never started`)
      })
  ],
  [
    'warn; the POST creates the check, answers 502; the check ends FAILURE',
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 500,
          ending: 'FAILURE',
          reason: 'password authentication failed',
          faults: { post: [{ type: 'status', status: 502, afterCreate: true }] }
        })
        return row(sim, await step(sim, { 'source-id': id, 'on-platform-unavailable': 'warn' }))
      })
  ],
  ...([true, false] as const).map((afterCreate): Case => [
    `every POST answers 500, ${afterCreate ? 'each creating a check' : 'creating none'} (poll 1 s, 60 s)`,
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 500,
          faults: { post: many(500, { type: 'status', status: 500, afterCreate }) }
        })
        const run = await step(sim, {
          'source-id': id,
          'poll-interval-seconds': '1',
          'timeout-seconds': '60'
        })
        return row(sim, run)
      })
  ]),
  ...(['{}', '{"detail":"Not Found"}'] as const).map((body): Case => [
    `reuse-success-seconds; the connector read answers 200 ${body}`,
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 300,
          faults: { info: many(5, { type: 'body', status: 200, body }) }
        })
        sim.startCheck(id, { durationMs: 300, ageMs: 5000 })
        const run = await step(sim, { 'source-id': id, 'reuse-success-seconds': '600' })
        const reused = run.stdout.includes('passed on its check') ? 'reused' : 'not reused'
        return row(sim, run, reused)
      })
  ]),
  [
    'warn; dry-run against an api-url that answers 200 text/html',
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          faults: { info: many(500, { type: 'html', status: 200 }) }
        })
        return row(
          sim,
          await step(sim, { 'source-id': id, 'dry-run': 'true', 'on-platform-unavailable': 'warn' })
        )
      })
  ],
  [
    'warn; a host that never answers (connection refused)',
    async () => {
      const run = await (
        await startBundle(
          bundle,
          {
            'api-key': 'sim_key_0123456789abcdef',
            'api-url': await closedOrigin(),
            'source-id': randomUUID(),
            'timeout-seconds': '60',
            'on-platform-unavailable': 'warn'
          },
          {},
          120_000
        )
      ).done
      return row(undefined, run)
    }
  ],
  ...([false, true] as const).map((history): Case => [
    `the read before shows ${history ? 'an older check' : 'none (404)'}; the POST answers a new FAILURE`,
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 0,
          ending: 'FAILURE',
          reason: 'Access Denied'
        })
        if (history) sim.startCheck(id, { durationMs: 300, ageMs: 60_000 })
        const run = await step(sim, { 'source-id': id })
        return row(
          sim,
          run,
          errorLine(run).includes('Access Denied') ? 'reason shown' : 'reason lost'
        )
      })
  ]),
  [
    'an https:// api-url aimed at a plain-HTTP port',
    () =>
      withSim(async (sim) =>
        row(
          sim,
          await step(sim, {
            'source-id': randomUUID(),
            'api-url': sim.url.replace('http:', 'https:'),
            'timeout-seconds': '60'
          })
        )
      )
  ],
  [
    'a redirect whose host holds the key in another letter case',
    () =>
      withSim(
        async (sim) => {
          const id = randomUUID()
          const location = `https://${sim.apiKey.toUpperCase()}.example/x`
          sim.addConnector(id, {
            kind: 'source',
            faults: { post: [{ type: 'redirect', location }] }
          })
          const run = await step(sim, { 'source-id': id })
          const shown = run.stdout.replace(`::add-mask::${sim.apiKey}`, '').toLowerCase()
          return row(
            sim,
            run,
            shown.includes(sim.apiKey.toLowerCase()) ? 'key printed' : 'key hidden'
          )
        },
        { apiKeys: ['Sim_Key_MixedCase_0123456789'] }
      )
  ],
  [
    'a list that names the same connector twice',
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, { kind: 'source', name: 'orders', checkDurationMs: 300 })
        const entry = {
          id,
          name: 'orders',
          type: 's3',
          config: {},
          created_at: '2026-01-01T00:00:00Z'
        }
        sim.setListFaults('sources', [
          { type: 'body', status: 200, body: JSON.stringify([entry, entry]) }
        ])
        return row(sim, await step(sim, { 'source-name': 'orders' }))
      })
  ],
  [
    'a name typed in NFC, listed in NFD (crème-docs)',
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          name: 'crème-docs'.normalize('NFD'),
          checkDurationMs: 300
        })
        return row(sim, await step(sim, { 'source-name': 'crème-docs'.normalize('NFC') }))
      })
  ],
  [
    "CLI --api-url '' with UNSTRUCTURED_API_URL set",
    () =>
      withSim(async (sim) => {
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
      })
  ],
  [
    'timeout-seconds: 0.001',
    () =>
      withSim(async (sim) =>
        row(sim, await step(sim, { 'source-id': randomUUID(), 'timeout-seconds': '0.001' }))
      )
  ],
  [
    "every poll answers a gateway's 504 page until the deadline",
    () =>
      withSim(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          ending: 'NEVER',
          faults: { get: many(500, { type: 'html', status: 504 }) }
        })
        const run = await step(sim, { 'source-id': id, 'timeout-seconds': '10' })
        const last = /Last error: [^.]*/.exec(errorLine(run))?.[0] ?? ''
        return row(sim, run, last)
      })
  ],
  [
    'an expired server certificate',
    async () => {
      const certs = await makeCertificates(['127.0.0.1'], { expired: true })
      const server = createServer({ cert: certs.cert, key: certs.key }, (_req, res) =>
        res.end('{}')
      )
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      try {
        const { port } = server.address() as AddressInfo
        const run = await (
          await startBundle(
            bundle,
            {
              'api-key': 'sim_key_0123456789abcdef',
              'api-url': `https://127.0.0.1:${port}`,
              'source-id': randomUUID(),
              'timeout-seconds': '60'
            },
            { NODE_EXTRA_CA_CERTS: certs.caCertPath },
            120_000
          )
        ).done
        return row(
          undefined,
          run,
          errorLine(run).includes('Renew it') ? 'says what to do' : 'says what is wrong'
        )
      } finally {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
        await certs.remove()
      }
    }
  ]
]

const header = ['case', 'outcome', 'POSTs', 'time', 'note']
const rows: string[][] = []
for (const [name, run] of cases) {
  if (values.only !== undefined && !name.includes(values.only)) continue
  const result = await run()
  rows.push([
    name,
    result.outcome,
    String(result.posts),
    `${result.seconds.toFixed(1)} s`,
    result.note
  ])
  process.stderr.write('.')
}
process.stderr.write('\n')
process.stdout.write(`bundle: ${bundle}\n${renderTable(header, rows)}\n`)
