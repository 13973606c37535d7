// What the parts of the benchmark share: the defaults they run the action with, a temp folder,
// one way to run the action and read its peak memory, and the figures' formatting.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { startBundle, type ActionResult } from '../../__tests__/support/runner.js'
import { renderTable } from '../../src/report/table.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The action's defaults: poll-interval-seconds 10 is the cap of the gap between polls. */
export const CAP_MS = 10_000
export const TIMEOUT_S = 300

export const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`)
}

// ---------------------------------------------------------------------------------------------
// The temp folder and peak memory

/** A temp folder for one bench run, and the preload that writes a child's peak memory. */
export class WorkDir {
  private files = 0

  private constructor(
    readonly dir: string,
    private readonly rssPreloadUrl: string
  ) {}

  static async create(): Promise<WorkDir> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'conncheck-bench-'))
    const preload = path.join(dir, 'rss-preload.mjs')
    // process.exit() still fires 'exit', so this sees the whole life of the action.
    await writeFile(
      preload,
      [
        "import { writeFileSync } from 'node:fs'",
        "process.on('exit', () => {",
        '  const file = process.env.BENCH_RSS_FILE',
        '  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage()',
        '  const usage = { maxRssKiB: maxRSS, cpuMs: (userCPUTime + systemCPUTime) / 1000 }',
        '  if (file) writeFileSync(file, JSON.stringify(usage))',
        '})',
        ''
      ].join('\n')
    )
    return new WorkDir(dir, pathToFileURL(preload).href)
  }

  path(name: string): string {
    return path.join(this.dir, name)
  }

  /** A file name of its own for each run whose peak memory is read. */
  rssFile(): string {
    this.files += 1
    return this.path(`rss-${this.files}`)
  }

  rssEnv(file: string): Record<string, string> {
    return { NODE_OPTIONS: `--import=${this.rssPreloadUrl}`, BENCH_RSS_FILE: file }
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true })
  }
}

/** A child's peak memory and CPU time, as the preload wrote them at its exit. */
export interface Usage {
  maxRssKiB: number
  /** User and system CPU time of the whole life of the process. */
  cpuMs: number
}

/** What the preload wrote; undefined if the child never got to its exit. */
export async function readUsage(file: string): Promise<Usage | undefined> {
  if (!existsSync(file)) return undefined
  return JSON.parse(await readFile(file, 'utf8')) as Usage
}

// ---------------------------------------------------------------------------------------------
// Running the action

/** What every measuring part is given: its temp folder and the bundle it measures. */
export interface Bench {
  work: WorkDir
  /** Absolute path of the action bundle (`--bundle`, dist/index.js unless told otherwise). */
  bundle: string
}

export interface ActionRun extends ActionResult {
  /** performance.now() of this process, just before spawn and at the 'exit' event. */
  startedAt: number
  exitedAt: number
  maxRssKiB: number | undefined
  cpuMs: number | undefined
}

/** Runs a bundle as a runner does, through the shared runner; optionally reads its peak memory. */
export async function runAction(
  work: WorkDir,
  bundle: string,
  inputs: Record<string, string>,
  options: { measureRss: boolean; limitMs: number }
): Promise<ActionRun> {
  const rssFile = options.measureRss ? work.rssFile() : undefined
  const env = rssFile === undefined ? {} : work.rssEnv(rssFile)
  const run = await (await startBundle(bundle, inputs, env, options.limitMs)).done
  const usage = rssFile === undefined ? undefined : await readUsage(rssFile)
  return { ...run, maxRssKiB: usage?.maxRssKiB, cpuMs: usage?.cpuMs }
}

export function defaultInputs(sim: Simulator, sourceId: string): Record<string, string> {
  return {
    'source-id': sourceId,
    'destination-id': '',
    'api-key': sim.apiKey,
    'api-url': sim.url,
    'timeout-seconds': String(TIMEOUT_S),
    'poll-interval-seconds': String(CAP_MS / 1000)
  }
}

export function expectSuccess(run: ActionRun, what: string): void {
  if (run.outputs.outcome === 'success' && run.exitCode === 0) return
  throw new Error(
    `${what}: exit ${String(run.exitCode)}, outcome ${run.outputs.outcome ?? '(none)'}\n` +
      `${run.stdout}\n${run.stderr}`
  )
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

export const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
export const max = (xs: number[]): number => Math.max(...xs)
export const min = (xs: number[]): number => Math.min(...xs)
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2
}
export const sec = (ms: number, digits = 2): string => `${(ms / 1000).toFixed(digits)} s`
export const pct = (ratio: number): string => `${Math.round(ratio * 100)} %`
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`
export const range = (xs: number[]): string =>
  min(xs) === max(xs) ? String(min(xs)) : `${min(xs)}-${max(xs)}`
export const yes = (ok: boolean): string => (ok ? 'yes' : 'NO')
/** A target's verdict in a sentence of BENCHMARKS.md. */
export const verdict = (ok: boolean): string => (ok ? '**met**' : '**missed**')

/** A part's rows in the main table, and one plain sentence per target (met or missed, by how much). */
export interface Section {
  rows: string[][]
  targets: string[]
}
export const ratio = (x: number): string => `${x.toFixed(2)}x`

export const msRange = (xs: number[]): string => `${Math.round(min(xs))}-${Math.round(max(xs))}`

/**
 * The bundle's spawn timing beside a minimal script's (medians of runs in one rotation), within
 * `limit` times it: the start-up and reuse rows.
 */
export function againstScript(options: {
  label: string
  claim: string
  bundleMs: number[]
  scriptMs: number[]
  scriptLabel: string
  limit: number
  /** More lines under the bundle's and under the script's figures. */
  more?: string[]
  moreScript?: string[]
}): { row: string[]; target: string; bundleMedian: number; scriptMedian: number } {
  const { bundleMs, scriptMs, limit } = options
  const bundleMedian = median(bundleMs)
  const scriptMedian = median(scriptMs)
  const r = bundleMedian / scriptMedian
  const ok = r <= limit
  return {
    row: [
      `${options.label}\n(median of ${bundleMs.length})`,
      [`${Math.round(bundleMedian)} ms (${msRange(bundleMs)})`, ...(options.more ?? [])].join('\n'),
      [
        `${options.scriptLabel}: ${Math.round(scriptMedian)} ms`,
        `(${msRange(scriptMs)})`,
        ...(options.moreScript ?? [])
      ].join('\n'),
      `<= ${limit}x script\n(${Math.round(limit * scriptMedian)} ms)`,
      `${yes(ok)}: ${ratio(r)}`
    ],
    target:
      `${options.claim}, at most ${limit}x a minimal script: ${verdict(ok)}, ` +
      `${Math.round(bundleMedian)} ms against ${Math.round(scriptMedian)} ms, ${ratio(r)}.`,
    bundleMedian,
    scriptMedian
  }
}

/** A table under the main one, with its caption. */
export function captioned(caption: string, header: string[], rows: string[][]): string {
  return `${caption}\n\n${renderTable(header, rows)}`
}
