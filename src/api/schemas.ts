import { z } from 'zod'
import { flatten } from '../text.js'

/**
 * Response shapes from the vendor's OpenAPI document, loosened where the docs say the API may
 * grow: extra fields are accepted, and `status` is any string so a future value is seen (and
 * treated as not final) instead of making every answer unreadable.
 */

export const KNOWN_STATUSES = ['SCHEDULED', 'SUCCESS', 'FAILURE'] as const
export type KnownStatus = (typeof KNOWN_STATUSES)[number]

/** A moment as the API wrote it, kept to the microsecond so two checks created in one ms still order. */
export interface Timestamp {
  /** Milliseconds since the epoch (UTC). */
  epochMs: number
  /** Digits of the fraction past the millisecond, scaled to nanoseconds (0 to 999 999). */
  subMsNanos: number
}

const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/** Parses ISO 8601 as the API writes it; a timestamp without an offset is UTC (Python's habit). */
export function parseTimestamp(text: string): Timestamp | undefined {
  const [, date, time, fraction = '', zone = 'Z'] = TIMESTAMP.exec(text.trim()) ?? []
  if (date === undefined || time === undefined) return undefined
  const millis = fraction.slice(0, 3).padEnd(3, '0')
  const hms = time.length === 5 ? `${time}:00` : time
  const epochMs = Date.parse(`${date}T${hms}.${millis}${zone}`)
  if (Number.isNaN(epochMs)) return undefined
  const subMsNanos = Number(fraction.slice(3, 9).padEnd(6, '0'))
  return { epochMs, subMsNanos }
}

/** Negative when a is earlier than b, positive when later, 0 when the same instant. */
export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return a.epochMs - b.epochMs || a.subMsNanos - b.subMsNanos
}

const timestampText = z.string().transform((text, ctx) => {
  const parsed = parseTimestamp(text)
  if (parsed) return { text, parsed }
  ctx.issues.push({ code: 'custom', message: 'is not an ISO 8601 timestamp', input: text })
  return z.NEVER
})

/** A connection check as this action uses it. */
export interface ConnectionCheck {
  id: string
  /** Usually a KnownStatus; anything else is an unknown, non-final value. */
  status: string
  reason: string | null
  createdAt: string
  reportedAt: string | null
  created: Timestamp
}

/** A string from the API, put on one line before anything can print it. */
const remoteText = z.string().transform(flatten)

export const ConnectionCheckSchema = z
  .looseObject({
    id: remoteText.pipe(z.string().min(1)),
    status: remoteText.pipe(z.string().min(1)),
    reason: remoteText.nullish(),
    created_at: timestampText,
    reported_at: z.string().nullish()
  })
  .transform((raw): ConnectionCheck => ({
    id: raw.id,
    status: raw.status,
    reason: raw.reason ?? null,
    createdAt: raw.created_at.text,
    reportedAt: raw.reported_at ?? null,
    created: raw.created_at.parsed
  }))

const ValidationItemSchema = z.looseObject({
  loc: z.array(z.union([z.string(), z.number()])).optional(),
  msg: z.string()
})

/** Both official SDKs type `detail` as "a list of validation errors, or a string". */
export const ErrorBodySchema = z.looseObject({
  detail: z.union([z.string(), z.array(ValidationItemSchema)])
})

/** Connector ids go into request paths, so a workflow's must be UUIDs like the inputs'. */
const connectorId = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'holds an id that is not a UUID'
  )
  .transform((id) => id.toLowerCase())

const connectorIds = z.array(connectorId, 'must be a list of connector UUIDs')

/** A workflow: only the connector lists are used, so only they are checked. */
export const WorkflowConnectorsSchema = z.looseObject({
  sources: connectorIds,
  destinations: connectorIds
})

export type WorkflowConnectors = z.infer<typeof WorkflowConnectorsSchema>

/** A connector's name and type, for display only (its `config` is never read). */
export const ConnectorInfoSchema = z
  .looseObject({ name: remoteText.nullish(), type: remoteText.nullish() })
  .transform((raw) => ({ name: raw.name ?? undefined, type: raw.type ?? undefined }))
