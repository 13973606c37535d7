// The simulator's platform profile as short NAME[=VALUE] flags, for serve.ts and scripts.
import {
  TIMESTAMP_FORMS,
  type FirewallPage,
  type PlatformProfile,
  type RateLimit
} from './platform-simulator.js'

const FIREWALL_STATUSES: readonly FirewallPage['status'][] = [401, 403, 404, 502, 503]
const UVICORN_IDLE_MS = 5000
const DEFAULT_CLOCK_SKEW_MS = 5000

const HELP: [string, string][] = [
  ['clock-behind[=MS]', 'created_at/reported_at written by a clock MS (5000) behind Date'],
  ['clock-ahead[=MS]', '... or MS (5000) ahead of it'],
  ['timestamps=FORM', 'iso-micros-z (default), postgres (+00), postgres-0000, offset-colon'],
  ['', '(+00:00), whole-seconds, naive (UTC, no offset), naive-8, naive+9'],
  ['', '(local time that many hours from UTC, no offset)'],
  ['post=MODE', 'create (default); dedupe: a POST while a check runs answers that'],
  ['', 'check; conflict: it answers 409; conflict-423'],
  ['stale-final[=STATUS]', 'every POST answers one check, final (SUCCESS) an hour ago'],
  ['firewall=STATUS[,checks]', 'an HTML block page, status 401|403|404|502|503, for every'],
  ['', 'request (or only the connection-check paths)'],
  ['uvicorn-idle', 'idle keep-alive sockets closed after 5 s, as uvicorn does'],
  ['idle=MS', '... after MS'],
  ['connection-close', 'Connection: close on every answer'],
  ['page-size=N', 'GET /workflows/ answers N per page without page_size (20)'],
  ['page-size-max=N', '... and at most N whatever page_size asks'],
  ['page-size-ignored', '... or ignores page_size (N per page)'],
  ['pages-ignored', '... or ignores `page` and answers the first page every time'],
  ['pages-endless', '... or never ends: every page past the last adds new workflows'],
  ['rate-limit=R[,burst=B]', 'a token bucket per key: R requests a second (0.5, 1, 20),'],
  ['  [,retry-after=FORM]', 'B more at once (0); beyond it 429 with Retry-After in whole'],
  ['', 'seconds (default), as an HTTP date, or none (as nginx)']
]

/** The flags, for a --help text. */
export const PROFILE_FLAGS_HELP = HELP.map(([flag, text]) => `    ${flag.padEnd(26)}${text}`).join(
  '\n'
)

function milliseconds(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new Error(`--profile ${name} needs a whole number of milliseconds`)
  }
  return Number(value)
}

function pageSize(name: string, value: string | undefined): number {
  if (value === undefined || !/^[1-9]\d*$/.test(value)) {
    throw new Error(`--profile ${name} needs a whole number from 1`)
  }
  return Number(value)
}

const RATE_LIMIT_USAGE = '--profile rate-limit=R[,burst=B][,retry-after=seconds|date|none]'

function parseRateLimit(value: string): RateLimit {
  const [rate = '', ...options] = value.split(',')
  if (!/^\d+(\.\d+)?$/.test(rate) || !(Number(rate) > 0)) {
    throw new Error(`${RATE_LIMIT_USAGE}: R is a number of requests a second above 0`)
  }
  const limit: RateLimit = { ratePerSecond: Number(rate), burst: 0 }
  for (const option of options) {
    const burst = /^burst=(\d+)$/.exec(option)?.[1]
    const retryAfter = /^retry-after=(seconds|date|none)$/.exec(option)?.[1]
    if (burst !== undefined) limit.burst = Number(burst)
    else if (retryAfter === 'seconds' || retryAfter === 'date' || retryAfter === 'none') {
      limit.retryAfter = retryAfter
    } else throw new Error(`${RATE_LIMIT_USAGE}: unknown option ${option}`)
  }
  return limit
}

/** Applies one flag (such as 'clock-behind=5000') to `profile`; throws on a bad one. */
function applyFlag(profile: PlatformProfile, flag: string): void {
  const [name = '', value] = flag.split(/=(.*)/su, 2)
  switch (name) {
    case 'clock-behind':
      profile.clockOffsetMs = -milliseconds(name, value, DEFAULT_CLOCK_SKEW_MS)
      return
    case 'clock-ahead':
      profile.clockOffsetMs = milliseconds(name, value, DEFAULT_CLOCK_SKEW_MS)
      return
    case 'timestamps': {
      const naive = /^naive([+-]\d{1,2})$/.exec(value ?? '')
      if (naive?.[1] !== undefined) {
        profile.timestampForm = 'naive'
        profile.naiveUtcOffsetHours = Number(naive[1])
        return
      }
      const form = TIMESTAMP_FORMS.find((f) => f === value)
      if (form === undefined)
        throw new Error(`--profile timestamps must be one of ${TIMESTAMP_FORMS.join(', ')}`)
      profile.timestampForm = form
      return
    }
    case 'post':
      if (value === 'create' || value === 'dedupe' || value === 'conflict') {
        profile.postMode = value
      } else if (value === 'conflict-423') {
        profile.postMode = 'conflict'
        profile.conflictStatus = 423
      } else {
        throw new Error('--profile post must be create, dedupe, conflict or conflict-423')
      }
      return
    case 'stale-final':
      if (value !== undefined && value !== 'SUCCESS' && value !== 'FAILURE') {
        throw new Error('--profile stale-final takes SUCCESS or FAILURE')
      }
      profile.staleFinalPost = value === undefined ? true : { status: value }
      return
    case 'firewall': {
      const [statusText, paths] = (value ?? '').split(',')
      const status = FIREWALL_STATUSES.find((s) => String(s) === statusText)
      if (status === undefined || (paths !== undefined && paths !== 'checks')) {
        throw new Error(
          `--profile firewall must be one of ${FIREWALL_STATUSES.join(', ')}, optionally ",checks"`
        )
      }
      profile.firewallPage = paths === undefined ? { status } : { status, paths }
      return
    }
    case 'uvicorn-idle':
      profile.idleTimeoutMs = UVICORN_IDLE_MS
      return
    case 'idle':
      profile.idleTimeoutMs = milliseconds(name, value)
      return
    case 'connection-close':
      profile.connectionClose = true
      return
    case 'page-size':
      profile.workflowPaging = { ...profile.workflowPaging, defaultSize: pageSize(name, value) }
      return
    case 'page-size-max':
      profile.workflowPaging = { ...profile.workflowPaging, maxSize: pageSize(name, value) }
      return
    case 'page-size-ignored':
      profile.workflowPaging = { ...profile.workflowPaging, ignorePageSize: true }
      return
    case 'rate-limit':
      profile.rateLimit = parseRateLimit(value ?? '')
      return
    case 'pages-ignored':
      profile.workflowPaging = { ...profile.workflowPaging, ignorePage: true }
      return
    case 'pages-endless':
      profile.workflowPaging = { ...profile.workflowPaging, endless: true }
      return
    default:
      throw new Error(`unknown --profile ${name}; see --help`)
  }
}

/** The profile that a list of flags describes, later flags winning; throws on a bad one. */
export function parseProfileFlags(flags: readonly string[]): PlatformProfile {
  const profile: PlatformProfile = {}
  for (const flag of flags) applyFlag(profile, flag)
  return profile
}
