// `npm run demo`: the action at work without an account or a network. Starts the Platform API
// simulator on loopback and runs the bundled action (dist/index.js) against it the way a runner
// does, through the same code as `npm start`, for four cases; prints each run's log, outputs
// and job summary as text; exits 0 only when every run ended as expected.
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { parseArguments, runAction, type RunActionResult } from '../bin/runner.mjs'
import { DEMO, FAILING_REASON, addDemoConnectors } from '../simulator/demo-connectors.js'
import { startSimulator } from '../simulator/platform-simulator.js'

interface DemoRun {
  title: string
  /** What a user would type after `npm start --`, --api-url aside. */
  flags: string[]
  expect: { exitCode: number; outcome: string; also?: (result: RunActionResult) => string[] }
}

const RUNS: DemoRun[] = [
  {
    title: 'a source connector that passes',
    flags: ['--source-id', DEMO.passingSource],
    expect: { exitCode: 0, outcome: 'success' }
  },
  {
    title: "a destination connector that fails, with the platform's reason",
    flags: ['--destination-id', DEMO.failingDestination],
    expect: {
      exitCode: 1,
      outcome: 'failure',
      also: (r) => (r.outputs.reason === FAILING_REASON ? [] : [`reason ${r.outputs.reason ?? ''}`])
    }
  },
  {
    title: 'a source connector whose check never finishes, with a 3-second deadline',
    flags: ['--source-id', DEMO.stuckSource, '--timeout-seconds', '3'],
    expect: {
      exitCode: 1,
      outcome: 'timeout',
      also: (r) => (r.outputs.status === 'SCHEDULED' ? [] : [`status ${r.outputs.status ?? ''}`])
    }
  },
  {
    title: 'a whole workflow: two sources and two destinations',
    flags: ['--workflow-id', DEMO.workflow],
    expect: {
      exitCode: 0,
      outcome: 'success',
      also: (r) => {
        const count = (JSON.parse(r.outputs.results ?? '[]') as unknown[]).length
        return count === 4 ? [] : [`${count} results instead of 4`]
      }
    }
  }
]

const WIDTH = 96
const write = (text = ''): void => {
  process.stdout.write(`${text}\n`)
}
const banner = (lines: string[]): void => {
  write('═'.repeat(WIDTH))
  for (const line of lines) write(` ${line}`)
  write('═'.repeat(WIDTH))
}

const sim = await startSimulator()
addDemoConnectors(sim)
const started = performance.now()
write('Unstructured Connection Check: demo')
write()
write(`The Platform API simulator is listening on ${sim.url} (loopback only; no account, key or`)
write(
  'network needed). Each run below starts the bundled action, dist/index.js, as a GitHub runner'
)
write(
  'would: every input as an INPUT_* variable, fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.'
)
write(
  'Its log, its outputs and its job summary are shown as text, exactly as `npm start` shows them.'
)
write()

const verdicts: { title: string; ok: boolean; got: string }[] = []
try {
  for (const [i, run] of RUNS.entries()) {
    const flags = [...run.flags, '--api-url', sim.url]
    const parsed = parseArguments(flags, { UNSTRUCTURED_API_KEY: sim.apiKey })
    if (parsed.command !== 'run') throw new Error(`demo run ${i + 1}: flags not understood`)
    banner([
      `Run ${i + 1} of ${RUNS.length}: ${run.title}`,
      `Expect: exit code ${run.expect.exitCode}, outcome ${run.expect.outcome}`,
      `$ UNSTRUCTURED_API_KEY=*** npm start -- ${flags.join(' ')}`
    ])
    const result = await runAction({ inputs: parsed.inputs })
    const problems = [
      ...(result.exitCode === run.expect.exitCode ? [] : [`exit code ${result.exitCode}`]),
      ...(result.outputs.outcome === run.expect.outcome
        ? []
        : [`outcome ${result.outputs.outcome ?? '(none)'}`]),
      ...(run.expect.also?.(result) ?? [])
    ]
    const got = `exit code ${result.exitCode}, outcome ${result.outputs.outcome ?? '(none)'}`
    verdicts.push({ title: run.title, ok: problems.length === 0, got })
    write(
      problems.length === 0
        ? `✔ As expected: ${got}.`
        : `✘ NOT as expected: ${problems.join(', ')}.`
    )
    write()
  }
} finally {
  await sim.close()
}

const passed = verdicts.filter((v) => v.ok).length
const seconds = ((performance.now() - started) / 1000).toFixed(1)
banner([
  `${passed} of ${RUNS.length} runs behaved as expected (${seconds} s):`,
  ...verdicts.map((v, i) => `  ${v.ok ? '✔' : '✘'} ${i + 1}. ${v.title}: ${v.got}`)
])
if (passed === RUNS.length) {
  write('Next: `npm test` runs the whole test suite; `npm start -- --help` shows every flag.')
}
process.exitCode = passed === RUNS.length ? 0 : 1
