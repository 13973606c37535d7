import { z } from 'zod'
import { parseApiUrl, type ApiBase } from './api-url.js'
import { uniqueConnectors, type Connector, type ConnectorKind } from './connector.js'
import { InvalidInputError } from './problems.js'

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

const positiveSeconds = z
  .string()
  .regex(/^\d+(\.\d+)?$|^\.\d+$/, 'must be a positive number of seconds')
  .transform(Number)
  .pipe(
    z
      .number()
      .positive('must be greater than zero')
      .max(MAX_SECONDS, `must be at most ${MAX_SECONDS} (6 hours)`)
  )

const positiveInteger = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be at least 1'))

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
      fail(input, `Input '${input}' must be connector UUIDs; got ${bad.map(quote).join(', ')}.`)
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
    fail('api-url', `Input 'api-url' ${api.error}; got ${quote(redactUrl(apiUrlRaw))}.`)

  const seconds = (input: string, fallback: string): number => {
    const raw = read(input) || fallback
    const parsed = positiveSeconds.safeParse(raw)
    if (parsed.success) return parsed.data * 1000
    const message = parsed.error.issues[0]?.message ?? 'is not valid'
    fail(input, `Input '${input}' ${message}; got ${quote(raw)}.`)
    return Number.NaN
  }
  const timeoutMs = seconds('timeout-seconds', DEFAULT_TIMEOUT_SECONDS)
  const pollIntervalMs = seconds('poll-interval-seconds', DEFAULT_POLL_INTERVAL_SECONDS)
  const concurrencyRaw = read('max-concurrency') || DEFAULT_MAX_CONCURRENCY
  const concurrency = positiveInteger.safeParse(concurrencyRaw)
  if (!concurrency.success) {
    const message = concurrency.error.issues[0]?.message ?? 'is not valid'
    fail('max-concurrency', `Input 'max-concurrency' ${message}; got ${quote(concurrencyRaw)}.`)
  }

  if (errors.length > 0 || 'error' in api || !concurrency.success) {
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
    maxConcurrency: concurrency.data
  }
}

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)
}

/** A URL pasted with credentials in it must not be echoed back into the log. */
function redactUrl(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1***@')
}
