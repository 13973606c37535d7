import type {
  InputNames,
  InputReader,
  NameInputs,
  Settings,
  UnavailablePolicy
} from './contract.js'
import { parseApiUrl, redactUserinfo, type ApiBase } from '../api/url.js'
import { UUID } from '../core/ids.js'
import { uniqueConnectors, type Connector, type ConnectorKind } from '../core/connector.js'
import type { Answer } from '../core/answer.js'
import { RemoteText } from '../core/remote-text.js'

/** Most new checks after a FAILURE (`recheck-failures`): more would hide an outage behind luck. */
export const MAX_RECHECKS = 3

/** The name inputs, and what each names. */
export const NAME_INPUTS = [
  ['source-name', 'source'],
  ['destination-name', 'destination'],
  ['workflow-name', 'workflow']
] as const

const DEFAULT_API_URL = 'https://platform.unstructuredapp.io'
const DEFAULT_TIMEOUT_SECONDS = '300'
const DEFAULT_POLL_INTERVAL_SECONDS = '10'
const DEFAULT_MAX_CONCURRENCY = '10'

/**
 * The JUnit report's path, or undefined for none (or one no file system takes). Read on its own
 * too, so that inputs rejected for other reasons still get their report of the error.
 */
export function junitFileInput(read: InputReader): string | undefined {
  const raw = read('junit-file').trim()
  // eslint-disable-next-line no-control-regex -- no file system takes these in a path
  return raw === '' || /[\u0000-\u001f]/.test(raw) ? undefined : raw
}

/** A job step may run 6 hours at most; longer would also overflow Node's timers. */
const MAX_SECONDS = 6 * 60 * 60

/**
 * Polling more often than once a second, or backing off for less, only loads the API: with
 * 0.001 s, a 429 was retried hundreds of times a second for every check in flight.
 */
const MIN_POLL_INTERVAL_SECONDS = 1

/** Checks in flight at once: each holds two connections, and all share the key's rate limit. */
const MAX_CONCURRENCY = 100

const SECONDS_FORMAT = /^\d+(\.\d+)?$|^\.\d+$/

/** Less than a second cannot start a check and read its answer: it could only time out. */
const MIN_TIMEOUT_SECONDS = 1

/**
 * A number an input holds: the form its text must have, then its range, each with the message
 * that names what is wanted. Read by hand rather than with zod, which the first request would
 * otherwise wait for (it is loaded with the first answer).
 */
interface NumberInput {
  form: RegExp
  formMessage: string
  min: number
  max: number
  rangeMessage: string
}

const WHOLE_FORMAT = /^\d+$/

const timeoutSeconds: NumberInput = {
  form: SECONDS_FORMAT,
  formMessage: 'must be a positive number of seconds',
  min: MIN_TIMEOUT_SECONDS,
  max: MAX_SECONDS,
  rangeMessage: `must be from ${MIN_TIMEOUT_SECONDS} to ${MAX_SECONDS} seconds (6 hours)`
}

const pollIntervalSeconds: NumberInput = {
  form: SECONDS_FORMAT,
  formMessage: 'must be a positive number of seconds',
  min: MIN_POLL_INTERVAL_SECONDS,
  max: MAX_SECONDS,
  rangeMessage: `must be from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_SECONDS} seconds`
}

const concurrency: NumberInput = {
  form: WHOLE_FORMAT,
  formMessage: `must be a whole number from 1 to ${MAX_CONCURRENCY}`,
  min: 1,
  max: MAX_CONCURRENCY,
  rangeMessage: `must be a whole number from 1 to ${MAX_CONCURRENCY}`
}

const recheckCount: NumberInput = {
  form: WHOLE_FORMAT,
  formMessage: `must be a whole number from 0 to ${MAX_RECHECKS}`,
  min: 0,
  max: MAX_RECHECKS,
  rangeMessage: `must be a whole number from 0 to ${MAX_RECHECKS}`
}

const reuseSeconds: NumberInput = {
  form: SECONDS_FORMAT,
  formMessage: 'must be a number of seconds, 0 for off',
  min: 0,
  max: MAX_SECONDS,
  rangeMessage: `must be at most ${MAX_SECONDS} (6 hours)`
}

/** The number `raw` holds, or the message saying why it holds none in range. */
function readNumber(raw: string, input: NumberInput): Answer<number, string> {
  if (!input.form.test(raw)) return { ok: false, problem: input.formMessage }
  const value = Number(raw)
  // More digits than a double holds read as Infinity: out of range like any other too large.
  if (!(value >= input.min && value <= input.max)) return { ok: false, problem: input.rangeMessage }
  return { ok: true, value }
}

/** YAML's booleans, as the runner's toolkit reads a boolean input. */
const BOOLEAN: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false
}

/** How many bad values of one input a message quotes, and how much of each. */
const QUOTED_VALUES = 5
const QUOTED_LENGTH = 80

/** Ids arrive one per line from YAML block scalars, or separated by commas or spaces. */
function splitIds(raw: string): string[] {
  return raw.split(/[\s,]+/).filter((part) => part !== '')
}

/**
 * Names come one per line, since they may hold spaces and commas. Surrounding blanks are dropped
 * (YAML block scalars keep trailing ones), and so are empty lines and repeats.
 */
export function splitNames(raw: string): string[] {
  const lines = raw
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return [...new Set(lines)]
}

/** What every part of reading the inputs shares: the reader, the words, and the errors so far. */
interface Reading {
  read: InputReader
  names: InputNames
  /** A value quoted back in a message, made inert (the key too) and cut short. */
  quote: (value: string) => string
  quoteAll: (values: readonly string[]) => string
  fail: (input: string, message: string) => void
  errors: { input: string; message: string }[]
}

function reading(read: InputReader, names: InputNames, apiKey: string): Reading {
  // Values are quoted back in messages, which also reach the job summary, where the runner does
  // not mask: they are made inert like remote text, the key included.
  const text = new RemoteText([apiKey])
  const quote = (value: string): string => JSON.stringify(text.clean(value, QUOTED_LENGTH))
  const errors: Reading['errors'] = []
  return {
    read,
    names,
    quote,
    quoteAll: (values) => {
      const shown = values.slice(0, QUOTED_VALUES).map(quote).join(', ')
      const more = values.length - QUOTED_VALUES
      return more > 0 ? `${shown} and ${more} more` : shown
    },
    fail: (input, message) => {
      errors.push({ input, message })
    },
    errors
  }
}

/** The key, masked before anything else is read: no later line (debug included) can show it. */
function readKey(read: InputReader, mask: (secret: string) => void): string {
  const rawKey = read('api-key')
  if (rawKey !== '') mask(rawKey)
  const apiKey = rawKey.trim()
  if (apiKey !== '' && apiKey !== rawKey) mask(apiKey)
  return apiKey
}

function checkKey({ fail, names }: Reading, apiKey: string): void {
  if (apiKey === '') {
    fail('api-key', names.missingKey)
  } else if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    // Anything else cannot travel in an HTTP header and would fail every request.
    fail(
      'api-key',
      `${names.subject('api-key')} may hold only printable ASCII without spaces; check ${names.key}.`
    )
  }
}

/** What to check: connectors by id, a workflow by id, names and patterns; at least one. */
function readTargets(r: Reading): Pick<Settings, 'connectors' | 'workflowId' | 'names'> {
  const { read, names, fail, quote, quoteAll } = r
  const named: Connector[] = []
  for (const [input, kind] of [
    ['source-id', 'source'],
    ['destination-id', 'destination']
  ] as const satisfies readonly (readonly [string, ConnectorKind])[]) {
    const ids = splitIds(read(input))
    const bad = ids.filter((id) => !UUID.test(id))
    if (bad.length > 0) {
      // A name where the id goes is the likely mistake: point at the input that takes names.
      fail(
        input,
        `${names.subject(input)} must be connector UUIDs; got ${quoteAll(bad)}; to check ` +
          `${kind}s by name, use ${names.ref(`${kind}-name`)}.`
      )
      continue
    }
    for (const id of ids) named.push({ kind, id: id.toLowerCase() })
  }
  const connectors = uniqueConnectors(named)

  const workflowRaw = read('workflow-id').trim()
  let workflowId: string | undefined
  if (workflowRaw !== '') {
    if (UUID.test(workflowRaw)) workflowId = workflowRaw.toLowerCase()
    else
      fail(
        'workflow-id',
        `${names.subject('workflow-id')} must be a workflow UUID; got ${quote(workflowRaw)}.`
      )
  }
  const nameInputs: NameInputs = { source: [], destination: [], workflow: [] }
  for (const [input, target] of NAME_INPUTS) {
    const lines = splitNames(read(input))
    // eslint-disable-next-line no-control-regex -- a name to look up never holds these
    const bad = lines.filter((line) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(line))
    if (bad.length > 0) {
      fail(input, `${names.subject(input)} holds control characters; got ${quoteAll(bad)}.`)
      continue
    }
    nameInputs[target] = lines
  }
  const anyName = NAME_INPUTS.some(([, target]) => nameInputs[target].length > 0)
  if (
    connectors.length === 0 &&
    workflowRaw === '' &&
    !anyName &&
    !r.errors.some((e) => e.input.endsWith('-id') || e.input.endsWith('-name'))
  ) {
    fail(
      'source-name',
      `Give something to check: ${names.ref('source-id')}, ${names.ref('destination-id')} or ` +
        `${names.ref('workflow-id')}, or ${names.ref('source-name')}, ` +
        `${names.ref('destination-name')} or ${names.ref('workflow-name')} (or several).`
    )
  }
  return { connectors, workflowId, names: nameInputs }
}

/** A number input by its rule; NaN (and an error) when it does not keep it. */
function parsed(r: Reading, input: string, raw: string, rule: NumberInput): number {
  const result = readNumber(raw, rule)
  if (result.ok) return result.value
  r.fail(input, `${r.names.subject(input)} ${result.problem}; got ${r.quote(raw)}.`)
  return Number.NaN
}

/** Where and how fast: the API, the deadline, the poll interval, the checks at once. */
function readPace(r: Reading): Pick<Settings, 'timeoutMs' | 'pollIntervalMs' | 'maxConcurrency'> & {
  api: ApiBase | undefined
} {
  const { read, names, fail, quote } = r
  const apiUrlRaw = read('api-url') || DEFAULT_API_URL
  const api = parseApiUrl(apiUrlRaw)
  if (!api.ok)
    fail(
      'api-url',
      `${names.subject('api-url')} ${api.problem}; got ${quote(redactUserinfo(apiUrlRaw))}.`
    )
  const seconds = (input: string, fallback: string, rule: NumberInput): number =>
    parsed(r, input, read(input) || fallback, rule) * 1000
  return {
    api: api.ok ? api.value : undefined,
    timeoutMs: seconds('timeout-seconds', DEFAULT_TIMEOUT_SECONDS, timeoutSeconds),
    pollIntervalMs: seconds(
      'poll-interval-seconds',
      DEFAULT_POLL_INTERVAL_SECONDS,
      pollIntervalSeconds
    ),
    maxConcurrency: parsed(
      r,
      'max-concurrency',
      read('max-concurrency') || DEFAULT_MAX_CONCURRENCY,
      concurrency
    )
  }
}

/** What the step does with what it finds: reports, waivers, re-checks, reuse, dry run. */
function readPolicies(r: Reading): Pick<
  Settings,
  'junitFile' | 'recheckFailures' | 'reuseSuccessMs'
> & {
  onPlatformUnavailable: UnavailablePolicy | undefined
  dryRun: boolean | undefined
} {
  const { read, names, fail, quote } = r
  const junitRaw = read('junit-file').trim()
  if (junitFileInput(read) === undefined && junitRaw !== '') {
    fail('junit-file', `${names.subject('junit-file')} must be a file path on one line.`)
  }

  const unavailableRaw = read('on-platform-unavailable').trim() || 'fail'
  const onPlatformUnavailable: UnavailablePolicy | undefined =
    unavailableRaw === 'fail' || unavailableRaw === 'warn' ? unavailableRaw : undefined
  if (onPlatformUnavailable === undefined) {
    fail(
      'on-platform-unavailable',
      `${names.subject('on-platform-unavailable')} must be fail or warn; got ${quote(unavailableRaw)}.`
    )
  }
  const whole = (input: string, rule: NumberInput): number =>
    parsed(r, input, read(input).trim() || '0', rule)
  const recheckFailures = whole('recheck-failures', recheckCount)
  const reuseSuccessMs = whole('reuse-success-seconds', reuseSeconds) * 1000
  const dryRunRaw = read('dry-run').trim() || 'false'
  const dryRun = BOOLEAN[dryRunRaw]
  if (dryRun === undefined) {
    fail('dry-run', `${names.subject('dry-run')} must be true or false; got ${quote(dryRunRaw)}.`)
  }
  return {
    junitFile: junitRaw === '' ? undefined : junitRaw,
    onPlatformUnavailable,
    recheckFailures,
    reuseSuccessMs,
    dryRun
  }
}

/**
 * Reads and validates every input before any request is made. The key is masked first, so no
 * later log line (debug included) can show it. All problems are reported together, each naming
 * its input and the offending value (never the key's).
 */
export function readSettings(
  read: InputReader,
  mask: (secret: string) => void,
  names: InputNames
): Answer<Settings> {
  const apiKey = readKey(read, mask)
  const r = reading(read, names, apiKey)
  checkKey(r, apiKey)
  const targets = readTargets(r)
  const { api, ...pace } = readPace(r)
  const { onPlatformUnavailable, dryRun, ...policies } = readPolicies(r)
  if (
    r.errors.length > 0 ||
    api === undefined ||
    onPlatformUnavailable === undefined ||
    dryRun === undefined
  ) {
    return {
      ok: false,
      problem: {
        kind: 'invalid-input',
        input: [...new Set(r.errors.map((e) => e.input))].join(', '),
        message: r.errors.map((e) => e.message).join('\n')
      }
    }
  }
  return {
    ok: true,
    value: { ...targets, apiKey, api, ...pace, ...policies, onPlatformUnavailable, dryRun }
  }
}
