import { randomUUID } from 'node:crypto'
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runNode, withSimulator, type NodeRun } from '../support/runner.js'
import { bundleDir } from '../support/test-bundles.js'
import { CHUNK_FILE, REGISTER_REQUIRE } from '../../scripts/bundle.js'

// The command line as a user gets it from the package: `npm pack` of the tests' bundles of the
// current source (not the committed dist/), installed with `npm install -g --prefix` into a
// temp folder, then the installed bin run through its `#!` line.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = 'unstructured-connection-check'
/**
 * What the package holds: the command line's bundle and what it loads (the chunks of `cliDir`
 * that import() brings in when first needed), its licence notices, and what npm always adds.
 * Not the action's bundle (the action runs from the repository), nor the source maps, which would
 * more than double the size for stack traces the command line never prints.
 */
async function shipped(cliDir: string): Promise<string[]> {
  const chunks = (await readdir(cliDir)).filter((name) => CHUNK_FILE.test(name))
  // The command line loads zod with the first answer: there is at least that chunk.
  expect(chunks.length).toBeGreaterThan(0)
  return [
    'LICENSE',
    'README.md',
    'dist/cli/index.js',
    ...chunks.map((name) => `dist/cli/${name}`),
    'dist/cli/licenses.txt',
    'dist/cli/package.json',
    'dist/cli/sourcemap-register.cjs',
    'package.json'
  ].sort()
}
/** Every `npx` in someone's CI downloads and unpacks it. */
const MAX_UNPACKED_BYTES = 2.5 * 1024 * 1024

const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  bin: Record<string, string>
}

/** npm's own script, run by this node: `npm run` names it, else it sits beside node. */
function npmCli(): string {
  const named = process.env.npm_execpath
  if (named !== undefined && path.basename(named) === 'npm-cli.js') return named
  const prefix = path.dirname(path.dirname(process.execPath))
  return path.join(prefix, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js')
}

let dir = ''
/** PATH for children: this node first, so the bin's `#!/usr/bin/env node` finds it. */
let PATH = ''
let npmEnv: Record<string, string> = {}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'conncheck-package-'))
  PATH = [path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter)
  await mkdir(path.join(dir, 'home'))
  // A home and cache of its own: nothing from the user's npm setup, and nothing fetched.
  npmEnv = {
    PATH,
    HOME: path.join(dir, 'home'),
    npm_config_cache: path.join(dir, 'cache'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false'
  }
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function npm(args: string[], cwd: string): Promise<NodeRun> {
  return runNode([npmCli(), ...args], npmEnv, 60_000, { cwd })
}

interface PackResult {
  filename: string
  unpackedSize: number
  files: { path: string; size: number }[]
}

function packed(run: NodeRun): PackResult {
  expect(run.stderr).not.toMatch(/npm (warn|error)/)
  expect(run.code).toBe(0)
  const [result] = JSON.parse(run.stdout) as PackResult[]
  if (result === undefined) throw new Error(`npm pack said nothing: ${run.stderr}`)
  return result
}

describe('the package', () => {
  it('holds the command line and what it needs, within 2.5 MiB unpacked', async () => {
    const result = packed(await npm(['pack', '--dry-run', '--json'], ROOT))
    const files = await shipped(path.join(ROOT, 'dist', 'cli'))
    expect(result.files.map((f) => f.path).sort()).toEqual(files)
    expect(files).toContain(pkg.bin[BIN])
    // The bundle loads the source-map register, which does without the map.
    const bundle = await readFile(path.join(ROOT, 'dist', 'cli', 'index.js'), 'utf8')
    expect(bundle).toContain(REGISTER_REQUIRE)
    expect(result.unpackedSize).toBe(result.files.reduce((sum, f) => sum + f.size, 0))
    expect(result.unpackedSize).toBeLessThanOrEqual(MAX_UNPACKED_BYTES)
  })

  it('installs from its tarball, and the installed command runs a real check', async () => {
    // The package's folder as a release would have it, with this run's bundles as dist/.
    const source = path.join(dir, 'source')
    await mkdir(source)
    for (const file of ['package.json', 'README.md', 'LICENSE'])
      await cp(path.join(ROOT, file), path.join(source, file))
    await cp(path.join(bundleDir(), 'action'), path.join(source, 'dist'), { recursive: true })
    await cp(path.join(bundleDir(), 'cli'), path.join(source, 'dist', 'cli'), { recursive: true })

    const result = packed(await npm(['pack', '--json', '--pack-destination', dir], source))
    // The tests' bundles have no licence file; everything else ships as from dist/.
    const files = await shipped(path.join(bundleDir(), 'cli'))
    expect(result.files.map((f) => f.path).sort()).toEqual(
      files.filter((f) => f !== 'dist/cli/licenses.txt')
    )

    const prefix = path.join(dir, 'prefix')
    const install = await npm(
      ['install', '--global', '--prefix', prefix, path.join(dir, result.filename)],
      dir
    )
    expect(install.stderr).not.toMatch(/npm (warn|error)/)
    expect(install.code).toBe(0)

    const installed = path.join(prefix, 'bin', BIN)
    const run = (args: string[], env: Record<string, string> = {}): Promise<NodeRun> =>
      runNode(args, { PATH, NO_COLOR: '1', ...env }, 30_000, { command: installed, cwd: dir })

    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--source-id')
    expect(help.stdout).toContain('UNSTRUCTURED_API_KEY')

    const version = await run(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout).toBe(`${pkg.version}\n`)

    await withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 100 })
      const check = await run(['--source-id', id, '--timeout-seconds', '20'], {
        UNSTRUCTURED_API_KEY: sim.apiKey,
        UNSTRUCTURED_API_URL: sim.url
      })
      expect(check.stdout + check.stderr).toContain('The connection check passed')
      expect(check.code).toBe(0)
      expect(check.stdout + check.stderr).not.toContain(sim.apiKey)
      expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    })
  })
})
