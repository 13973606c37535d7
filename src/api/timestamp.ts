// Timestamps as the API writes them, read without zod: the wait compares them from the first
// answer on, and what reads answers (zod and the schemas) is loaded only then.

/** A moment as the API wrote it, kept below the millisecond so two checks created in one ms still order. */
export interface Timestamp {
  /** Milliseconds since the epoch (UTC). */
  epochMs: number
  /** Digits of the fraction past the millisecond, scaled to nanoseconds (0 to 999 999). */
  subMsNanos: number
}

// Written by whatever the platform runs on: ISO 8601 with `T` or PostgreSQL's text form with a
// space; an offset of `Z`, `+00`, `+0000` or `+00:00`, or none; any number of fraction digits.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))? ?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/**
 * Parses a timestamp as the API may write it. One without an offset is read as UTC (Python's
 * habit); it may really be local time hours away, which is harmless because timestamps are only
 * compared with each other, and the one sanity bound against the server's Date allows a day.
 * Where a timestamp is compared with Date to tell an age, parseZonedTimestamp refuses such.
 */
export function parseTimestamp(text: string): Timestamp | undefined {
  return readTimestamp(text)?.timestamp
}

/**
 * Parses a timestamp only when it says its offset from UTC (`Z`, `+00` ...): one without may be
 * local time hours away, which matters wherever it is compared with a clock other than the
 * platform's own (the server's Date header).
 */
export function parseZonedTimestamp(text: string): Timestamp | undefined {
  const read = readTimestamp(text)
  return read?.zoned === true ? read.timestamp : undefined
}

function readTimestamp(text: string): { timestamp: Timestamp; zoned: boolean } | undefined {
  const match = TIMESTAMP.exec(text.trim())
  if (match === null) return undefined
  const zoned = match[8] !== undefined
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = match
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'))
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis)
  const back = new Date(local)
  // Date.UTC rolls 2026-02-30 over into March; a real timestamp never needs that.
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined
  }
  const offsetMinutes = parseOffset(zone)
  if (offsetMinutes === undefined) return undefined
  const subMsNanos = Number(fraction.slice(3, 9).padEnd(6, '0'))
  return { timestamp: { epochMs: local - offsetMinutes * 60_000, subMsNanos }, zoned }
}

/** Minutes east of UTC for `Z`, `+05`, `-0530`, `+05:30`; undefined when out of range. */
function parseOffset(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0
  if (hours > 18 || minutes > 59) return undefined
  return sign * (hours * 60 + minutes)
}

/** Negative when a is earlier than b, positive when later, 0 when the same instant. */
export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return a.epochMs - b.epochMs || a.subMsNanos - b.subMsNanos
}
