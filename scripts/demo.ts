// `npm run demo`: the connection check at work without an account or a network. Starts the
// Platform API simulator on loopback and runs the command line's bundle (dist/cli/index.js)
// against it as a user would, for a few cases, showing exactly what each prints; exits 0 only
// when every run ended as expected. On a terminal the live lines are shown as they happen.
import path from 'node:path'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { DEMO, FAILING_REASON, addDemoConnectors } from '../simulator/demo-connectors.js'
import { startSimulator } from '../simulator/platform-simulator.js'
import { runNode, type NodeRun } from '../__tests__/support/runner.js'

/** The committed command line, as `npm ci && npm run demo` finds it. */
const CLI_BUNDLE = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url))

interface DemoRun {
  title: string
  /** What a user would type after the command. */
  flags: string[]
  /** Leave the key out of the environment. */
  noKey?: boolean
  exitCode: number
  /** Text the output must hold. */
  shows: string[]
}

const RUNS: DemoRun[] = [
  {
    title: 'a source connector that passes',
    flags: ['--source-id', DEMO.passingSource],
    exitCode: 0,
    shows: ['The connection check passed']
  },
  {
    title: "a destination connector that fails, with the platform's reason",
    flags: ['--destination-id', DEMO.failingDestination],
    exitCode: 1,
    shows: [FAILING_REASON]
  },
  {
    title: 'a whole workflow: two sources and two destinations',
    flags: ['--workflow-id', DEMO.workflow],
    exitCode: 0,
    shows: ['All 4 connection checks passed']
  },
  {
    title: 'the workflow, plus a connector that fails and one that never finishes (3 s deadline)',
    flags: [
      '--workflow-id',
      DEMO.workflow,
      '--destination-id',
      DEMO.failingDestination,
      '--source-id',
      DEMO.stuckSource,
      '--timeout-seconds',
      '3'
    ],
    exitCode: 1,
    shows: ['2 of 6 connectors did not pass', 'Timed out', FAILING_REASON]
  },
  {
    title: 'the workflow again, --quiet: the verdict line alone',
    flags: ['--workflow-id', DEMO.workflow, '--quiet'],
    exitCode: 0,
    shows: ['All 4 connection checks passed']
  },
  {
    title: 'one connector, --json: the results on stdout (the report goes to stderr)',
    flags: ['--source-id', DEMO.secondSource, '--json'],
    exitCode: 0,
    shows: ['"outcome": "success"']
  },
  {
    title: 'a typo in a flag',
    flags: ['--sourse-id', DEMO.passingSource],
    exitCode: 2,
    shows: ['did you mean --source-id?']
  },
  {
    title: 'bad values, and no key',
    flags: ['--source-id', 'orders-s3', '--timeout-seconds', '0'],
    noKey: true,
    exitCode: 2,
    shows: ['UNSTRUCTURED_API_KEY', '--source-id must be connector UUIDs']
  }
]

const WIDTH = 96
const write = (text = ''): void => {
  process.stdout.write(`${text}\n`)
}
const rule = (): void => {
  write('─'.repeat(WIDTH))
}

// On a terminal, the runs show their live lines and colours as a user's terminal would.
const live = process.stdout.isTTY && process.env.TERM !== 'dumb'
const colour = live && !process.env.NO_COLOR

const sim = await startSimulator()
addDemoConnectors(sim)
const started = performance.now()
const command = `node ${path.relative(process.cwd(), CLI_BUNDLE)}`
write('Unstructured Connection Check: demo')
write()
write(`The Platform API simulator is listening on ${sim.url} (loopback only; no account, key`)
write('or network needed). Each run below starts the command line as you would, with')
write()
write(`  export UNSTRUCTURED_API_KEY=***   # the simulator's key`)
write(`  export UNSTRUCTURED_API_URL=${sim.url}`)
write()
write('and shows everything it prints, then whether it ended as expected.')

const verdicts: { title: string; ok: boolean; got: string }[] = []
try {
  for (const [i, run] of RUNS.entries()) {
    write()
    rule()
    write(`Run ${i + 1} of ${RUNS.length}: ${run.title} (expect exit code ${run.exitCode})`)
    write(`$ ${command} ${run.flags.join(' ')}`)
    const result = await shown(run)
    const output = result.stdout + result.stderr
    const missing = run.shows.filter((text) => !output.includes(text))
    const problems = [
      ...(result.code === run.exitCode ? [] : [`exit code ${String(result.code)}`]),
      ...missing.map((text) => `no "${text}" in the output`),
      ...(output.includes(sim.apiKey) ? ['the key in the output'] : [])
    ]
    const got = `exit code ${String(result.code)}`
    verdicts.push({ title: run.title, ok: problems.length === 0, got })
    write(
      problems.length === 0
        ? `✔ As expected: ${got}.`
        : `✘ NOT as expected: ${problems.join(', ')}.`
    )
  }
} finally {
  await sim.close()
}

/** Runs the command line, printing its output as it comes. */
async function shown(run: DemoRun): Promise<NodeRun> {
  const printed = { stdout: 0, stderr: 0 }
  const env = {
    PATH: process.env.PATH ?? '',
    ...(run.noKey === true ? {} : { UNSTRUCTURED_API_KEY: sim.apiKey }),
    UNSTRUCTURED_API_URL: sim.url,
    ...(live ? { CONNCHECK_LIVE: '1', COLUMNS: String(process.stdout.columns) } : {}),
    ...(colour ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' })
  }
  const result = await runNode([CLI_BUNDLE, ...run.flags], env, 30_000, {
    onOutput: (output) => {
      // Both streams on one, in the order they came, as a terminal shows them.
      for (const stream of ['stdout', 'stderr'] as const) {
        const text = output[stream]
        if (text.length > printed[stream]) {
          process.stdout.write(text.slice(printed[stream]))
          printed[stream] = text.length
        }
      }
    }
  })
  return result
}

const passed = verdicts.filter((v) => v.ok).length
const seconds = ((performance.now() - started) / 1000).toFixed(1)
write()
rule()
write(`${passed} of ${RUNS.length} runs behaved as expected (${seconds} s):`)
for (const [i, v] of verdicts.entries())
  write(`  ${v.ok ? '✔' : '✘'} ${i + 1}. ${v.title}: ${v.got}`)
if (passed === RUNS.length) {
  write('Next: `npm test` runs the whole test suite; `npm start -- --help` shows every flag.')
}
process.exitCode = passed === RUNS.length ? 0 : 1
