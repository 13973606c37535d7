// Bundle size: builds of src/ (scripts/bundle.ts) into the temp folder (plain with --stats-out, and --minify),
// the files of the bundle measured, what each package adds (through the source maps), and where
// a stack trace taken inside a bundle points.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { startBundle } from '../../__tests__/support/runner.js'
import { bundle as build, CHUNK_FILE } from '../bundle.js'
import { type Bench, type WorkDir } from './common.js'

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
  /** index.js: what start-up loads. */
  indexBytes: number
  /** The chunks beside it, which import() loads when they are first needed. */
  chunkBytes: number
  /** The source maps of index.js and of its chunks. */
  mapBytes: number
  registerBytes: number
  /** Characters of index.js and its chunks, per package. */
  byPackage: Map<string, number>
}

/**
 * A bundle file, its chunks and the `.map` beside each, and the `sourcemap-register.cjs` of its
 * folder.
 */
async function buildSizes(bundle: string): Promise<BuildSizes> {
  const dir = path.dirname(bundle)
  const chunks = (await readdir(dir)).filter((name) => CHUNK_FILE.test(name))
  const sizes: BuildSizes = {
    indexBytes: 0,
    chunkBytes: 0,
    mapBytes: 0,
    registerBytes: (await stat(path.join(dir, 'sourcemap-register.cjs'))).size,
    byPackage: new Map()
  }
  for (const file of [bundle, ...chunks.map((name) => path.join(dir, name))]) {
    const code = await readFile(file, 'utf8')
    const mapText = await readFile(`${file}.map`, 'utf8')
    if (file === bundle) sizes.indexBytes = Buffer.byteLength(code)
    else sizes.chunkBytes += Buffer.byteLength(code)
    sizes.mapBytes += Buffer.byteLength(mapText)
    for (const [pkg, n] of charsByPackage(code, JSON.parse(mapText) as SourceMapJson)) {
      sizes.byPackage.set(pkg, (sizes.byPackage.get(pkg) ?? 0) + n)
    }
  }
  return sizes
}

export interface SizeReport {
  dist: BuildSizes
  distIsFresh: boolean
  plain: BuildSizes
  minified: BuildSizes
  statsByPackage: Map<string, number>
  importedBy: Map<string, Set<string>>
}

export interface PlainBuild {
  dir: string
  statsFile: string
}

export async function buildPlain(work: WorkDir): Promise<PlainBuild> {
  const plain = { dir: work.path('ncc-plain'), statsFile: work.path('stats.json') }
  await build(ENTRY, plain.dir, { flags: ['--stats-out', plain.statsFile] })
  return plain
}

/** The folder of a `ncc --minify` build of src/. */
export async function buildMinified(work: WorkDir): Promise<string> {
  const dir = work.path('ncc-minified')
  await build(ENTRY, dir, { flags: ['--minify'] })
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
