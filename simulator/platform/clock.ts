// The simulated platform's clocks: the one that writes created_at and reported_at (which a
// profile may set ahead or behind, in one of several forms), and the HTTP dates of its answers.
import { performance } from 'node:perf_hooks'
import type { DateForm, PlatformProfile, TimestampForm } from '../profile.js'

export const HOUR_US = 3_600_000_000
export const HOUR_MS = 3_600_000

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTH_NAMES = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')

/** An HTTP date of `ms` in one of RFC 9110's forms. */
export function httpDate(ms: number, form: DateForm = 'imf-fixdate'): string {
  const at = new Date(ms)
  const two = (n: number): string => String(n).padStart(2, '0')
  const weekday = WEEKDAYS[at.getUTCDay()] ?? ''
  const month = MONTH_NAMES[at.getUTCMonth()] ?? ''
  const time = `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`
  const day = at.getUTCDate()
  const year = at.getUTCFullYear()
  switch (form) {
    case 'imf-fixdate':
      return `${weekday.slice(0, 3)}, ${two(day)} ${month} ${year} ${time} GMT`
    case 'rfc850':
      return `${weekday}, ${two(day)}-${month}-${two(year % 100)} ${time} GMT`
    case 'asctime':
      return `${weekday.slice(0, 3)} ${month} ${String(day).padStart(2, ' ')} ${time} ${year}`
  }
}

/** Microseconds since the epoch, written in one of the forms a platform might use. */
function formatTimestamp(us: number, form: TimestampForm, naiveUtcOffsetHours: number): string {
  const shifted = Math.floor(us) + (form === 'naive' ? naiveUtcOffsetHours * HOUR_US : 0)
  const seconds = new Date(Math.floor(shifted / 1_000_000) * 1000).toISOString().slice(0, 19)
  const fraction = String(((shifted % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, '0')
  const trimmed = fraction.replace(/0+$/u, '')
  const pgFraction = trimmed === '' ? '' : `.${trimmed}`
  switch (form) {
    case 'iso-micros-z':
      return `${seconds}.${fraction}Z`
    case 'naive':
      return `${seconds}.${fraction}`
    case 'postgres':
      return `${seconds.replace('T', ' ')}${pgFraction}+00`
    case 'postgres-0000':
      return `${seconds.replace('T', ' ')}${pgFraction}+0000`
    case 'offset-colon':
      return `${seconds}.${fraction}+00:00`
    case 'whole-seconds':
      return `${seconds}Z`
  }
}

export function isoMicros(us: number): string {
  return formatTimestamp(us, 'iso-micros-z', 0)
}

function wallClockUs(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000)
}

/** The platform's clock (the one that writes created_at), not the one that writes Date. */
export interface PlatformClock {
  /** Now, in microseconds since the epoch. */
  nowUs(): number
  /** An instant in the profile's timestamp form. */
  stamp(us: number): string
  /** Now for a new check's created_at: strictly after the last one. */
  nextCreatedUs(): number
}

export function platformClock(profile: PlatformProfile): PlatformClock {
  const form = profile.timestampForm ?? 'iso-micros-z'
  const naiveHours = profile.naiveUtcOffsetHours ?? 0
  const clockOffsetUs = Math.round((profile.clockOffsetMs ?? 0) * 1000)
  let lastCreatedUs = 0
  const nowUs = (): number => wallClockUs() + clockOffsetUs
  return {
    nowUs,
    stamp: (us) => formatTimestamp(us, form, naiveHours),
    // Strictly increasing even when two checks land in the same microsecond.
    nextCreatedUs() {
      lastCreatedUs = Math.max(nowUs(), lastCreatedUs + 1)
      return lastCreatedUs
    }
  }
}
