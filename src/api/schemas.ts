import { z } from 'zod'
import { UUID } from '../core/ids.js'
import type { ConnectorInfo } from '../core/connector.js'
import { flatten } from '../core/text.js'
import { parseTimestamp, type Timestamp } from './timestamp.js'

/**
 * Response shapes from the vendor's OpenAPI document, loosened where the docs say the API may
 * grow: extra fields are accepted, and `status` is any string so a future value is seen (and
 * treated as not final) instead of making every answer unreadable.
 */

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
  /** The Date header of the answer that carried it, if readable: only for the sanity bound. */
  serverDateMs?: number
  /** The answer's Age header in seconds (NaN when unreadable): set when a cache served it. */
  cacheAgeSeconds?: number
}

/** A string from the API, put on one line before anything can print it. */
const remoteText = z.string().transform(flatten)

export const ConnectionCheckSchema = z
  .looseObject({
    id: remoteText.pipe(z.string().min(1)),
    status: remoteText.pipe(z.string().min(1)),
    reason: remoteText.nullish(),
    created_at: timestampText,
    reported_at: remoteText.nullish()
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
  .regex(UUID, 'holds an id that is not a UUID')
  .transform((id) => id.toLowerCase())

const connectorIds = z.array(connectorId, 'must be a list of connector UUIDs')

/** A workflow: only the connector lists are used, so only they are checked. */
export const WorkflowConnectorsSchema = z.looseObject({
  sources: connectorIds,
  destinations: connectorIds
})

export type WorkflowConnectors = z.infer<typeof WorkflowConnectorsSchema>

/**
 * When a connector was last changed, as the API wrote it: undefined when it gave none, '' when
 * it gave something that is not text (an unreadable time, never a reason to refuse the answer).
 */
function updatedAtOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? flatten(value) : ''
}

/**
 * A connector's id, name and type, and when it was last updated (`config` is never read). Its
 * `updatedAt` is null when the API said null (never updated), undefined when it said nothing.
 */
export const ConnectorInfoSchema = z
  .looseObject({
    id: z.unknown().optional(),
    name: remoteText.nullish(),
    type: remoteText.nullish(),
    updated_at: z.unknown().optional()
  })
  .transform((raw): ConnectorInfo => ({
    id: typeof raw.id === 'string' ? raw.id.toLowerCase() : undefined,
    name: raw.name ?? undefined,
    type: raw.type ?? undefined,
    updatedAt: raw.updated_at === null ? null : updatedAtOf(raw.updated_at)
  }))

/** One entry of `GET /sources/` or `/destinations/`; `config` is never read. */
export interface ListedConnector {
  /** A UUID, lower-cased: it goes into request paths later. */
  id: string
  /** On one line; '' when the API gave none. */
  name: string
  type: string | undefined
  /** `updated_at` as the API wrote it (see updatedAtOf); connectors only. */
  updatedAt?: string | undefined
}

export interface ListedWorkflow extends ListedConnector {
  sources: string[]
  destinations: string[]
}

/** Why an entry is not one: the field and what is wrong with it. */
interface Flaw {
  field: string
  why: string
}

/** Reads an entry, or says why it is not one. */
type EntryReader<T> = (item: Record<string, unknown>) => T | Flaw

const isFlaw = (value: unknown): value is Flaw =>
  typeof value === 'object' && value !== null && 'why' in value

/** A text field on one line; undefined when absent, a Flaw when not a string. */
function optionalText(item: Record<string, unknown>, field: string): string | undefined | Flaw {
  const value = item[field]
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? flatten(value) : { field, why: 'must be a string' }
}

function uuids(item: Record<string, unknown>, field: string): string[] | Flaw {
  const value = item[field]
  if (!Array.isArray(value)) return { field, why: 'must be a list of connector UUIDs' }
  const ids: string[] = []
  for (let i = 0; i < value.length; i += 1) {
    const id: unknown = value[i]
    if (typeof id !== 'string' || !UUID.test(id)) {
      return { field: `${field}.${i}`, why: 'holds an id that is not a UUID' }
    }
    ids.push(id.toLowerCase())
  }
  return ids
}

// Written for a cold start, where a step spends its life: thousands of entries, each read by
// a few plain checks with no intermediate objects.
function readEntry(item: Record<string, unknown>, typeField: string): ListedConnector | Flaw {
  const { id } = item
  if (typeof id !== 'string' || !UUID.test(id)) return { field: 'id', why: 'is not a UUID' }
  const name = optionalText(item, 'name')
  if (isFlaw(name)) return name
  const type = optionalText(item, typeField)
  if (isFlaw(type)) return type
  return { id: id.toLowerCase(), name: name ?? '', type }
}

const readConnector: EntryReader<ListedConnector> = (item) => {
  const entry = readEntry(item, 'type')
  if (isFlaw(entry)) return entry
  const updatedAt = updatedAtOf(item.updated_at)
  // Set on the entry just made rather than copied: a list has thousands.
  if (updatedAt !== undefined) entry.updatedAt = updatedAt
  return entry
}

const readWorkflow: EntryReader<ListedWorkflow> = (item) => {
  const base = readEntry(item, 'workflow_type')
  if (isFlaw(base)) return base
  const sources = uuids(item, 'sources')
  if (isFlaw(sources)) return sources
  const destinations = uuids(item, 'destinations')
  if (isFlaw(destinations)) return destinations
  return { ...base, sources, destinations }
}

/**
 * A bare JSON array of entries, read by hand: a list holds thousands, and a zod object schema
 * per entry cost ten times the CPU on a cold start.
 * Extra fields are accepted; a wrong field is named by its path, as zod would.
 */
function listSchema<T>(what: string, read: EntryReader<T>) {
  return z.unknown().transform((value, ctx): T[] => {
    if (!Array.isArray(value)) {
      ctx.issues.push({ code: 'custom', message: `must be a list of ${what}`, input: value })
      return z.NEVER
    }
    const entries: T[] = new Array<T>(value.length)
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i]
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        ctx.issues.push({ code: 'custom', message: 'must be an object', input: item, path: [i] })
        return z.NEVER
      }
      const entry = read(item as Record<string, unknown>)
      if (isFlaw(entry)) {
        ctx.issues.push({ code: 'custom', message: entry.why, input: item, path: [i, entry.field] })
        return z.NEVER
      }
      entries[i] = entry
    }
    return entries
  })
}

/** The connector lists are bare arrays, with no paging. */
export const ConnectorListSchema = listSchema('connectors', readConnector)

/** One page of `GET /workflows/`: a bare array too. */
export const WorkflowListSchema = listSchema('workflows', readWorkflow)
