// Runs each undocumented platform behaviour against a bundle and prints, for each, the outcome,
// the POSTs that reached the API and the time from start to exit:
//
//   npm run platform-cases [-- --bundle path/to/index.js] [--default-deadline] [--only TEXT]
//
// --default-deadline runs the cases that would wait for the deadline with the action's default
// of 300 s, as a user would meet them.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { PLATFORM_CASES, runPlatformCase } from '../__tests__/support/platform-cases.js'
import { renderTable } from '../src/report/table.js'

const { values } = parseArgs({
  options: {
    bundle: { type: 'string' },
    'default-deadline': { type: 'boolean' },
    only: { type: 'string' }
  },
  strict: true
})

const bundle = path.resolve(values.bundle ?? 'dist/index.js')
const cases = PLATFORM_CASES.filter(
  (c) => values.only === undefined || c.name.includes(values.only)
).map((c) =>
  values['default-deadline'] === true && (c.timeoutSeconds ?? 20) !== 20
    ? { ...c, timeoutSeconds: 300 }
    : c
)

const header = ['behaviour', 'outcome', 'POSTs', 'verdict after', 'expected']
const rows: string[][] = []
for (const c of cases) {
  const run = await runPlatformCase(c, bundle)
  const outcome = run.result.outputs.outcome ?? `exit ${String(run.result.exitCode)}`
  const expected = `${c.expected.outcome}${c.expected.posts === undefined ? '' : `, ${c.expected.posts} POST`}`
  rows.push([
    c.name,
    outcome,
    String(run.posts),
    `${(run.result.durationMs / 1000).toFixed(2)} s`,
    expected
  ])
  process.stderr.write('.')
}
process.stderr.write('\n')
process.stdout.write(`bundle: ${bundle}\n${renderTable(header, rows)}\n`)
