import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { ACTION_YML } from '../../scripts/docs.js'
import { ACTION_YML_INPUTS } from '../../src/cli/action-inputs.js'
import {
  didYouMean,
  helpText,
  parseFlags,
  TERMINAL_WORDING,
  UsageError,
  type RunRequest
} from '../../src/cli/flags.js'
import { editDistance } from '../../src/core/edit-distance.js'
import { terminalNames } from '../../src/cli/input-names.js'

// The command line's flags, read in-process: what each becomes, and what a mistake is told.

function run(argv: string[], env: Record<string, string> = {}): RunRequest {
  const parsed = parseFlags(argv, env)
  if (parsed.command !== 'run') throw new Error(`not a run: ${parsed.command}`)
  return parsed
}

function usage(argv: string[]): string {
  try {
    parseFlags(argv, {})
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('no usage error')
}

describe('parseFlags', () => {
  it('maps input flags to inputs, repeated ids joined, and the key and URL from the environment', () => {
    const [a, b] = [randomUUID(), randomUUID()]
    const parsed = run(['--source-id', a, `--source-id=${b}`, '--timeout-seconds', '5'], {
      UNSTRUCTURED_API_KEY: 'key',
      UNSTRUCTURED_API_URL: 'http://127.0.0.1:1'
    })
    expect(parsed).toEqual({
      command: 'run',
      inputs: {
        'source-id': `${a}\n${b}`,
        'timeout-seconds': '5',
        'api-key': 'key',
        'api-url': 'http://127.0.0.1:1'
      },
      sources: { key: 'env', apiUrl: 'env' },
      json: false,
      quiet: false,
      debug: false,
      summaryFile: undefined,
      warnings: []
    })
  })

  it('takes the terminal flags, --junit as --junit-file', () => {
    const parsed = run(
      ['--json', '--quiet', '--debug', '--junit', 'r.xml', '--summary-file', 's.html'],
      { UNSTRUCTURED_API_KEY: 'key' }
    )
    expect(parsed).toMatchObject({ json: true, quiet: true, debug: true, summaryFile: 's.html' })
    expect(parsed.inputs['junit-file']).toBe('r.xml')
    expect(parsed.sources.apiUrl).toBe('default')
    expect(parsed.inputs['api-url']).toBeUndefined()
  })

  it('takes --api-key and --api-url over the environment, and warns about the key in a flag', () => {
    const parsed = run(['--api-key', 'flag-key', '--api-url', 'https://x'], {
      UNSTRUCTURED_API_KEY: 'env-key',
      UNSTRUCTURED_API_URL: 'https://y'
    })
    expect(parsed.inputs).toMatchObject({ 'api-key': 'flag-key', 'api-url': 'https://x' })
    expect(parsed.sources).toEqual({ key: 'flag', apiUrl: 'flag' })
    expect(parsed.warnings).toEqual([expect.stringContaining('set UNSTRUCTURED_API_KEY instead')])
  })

  it('answers --help, -h and --version before anything else', () => {
    expect(parseFlags(['--source-id', 'x', '--help'], {})).toEqual({ command: 'help' })
    expect(parseFlags(['-h'], {})).toEqual({ command: 'help' })
    expect(parseFlags(['--version'], {})).toEqual({ command: 'version' })
  })

  it.each([
    [['--sourse-id', 'x'], 'unknown flag --sourse-id; did you mean --source-id?'],
    [['--sourse-id=x'], 'unknown flag --sourse-id; did you mean --source-id?'],
    [['--timeout', '3'], 'unknown flag --timeout; did you mean --timeout-seconds?'],
    [['--jsno'], 'unknown flag --jsno; did you mean --json?'],
    [['--frobnicate'], 'unknown flag --frobnicate'],
    [['-x'], 'unknown flag -x'],
    [['--source-id'], '--source-id needs a value (UUID)'],
    [['--source-id', '--json'], '--source-id needs a value (UUID)'],
    [['--json=yes'], '--json takes no value'],
    [
      ['--timeout-seconds', '1', '--timeout-seconds', '2'],
      '--timeout-seconds is given more than once'
    ],
    [['--junit', 'a', '--junit-file', 'b'], '--junit-file is given more than once'],
    [
      ['orders-s3'],
      'unexpected argument "orders-s3", which looks like a name; give it as --source-name, --destination-name or --workflow-name'
    ],
    [
      ['--dry-run', 'nightly-*'],
      'unexpected argument "nightly-*", which looks like a name; give it as --source-name, --destination-name or --workflow-name'
    ],
    [
      ['--dry-run', 'true'],
      'unexpected argument "true": --dry-run takes no value (give it alone for true, leave it out for false)'
    ],
    [
      ['--source-id', 'x', 'false'],
      'unexpected argument "false", which looks like a name; give it as --source-name, --destination-name or --workflow-name'
    ],
    [['-source-id', 'x'], 'unknown flag -source-id; did you mean --source-id?'],
    [['\u2014source-id=x'], 'unknown flag \u2014source-id; did you mean --source-id?'],
    [['--'], 'unexpected argument "--"'],
    [[''], 'unexpected empty argument (a shell variable that is not set?)'],
    [
      ['5f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b'],
      'unexpected argument "5f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b"; give an id as --source-id, --destination-id or --workflow-id'
    ]
  ])('refuses %j: %s', (argv, message) => {
    expect(usage(argv)).toBe(message)
  })
})

describe('didYouMean', () => {
  it.each([
    ['sourse-id', 'source-id'],
    ['source-di', 'source-id'],
    ['destinaton-id', 'destination-id'],
    ['workflow-d', 'workflow-id'],
    ['workflw-name', 'workflow-name'],
    // Two flags start so: no guess rather than a wrong one.
    ['workflow', undefined],
    ['api-ur', 'api-url'],
    ['max-concurency', 'max-concurrency'],
    ['quite', 'quiet'],
    ['zzz', undefined],
    ['', undefined]
  ])('%s: %s', (given, expected) => {
    expect(didYouMean(given)).toBe(expected)
  })

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('source-di', 'source-id')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })
})

describe('--help', () => {
  const help = helpText()
  const action = parse(readFileSync(ACTION_YML, 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>
  }

  it('lists every input of action.yml as a flag, with its default', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      // A true-or-false input is a switch, with no value after it.
      const at = Math.max(help.indexOf(`\n  --${name} `), help.indexOf(`\n  --${name}\n`))
      expect(at).toBeGreaterThan(-1)
      const entry = help.slice(at + 1, help.indexOf('\n  -', at + 1)).replace(/\s+/g, ' ')
      if (name === 'api-key') expect(entry).toContain('Default: $UNSTRUCTURED_API_KEY (required).')
      else if (name === 'api-url') expect(entry).toContain(`else ${input.default ?? ''}.`)
      else if (input.default === 'false') expect(entry).not.toContain('Default')
      else if (input.default) expect(entry).toContain(`Default: ${input.default}.`)
    }
  })

  it('lists the terminal flags, the environment and the exit codes, within 80 columns', () => {
    for (const text of [
      '--junit FILE',
      '--summary-file FILE',
      '--json',
      '--quiet',
      '--debug',
      '-h, --help',
      '--version',
      'UNSTRUCTURED_API_KEY',
      'UNSTRUCTURED_API_URL',
      'NO_COLOR',
      'FORCE_COLOR',
      '130 after SIGINT',
      '143 after SIGTERM'
    ]) {
      expect(help).toContain(text)
    }
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
  })

  it("speaks of flags, not of a workflow's inputs and secrets", () => {
    expect(help).not.toMatch(/`|secrets\.|the workspace/)
    expect(help.replace(/\s+/g, ' ')).toContain('Combines with --destination-id and --workflow-id')
  })

  it('rewords only text that action.yml still has', () => {
    const descriptions = ACTION_YML_INPUTS.map((input) => input.description).join('\n')
    for (const [from] of TERMINAL_WORDING) expect(descriptions).toContain(from)
  })
})

describe('terminalNames', () => {
  it('names flags and variables as the user set them', () => {
    const fromEnv = terminalNames({ key: 'env', apiUrl: 'env' })
    expect(fromEnv.subject('api-key')).toBe('UNSTRUCTURED_API_KEY')
    expect(fromEnv.ref('api-url')).toBe('UNSTRUCTURED_API_URL')
    expect(fromEnv.ref('timeout-seconds')).toBe('--timeout-seconds')
    expect(fromEnv.missingKey).toMatch(/^No API key: set UNSTRUCTURED_API_KEY/)
    const fromFlags = terminalNames({ key: 'flag', apiUrl: 'default' })
    expect(fromFlags.key).toBe('--api-key')
    expect(fromFlags.ref('api-url')).toBe('--api-url')
  })
})

describe('what a usage error quotes back', () => {
  const message = (argv: string[], env: Record<string, string> = {}): string => {
    try {
      parseFlags(argv, env)
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
    throw new Error('parseFlags took it')
  }

  it('never holds a key given by mistake where a flag belongs', () => {
    const key = `key_${randomUUID()}`
    expect(message(['--json', key], { UNSTRUCTURED_API_KEY: key })).not.toContain(key)
    expect(message(['--api-key', key, key])).not.toContain(key)
  })

  it('holds no escape sequence or bidirectional character', () => {
    const quoted = message(['--bad\u001b[2J\u202e'])
    expect(quoted).not.toContain('\u001b')
    expect(quoted).not.toContain('\u202e')
    expect(quoted).toContain('<U+202E>')
  })
})
