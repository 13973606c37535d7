// The platform profile: behaviours of the real platform that nothing documents, each off
// unless asked for. Re-exported by platform-simulator.ts.
import type { Paging } from './lists.js'
import type { RateLimit } from './rate-limit.js'

/**
 * How created_at and reported_at are written. 'iso-micros-z' 2026-12-02T10:00:00.123456Z;
 * 'naive' 2026-12-02T02:00:00.123456 (local wall time naiveUtcOffsetHours from UTC, no offset);
 * 'postgres' 2026-12-02 10:00:00.123456+00 and 'postgres-0000' ...+0000 (trailing zeros of the
 * fraction dropped, as PostgreSQL does); 'offset-colon' 2026-12-02T10:00:00.123456+00:00;
 * 'whole-seconds' 2026-12-02T10:00:00Z.
 */
export const TIMESTAMP_FORMS = [
  'iso-micros-z',
  'naive',
  'postgres',
  'postgres-0000',
  'offset-colon',
  'whole-seconds'
] as const
export type TimestampForm = (typeof TIMESTAMP_FORMS)[number]

/**
 * What a POST does. 'create': always creates a check. 'dedupe': while the connector's latest
 * check is SCHEDULED, answers 202 with that check and creates nothing. 'conflict': then answers
 * conflictStatus (409) with a detail and creates nothing.
 */
export type PostMode = 'create' | 'dedupe' | 'conflict'

/** An HTML page from a firewall, CDN or proxy in front of the API, instead of its JSON. */
export interface FirewallPage {
  status: 401 | 403 | 404 | 502 | 503
  /** The page's <title>, verbatim; default "<status> <reason phrase>". */
  title?: string
  /** 'all' (the default): every request; 'checks': only the connection-check paths. */
  paths?: 'all' | 'checks'
}

/** Platform behaviours nothing documents; each is off when absent. */
export interface PlatformProfile {
  /**
   * How `GET /workflows/` pages: default page size (20), a cap on `page_size` (none), whether
   * `page_size` or `page` is ignored (no) and whether the list never ends (no).
   */
  workflowPaging?: Partial<Paging>
  /** The clock that writes created_at/reported_at runs this far ahead (or behind, < 0) of Date. */
  clockOffsetMs?: number
  timestampForm?: TimestampForm
  /** For timestampForm 'naive': the local time's offset from UTC in hours (-8, +9); default 0. */
  naiveUtcOffsetHours?: number
  postMode?: PostMode
  /** The status of postMode 'conflict'; default 409. */
  conflictStatus?: 409 | 423
  /**
   * Every POST answers 202 with one check, final long ago (ageMs, default an hour, before the
   * connector was added), and creates nothing; it is the connector's first stored check.
   */
  staleFinalPost?: boolean | { status?: 'SUCCESS' | 'FAILURE'; ageMs?: number }
  firewallPage?: FirewallPage
  /** Idle keep-alive sockets are closed after this long (uvicorn: 5000); default 60 s. */
  idleTimeoutMs?: number
  /** `Connection: close` on every answer, and the socket closed after it. */
  connectionClose?: boolean
  /** The form of the Date header (RFC 9110's three); default node's own, IMF-fixdate. */
  dateForm?: DateForm
  /**
   * A POST's answer is the check it created as it stands when written: decided already, for a
   * check of no duration (a platform that runs short checks before it answers).
   */
  postAnswersDecided?: boolean
  /**
   * A token bucket per API key in front of every path (before the firewall page and the key
   * check, as a gateway would be): requests beyond it are answered 429.
   */
  rateLimit?: RateLimit
}

export type DateForm = 'imf-fixdate' | 'rfc850' | 'asctime'
