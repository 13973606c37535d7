import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'
import { bundleFile } from '../support/test-bundles.js'
import { runNode, withSimulator, type NodeRun } from '../support/runner.js'
import { finalScreen } from '../support/virtual-terminal.js'

/** The command line built from the current source for this test run. */
const CLI_BUNDLE = bundleFile('cli')

// The command line's bundle run as a user runs it: a child process with flags and
// UNSTRUCTURED_API_KEY, against the Platform API simulator over real HTTP on loopback.

// Escape sequences, kept out of regex literals.
const CSI = '\u001b\\['
const XSD = new URL('../fixtures/junit.xsd', import.meta.url).pathname

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'conncheck-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface CliOptions {
  env?: Record<string, string>
  /** Sends this signal once the output holds `when`. */
  kill?: { signal: NodeJS.Signals; when: string }
}

function cli(args: string[], options: CliOptions = {}): Promise<NodeRun> {
  let killed = false
  const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env }
  return runNode([CLI_BUNDLE, ...args], env, 20_000, {
    onOutput: ({ stdout, stderr }, child) => {
      const { kill } = options
      if (kill !== undefined && !killed && (stdout + stderr).includes(kill.when)) {
        killed = true
        child.kill(kill.signal)
      }
    }
  })
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '')

/** Four connectors of a workflow that all pass quickly. */
function fourConnectors(sim: Simulator): string {
  const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  ids.forEach((id, i) => {
    sim.addConnector(id, {
      kind: i < 2 ? 'source' : 'destination',
      name: `conn-${i}`,
      checkDurationMs: 100 + 50 * i
    })
  })
  const workflow = randomUUID()
  sim.addWorkflow(workflow, { sources: ids.slice(0, 2), destinations: ids.slice(2) })
  return workflow
}

describe('the command line, against the simulator', () => {
  it.concurrent('reports a passing 4-connector run in at most 12 lines off a terminal', () =>
    withSimulator(async (sim) => {
      const workflow = fourConnectors(sim)
      const run = await cli(['--workflow-id', workflow, '--api-url', sim.url], {
        env: { UNSTRUCTURED_API_KEY: sim.apiKey }
      })
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      const shown = lines(run.stdout)
      expect(shown.length).toBeLessThanOrEqual(12)
      // One line per connector as it ends, then the verdict line.
      expect(
        shown.filter((l) => l.startsWith('✅ ') && l.includes('passed its connection check'))
      ).toHaveLength(4)
      expect(shown.at(-1)).toMatch(/^All 4 connection checks passed in \d+\.\d s\.$/)
      expect(run.stdout).not.toContain('\x1b')
    })
  )

  it.concurrent('redraws live lines in place when forced, and ends with a table', () =>
    withSimulator(async (sim) => {
      const workflow = fourConnectors(sim)
      const run = await cli(['--workflow-id', workflow, '--api-url', sim.url], {
        env: {
          UNSTRUCTURED_API_KEY: sim.apiKey,
          CONNCHECK_LIVE: '1',
          FORCE_COLOR: '1',
          NO_COLOR: ''
        }
      })
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`${CSI}\\d+A${CSI}J`)) // redrawn in place
      expect(run.stdout).toContain('\x1b[32m') // FORCE_COLOR
      const plain = run.stdout.replace(new RegExp(`${CSI}[0-9;]*m`, 'g'), '')
      // Named once the API told the name, else by id.
      expect(plain).toMatch(/source +\S+ +SCHEDULED +\d+\.\d s/)
      const screen = finalScreen(run.stdout)
      expect(screen.length).toBeLessThanOrEqual(12)
      expect(screen.some((l) => /OUTCOME +KIND +CONNECTOR +STATUS +TIME/.test(l))).toBe(true)
      expect(
        screen.filter((l) => /^✅ +success +(source|destination) +conn-\d/.test(l))
      ).toHaveLength(4)
      expect(screen.at(-1)).toMatch(/^All 4 connection checks passed/)
    })
  )

  // util-linux's script(1) gives a real pseudo-terminal; other systems' script takes other flags.
  const script =
    process.platform === 'linux' && (existsSync('/usr/bin/script') || existsSync('/bin/script'))
  ;(script ? it.concurrent : it.concurrent.skip)(
    'uses live lines on a real terminal (script(1)), in at most 12 lines',
    () =>
      withSimulator(async (sim) => {
        const workflow = fourConnectors(sim)
        const command = `stty cols 120 rows 30; exec "${process.execPath}" "${CLI_BUNDLE}" --workflow-id ${workflow} --api-url ${sim.url}`
        const { stdout } = await promisify(execFile)('script', ['-qfec', command, '/dev/null'], {
          env: { PATH: process.env.PATH ?? '', UNSTRUCTURED_API_KEY: sim.apiKey, TERM: 'xterm' }
        })
        expect(stdout).toMatch(new RegExp(`${CSI}\\d+A`))
        const screen = finalScreen(stdout)
        expect(screen.length).toBeLessThanOrEqual(12)
        expect(screen.at(-1)).toMatch(/^All 4 connection checks passed/)
      })
  )

  it.concurrent(
    "exits 1 on a failure and says each one's verdict, the platform's reason in it",
    () =>
      withSimulator(async (sim) => {
        const [good, bad] = [randomUUID(), randomUUID()]
        const reason = 'password authentication failed for user "etl"'
        sim.addConnector(good, { kind: 'source', checkDurationMs: 100 })
        sim.addConnector(bad, {
          kind: 'destination',
          checkDurationMs: 100,
          ending: 'FAILURE',
          reason
        })
        const run = await cli(
          ['--source-id', good, '--destination-id', bad, '--api-url', sim.url],
          {
            env: { UNSTRUCTURED_API_KEY: sim.apiKey }
          }
        )
        expect(run.code).toBe(1)
        const failed = lines(run.stdout).find((l) => l.startsWith('❌ '))
        expect(failed).toContain(`failed its connection check after`)
        expect(failed).toContain(bad)
        expect(failed).toContain(reason)
        // The likely cause follows, for a postgres destination in PostgreSQL's words.
        const next = lines(run.stdout)[lines(run.stdout).indexOf(failed ?? '') + 1]
        expect(next).toMatch(/^ {3}Likely cause: the PostgreSQL user name or password is wrong/)
        expect(lines(run.stdout).at(-1)).toMatch(
          /^2 connectors checked in \d+\.\d s: 1 failed, 1 passed\./
        )
      })
  )

  it.concurrent('prints the results array alone on stdout with --json, the report on stderr', () =>
    withSimulator(async (sim) => {
      const workflow = fourConnectors(sim)
      const run = await cli(['--workflow-id', workflow, '--api-url', sim.url, '--json'], {
        env: { UNSTRUCTURED_API_KEY: sim.apiKey }
      })
      expect(run.code).toBe(0)
      const results = JSON.parse(run.stdout) as Record<string, unknown>[]
      expect(results).toHaveLength(4)
      for (const entry of results) {
        expect(Object.keys(entry).sort()).toEqual(
          [
            'attempts',
            'check-id',
            'connector-id',
            'created-at',
            'duration-seconds',
            'flaky',
            'kind',
            'name',
            'outcome',
            'reason',
            'reported-at',
            'reused',
            'status',
            'type'
          ].sort()
        )
        expect(entry).toMatchObject({ outcome: 'success', status: 'SUCCESS' })
      }
      expect(lines(run.stderr).at(-1)).toMatch(/^All 4 connection checks passed/)
    })
  )

  it.concurrent("gives a FAILURE's entry in --json its category and hint", () =>
    withSimulator(async (sim) => {
      const [vague, denied] = [randomUUID(), randomUUID()]
      sim.addConnector(vague, { kind: 'source', checkDurationMs: 100, ending: 'FAILURE' })
      sim.addConnector(denied, {
        kind: 'destination',
        type: 'snowflake',
        checkDurationMs: 100,
        ending: 'FAILURE',
        reason:
          "002003 (02000): SQL compilation error: Database 'DOCS' does not exist or not authorized."
      })
      const run = await cli(
        ['--source-id', vague, '--destination-id', denied, '--api-url', sim.url, '--json'],
        { env: { UNSTRUCTURED_API_KEY: sim.apiKey } }
      )
      expect(run.code).toBe(1)
      const results = JSON.parse(run.stdout) as Record<string, unknown>[]
      expect(results).toEqual([
        expect.objectContaining({
          outcome: 'failure',
          reason: 'simulated failure',
          category: 'unknown'
        }),
        expect.objectContaining({
          outcome: 'failure',
          type: 'snowflake',
          category: 'not-found',
          hint: expect.stringMatching(/^Likely cause: the database, schema, warehouse or table/)
        })
      ])
      expect(results[0]).not.toHaveProperty('hint')
      // The report on stderr says it too.
      expect(run.stderr).toContain(`   ${String(results[1]?.hint)}`)
    })
  )

  it.concurrent('prints the verdict line alone with --quiet', () =>
    withSimulator(async (sim) => {
      const workflow = fourConnectors(sim)
      const run = await cli(['--workflow-id', workflow, '--api-url', sim.url, '--quiet'], {
        env: { UNSTRUCTURED_API_KEY: sim.apiKey }
      })
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      expect(lines(run.stdout)).toEqual([expect.stringMatching(/^All 4 connection checks passed/)])
    })
  )

  it.concurrent('writes a JUnit report that the JUnit schema accepts, and the summary', () =>
    withSimulator(async (sim) => {
      const [good, bad] = [randomUUID(), randomUUID()]
      sim.addConnector(good, { kind: 'source', checkDurationMs: 100, name: 'a <"b"> & c' })
      sim.addConnector(bad, { kind: 'destination', checkDurationMs: 100, ending: 'FAILURE' })
      const junit = path.join(dir, randomUUID(), 'nested', 'report.xml')
      const summary = path.join(dir, `${randomUUID()}.html`)
      const args = ['--source-id', good, '--destination-id', bad, '--api-url', sim.url]
      const run = await cli([...args, '--junit', junit, '--summary-file', summary], {
        env: { UNSTRUCTURED_API_KEY: sim.apiKey }
      })
      expect(run.code).toBe(1)
      const xml = await readFile(junit, 'utf8')
      expect(xml).toContain('<failure message="simulated failure" type="FAILURE">')
      await expect(xmllint(junit)).resolves.toContain('validates')
      expect(await readFile(summary, 'utf8')).toContain(
        '<h3>❌ Unstructured connection checks: 1 failed, 1 passed</h3>'
      )
    })
  )

  it.concurrent.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)(
    'exits %s after that signal while a check is in flight, reporting it',
    (signal, code) =>
      withSimulator(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
        const run = await cli(
          [
            '--source-id',
            id,
            '--api-url',
            sim.url,
            '--debug',
            '--junit',
            path.join(dir, `${signal}.xml`)
          ],
          {
            env: { UNSTRUCTURED_API_KEY: sim.apiKey },
            kill: { signal, when: 'started check' }
          }
        )
        expect(run.signal).toBeNull()
        expect(run.code).toBe(code)
        expect(run.stdout).toContain(`Cancelled (${signal}) while waiting for check`)
        expect(lines(run.stdout).at(-1)).toMatch(/^The connection check did not pass \(cancelled\)/)
        await expect(readFile(path.join(dir, `${signal}.xml`), 'utf8')).resolves.toContain(
          'type="cancelled"'
        )
      })
  )

  it.concurrent('never shows the key, from UNSTRUCTURED_API_KEY or from --api-key', async () => {
    const key = `cli_test_key_${randomUUID().replace(/-/g, '')}`
    const sim = await startSimulator({ apiKeys: [key] })
    try {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 50, name: `echo ${key}` })
      const fromEnv = await cli(['--source-id', id, '--api-url', sim.url, '--debug'], {
        env: { UNSTRUCTURED_API_KEY: key }
      })
      expect(fromEnv.code).toBe(0)
      expect(fromEnv.stdout).toContain('echo ***')
      const fromFlag = await cli(['--source-id', 'nope', `--api-key=${key}`, '--api-url', sim.url])
      expect(fromFlag.code).toBe(2)
      expect(fromFlag.stderr).toContain("warning: --api-key puts the key in your shell's history")
      for (const run of [fromEnv, fromFlag]) expect(run.stdout + run.stderr).not.toContain(key)
    } finally {
      await sim.close()
    }
  })

  it.concurrent('names UNSTRUCTURED_API_KEY when the API refuses the key', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 50 })
      const run = await cli(['--source-id', id, '--api-url', sim.url], {
        env: { UNSTRUCTURED_API_KEY: 'not_the_right_key_1234' }
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        'Check that UNSTRUCTURED_API_KEY holds a current Unstructured API key'
      )
      expect(run.stdout).not.toMatch(/'api-key'|secret/)
    })
  )

  it.concurrent('names the workflows that --workflow-name matched', () =>
    withSimulator(async (sim) => {
      for (const name of ['nightly-b', 'nightly-a', 'nightly-c', 'weekly']) {
        const source = randomUUID()
        sim.addConnector(source, { kind: 'source', name: `${name}-src`, checkDurationMs: 0 })
        sim.addWorkflow(randomUUID(), { name, sources: [source], destinations: [] })
      }
      const run = await cli(['--workflow-name', 'nightly-*', '--api-url', sim.url], {
        env: { UNSTRUCTURED_API_KEY: sim.apiKey }
      })
      expect(run.code).toBe(0)
      expect(lines(run.stdout)[0]).toBe(
        '--workflow-name "nightly-*" matched 3 workflows: "nightly-a", "nightly-b", "nightly-c".'
      )
    })
  )

  it.concurrent("says a source's id given as --destination-id belongs in --source-id", () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', name: 'orders-s3', type: 's3' })
      const run = await cli(['--destination-id', id, '--api-url', sim.url], {
        env: { UNSTRUCTURED_API_KEY: sim.apiKey }
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        'It is a source, not a destination ("orders-s3", s3): use --source-id.'
      )
      const other = sim.requests.filter((r) => r.path.startsWith(`/api/v1/sources/${id}`))
      expect(other.map((r) => r.method)).toEqual(['GET'])
    })
  )

  it.concurrent('says what stopped a step before any check: a workflow that is not there', () =>
    withSimulator(async (sim) => {
      const workflow = randomUUID()
      const run = await cli(['--workflow-id', workflow, '--api-url', sim.url], {
        env: { UNSTRUCTURED_API_KEY: sim.apiKey }
      })
      expect(run.code).toBe(1)
      expect(lines(run.stdout)).toEqual([
        expect.stringMatching(
          new RegExp(`^Workflow ${workflow} was not found on 127\\.0\\.0\\.1:\\d+ .*--api-url`)
        )
      ])
    })
  )
})

describe('the command-line bundle', () => {
  it('is one self-contained ESM file that runs with node, without @actions/core', async () => {
    const code = await readFile(CLI_BUNDLE, 'utf8')
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(code).not.toContain('webpackMissingModule')
    // The runner's workflow commands are the action's business, never the terminal's.
    expect(code).not.toMatch(/@actions\/core|::add-mask::|GITHUB_STEP_SUMMARY/)
    const pkg = await readFile(path.join(path.dirname(CLI_BUNDLE), 'package.json'), 'utf8')
    expect(JSON.parse(pkg)).toEqual({ type: 'module' })
  })
})

describe('the command line without a simulator', () => {
  const withKey = { UNSTRUCTURED_API_KEY: 'some_key_1234' }

  it.concurrent.each([
    [['--sourse-id', randomUUID()], withKey, 'unknown flag --sourse-id; did you mean --source-id?'],
    [['--source-id'], withKey, '--source-id needs a value (UUID)'],
    [[randomUUID()], withKey, 'give an id as --source-id, --destination-id or --workflow-id'],
    [
      ['orders-s3'],
      withKey,
      '"orders-s3", which looks like a name; give it as --source-name, --destination-name or'
    ],
    [['--source-id', randomUUID()], {}, 'No API key: set UNSTRUCTURED_API_KEY'],
    [[], withKey, 'Give something to check: --source-id, --destination-id or --workflow-id'],
    [['--source-id', randomUUID(), '--api-url', 'http://example.com'], withKey, '--api-url must']
  ])('exits 2 for %j with one line and a pointer to --help', async (args, env, message) => {
    const run = await cli(args, { env })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const [first, ...rest] = lines(run.stderr)
    expect(first).toContain(message)
    expect(rest).toEqual(['Run with --help to see every flag.'])
  })

  it.concurrent('names UNSTRUCTURED_API_URL when that is where a bad URL came from', async () => {
    const run = await cli(['--source-id', randomUUID()], {
      env: { ...withKey, UNSTRUCTURED_API_URL: 'ftp://example.com' }
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^unstructured-connection-check: UNSTRUCTURED_API_URL must /)
  })

  it.concurrent('never echoes a user name or password given in --api-url', async () => {
    const run = await cli(
      ['--source-id', randomUUID(), '--api-url', 'https://alice:hunter2@127.0.0.1:9'],
      {
        env: withKey
      }
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--api-url')
    expect(run.stdout + run.stderr).not.toMatch(/alice|hunter2/)
  })

  it.concurrent('shows --help and --version', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: unstructured-connection-check \[flags\]/)
    const version = await cli(['--version'])
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

function xmllint(file: string): Promise<string> {
  return promisify(execFile)('xmllint', ['--noout', '--schema', XSD, file]).then(
    ({ stderr }) => stderr
  )
}
