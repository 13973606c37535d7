import { editDistance } from '../core/edit-distance.js'
import { ACTION_YML_INPUTS, type ActionInput } from './action-inputs.js'
import { KEY_ENV, URL_ENV, type ValueSources } from './input-names.js'
import { isUuid } from '../core/ids.js'
import { RemoteText } from '../core/remote-text.js'

/**
 * The command line's flags: each action.yml input as `--<input-name>`, plus the terminal's own.
 * Parsed by hand rather than with util.parseArgs, so that an unknown flag can get a "did you
 * mean" and every message can name the flag the way the user typed it.
 */

export const COMMAND = 'unstructured-connection-check'

export class UsageError extends Error {}

type Env = Readonly<Record<string, string | undefined>>

export interface RunRequest {
  command: 'run'
  /** action.yml input names to the values given; an input left out is absent. */
  inputs: Record<string, string>
  sources: ValueSources
  json: boolean
  quiet: boolean
  debug: boolean
  summaryFile: string | undefined
  /** Said on stderr before the run. */
  warnings: string[]
}

export type Request = { command: 'help' } | { command: 'version' } | RunRequest

/** Inputs whose flag may be given more than once; the values add up. */
const REPEATABLE = new Set(['source-id', 'destination-id'])

interface Flag {
  name: string
  /** The action.yml input it sets, for an input flag. */
  input?: string
  /** What the value is, in help; undefined for a switch. */
  value?: string
  help: string
}

/** The terminal's own flags, besides one per input. */
const OWN_FLAGS: readonly Flag[] = [
  { name: 'junit', input: 'junit-file', value: 'FILE', help: 'The same as --junit-file.' },
  {
    name: 'summary-file',
    value: 'FILE',
    help: 'Write the job summary (HTML, as the action writes it on GitHub) to FILE.'
  },
  {
    name: 'json',
    help: 'Print the results as a JSON array on stdout, the entries of the action\'s "results" output, and nothing else; the report goes to stderr.'
  },
  { name: 'quiet', help: 'Print the verdict line alone.' },
  { name: 'debug', help: 'Also print every request (method, path, answer, time) and event.' },
  { name: 'help', help: 'Show this help and exit.' },
  { name: 'version', help: 'Print the version and exit.' }
]

/** Where an action.yml wording does not fit a terminal: [as action.yml says it, as said here]. */
export const TERMINAL_WORDING: readonly (readonly [string, string])[] = [
  ['Pass it from a secret, e.g. `secrets.UNSTRUCTURED_API_KEY`.', ''],
  ['It is masked in the log.', `Prefer ${KEY_ENV}: a flag stays in the shell's history.`],
  ['start in the workspace', 'start in the working directory'],
  [
    '`true`: read each connector and workflow, and start no check.',
    'Read each connector and workflow, and start no check.'
  ]
]

function placeholder(input: string): string {
  if (input.endsWith('-id')) return 'UUID'
  if (input.endsWith('-seconds')) return 'SECONDS'
  if (input.endsWith('-file')) return 'FILE'
  if (input === 'api-url') return 'URL'
  if (input === 'api-key') return 'KEY'
  if (input === 'on-platform-unavailable') return 'fail|warn'
  return 'N'
}

/** An input that is true or false (its default is 'false') is a switch: given, it is true. */
const isSwitch = (input: ActionInput): boolean => input.default === 'false'

/** An action.yml description in a terminal's words: `input` becomes --input. */
function terminalDescription(input: ActionInput): string {
  let text = input.description
  for (const [from, to] of TERMINAL_WORDING) text = text.replace(from, to)
  const inputs = new Set(ACTION_YML_INPUTS.map((i) => i.name))
  return text
    .replace(/`([^`]+)`/g, (_, name: string) => (inputs.has(name) ? `--${name}` : name))
    .replace(/\s+/g, ' ')
    .trim()
}

function defaultNote(input: ActionInput): string {
  if (input.name === 'api-key') return ` Default: $${KEY_ENV} (required).`
  if (input.name === 'api-url') return ` Default: $${URL_ENV}, else ${input.default ?? ''}.`
  if (REPEATABLE.has(input.name)) return ' Repeatable.'
  return input.default ? ` Default: ${input.default}.` : ''
}

const INPUT_FLAGS: readonly Flag[] = ACTION_YML_INPUTS.map((input) => ({
  name: input.name,
  input: input.name,
  ...(isSwitch(input) ? {} : { value: placeholder(input.name) }),
  help: terminalDescription(input) + (isSwitch(input) ? '' : defaultNote(input))
}))

const FLAGS: readonly Flag[] = [...INPUT_FLAGS, ...OWN_FLAGS]
const BY_NAME = new Map(FLAGS.map((flag) => [flag.name, flag]))
const SHORT: Record<string, string> = { h: 'help' }

/** The known flag closest to `given` (without dashes), if one is close enough to be meant. */
export function didYouMean(
  given: string,
  known: readonly string[] = FLAGS.map((f) => f.name)
): string | undefined {
  const name = given.toLowerCase()
  const ranked = known
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance)
  const [best] = ranked
  if (best !== undefined && best.distance <= Math.max(2, Math.floor(name.length / 3))) {
    return best.candidate
  }
  // `--source` for `--source-id`: a start of one flag alone.
  const started = known.filter((candidate) => name.length >= 3 && candidate.startsWith(name))
  return started.length === 1 ? started[0] : undefined
}

function unknownFlag(raw: string, name: string, text: RemoteText): UsageError {
  const guess = didYouMean(name)
  return new UsageError(
    `unknown flag ${text.clean(raw, 80)}${guess === undefined ? '' : `; did you mean --${guess}?`}`
  )
}

/** Dashes that a copy from a web page or a word processor puts where `--` was typed. */
const DASHES = /^[-\u2010-\u2015\u2212]+/

/**
 * An argument that is no flag nor a flag's value, and what it most likely was meant as: an id or
 * a name without its flag, or a flag with the wrong dashes.
 */
function strayArgument(arg: string, previous: string | undefined, text: RemoteText): UsageError {
  if (arg.trim() === '') {
    return new UsageError('unexpected empty argument (a shell variable that is not set?)')
  }
  const quoted = JSON.stringify(text.clean(arg, 80))
  // `--dry-run true`, as a workflow would say it: a switch takes no value.
  const after = previous?.startsWith('--') === true ? BY_NAME.get(previous.slice(2)) : undefined
  if (after !== undefined && after.value === undefined && /^(true|false)$/i.test(arg)) {
    return new UsageError(
      `unexpected argument ${quoted}: --${after.name} takes no value (give it alone for true, ` +
        'leave it out for false)'
    )
  }
  const dashes = DASHES.exec(arg)?.[0]
  if (dashes === arg) return new UsageError(`unexpected argument ${quoted}`)
  if (dashes !== undefined) {
    return unknownFlag(arg.split('=')[0] ?? arg, arg.slice(dashes.length).split('=')[0] ?? '', text)
  }
  const hint = isUuid(arg)
    ? '; give an id as --source-id, --destination-id or --workflow-id'
    : ', which looks like a name; give it as --source-name, --destination-name or --workflow-name'
  return new UsageError(`unexpected argument ${quoted}${hint}`)
}

/**
 * What may be quoted back from the command line: a key passed by mistake (a stray positional,
 * say) is replaced, and no escape sequence or bidirectional character reaches the terminal.
 */
function argvText(argv: readonly string[], env: Env): RemoteText {
  const keys = [env[KEY_ENV] ?? '']
  argv.forEach((arg, i) => {
    if (arg === '--api-key') keys.push(argv[i + 1] ?? '')
    else if (arg.startsWith('--api-key=')) keys.push(arg.slice('--api-key='.length))
  })
  return new RemoteText(keys)
}

/** Reads the command line; throws UsageError for anything it cannot take. */
export function parseFlags(argv: readonly string[], env: Env): Request {
  const text = argvText(argv, env)
  const values = new Map<string, string[]>()
  const switches = new Set<string>()
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? ''
    let name: string
    let inline: string | undefined
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=')
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
      inline = eq === -1 ? undefined : arg.slice(eq + 1)
    } else if (/^-[a-zA-Z]$/.test(arg)) {
      const long = SHORT[arg.slice(1)]
      if (long === undefined) throw unknownFlag(arg, arg.slice(1), text)
      name = long
    } else {
      throw strayArgument(arg, argv[i - 1], text)
    }
    const flag = BY_NAME.get(name)
    if (flag === undefined) throw unknownFlag(arg.split('=')[0] ?? arg, name, text)
    if (flag.value === undefined) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`)
      switches.add(name)
      continue
    }
    let value = inline
    if (value === undefined) {
      const next = argv[i + 1]
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`--${name} needs a value (${flag.value})`)
      }
      value = next
      i += 1
    }
    if (value.trim() === '') {
      // Most often a shell variable that is not set: never fall back to a default for it.
      throw new UsageError(
        `--${name} is empty (a shell variable that is not set?): give it a value or leave it out`
      )
    }
    const key = flag.input ?? flag.name
    const given = values.get(key) ?? []
    if (given.length > 0 && !REPEATABLE.has(key)) {
      throw new UsageError(`--${name} is given more than once`)
    }
    values.set(key, [...given, value])
  }
  if (switches.has('help')) return { command: 'help' }
  if (switches.has('version')) return { command: 'version' }

  const inputs: Record<string, string> = {}
  for (const { name } of ACTION_YML_INPUTS) {
    const given = values.get(name)
    if (given !== undefined) inputs[name] = given.join('\n')
    if (switches.has(name)) inputs[name] = 'true'
  }
  const warnings: string[] = []
  let key: ValueSources['key'] = 'flag'
  if (inputs['api-key'] !== undefined) {
    warnings.push(
      `--api-key puts the key in your shell's history and the process list; set ${KEY_ENV} instead.`
    )
  } else {
    key = 'env'
    inputs['api-key'] = env[KEY_ENV] ?? ''
  }
  let apiUrl: ValueSources['apiUrl'] = 'flag'
  if (inputs['api-url'] === undefined) {
    apiUrl = env[URL_ENV] ? 'env' : 'default'
    if (env[URL_ENV]) inputs['api-url'] = env[URL_ENV]
  }
  return {
    command: 'run',
    inputs,
    sources: { key, apiUrl },
    json: switches.has('json'),
    quiet: switches.has('quiet'),
    debug: switches.has('debug'),
    summaryFile: values.get('summary-file')?.[0],
    warnings
  }
}

/** Lines of at most `width` columns, each starting with `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(indent + line)
  return lines
}

const HELP_WIDTH = 80

function flagHelp(flag: Flag): string[] {
  const head = `  --${flag.name}${flag.value === undefined ? '' : ` ${flag.value}`}`
  const short = Object.entries(SHORT).find(([, long]) => long === flag.name)?.[0]
  return [
    short === undefined ? head : `  -${short}, ${head.trimStart()}`,
    ...wrap(flag.help, HELP_WIDTH, '      ')
  ]
}

export function helpText(): string {
  const section = (title: string, lines: string[]): string[] => ['', title, ...lines]
  return `${[
    `Usage: ${COMMAND} [flags]`,
    '',
    ...wrap(
      'Asks the Unstructured Platform to test source and destination connectors (one, several, ' +
        "or a whole workflow's), waits for the verdicts, and exits 0 only when every check passed " +
        '(or a policy such as --dry-run or --on-platform-unavailable warn let the step pass).',
      HELP_WIDTH,
      ''
    ),
    ...section('What to check, and where (the inputs of the GitHub Action):', [
      ...INPUT_FLAGS.flatMap(flagHelp)
    ]),
    ...section('Output:', OWN_FLAGS.flatMap(flagHelp)),
    ...section('Environment:', [
      `  ${KEY_ENV}   the API key (required)`,
      `  ${URL_ENV}   the API's base URL, unless --api-url is given`,
      '  NO_COLOR, FORCE_COLOR  no colours, or colours even off a terminal',
      '  CONNCHECK_LIVE=0 or 1  live lines off, or on even off a terminal'
    ]),
    ...section('Exit codes:', [
      '  0 the step passed (every check, or by a policy)',
      '  1 a check or the step did not pass',
      '  2 a usage error (a flag or an input that is not valid)',
      '  130 after SIGINT (Ctrl-C)    143 after SIGTERM'
    ])
  ].join('\n')}\n`
}
