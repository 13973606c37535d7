import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  LogRenderer,
  formatOutputs,
  parseActionYaml,
  parseArguments,
  parseOutputFile,
  redactUserinfo as redactCli,
  summaryToText,
  UsageError
} from '../bin/runner.mjs'
import { redactUserinfo } from '../src/api-url.js'
import { startSimulator, type Simulator } from '../simulator/platform-simulator.js'
import { BUNDLE_DIR_ENV, bundleDir } from './support/test-bundles.js'

// The command-line entry (bin/connection-check.mjs), run as a user runs it: a child process with
// flags and UNSTRUCTURED_API_KEY, against the Platform API simulator. It runs the tests' bundle of
// the current src/ (named by BUNDLE_DIR_ENV), not the committed dist/.
const CLI = fileURLToPath(new URL('../bin/connection-check.mjs', import.meta.url))
const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url))

interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

// The action writes its results file under RUNNER_TEMP (else the system's temp folder).
const RUNNER_TEMP = mkdtempSync(path.join(tmpdir(), 'conncheck-cli-'))
afterAll(() => {
  rmSync(RUNNER_TEMP, { recursive: true, force: true })
})

function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: { interruptWhen?: string } = {}
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        NO_COLOR: '1',
        RUNNER_TEMP,
        [BUNDLE_DIR_ENV]: bundleDir(),
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let interrupted = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      if (!interrupted && options.interruptWhen && stdout.includes(options.interruptWhen)) {
        interrupted = true
        child.kill('SIGINT')
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const limit = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('close', (code) => {
      clearTimeout(limit)
      resolve({ code, stdout, stderr })
    })
  })
}

async function withSimulator(
  test: (sim: Simulator) => Promise<void>,
  apiKeys?: string[]
): Promise<void> {
  const sim = await startSimulator(apiKeys ? { apiKeys } : {})
  try {
    await test(sim)
  } finally {
    await sim.close()
  }
}

/** The text between `── title` and the next rule. */
function section(stdout: string, title: string): string {
  const start = stdout.indexOf(`── ${title} `)
  if (start === -1) return ''
  const body = stdout.slice(stdout.indexOf('\n', start) + 1)
  const end = body.indexOf('\n── ')
  return end === -1 ? body : body.slice(0, end)
}

describe('the command line, against the simulator', () => {
  it.concurrent('exits 0 on a pass and prints the log, the outputs and a readable summary', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 200, name: 'orders-s3' })
      const result = await runCli(['--source-id', id, '--api-url', sim.url], {
        UNSTRUCTURED_API_KEY: sim.apiKey
      })
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      expect(section(result.stdout, 'Log')).toContain(
        `Source "orders-s3" (s3, ${id}) passed its connection check`
      )
      const outputs = section(result.stdout, 'Outputs')
      expect(outputs).toMatch(/^outcome +success$/m)
      expect(outputs).toMatch(/^status +SUCCESS$/m)
      expect(outputs).toMatch(/^reason +\(empty\)$/m)
      expect(outputs).toContain(`"connector-id": "${id}"`) // results, pretty-printed
      const summary = section(result.stdout, 'Job summary')
      expect(summary).toContain('✅ Unstructured connection check: passed')
      expect(summary).toMatch(/^Kind +Connector +Check +Status +Reason +Duration$/m)
      expect(summary).toMatch(/^Source +orders-s3 \(s3\) +[0-9a-f-]{36} +✅ SUCCESS +— +\d/m)
      expect(summary).toContain(`API host: ${new URL(sim.url).host}`)
      expect(summary).not.toMatch(/<\/?[a-z]+[\s>]|&#\d+;/)
      expect(result.stdout).not.toMatch(/^::/m)
      expect(result.stdout).toContain('The step passed (exit code 0, outcome success)')
    })
  )

  it.concurrent("exits 1 on a failure and shows the platform's reason, decoded", () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      const reason = 'password <auth> failed for "etl" & co'
      sim.addConnector(id, {
        kind: 'destination',
        checkDurationMs: 200,
        ending: 'FAILURE',
        reason
      })
      const result = await runCli(['--destination-id', id, '--api-url', sim.url], {
        UNSTRUCTURED_API_KEY: sim.apiKey
      })
      expect(result.code).toBe(1)
      expect(section(result.stdout, 'Log')).toMatch(
        new RegExp(`^Error: Connection check failed: Destination .*: ${escape(reason)}$`, 'm')
      )
      const outputs = section(result.stdout, 'Outputs')
      expect(outputs).toMatch(/^outcome +failure$/m)
      expect(outputs).toMatch(new RegExp(`^reason +${escape(reason)}$`, 'm'))
      const summary = section(result.stdout, 'Job summary')
      expect(summary).toContain('❌ Unstructured connection check: failure')
      expect(summary).toMatch(new RegExp(`❌ FAILURE +${escape(reason)}`))
      expect(result.stdout).toContain('The step failed (exit code 1, outcome failure)')
    })
  )

  it.concurrent('takes --source-id more than once and shows debug lines with --debug', () =>
    withSimulator(async (sim) => {
      const [a, b] = [randomUUID(), randomUUID()]
      for (const id of [a, b]) sim.addConnector(id, { kind: 'source', checkDurationMs: 100 })
      const result = await runCli(
        ['--source-id', a, `--source-id=${b}`, '--api-url', sim.url, '--debug'],
        { UNSTRUCTURED_API_KEY: sim.apiKey }
      )
      expect(result.code).toBe(0)
      const log = section(result.stdout, 'Log')
      expect(log).toContain('Checking 2 connectors (2 sources, 0 destinations)')
      // One heading per connector, its lines indented beneath it.
      expect(log.match(/^▸ ✅ Source /gm)).toHaveLength(2)
      expect(log).toMatch(/^ {2}Debug: POST \/sources\/[0-9a-f-]+\/connection-check -> 202/m)
      const results = /^results +([\s\S]*)$/m.exec(section(result.stdout, 'Outputs'))?.[1] ?? ''
      expect(results).toContain(`"connector-id": "${a}"`)
      expect(results).toContain(`"connector-id": "${b}"`)
    })
  )

  it.concurrent('never shows the key, from the environment or from --api-key', () => {
    const key = `cli_test_key_${randomUUID().replace(/-/g, '')}`
    return withSimulator(
      async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, { kind: 'source', checkDurationMs: 100 })
        const fromEnv = await runCli(['--source-id', id, '--api-url', sim.url, '--debug'], {
          UNSTRUCTURED_API_KEY: key
        })
        expect(fromEnv.code).toBe(0)
        expect(fromEnv.stdout).toContain('api-key: ***')
        const fromFlag = await runCli([
          '--source-id',
          'not-a-uuid',
          `--api-key=${key}`,
          '--api-url',
          sim.url
        ])
        expect(fromFlag.code).toBe(1)
        expect(fromFlag.stderr).toContain('Warning: --api-key puts the key in your shell history')
        for (const result of [fromEnv, fromFlag]) {
          expect(result.stdout + result.stderr).not.toContain(key)
        }
      },
      [key]
    )
  })

  it.concurrent('passes Ctrl-C on to the action, which stops and reports cancelled', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
      const result = await runCli(
        ['--source-id', id, '--api-url', sim.url, '--timeout-seconds', '15'],
        { UNSTRUCTURED_API_KEY: sim.apiKey },
        { interruptWhen: 'started check' }
      )
      expect(result.code).toBe(1)
      expect(section(result.stdout, 'Outputs')).toMatch(/^outcome +cancelled$/m)
      expect(section(result.stdout, 'Outputs')).toMatch(/^status +SCHEDULED$/m)
    })
  )
})

describe('the command line without a simulator', () => {
  const action = parse(readFileSync(ACTION_YML, 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>
  }

  it.concurrent('lists every input of action.yml with its default in --help', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    for (const [name, input] of Object.entries(action.inputs)) {
      const line = result.stdout.split('\n').find((l) => l.startsWith(`  --${name} `))
      expect(line).toBeDefined()
      if (name === 'api-key') expect(line).toContain('default: $UNSTRUCTURED_API_KEY (required)')
      else expect(line).toContain(input.default ? input.default : 'default: none')
    }
    for (const flag of ['--debug', '--help', '--version', 'UNSTRUCTURED_API_KEY']) {
      expect(result.stdout).toContain(flag)
    }
  })

  const withKey = { UNSTRUCTURED_API_KEY: 'some-key' }
  it.concurrent.each([
    { args: ['--nope'], env: withKey, message: "Unknown option '--nope'" },
    {
      args: ['--source-id'],
      env: withKey,
      message: "Option '--source-id <value>' argument missing"
    },
    { args: ['extra'], env: withKey, message: "Unexpected argument 'extra'" },
    {
      args: ['--source-id', randomUUID()],
      env: {},
      message: 'No API key: set UNSTRUCTURED_API_KEY'
    },
    { args: [], env: withKey, message: 'Nothing to check' }
  ])('exits 2 with a clear message for $args', async ({ args, env, message }) => {
    const result = await runCli(args, env)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('--help')
  })

  it.concurrent('never echoes a user name or password given in --api-url', async () => {
    const result = await runCli(
      ['--source-id', randomUUID(), '--api-url', 'https:alice:hun/ter2@127.0.0.1:9'],
      withKey
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('api-url: https:***@127.0.0.1:9')
    expect(result.stdout + result.stderr).not.toMatch(/alice|hun|ter2/)
  })
})

describe('runner.mjs', () => {
  it.each([
    'https://platform.unstructuredapp.io',
    'https://u:p@host',
    'https:u:p w@host',
    'HTTP:\\\\u:p/q@r@host/x',
    'ftp://u:p@host',
    'u:p@host'
  ])('redacts userinfo as the action does: %s', (raw) => {
    expect(redactCli(raw)).toBe(redactUserinfo(raw))
  })

  /** What parseActionYaml should return, read with a full YAML parser. */
  function fromYaml(text: string): ReturnType<typeof parseActionYaml> {
    const full = parse(text) as {
      inputs: Record<string, { description: string; required?: boolean; default?: unknown }>
      outputs: Record<string, { description: string }>
    }
    return {
      inputs: Object.entries(full.inputs).map(([name, input]) => ({
        name,
        description: input.description,
        required: input.required === true,
        default: input.default === undefined ? undefined : String(input.default as string | number)
      })),
      outputs: Object.entries(full.outputs).map(([name, output]) => ({
        name,
        description: output.description
      }))
    }
  }

  it('reads action.yml as a full YAML parser does', () => {
    const text = readFileSync(ACTION_YML, 'utf8')
    expect(parseActionYaml(text)).toEqual(fromYaml(text))
  })

  it('reads the YAML forms action metadata may use', () => {
    const text = [
      'name: x',
      'inputs:',
      '  # a comment',
      '  plain:',
      '    description: one',
      '      two',
      '    default: 5 # five',
      '  quoted:',
      "    description: 'it''s'",
      '    required: true',
      '    default: "a\\tb"',
      '  literal:',
      '    description: |',
      '      line one',
      '      line two',
      'outputs:',
      '  out:',
      '    description: >',
      '      folded',
      '      text',
      '',
      '      new paragraph',
      'runs:',
      '  using: node24'
    ].join('\n')
    const expected = {
      inputs: [
        { name: 'plain', description: 'one two', required: false, default: '5' },
        { name: 'quoted', description: "it's", required: true, default: 'a\tb' },
        {
          name: 'literal',
          description: 'line one\nline two\n',
          required: false,
          default: undefined
        }
      ],
      outputs: [{ name: 'out', description: 'folded text\nnew paragraph\n' }]
    }
    expect(parseActionYaml(text)).toEqual(expected)
    expect(fromYaml(text)).toEqual(expected)
  })

  it('maps flags and environment to inputs, with action.yml defaults', () => {
    const id = randomUUID()
    const parsed = parseArguments(['--source-id', id, '--source-id', id], {
      UNSTRUCTURED_API_KEY: 'key',
      UNSTRUCTURED_API_URL: 'http://127.0.0.1:1'
    })
    expect(parsed).toEqual({
      command: 'run',
      debug: false,
      warnings: [],
      inputs: {
        'source-id': `${id}\n${id}`,
        'destination-id': '',
        'workflow-id': '',
        'api-key': 'key',
        'api-url': 'http://127.0.0.1:1',
        'timeout-seconds': '300',
        'poll-interval-seconds': '10',
        'max-concurrency': '10'
      }
    })
    expect(() => parseArguments(['--bogus'], {})).toThrow(UsageError)
  })

  it('turns workflow commands into readable lines', () => {
    const log = new LogRenderer({ secrets: ['given-secret'] })
    const shown = [
      '::add-mask::first-line%0Asecond-line',
      'first-line, second-line and the given-secret',
      '::debug::hidden',
      '::group::Source "a"',
      '::error title=Check failed%2C badly::first%0Asecond 100%25',
      '::endgroup::',
      '::warning::careful',
      '::notice file=a.ts,line=3::note',
      'plain'
    ].map((line) => log.line(line))
    expect(shown).toEqual([
      undefined,
      '***, *** and the ***',
      undefined,
      '▸ Source "a"',
      '  Error: Check failed, badly: first\n    second 100%',
      undefined,
      'Warning: careful',
      'Notice: a.ts:3: note',
      'plain'
    ])
    expect(new LogRenderer({ debug: true }).line('::debug::shown')).toBe('Debug: shown')
  })

  it('renders a job summary as text, as a browser would read its HTML', () => {
    const html =
      '<h3>✅ Done &amp; dusted</h3>\n' +
      '<table><tr><th>Kind</th><th>Reason</th><th>Time</th></tr>' +
      '<tr><td>Source<br><code>id-1</code></td><td><td>1.0 s</td></tr>' +
      '<tr><td>Destination</td><td>&#60;b&#62; &#34;x&#34;</td><td>2.0 s</td></tr></table>\n' +
      '<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul><p>API host: <code>h</code></p>\n'
    expect(summaryToText(html)).toBe(
      [
        '✅ Done & dusted',
        '────────────────',
        '',
        'Kind         Reason   Time',
        '───────────  ───────  ─────',
        'Source                1.0 s',
        'id-1',
        'Destination  <b> "x"  2.0 s',
        '',
        '- one',
        '- two',
        '  1. nested',
        '',
        'API host: h'
      ].join('\n')
    )
  })

  it('reads and shows output files', () => {
    const outputs = parseOutputFile('a<<EOF\none\ntwo\nEOF\nb=plain\nresults<<X\n[{"k":1}]\nX\n')
    expect(outputs).toEqual({ a: 'one\ntwo', b: 'plain', results: '[{"k":1}]' })
    expect(formatOutputs({ ...outputs, e: '' }, ['results'])).toBe(
      [
        'results  [',
        '           {',
        '             "k": 1',
        '           }',
        '         ]',
        'a        one',
        '         two',
        'b        plain',
        'e        (empty)'
      ].join('\n')
    )
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
