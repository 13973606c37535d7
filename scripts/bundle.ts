// The one way a bundle of src/ is built: ncc, then the source-map register loaded by require.
// `npm run bundle` builds dist/ (the action) and dist/cli/ (the command line); the tests' bundles
// and the benchmark's builds call this script too, so every bundle that runs is made alike.
//
//   tsx scripts/bundle.ts                          dist/ and dist/cli/, with licence files
//   tsx scripts/bundle.ts ENTRY OUT_DIR [FLAG]...  one entry, with extra ncc flags
//
// Imports node's built-ins only: jest's global setup runs it as a child process.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const NCC_CLI = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const NCC_LIMIT_MS = 5 * 60 * 1000

/** What ncc puts first in an ES module bundle built with --source-map. */
export const REGISTER_IMPORT = "import './sourcemap-register.cjs';"
/**
 * What it becomes. Node's ES module loader reads a CommonJS file's exports with a lexer before
 * running it, and on the register's 40 KB of minified code that cost more start-up than
 * anything but undici (about 40 ms of CPU on a loaded machine); require() runs it directly.
 */
export const REGISTER_REQUIRE =
  "import { createRequire as __registerRequire } from 'node:module';" +
  "__registerRequire(import.meta.url)('./sourcemap-register.cjs');"

/** ncc's name for a chunk, a part of the bundle loaded by import() when first needed. */
export const CHUNK_FILE = /^\d+\.index\.js$/

/** Runs ncc on one entry into `outDir`; rejects with ncc's own words when it fails. */
function ncc(entry: string, outDir: string, flags: readonly string[]): Promise<void> {
  // NODE_OPTIONS may carry jest's --experimental-vm-modules, which ncc does not need.
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const args = [NCC_CLI, 'build', entry, '-o', outDir, '--source-map', ...flags]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const limit = setTimeout(() => child.kill('SIGKILL'), NCC_LIMIT_MS)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      // ncc has been seen to exit 0 without writing index.js while src/ changed under it.
      if (code === 0 && existsSync(path.join(outDir, 'index.js'))) resolve()
      else reject(new Error(`ncc build ${entry} failed (${String(code ?? signal)}):\n${output}`))
    })
  })
}

/** A package's folder in a source map's path, from its first node_modules/ to the package. */
const PACKAGE_DIR = /(node_modules\/(?:.+\/node_modules\/)?(?:@[^/]+\/)?[^/]+)\//

/**
 * The licence of every package whose code is in the bundle's files (index.js and its chunks, as
 * their source maps say), in the form ncc's --license writes: name, licence, the package's
 * licence file. ncc's own writes one file per chunk under the one name, so only one chunk's
 * packages would be left in it.
 */
export async function licenses(outDir: string): Promise<string> {
  const packages = new Set<string>()
  for (const name of await readdir(outDir)) {
    if (!name.endsWith('.js.map')) continue
    const map = JSON.parse(await readFile(path.join(outDir, name), 'utf8')) as { sources: string[] }
    for (const source of map.sources) {
      const dir = PACKAGE_DIR.exec(source)?.[1]
      if (dir !== undefined) packages.add(dir)
    }
  }
  const blocks: string[] = []
  for (const dir of packages) {
    const pkg = JSON.parse(await readFile(path.join(ROOT, dir, 'package.json'), 'utf8')) as {
      name: string
      license?: string
    }
    const file = (await readdir(path.join(ROOT, dir))).find((f) => /^licen[cs]e/i.test(f))
    const text = file === undefined ? '' : await readFile(path.join(ROOT, dir, file), 'utf8')
    // As ncc's writer: the file as it is, then a blank line; the whole trimmed.
    blocks.push(`${pkg.name}\n${pkg.license ?? 'UNKNOWN'}\n${text}\n\n`)
  }
  return `${blocks.sort().join('').trim()}\n`
}

export interface BundleOptions {
  /** Extra ncc flags. */
  flags?: readonly string[]
  /** Writes licenses.txt beside index.js. */
  licenses?: boolean
}

/** Builds `entry` (relative to the repository) into `outDir`, the register required. */
export async function bundle(
  entry: string,
  outDir: string,
  { flags = [], licenses: withLicenses = false }: BundleOptions = {}
): Promise<void> {
  // ncc overwrites what it writes and leaves the rest: a chunk an earlier build made and this one
  // does not would stay in dist/, committed and shipped.
  if (existsSync(outDir)) {
    for (const name of await readdir(outDir)) {
      if (CHUNK_FILE.test(name.replace(/\.map$/, ''))) await rm(path.join(outDir, name))
    }
  }
  await ncc(entry, outDir, flags)
  const file = path.join(outDir, 'index.js')
  const code = await readFile(file, 'utf8')
  // After a #! line, if the entry has one.
  const at = code.startsWith('#!') ? code.indexOf('\n') + 1 : 0
  if (!code.startsWith(REGISTER_IMPORT, at)) {
    throw new Error(`${file} does not begin with ${REGISTER_IMPORT} (has ncc changed?)`)
  }
  const required = code.slice(0, at) + REGISTER_REQUIRE + code.slice(at + REGISTER_IMPORT.length)
  await writeFile(file, required)
  if (withLicenses) await writeFile(path.join(outDir, 'licenses.txt'), await licenses(outDir))
}

async function main(args: string[]): Promise<void> {
  const [entry, outDir, ...flags] = args
  if (entry !== undefined && outDir !== undefined) {
    await bundle(entry, outDir, { flags })
    return
  }
  if (entry !== undefined) throw new Error('usage: tsx scripts/bundle.ts [ENTRY OUT_DIR [FLAG]...]')
  // Side by side: each writes only its own folder's files (dist/cli/ is a folder of dist/).
  await Promise.all([
    bundle('src/action/index.ts', path.join(ROOT, 'dist'), { licenses: true }),
    bundle('src/cli/index.ts', path.join(ROOT, 'dist', 'cli'), { licenses: true })
  ])
  // ncc makes a bundle with a #! line executable; dist/ is committed without that bit (npm sets
  // it on install, from `bin`), so a rebuild must not change it.
  await chmod(path.join(ROOT, 'dist', 'cli', 'index.js'), 0o644)
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  await main(process.argv.slice(2))
}
