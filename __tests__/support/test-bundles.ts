// The bundles the end-to-end tests run, built from the current src/ by jest's global setup (the
// default export), so that a change to src/ is tested even before dist/ is rebuilt. A build is
// kept under node_modules/.cache, named by a hash of everything that goes into it, so a second
// run over the same sources skips ncc; a clean clone has no cache and always builds.
//
// Jest loads this file as its global setup outside the resolver that tests use, so it imports
// node's built-ins only. Nothing here imports jest: tsx scripts can use bundleFile too.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

/** The front ends, each bundled to <bundle dir>/<name>/index.js. One line per entry. */
export const ENTRIES = [
  { name: 'action', entry: 'src/action/index.ts' },
  { name: 'cli', entry: 'src/cli/index.ts' }
] as const

export type BundleName = (typeof ENTRIES)[number]['name']

/** Where the global setup tells the tests (and their child processes) the bundles are. */
export const BUNDLE_DIR_ENV = 'CONNCHECK_BUNDLE_DIR'

/** The folder of this test run's bundles. */
export function bundleDir(): string {
  const dir = process.env[BUNDLE_DIR_ENV]
  if (dir === undefined || dir === '') {
    throw new Error(
      `${BUNDLE_DIR_ENV} is not set: the bundles are built by jest's global setup ` +
        '(run the tests through npm test or npm run jest)'
    )
  }
  return dir
}

/** The bundle of one entry, as built for this test run. */
export function bundleFile(name: BundleName = 'action'): string {
  return path.join(bundleDir(), name, 'index.js')
}

/** As `npm run bundle` (scripts/bundle.ts), without the licence file, which no test reads. */
const NCC_FLAGS = ['-q']
const BUNDLE_SCRIPT = path.join('scripts', 'bundle.ts')
const CACHE_DIR = path.join('node_modules', '.cache', 'connection-check-bundles')
/** Builds kept besides the current one: a few branches' worth, a few MB each. */
const KEEP_BUILDS = 6
/** An unfinished build older than this was left by a run that died. */
const ABANDONED_BUILD_MS = 60 * 60 * 1000
const BUILD_LIMIT_MS = 5 * 60 * 1000

/** Files under `dir`, relative to `root`, sorted so the hash does not depend on readdir order. */
async function filesUnder(root: string, dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await filesUnder(root, relative)))
    else if (entry.isFile()) found.push(relative)
  }
  return found.sort()
}

/** A hash of everything a build depends on: the sources, the dependencies, ncc and its flags. */
async function buildKey(root: string): Promise<string> {
  const nccPackage = path.join(root, 'node_modules', '@vercel', 'ncc', 'package.json')
  const { version } = JSON.parse(await readFile(nccPackage, 'utf8')) as { version: string }
  const hash = createHash('sha256')
  hash.update(JSON.stringify({ ncc: version, flags: NCC_FLAGS, entries: ENTRIES }))
  const files = [
    ...(await filesUnder(root, 'src')),
    BUNDLE_SCRIPT,
    'package.json',
    'package-lock.json',
    'tsconfig.json'
  ]
  for (const file of files) {
    const content = await readFile(path.join(root, file))
    hash.update(`\0${file}\0${String(content.length)}\0`).update(content)
  }
  return hash.digest('hex').slice(0, 32)
}

/** Bundles one entry through scripts/bundle.ts; rejects with its own words when it fails. */
function bundleEntry(root: string, entry: string, outDir: string): Promise<void> {
  // NODE_OPTIONS carries jest's --experimental-vm-modules, which the build does not need.
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const args = ['--import', 'tsx', BUNDLE_SCRIPT, entry, outDir, ...NCC_FLAGS]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const limit = setTimeout(() => child.kill('SIGKILL'), BUILD_LIMIT_MS)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      if (code === 0) resolve()
      else reject(new Error(`bundling ${entry} failed (${String(code ?? signal)}):\n${output}`))
    })
  })
}

/** Builds every entry at once into `target`, through a folder of its own so no reader sees half. */
async function build(root: string, cache: string, target: string): Promise<void> {
  const staging = path.join(
    cache,
    `.build-${String(process.pid)}-${randomBytes(4).toString('hex')}`
  )
  await mkdir(staging, { recursive: true })
  try {
    await Promise.all(ENTRIES.map((e) => bundleEntry(root, e.entry, path.join(staging, e.name))))
    await rename(staging, target).catch((error: unknown) => {
      // Another test run finished the same build first; the two are the same bytes.
      if (!existsSync(target)) throw error
    })
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** Drops all but the most recently used builds, and builds abandoned half-way. */
async function prune(cache: string): Promise<void> {
  const now = Date.now()
  const builds: { dir: string; usedAt: number }[] = []
  for (const name of await readdir(cache)) {
    const dir = path.join(cache, name)
    const usedAt = (await stat(dir)).mtimeMs
    if (!name.startsWith('.')) builds.push({ dir, usedAt })
    else if (now - usedAt > ABANDONED_BUILD_MS) await rm(dir, { recursive: true, force: true })
  }
  builds.sort((a, b) => b.usedAt - a.usedAt)
  for (const { dir } of builds.slice(KEEP_BUILDS + 1))
    await rm(dir, { recursive: true, force: true })
}

/** Jest's global setup: the bundles of the current src/, built or taken from the cache. */
export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  const root = globalConfig.rootDir
  const cache = path.join(root, CACHE_DIR)
  const started = performance.now()
  await mkdir(cache, { recursive: true })
  let key = await buildKey(root)
  let target = path.join(cache, key)
  let how = 'from the cache'
  for (let attempt = 1; !existsSync(target); attempt += 1) {
    await build(root, cache, target)
    how = 'built'
    // Sources edited during the build: what was built matches neither version, so build again.
    const after = await buildKey(root)
    if (after === key) break
    await rm(target, { recursive: true, force: true })
    if (attempt === 3) throw new Error('src/ kept changing while it was being bundled')
    key = after
    target = path.join(cache, key)
  }
  const now = new Date()
  await utimes(target, now, now)
  await prune(cache)
  process.env[BUNDLE_DIR_ENV] = target
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stderr.write(
    `\nBundles of src/ (${ENTRIES.map((e) => e.name).join(', ')}) ${how} in ${seconds} s: ` +
      `${path.relative(root, target)}\n`
  )
}
