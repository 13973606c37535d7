import { z } from 'zod'
import { parseApiUrl, redactUserinfo, type ApiBase } from './api-url.js'
import { uniqueConnectors, type Connector, type ConnectorKind } from './connector.js'
import { InvalidInputError } from './problems.js'
import { RemoteText } from './remote-text.js'

/** Everything the step was asked to do, validated and typed. */
export interface Settings {
  /** Named by `source-id` and `destination-id`, in input order, each once. */
  connectors: Connector[]
  /** Its sources and destinations are checked too. */
  workflowId: string | undefined
  apiKey: string
  api: ApiBase
  timeoutMs: number
  pollIntervalMs: number
  maxConcurrency: number
}

const DEFAULT_API_URL = 'https://platform.unstructuredapp.io'
const DEFAULT_TIMEOUT_SECONDS = '300'
const DEFAULT_POLL_INTERVAL_SECONDS = '10'
const DEFAULT_MAX_CONCURRENCY = '10'

/** Reads one input by its action.yml name; '' when absent (as @actions/core's getInput). */
export type InputReader = (name: string) => string

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const uuidList = z.array(z.string().regex(UUID, 'must be a UUID'))

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

const timeoutSeconds = z
  .string()
  .regex(SECONDS_FORMAT, 'must be a positive number of seconds')
  .transform(Number)
  .pipe(
    z
      .number()
      .positive('must be greater than zero')
      .max(MAX_SECONDS, `must be at most ${MAX_SECONDS} (6 hours)`)
  )

const pollIntervalSeconds = z
  .string()
  .regex(SECONDS_FORMAT, 'must be a positive number of seconds')
  .transform(Number)
  .pipe(
    z
      .number()
      .min(
        MIN_POLL_INTERVAL_SECONDS,
        `must be from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_SECONDS} seconds`
      )
      .max(MAX_SECONDS, `must be from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_SECONDS} seconds`)
  )

const concurrency = z
  .string()
  .regex(/^\d+$/, `must be a whole number from 1 to ${MAX_CONCURRENCY}`)
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, `must be a whole number from 1 to ${MAX_CONCURRENCY}`)
      .max(MAX_CONCURRENCY, `must be a whole number from 1 to ${MAX_CONCURRENCY}`)
  )

/** How many bad values of one input a message quotes, and how much of each. */
const QUOTED_VALUES = 5
const QUOTED_LENGTH = 80

/** Ids arrive one per line from YAML block scalars, or separated by commas or spaces. */
function splitIds(raw: string): string[] {
  return raw.split(/[\s,]+/).filter((part) => part !== '')
}

/**
 * Reads and validates every input before any request is made. The key is masked first, so no
 * later log line (debug included) can show it. All problems are reported together, each naming
 * its input and the offending value (never the key's).
 */
export function readSettings(read: InputReader, mask: (secret: string) => void): Settings {
  const rawKey = read('api-key')
  if (rawKey !== '') mask(rawKey)
  const apiKey = rawKey.trim()
  if (apiKey !== '' && apiKey !== rawKey) mask(apiKey)
  // Values are quoted back in messages, which also reach the job summary, where the runner does
  // not mask: they are made inert like remote text, the key included.
  const text = new RemoteText([apiKey])
  const quote = (value: string): string => JSON.stringify(text.clean(value, QUOTED_LENGTH))
  const quoteAll = (values: readonly string[]): string => {
    const shown = values.slice(0, QUOTED_VALUES).map(quote).join(', ')
    const more = values.length - QUOTED_VALUES
    return more > 0 ? `${shown} and ${more} more` : shown
  }

  const errors: { input: string; message: string }[] = []
  const fail = (input: string, message: string): void => {
    errors.push({ input, message })
  }

  if (apiKey === '') {
    fail(
      'api-key',
      "Input 'api-key' is required. Pass it from a secret, e.g. `api-key: ${{ secrets.UNSTRUCTURED_API_KEY }}`; " +
        'note that secrets are empty in workflows triggered from forks.'
    )
  } else if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    // Anything else cannot travel in an HTTP header and would fail every request.
    fail(
      'api-key',
      "Input 'api-key' may hold only printable ASCII without spaces; check the secret."
    )
  }

  const named: Connector[] = []
  for (const [input, kind] of [
    ['source-id', 'source'],
    ['destination-id', 'destination']
  ] as const satisfies readonly (readonly [string, ConnectorKind])[]) {
    const ids = splitIds(read(input))
    const parsed = uuidList.safeParse(ids)
    if (!parsed.success) {
      const bad = ids.filter((id) => !UUID.test(id))
      fail(input, `Input '${input}' must be connector UUIDs; got ${quoteAll(bad)}.`)
      continue
    }
    for (const id of parsed.data) named.push({ kind, id: id.toLowerCase() })
  }
  const connectors = uniqueConnectors(named)

  const workflowRaw = read('workflow-id').trim()
  let workflowId: string | undefined
  if (workflowRaw !== '') {
    if (UUID.test(workflowRaw)) workflowId = workflowRaw.toLowerCase()
    else
      fail('workflow-id', `Input 'workflow-id' must be a workflow UUID; got ${quote(workflowRaw)}.`)
  }
  if (
    connectors.length === 0 &&
    workflowRaw === '' &&
    !errors.some((e) => e.input.endsWith('-id'))
  ) {
    fail(
      'source-id',
      "Give something to check: 'source-id', 'destination-id' or 'workflow-id' (or several)."
    )
  }

  const apiUrlRaw = read('api-url') || DEFAULT_API_URL
  const api = parseApiUrl(apiUrlRaw)
  if ('error' in api)
    fail('api-url', `Input 'api-url' ${api.error}; got ${quote(redactUserinfo(apiUrlRaw))}.`)

  const seconds = (input: string, fallback: string, schema: typeof timeoutSeconds): number => {
    const raw = read(input) || fallback
    const parsed = schema.safeParse(raw)
    if (parsed.success) return parsed.data * 1000
    const message = parsed.error.issues[0]?.message ?? 'is not valid'
    fail(input, `Input '${input}' ${message}; got ${quote(raw)}.`)
    return Number.NaN
  }
  const timeoutMs = seconds('timeout-seconds', DEFAULT_TIMEOUT_SECONDS, timeoutSeconds)
  const pollIntervalMs = seconds(
    'poll-interval-seconds',
    DEFAULT_POLL_INTERVAL_SECONDS,
    pollIntervalSeconds
  )
  const concurrencyRaw = read('max-concurrency') || DEFAULT_MAX_CONCURRENCY
  const maxConcurrency = concurrency.safeParse(concurrencyRaw)
  if (!maxConcurrency.success) {
    const message = maxConcurrency.error.issues[0]?.message ?? 'is not valid'
    fail('max-concurrency', `Input 'max-concurrency' ${message}; got ${quote(concurrencyRaw)}.`)
  }

  if (errors.length > 0 || 'error' in api || !maxConcurrency.success) {
    throw new InvalidInputError(
      [...new Set(errors.map((e) => e.input))].join(', '),
      errors.map((e) => e.message).join('\n')
    )
  }
  return {
    connectors,
    workflowId,
    apiKey,
    api,
    timeoutMs,
    pollIntervalMs,
    maxConcurrency: maxConcurrency.data
  }
}
