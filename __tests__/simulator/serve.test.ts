import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { DEMO } from '../../simulator/demo-connectors.js'
import { runNode, startNode } from '../support/runner.js'
import { bundleFile } from '../support/test-bundles.js'

// `npm run simulator` as a user runs it: started, its printed command pasted (with this run's
// bundle of the command line in place of dist/), then stopped with Ctrl-C.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

const scripts = (
  JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts

describe('npm run simulator', () => {
  it('prints its key, its connectors and a command that works, and stops on Ctrl-C', async () => {
    const [tool, ...args] = (scripts.simulator ?? '').split(' ')
    expect(tool).toBe('tsx')
    const READY = 'Stop it with Ctrl-C.'
    let ready: () => void = () => undefined
    const printed = new Promise<void>((resolve) => (ready = resolve))
    const sim = startNode(
      [TSX_CLI, ...args, '--port', '0'],
      { PATH: process.env.PATH ?? '' },
      30_000,
      {
        cwd: ROOT,
        onOutput: (output) => {
          if (output.stdout.includes(READY)) ready()
        }
      }
    )
    await Promise.race([printed, sim.done])
    const banner = sim.stdout()
    expect(banner).toContain(READY)
    expect(banner).toMatch(/API key: sim_key_\w+/)
    for (const id of Object.values(DEMO)) expect(banner).toContain(id)

    // The command to paste: VAR=value ... node dist/cli/index.js flags...
    const line = banner.split('\n').find((l) => l.includes(' node '))
    const words = (line ?? '').trim().split(/\s+/)
    const node = words.indexOf('node')
    const env = Object.fromEntries(
      words.slice(0, node).map((pair) => pair.split('=', 2) as [string, string])
    )
    expect(Object.keys(env).sort()).toEqual(['UNSTRUCTURED_API_KEY', 'UNSTRUCTURED_API_URL'])
    expect(env.UNSTRUCTURED_API_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(words[node + 1]).toBe(path.join('dist', 'cli', 'index.js'))
    const flags = words.slice(node + 2)
    expect(flags).toEqual(['--workflow-id', DEMO.workflow])

    const check = await runNode(
      [bundleFile('cli'), ...flags],
      { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      30_000
    )
    expect(check.stdout).toContain('All 4 connection checks passed')
    expect(check.code).toBe(0)

    sim.child.kill('SIGINT')
    const stopped = await sim.done
    expect(stopped.stdout).toContain('Simulator stopped.')
    expect(stopped.code).toBe(0)
  })
})
