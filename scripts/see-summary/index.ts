// `npm run see-summary`: what the job summary looks like to a person. Runs the action's bundle of
// the current src/ against the Platform API simulator with a mixed sweep (simulator/mixed-sweep.ts:
// 37 connectors, 22 pass, 10 fail, 5 never finish before a short deadline; and a 500-connector
// one), wraps the summary file it writes in a page styled like GitHub's run page, and takes a
// picture of the first screen with headless Chromium. Prints where the picture is, the summary's
// size, and which connectors' names a reader sees on that first screen, from the rendered page
// itself, so it holds whatever the summary's layout. Without Chromium it says so and gives the
// sizes alone.
//
//   npm run see-summary -- [--connectors 37,500] [--window 1280x800] [--out DIR]
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startBundle } from '../../__tests__/support/runner.js'
import globalSetup, { bundleFile } from '../../__tests__/support/test-bundles.js'
import { addMixedSweep, type MixedSweep } from '../../simulator/mixed-sweep.js'
import { startSimulator } from '../../simulator/platform-simulator.js'
import { findChromium, render, type Window } from './chromium.js'
import { MEASURE_ATTRIBUTE, summaryPage, type Measure, type Placement } from './page.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The runner refuses a step summary over 1 MiB. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024
const JOB_NAME = 'check'

const USAGE = `npm run see-summary -- [--connectors 37,500] [--window 1280x800] [--out DIR]

  --connectors  sizes of the mixed sweep to run, comma-separated (default 37,500)
  --window      the browser window, WIDTHxHEIGHT (default 1280x800)
  --out         folder for the summaries, pages and pictures (default: a new temp folder)`

const write = (text = ''): void => {
  process.stdout.write(`${text}\n`)
}
const number = (n: number): string => n.toLocaleString('en-US')

function options(): { sizes: number[]; window: Window; out: string | undefined } {
  const { values } = parseArgs({
    options: {
      connectors: { type: 'string', default: '37,500' },
      window: { type: 'string', default: '1280x800' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) {
    write(USAGE)
    process.exit(0)
  }
  const sizes = values.connectors.split(',').map((s) => Number(s.trim()))
  const window = /^(\d{3,4})x(\d{3,4})$/.exec(values.window)
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5000) || window === null) {
    process.stderr.write(`${USAGE}\n`)
    process.exit(2)
  }
  return {
    sizes,
    window: { width: Number(window[1]), height: Number(window[2]) },
    out: values.out
  }
}

/** Connectors whose outcome in the results file is not the one the sweep expects. */
function unexpected(sweep: MixedSweep, resultsFile: string | undefined): string[] {
  let entries: unknown
  try {
    entries = JSON.parse(resultsFile ?? '')
  } catch {
    return ['the results file could not be read as JSON']
  }
  if (!Array.isArray(entries)) return ['the results file holds no array']
  const outcomes = new Map<string, string>()
  for (const entry of entries as unknown[]) {
    if (typeof entry === 'object' && entry !== null) {
      const { 'connector-id': id, outcome } = entry as Record<string, unknown>
      if (typeof id === 'string') outcomes.set(id, JSON.stringify(outcome))
    }
  }
  return sweep.connectors
    .filter((c) => outcomes.get(c.id) !== JSON.stringify(c.expected))
    .map((c) => `${c.name}: ${outcomes.get(c.id) ?? 'no entry'}, not "${c.expected}"`)
}

function readMeasure(dom: string): Measure | undefined {
  const encoded = new RegExp(`${MEASURE_ATTRIBUTE}="([A-Za-z0-9+/=]*)"`).exec(dom)?.[1]
  if (encoded === undefined) return undefined
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Measure
}

const OUTCOMES = [
  ['failure', 'failing'],
  ['timeout', 'timed-out'],
  ['success', 'passing']
] as const

/** What the first screen shows of each outcome's rows, from where their names landed. */
function firstScreen(measure: Measure, height: number): string[] {
  const { lineHeight } = measure
  const lines: string[] = []
  for (const [outcome, adjective] of OUTCOMES) {
    const of = measure.placements.filter((p) => p.expected === outcome)
    if (of.length === 0) continue
    const shown = of.filter((p) => p.top !== undefined)
    const whole = shown.filter((p) => (p.blockTop ?? 0) >= 0 && (p.blockBottom ?? 0) <= height)
    const cut = shown.filter((p) => (p.blockTop ?? 0) < height && (p.blockBottom ?? 0) > height)
    const hidden = of.length - shown.length
    lines.push(
      `${adjective} connectors on the first screen: ${String(whole.length)} whole` +
        (cut.length > 0 ? ` and ${String(cut.length)} cut off` : '') +
        ` (of ${String(of.length)})` +
        (hidden > 0 ? `; ${String(hidden)} not shown at all (folded or left out)` : '')
    )
  }
  const rows = measure.placements
    .filter((p) => p.expected === 'failure' && p.top !== undefined && (p.top ?? 0) < height)
    .sort((a, b) => (a.top ?? 0) - (b.top ?? 0))
  for (const p of rows) lines.push(`  ${describe(p, lineHeight)}`)
  lines.push(
    `the page is ${number(measure.pageHeight)} px tall: ` +
      `${(measure.pageHeight / height).toFixed(1)} screens`
  )
  return lines
}

function describe(p: Placement, lineHeight: number): string {
  const tall = (p.blockBottom ?? 0) - (p.blockTop ?? 0)
  return (
    `${p.name}: its row from ${String(Math.round(p.blockTop ?? 0))} to ` +
    `${String(Math.round(p.blockBottom ?? 0))} px, ${String(Math.round(tall))} px ` +
    `(about ${String(Math.max(1, Math.round(tall / lineHeight)))} lines of text)`
  )
}

interface Seen {
  size: number
  summaryBytes: number
  png: string | undefined
  failingWhole: number | undefined
  failingCut: number | undefined
  failing: number
  problems: string[]
}

async function see(size: number, out: string, window: Window, browser: string | undefined) {
  const sim = await startSimulator()
  let sweep: MixedSweep
  let run
  try {
    sweep = addMixedSweep(sim, { connectors: size })
    const inputs = { 'api-key': sim.apiKey, 'api-url': sim.url, ...sweep.inputs }
    const limitMs = (sweep.timeoutSeconds + 60) * 1000
    run = await (await startBundle(bundleFile('action'), inputs, {}, limitMs)).done
  } finally {
    await sim.close()
  }
  const { counts } = sweep
  const summaryBytes = Buffer.byteLength(run.summary)
  const problems = unexpected(sweep, run.resultsFile)
  if (run.summary.trim() === '') problems.unshift('the step wrote no job summary')
  const base = path.join(out, `summary-${String(size)}`)
  await writeFile(`${base}.md`, run.summary)
  const page = `${base}.html`
  await writeFile(
    page,
    summaryPage({
      summary: run.summary,
      title: `Job summary: ${String(size)} connectors`,
      jobName: JOB_NAME,
      jobPassed: run.exitCode === 0,
      connectors: sweep.connectors.map((c) => ({ name: c.name, expected: c.expected }))
    })
  )
  write()
  write(
    `${String(size)} connectors (${String(counts.success)} pass, ${String(counts.failure)} fail, ` +
      `${String(counts.timeout)} never finish; deadline ${String(sweep.timeoutSeconds)} s): ` +
      `exit code ${String(run.exitCode)} after ${(run.durationMs / 1000).toFixed(1)} s, ` +
      (problems.length === 0 ? 'every outcome as expected' : 'NOT as expected:')
  )
  for (const problem of problems.slice(0, 10)) write(`  ✘ ${problem}`)
  if (problems.length > 10) write(`  ✘ and ${String(problems.length - 10)} more`)
  write(
    `  summary: ${number(summaryBytes)} bytes ` +
      `(${((100 * summaryBytes) / SUMMARY_LIMIT_BYTES).toFixed(1)} % of the 1 MiB limit), ` +
      `${base}.md`
  )
  write(`  page:    ${page}`)
  const seen: Seen = {
    size,
    summaryBytes,
    png: undefined,
    failingWhole: undefined,
    failingCut: undefined,
    failing: counts.failure,
    problems
  }
  if (browser === undefined) return seen
  const png = `${base}.png`
  const measure = readMeasure(await render(browser, page, png, window))
  seen.png = png
  write(`  picture: ${png} (${String(window.width)}×${String(window.height)})`)
  if (measure === undefined) {
    write('  (the page left no figures: its script did not run)')
    return seen
  }
  for (const line of firstScreen(measure, window.height)) write(`  ${line}`)
  const failing = measure.placements.filter((p) => p.expected === 'failure' && p.top !== undefined)
  seen.failingWhole = failing.filter(
    (p) => (p.blockTop ?? 0) >= 0 && (p.blockBottom ?? 0) <= window.height
  ).length
  seen.failingCut = failing.filter(
    (p) => (p.blockTop ?? 0) < window.height && (p.blockBottom ?? 0) > window.height
  ).length
  return seen
}

const { sizes, window, out: outOption } = options()
const out = outOption ?? (await mkdtemp(path.join(tmpdir(), 'see-summary-')))
await mkdir(out, { recursive: true })
const chromium = findChromium()
if ('missing' in chromium) {
  write(`No pictures: headless Chromium is needed for them, and ${chromium.missing}.`)
}
const browser = 'path' in chromium ? chromium.path : undefined
// The bundle of the current src/, as the tests build it (cached by content), not dist/.
await globalSetup({ rootDir: ROOT })
const all: Seen[] = []
for (const size of sizes) all.push(await see(size, out, window, browser))

write()
for (const s of all) {
  const cut =
    s.failingCut === undefined || s.failingCut === 0 ? '' : ` and ${String(s.failingCut)} cut off`
  const rows =
    s.failingWhole === undefined
      ? ''
      : `; failing rows on the first screen: ${String(s.failingWhole)}${cut} ` +
        `of ${String(s.failing)}`
  write(`${String(s.size)} connectors: summary ${number(s.summaryBytes)} bytes${rows}`)
  if (s.png !== undefined) write(`  ${s.png}`)
}
if ('missing' in chromium) write(`No pictures taken: ${chromium.missing}.`)
process.exitCode = all.some((s) => s.problems.length > 0) ? 1 : 0
