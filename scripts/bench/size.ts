// Bundle size: ncc builds of src/ into the temp folder (plain with --stats-out, and --minify),
// the files of the bundle measured, what each package adds (through the source maps), and where
// a stack trace taken inside a bundle points.
import { existsSync } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { startBundle } from '../../__tests__/support/runner.js'
import { bundle } from '../bundle.js'
import { captioned, kib, median, pct, type Bench, type Section, type WorkDir } from './common.js'
import type { StartupReport } from './startup.js'

/** The source of dist/index.js, built again to compare with it and to minify. */
const ENTRY = 'src/action/index.ts'

interface StatsModule {
  name: string
  identifier: string
  size: number
  modules?: StatsModule[]
  reasons?: { moduleName: string | null }[]
}

interface SourceMapJson {
  sources: string[]
  mappings: string
}

/** What the size part measured: the files of the bundles, and where a stack trace points. */
export interface SizeResult {
  sizes: SizeReport
  traces: { dist: string; minified: string }
}

export const OWN = 'action (src/)'
export const RUNTIME = 'webpack runtime'
export const UNMAPPED = 'unmapped (wrappers, comments)'

function packageOf(name: string): string {
  const found = [...name.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1)
  if (found?.[1] !== undefined) return found[1]
  return /(^|\/)src\//.test(name) ? OWN : RUNTIME
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function decodeVlq(segment: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = BASE64.indexOf(char)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
      continue
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1)
    value = 0
    shift = 0
  }
  return values
}

/** Characters of the generated file per package, attributed through its source map. */
function charsByPackage(code: string, map: SourceMapJson): Map<string, number> {
  const totals = new Map<string, number>()
  const add = (pkg: string, n: number): void => {
    if (n > 0) totals.set(pkg, (totals.get(pkg) ?? 0) + n)
  }
  const codeLines = code.split('\n')
  const mapLines = map.mappings.split(';')
  let source = 0
  for (const [i, line] of codeLines.entries()) {
    let column = 0
    let owner = UNMAPPED
    let from = 0
    for (const segment of (mapLines[i] ?? '').split(',')) {
      if (segment === '') continue
      const fields = decodeVlq(segment)
      column += fields[0] ?? 0
      add(owner, column - from)
      from = column
      if (fields.length >= 4) {
        source += fields[1] ?? 0
        owner = packageOf(map.sources[source] ?? '')
      } else owner = UNMAPPED
    }
    add(owner, line.length - from + 1)
  }
  return totals
}

export interface BuildSizes {
  indexBytes: number
  mapBytes: number
  registerBytes: number
  byPackage: Map<string, number>
}

/** A bundle file, its `.map` beside it and the `sourcemap-register.cjs` of its folder. */
async function buildSizes(bundle: string): Promise<BuildSizes> {
  const code = await readFile(bundle, 'utf8')
  const mapText = await readFile(`${bundle}.map`, 'utf8')
  return {
    indexBytes: Buffer.byteLength(code),
    mapBytes: Buffer.byteLength(mapText),
    registerBytes: (await stat(path.join(path.dirname(bundle), 'sourcemap-register.cjs'))).size,
    byPackage: charsByPackage(code, JSON.parse(mapText) as SourceMapJson)
  }
}

export interface SizeReport {
  dist: BuildSizes
  distIsFresh: boolean
  plain: BuildSizes
  minified: BuildSizes
  statsByPackage: Map<string, number>
  importedBy: Map<string, Set<string>>
}

/** Builds src/ into the temp folder as `npm run bundle` does (dist/ is what is measured). */
async function ncc(outDir: string, extra: string[]): Promise<void> {
  await bundle(ENTRY, outDir, { flags: extra })
  // ncc has been seen to exit 0 without writing index.js while src/ was changing under it.
  if (!existsSync(path.join(outDir, 'index.js'))) throw new Error(`ncc ${extra.join(' ')} failed`)
}

export interface PlainBuild {
  dir: string
  statsFile: string
}

export async function buildPlain(work: WorkDir): Promise<PlainBuild> {
  const build = { dir: work.path('ncc-plain'), statsFile: work.path('stats.json') }
  await ncc(build.dir, ['--stats-out', build.statsFile])
  return build
}

/** The folder of a `ncc --minify` build of src/. */
export async function buildMinified(work: WorkDir): Promise<string> {
  const dir = work.path('ncc-minified')
  await ncc(dir, ['--minify'])
  return dir
}

export async function measureSizes(
  bench: Bench,
  plain: PlainBuild,
  minifiedDir: string
): Promise<SizeReport> {
  const stats = JSON.parse(await readFile(plain.statsFile, 'utf8')) as { modules: StatsModule[] }
  // Concatenated modules list their parts; count each part once.
  const leaves = new Map<string, StatsModule>()
  const walk = (m: StatsModule): void => {
    if (m.modules !== undefined && m.modules.length > 0) m.modules.forEach(walk)
    else leaves.set(m.identifier, m)
  }
  stats.modules.forEach(walk)
  const statsByPackage = new Map<string, number>()
  const importedBy = new Map<string, Set<string>>()
  for (const m of leaves.values()) {
    if (m.name.startsWith('external ')) continue
    const pkg = packageOf(m.name)
    statsByPackage.set(pkg, (statsByPackage.get(pkg) ?? 0) + m.size)
    for (const reason of m.reasons ?? []) {
      const from = reason.moduleName
      if (from === null || from.includes(' + ')) continue
      const fromPkg = packageOf(from)
      if (fromPkg === pkg) continue
      importedBy.set(pkg, (importedBy.get(pkg) ?? new Set()).add(fromPkg))
    }
  }
  const plainBundle = path.join(plain.dir, 'index.js')
  const [distCode, plainCode] = await Promise.all([readFile(bench.bundle), readFile(plainBundle)])
  return {
    dist: await buildSizes(bench.bundle),
    distIsFresh: distCode.equals(plainCode),
    plain: await buildSizes(plainBundle),
    minified: await buildSizes(path.join(minifiedDir, 'index.js')),
    statsByPackage,
    importedBy
  }
}

/**
 * Where a stack trace taken inside the bundle points: a preload replaces process.exit with a
 * version that prints the caller's frame (index.ts calls process.exit on every path). The
 * bundle's own sourcemap-register decides whether that frame names src/*.ts or index.js.
 */
export async function traceFrame(work: WorkDir, bundle: string): Promise<string> {
  const probe = work.path('trace-probe.mjs')
  await writeFile(
    probe,
    [
      'const exit = process.exit',
      'process.exit = (code) => {',
      "  const frame = new Error('probe').stack?.split('\\n')[2]?.trim() ?? ''",
      '  process.stdout.write(`TRACE ${frame}\\n`)',
      '  return exit(code)',
      '}',
      ''
    ].join('\n')
  )
  // Invalid inputs: the run ends before any request, so no simulator is needed.
  const started = await startBundle(
    bundle,
    { 'source-id': 'not-a-uuid', 'api-key': 'bench_key_0123456789' },
    { NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` },
    20_000
  )
  const run = await started.done
  const frame = /^TRACE (.*)$/m.exec(run.stdout)?.[1] ?? '(no frame)'
  const mapped = /(src\/[\w/.-]+\.ts:\d+)/.exec(frame)?.[1]
  if (mapped !== undefined) return `${mapped} (mapped)`
  return `${/([\w.-]+\.js:\d+:\d+)/.exec(frame)?.[1] ?? frame} (not mapped)`
}

export function bundleRows(
  size: SizeResult,
  bundleLabel: string,
  startup: StartupReport | undefined
): Section {
  const { sizes, traces } = size
  const file = path.basename(bundleLabel)
  const plainTotal = sizes.plain.indexBytes
  const biggest = [...sizes.plain.byPackage.entries()]
    .filter(([pkg]) => pkg !== OWN && pkg !== UNMAPPED && pkg !== RUNTIME)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
  const row = [
    'bundle',
    [
      `${file} ${kib(sizes.dist.indexBytes)}`,
      `+ map ${kib(sizes.dist.mapBytes)}`,
      `+ register ${kib(sizes.dist.registerBytes)}`,
      `trace: ${traces.dist}`,
      sizes.distIsFresh ? 'dist/ = fresh build' : 'dist/ differs from a\nfresh build of src/'
    ].join('\n'),
    [
      `minified ${kib(sizes.minified.indexBytes)}`,
      `+ map ${kib(sizes.minified.mapBytes)}`,
      `(${pct(sizes.minified.indexBytes / plainTotal)} of plain)`,
      `trace: ${traces.minified}`
    ].join('\n'),
    'as small as the\nlibraries allow',
    'see the bundle\ntable below'
  ]
  const startupClause =
    startup === undefined
      ? ''
      : `; start-up ${Math.round(median(startup.bundleMs))} against ` +
        `${Math.round(median(startup.minifiedMs))} ms`
  const target =
    `Bundle as small as the chosen libraries allow (a judgement, not a threshold): ` +
    `${file} is ${kib(sizes.dist.indexBytes)}, of which ` +
    biggest
      .map(
        ([pkg, n]) =>
          `${pkg} ${kib(n)} (${pct(n / plainTotal)}, imported by ` +
          `${[...(sizes.importedBy.get(pkg) ?? [])].join(', ')})`
      )
      .join(' and ') +
    `; the action's own code is ${kib(sizes.plain.byPackage.get(OWN) ?? 0)}. Minified it is ` +
    `${kib(sizes.minified.indexBytes)} (${pct(sizes.minified.indexBytes / plainTotal)}), its ` +
    `map ${kib(sizes.minified.mapBytes)} instead of ${kib(sizes.plain.mapBytes)}; a stack ` +
    `trace points to ${traces.dist} in the plain build and ${traces.minified} in the ` +
    `minified one${startupClause}.`
  return { rows: [row], targets: [target] }
}

export function sizeTable(sizes: SizeReport): string {
  const packages = [...new Set([...sizes.plain.byPackage.keys(), ...sizes.statsByPackage.keys()])]
  packages.sort((a, b) => (sizes.plain.byPackage.get(b) ?? 0) - (sizes.plain.byPackage.get(a) ?? 0))
  const cell = (n: number | undefined): string => (n === undefined ? '-' : kib(n))
  const rows = packages.map((pkg) => [
    pkg,
    [...(sizes.importedBy.get(pkg) ?? [])].sort().join(', ') || '-',
    cell(sizes.statsByPackage.get(pkg)),
    cell(sizes.plain.byPackage.get(pkg)),
    cell(sizes.minified.byPackage.get(pkg))
  ])
  rows.push([
    'total index.js',
    '',
    kib([...sizes.statsByPackage.values()].reduce((a, b) => a + b, 0)),
    kib(sizes.plain.indexBytes),
    kib(sizes.minified.indexBytes)
  ])
  rows.push(['index.js.map', '', '', kib(sizes.plain.mapBytes), kib(sizes.minified.mapBytes)])
  return captioned(
    'Bundle by package (ncc --stats-out for the source bytes; the source maps for what ends up ' +
      'in each bundle)',
    ['package', 'imported by', 'ncc stats (source)', 'in bundle', 'in minified bundle'],
    rows
  )
}
