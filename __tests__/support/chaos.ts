// The chaos model shared by __tests__/chaos.test.ts, __tests__/signals.test.ts and
// scripts/chaos.ts: fast-check arbitraries for fault schedules, platform behaviours and hostile
// remote text, a runner for the bundled action, and the one function that checks the invariants
// on a run.
//
// Nothing here imports jest, so the chaos script can use it outside the test runner.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import {
  startSimulator,
  type PlatformProfile,
  type RateLimit,
  type PostMode,
  type TimestampForm,
  type Ending,
  type FaultSlot,
  type RecordedRequest,
  type ServedCheck,
  type SimCheck,
  type Simulator
} from '../../simulator/platform-simulator.js'
import { startBundle, type ActionResult, type StartedBundle } from './runner.js'
import { bundleFile } from './test-bundles.js'

/** The bundle that bundleRunner runs: the tests' bundle of src/ unless the chaos script says. */
let bundlePath: string | undefined

export function useBundle(file: string): void {
  bundlePath = file
}

// ---------------------------------------------------------------------------------------------
// The model: a fault schedule, as plain JSON so a counterexample prints as it was drawn.

/** A reply that replaces the normal answer of one request (see the simulator's Fault). */
export type FaultSpec =
  | { kind: 'pass' }
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504; html: boolean }
  | { kind: 'rate-limit'; retryAfter: RetryAfterSpec }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'not-a-check'; status: 200 | 202 | 204; body: string; html: boolean }
  /** `status` may be hostile text (see HOSTILE_TOKENS). */
  | { kind: 'unknown-status'; status: string }
  | { kind: 'older-check'; status: 'SCHEDULED' | 'SUCCESS' | 'FAILURE' }
  | { kind: 'newer-check'; ending: Ending; durationMs: number }
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308 }
  | { kind: 'not-found' }
  /** The error body's `detail` (or its one item's `msg` for a 422) may be hostile text. */
  | { kind: 'refusal'; status: 400 | 401 | 403 | 409 | 422; detail: string }
  | { kind: 'absurd-newer'; when: 'year-9999' | 'day-ahead'; status: 'SUCCESS' | 'FAILURE' }

/** Retry-After in seconds, as an HTTP date that many seconds ahead, unreadable, or absent. */
export type RetryAfterSpec =
  { seconds: number } | { dateInSeconds: number } | { raw: string } | 'absent'

/** POST faults may first create the check, then lose or spoil its answer. */
export type PostFaultSpec = FaultSpec & { afterCreate: boolean }

/** Platform behaviours that nothing documents: the simulator's profile, and a check already running. */
export interface PlatformSpec {
  clockOffsetMs: number
  timestampForm: TimestampForm
  naiveUtcOffsetHours: number
  postMode: PostMode
  conflictStatus: 409 | 423
  /** A check someone else started just before the step. */
  alreadyRunning: { durationMs: number; ending: Ending } | null
  staleFinalPost: boolean
  firewallPage: 401 | 403 | 404 | 503 | null
  connectionClose: boolean
  idleTimeoutMs: number | null
  /** A token bucket per key in front of the API, answering 429 beyond it. */
  rateLimit: RateLimit | null
}

export interface ChaosCase {
  kind: 'source' | 'destination'
  /** The connector's name and type as the API gives them; null for the simulator's own. */
  connector: { name: string | null; type: string | null }
  /** How the check(s) the POSTs create end, and when. */
  check: { durationMs: number; ending: Ending; reason: string | null }
  platform: PlatformSpec
  post: PostFaultSpec[]
  get: FaultSpec[]
  timeoutSeconds: number
  pollIntervalSeconds: number
  debug: boolean
}

export interface ChaosProfile {
  /** timeout-seconds is drawn from [min, max] in tenths of a second. */
  timeoutSeconds: { min: number; max: number }
  /** Longest check duration, ms. */
  maxCheckMs: number
  /** Longest 'delay' fault, ms. */
  maxDelayMs: number
}

/** Short deadlines and checks of a few hundred ms: what npm test runs. */
export const QUICK_PROFILE: ChaosProfile = {
  timeoutSeconds: { min: 1, max: 2 },
  maxCheckMs: 600,
  maxDelayMs: 2500
}

/** Bodies of a 2xx that are not a connection check. None of them may ever read as a pass. */
const NOT_A_CHECK: readonly { body: string; html: boolean }[] = [
  { body: '<html><body><h1>Service temporarily unavailable</h1></body></html>', html: true },
  { body: '<!DOCTYPE html><title>Sign in</title><p>SUCCESS</p>', html: true },
  { body: '', html: false },
  { body: '{}', html: false },
  { body: '[]', html: false },
  { body: 'null', html: false },
  { body: '"SUCCESS"', html: false },
  { body: 'SUCCESS', html: false },
  { body: '{"detail":"ok"}', html: false },
  { body: '{"id":', html: false },
  // Missing fields: created_at, id, status.
  { body: '{"id":"5b0f6c1e-0000-4000-8000-000000000001","status":"SUCCESS"}', html: false },
  { body: '{"status":"SUCCESS","created_at":"2026-01-01T00:00:00Z"}', html: false },
  {
    body: '{"id":"5b0f6c1e-0000-4000-8000-000000000002","created_at":"2999-01-01T00:00:00Z"}',
    html: false
  },
  // Wrong types and values.
  { body: '{"id":42,"status":"SUCCESS","created_at":"2999-01-01T00:00:00Z"}', html: false },
  { body: '{"id":"x","status":"","created_at":"2999-01-01T00:00:00Z"}', html: false },
  { body: '{"id":"x","status":null,"created_at":"2999-01-01T00:00:00Z"}', html: false },
  { body: '{"id":"x","status":"SUCCESS","created_at":"tomorrow"}', html: false },
  { body: '{"id":"x","status":"SUCCESS","created_at":null}', html: false }
]

/** Statuses the API does not document. None of them is a pass, however close to SUCCESS. */
const UNKNOWN_STATUSES = [
  'RUNNING',
  'QUEUED',
  'success',
  'Success',
  'SUCCEEDED',
  'PASSED',
  'SUCCESS ',
  ' SUCCESS',
  'FAILED',
  'CANCELLED'
] as const

/**
 * Stand-ins in drawn text for what is only known (or too big to print) when a case runs: the
 * simulator's key, that key written with JSON \u escapes (in bodies the model writes itself;
 * elsewhere the plain key), and 100 kB of text.
 */
export const HOSTILE_TOKENS = {
  key: '<key>',
  escapedKey: '<key-escaped>',
  hundredKb: '<100kB>'
} as const

/** Pieces of hostile remote text: legacy and current workflow commands, bidi, the key, bulk. */
const HOSTILE_FRAGMENTS = [
  '##[',
  '##[set-output name=approved;]true',
  '##[add-mask]x',
  '##[stop-commands]halt',
  '##[error]pwned',
  '##',
  '#',
  '[',
  '::',
  '::error::injected',
  '\n::warning::injected',
  '\u202E',
  '\u2066',
  '\u200B',
  '\uFEFF',
  HOSTILE_TOKENS.key,
  HOSTILE_TOKENS.escapedKey,
  HOSTILE_TOKENS.hundredKb,
  'Access denied',
  ' '
] as const

const hostileText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...HOSTILE_FRAGMENTS), { minLength: 1, maxLength: 5 })
  .map((fragments) => fragments.join(''))

/** Remote text: usually plain, sometimes hostile. */
function remoteText(plain: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: plain, weight: 2 }, { arbitrary: hostileText, weight: 1 })
}

/** Drawn text as served: the tokens replaced. `json` when it goes into a body as written. */
export function expandTokens(text: string, key: string, json = false): string {
  const escaped = Array.from(key, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return text
    .split(HOSTILE_TOKENS.escapedKey)
    .join(json ? escaped.join('') : key)
    .split(HOSTILE_TOKENS.key)
    .join(key)
    .split(HOSTILE_TOKENS.hundredKb)
    .join('y'.repeat(100_000))
}

function seconds(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(min * 10), max: Math.round(max * 10) }).map((t) => t / 10)
}

export const endingArb: fc.Arbitrary<Ending> = fc.oneof(
  { arbitrary: fc.constant<Ending>('SUCCESS'), weight: 9 },
  { arbitrary: fc.constant<Ending>('FAILURE'), weight: 7 },
  { arbitrary: fc.constant<Ending>('NEVER'), weight: 4 }
)

export function faultArb(profile: ChaosProfile, method: 'POST' | 'GET'): fc.Arbitrary<FaultSpec> {
  const retryAfter: fc.Arbitrary<RetryAfterSpec> = fc.oneof(
    fc.constant<RetryAfterSpec>('absent'),
    fc.record({ seconds: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(3600)) }),
    fc.record({ dateInSeconds: fc.oneof(fc.integer({ min: -5, max: 3 }), fc.constant(86400)) }),
    fc.record({ raw: fc.constantFrom('soon', '-1', '1.5e3', '') })
  )
  const arbs: fc.WeightedArbitrary<FaultSpec>[] = [
    { arbitrary: fc.constant<FaultSpec>({ kind: 'pass' }), weight: 12 },
    {
      arbitrary: fc.record({
        kind: fc.constant('server-error' as const),
        status: fc.constantFrom(500 as const, 502 as const, 503 as const, 504 as const),
        html: fc.boolean()
      }),
      weight: 6
    },
    {
      arbitrary: fc.record({ kind: fc.constant('rate-limit' as const), retryAfter }),
      weight: 4
    },
    { arbitrary: fc.constant<FaultSpec>({ kind: 'reset' }), weight: 3 },
    { arbitrary: fc.constant<FaultSpec>({ kind: 'truncate' }), weight: 3 },
    {
      arbitrary: fc.record({
        kind: fc.constant('delay' as const),
        ms: fc.integer({ min: 20, max: profile.maxDelayMs })
      }),
      weight: 4
    },
    { arbitrary: fc.constant<FaultSpec>({ kind: 'hang' }), weight: 1 },
    {
      arbitrary: fc
        .record({
          status: fc.constantFrom(200 as const, 202 as const, 204 as const),
          which: fc.constantFrom(...NOT_A_CHECK)
        })
        .map(({ status, which }): FaultSpec => ({
          kind: 'not-a-check',
          // A 204 carries no body at all.
          status,
          body: status === 204 ? '' : which.body,
          html: which.html
        })),
      weight: 4
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('unknown-status' as const),
        status: remoteText(fc.constantFrom(...UNKNOWN_STATUSES))
      }),
      weight: 3
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('older-check' as const),
        status: fc.constantFrom('SCHEDULED' as const, 'SUCCESS' as const, 'FAILURE' as const)
      }),
      weight: 3
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('newer-check' as const),
        ending: endingArb,
        durationMs: fc.integer({ min: 0, max: profile.maxCheckMs })
      }),
      weight: 3
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('redirect' as const),
        status: fc.constantFrom(
          301 as const,
          302 as const,
          303 as const,
          307 as const,
          308 as const
        )
      }),
      weight: 1
    },
    // A 404 just after the POST (the GET cannot see the check yet) is routine for a GET; for a
    // POST it means the connector is gone, which ends the step.
    { arbitrary: fc.constant<FaultSpec>({ kind: 'not-found' }), weight: method === 'GET' ? 3 : 1 },
    {
      arbitrary: fc.record({
        kind: fc.constant('absurd-newer' as const),
        when: fc.constantFrom('year-9999' as const, 'day-ahead' as const),
        status: fc.constantFrom('SUCCESS' as const, 'FAILURE' as const)
      }),
      weight: method === 'GET' ? 2 : 0
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('refusal' as const),
        status: fc.constantFrom(
          400 as const,
          401 as const,
          403 as const,
          409 as const,
          422 as const
        ),
        detail: remoteText(fc.constant('simulated'))
      }),
      weight: 1
    }
  ]
  return fc.oneof(...arbs)
}

/** Mostly the documented platform; now and then one or more undocumented behaviours. */
function platformArb(profile: ChaosProfile): fc.Arbitrary<PlatformSpec> {
  const rarely = <T>(usual: T, other: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T> =>
    fc.oneof({ arbitrary: fc.constant(usual), weight: 6 }, { arbitrary: other, weight })
  return fc.record({
    clockOffsetMs: rarely(0, fc.constantFrom(-5000, -2500, 2500, 5000, -3_600_000)),
    timestampForm: rarely<TimestampForm>(
      'iso-micros-z',
      fc.constantFrom<TimestampForm>(
        'naive',
        'postgres',
        'postgres-0000',
        'offset-colon',
        'whole-seconds'
      ),
      2
    ),
    naiveUtcOffsetHours: fc.constantFrom(-8, 0, 9),
    postMode: rarely<PostMode>('create', fc.constantFrom<PostMode>('dedupe', 'conflict'), 2),
    conflictStatus: fc.constantFrom(409 as const, 423 as const),
    alreadyRunning: rarely(
      null,
      fc.record({
        durationMs: fc.integer({ min: 0, max: profile.maxCheckMs * 2 }),
        ending: endingArb
      }),
      2
    ),
    staleFinalPost: fc.oneof(
      { arbitrary: fc.constant(false), weight: 15 },
      { arbitrary: fc.constant(true), weight: 1 }
    ),
    firewallPage: fc.oneof(
      { arbitrary: fc.constant(null), weight: 20 },
      {
        arbitrary: fc.constantFrom(401 as const, 403 as const, 404 as const, 503 as const),
        weight: 1
      }
    ),
    connectionClose: rarely(false, fc.constant(true)),
    idleTimeoutMs: rarely(null, fc.constantFrom(200, 5000)),
    rateLimit: rarely<RateLimit | null>(
      null,
      fc.record({
        ratePerSecond: fc.constantFrom(1, 2, 5, 20),
        burst: fc.integer({ min: 0, max: 3 }),
        retryAfter: fc.constantFrom('seconds' as const, 'date' as const, 'none' as const)
      })
    )
  })
}

/** The simulator's profile for a case. */
export function toProfile(spec: PlatformSpec): PlatformProfile {
  return {
    clockOffsetMs: spec.clockOffsetMs,
    timestampForm: spec.timestampForm,
    naiveUtcOffsetHours: spec.naiveUtcOffsetHours,
    postMode: spec.postMode,
    conflictStatus: spec.conflictStatus,
    staleFinalPost: spec.staleFinalPost,
    ...(spec.firewallPage === null ? {} : { firewallPage: { status: spec.firewallPage } }),
    connectionClose: spec.connectionClose,
    ...(spec.idleTimeoutMs === null ? {} : { idleTimeoutMs: spec.idleTimeoutMs }),
    ...(spec.rateLimit === null ? {} : { rateLimit: spec.rateLimit })
  }
}

/** The documented platform: no profile, nothing running before the step. */
export const DOCUMENTED_PLATFORM: PlatformSpec = {
  clockOffsetMs: 0,
  timestampForm: 'iso-micros-z',
  naiveUtcOffsetHours: 0,
  postMode: 'create',
  conflictStatus: 409,
  alreadyRunning: null,
  staleFinalPost: false,
  firewallPage: null,
  connectionClose: false,
  idleTimeoutMs: null,
  rateLimit: null
}

/** A whole schedule: the check's fate, both fault queues and the inputs. */
export function chaosCaseArb(profile: ChaosProfile = QUICK_PROFILE): fc.Arbitrary<ChaosCase> {
  const postFault: fc.Arbitrary<PostFaultSpec> = fc
    .record({ fault: faultArb(profile, 'POST'), afterCreate: fc.boolean() })
    .map(({ fault, afterCreate }) => ({
      ...fault,
      afterCreate: fault.kind !== 'pass' && afterCreate
    }))
  const nameOrDefault = (plain: string): fc.Arbitrary<string | null> =>
    fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, remoteText(fc.constant(plain)))
  return fc.record({
    kind: fc.constantFrom('source' as const, 'destination' as const),
    connector: fc.record({ name: nameOrDefault('orders'), type: nameOrDefault('s3') }),
    check: fc.record({
      durationMs: fc.integer({ min: 0, max: profile.maxCheckMs }),
      ending: endingArb,
      reason: fc.oneof(
        {
          arbitrary: fc.constantFrom<string | null>(null, 'Access denied: bad password', ''),
          weight: 2
        },
        hostileText
      )
    }),
    platform: platformArb(profile),
    post: fc.array(postFault, { maxLength: 3 }),
    get: fc.array(faultArb(profile, 'GET'), { maxLength: 8 }),
    timeoutSeconds: seconds(profile.timeoutSeconds.min, profile.timeoutSeconds.max),
    pollIntervalSeconds: fc.constantFrom(1, 2, 10),
    debug: fc.boolean()
  })
}

/** The simulator's fault for a spec; dates and the trap's address are only known now. */
export function toFaultSlot(
  spec: FaultSpec & { afterCreate?: boolean },
  sim: Simulator,
  checkPath: string
): FaultSlot {
  const afterCreate = spec.afterCreate === true ? { afterCreate: true } : {}
  switch (spec.kind) {
    case 'pass':
      return 'pass'
    case 'server-error':
      return spec.html
        ? { type: 'html', status: spec.status, ...afterCreate }
        : { type: 'status', status: spec.status, ...afterCreate }
    case 'rate-limit': {
      const ra = spec.retryAfter
      const retryAfter =
        ra === 'absent'
          ? undefined
          : 'seconds' in ra
            ? String(ra.seconds)
            : 'dateInSeconds' in ra
              ? new Date(Date.now() + ra.dateInSeconds * 1000).toUTCString()
              : ra.raw
      return { type: 'rate-limit', retryAfter, ...afterCreate }
    }
    case 'reset':
    case 'truncate':
    case 'hang':
    case 'not-found':
      return { type: spec.kind, ...afterCreate }
    case 'delay':
      return { type: 'delay', ms: spec.ms, ...afterCreate }
    case 'not-a-check':
      return {
        type: 'body',
        status: spec.status,
        body: spec.body,
        contentType: spec.html ? 'text/html; charset=utf-8' : 'application/json',
        ...afterCreate
      }
    case 'unknown-status':
      return {
        type: 'unknown-status',
        status: expandTokens(spec.status, sim.apiKey),
        ...afterCreate
      }
    case 'older-check':
      return { type: 'older-check', status: spec.status, ...afterCreate }
    case 'newer-check':
      return {
        type: 'newer-check',
        ending: spec.ending,
        durationMs: spec.durationMs,
        reason: 'newer check failed',
        ...afterCreate
      }
    case 'redirect':
      return {
        type: 'redirect',
        status: spec.status,
        location: `${sim.trap.url}${checkPath}`,
        ...afterCreate
      }
    case 'absurd-newer':
      return { type: 'absurd-newer', when: spec.when, status: spec.status, ...afterCreate }
    case 'refusal':
      return spec.status === 422
        ? {
            type: 'validation',
            detail: [
              { loc: ['path', 'id'], msg: expandTokens(spec.detail, sim.apiKey), type: 'x' }
            ],
            ...afterCreate
          }
        : {
            type: 'status',
            status: spec.status,
            // Written as the body is, so the key can come \u-escaped, as a hostile server may.
            body: expandTokens(JSON.stringify({ detail: spec.detail }), sim.apiKey, true),
            ...afterCreate
          }
  }
}

// ---------------------------------------------------------------------------------------------
// Running the action.

/** What a run left behind; `startedAt` (this process's clock) when the runner knows it. */
export type RunResult = ActionResult & { startedAt?: number }

export type ActionRunner = (
  inputs: Record<string, string>,
  env: Record<string, string>,
  limitMs: number
) => Promise<RunResult>

/** Starts the bundle under test as a runner does (see startBundle). */
export function spawnBundle(
  inputs: Record<string, string>,
  env: Record<string, string>,
  limitMs: number
): Promise<StartedBundle> {
  return startBundle(bundlePath ?? bundleFile(), inputs, env, limitMs)
}

export const bundleRunner: ActionRunner = async (inputs, env, limitMs) =>
  (await spawnBundle(inputs, env, limitMs)).done

// ---------------------------------------------------------------------------------------------
// The invariants.

export type Invariant =
  'no-false-pass' | 'bounded' | 'in-time' | 'no-leak' | 'clean-failure' | 'post-budget' | 'inert'

export interface OracleOptions {
  /**
   * Also hold each run to timeout-seconds + BOUND_SLACK_MS of wall time ('in-time'). Only the
   * chaos script asks for it, and tries a late run again alone: on a shared machine a burst of
   * load elsewhere can hold a child back past its deadline, so a test cannot promise it.
   */
  wallClock?: boolean
}

export interface Violation {
  invariant: Invariant
  message: string
}

/** What the simulator recorded about one run. */
export interface SimRecords {
  connectorId: string
  apiKey: string
  /** sim.checks(connectorId): every check created, oldest first, with who created it. */
  checks: SimCheck[]
  /** sim.served() for the connector: every check object put in a 2xx answer. */
  served: ServedCheck[]
  /** Requests that reached the redirect listener. */
  trap: RecordedRequest[]
  /** Requests that reached the API, in arrival order. */
  requests: RecordedRequest[]
  /** performance.now() of the first request to the API, if any (for diagnosis only). */
  firstRequestAt?: number
}

const OUTCOMES = [
  'success',
  'failure',
  'invalid',
  'unauthorized',
  'not-found',
  'timeout',
  'cancelled',
  'error'
]

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m

/** POSTs that may start one check, whatever the answers. */
export const MAX_POSTS = 3

/** Slack over timeout-seconds that invariant 2 allows, with OracleOptions.wallClock. */
export const BOUND_SLACK_MS = 1000

/** GitHub's limits: step outputs per job (1 MB), and a job summary per step (1 MiB). */
const OUTPUTS_LIMIT_BYTES = 1_000_000
const SUMMARY_LIMIT_BYTES = 1024 * 1024

/** Characters that reorder or hide text for a reader. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u

/**
 * The invariants on one run. Returns every violation found (empty: all hold).
 *
 * 1. No false pass: the step passes only on a check that the platform decided as SUCCESS after
 *    the step began (old and forged answers are never stored checks, so they never qualify),
 *    SUCCESS was served for it, and the outputs describe that check.
 * 2. Bounded: it ended by itself, before the safety limit; with `wallClock`, also in time:
 *    within timeout-seconds + 1 s of wall time.
 * 3. No leak: the key appears nowhere but in `::add-mask::`, and never reached the trap.
 * 4. Clean failure: no uncaught error or stack trace; exactly one error annotation when the
 *    step fails, none when it passes; outcome and status consistent with what was served.
 * 5. Inert: whatever the API said, no `##[` (a legacy workflow command) and no invisible
 *    character in the log, outputs or summary; as many `::group::` lines as `::endgroup::`
 *    lines; outputs under 1 MB and the summary under 1 MiB.
 */
export function checkInvariants(
  run: RunResult,
  records: SimRecords,
  timeoutMs: number,
  options: OracleOptions = {}
): Violation[] {
  const violations: Violation[] = []
  const fail = (invariant: Invariant, message: string): void => {
    violations.push({ invariant, message })
  }
  const { outputs } = run
  const outcome = outputs.outcome
  const passed = run.exitCode === 0
  const final = (status: string): boolean => status === 'SUCCESS' || status === 'FAILURE'

  // 1. No false pass: the step may pass only on a SUCCESS that the platform decided after the
  // step began, for a check the platform really holds (not an old or forged answer).
  const stepStart = run.startedAt ?? records.firstRequestAt ?? 0
  const decidedDuring = new Set(
    records.checks
      .filter((c) => c.ending === 'SUCCESS' && c.finalAtMs !== null && c.finalAtMs >= stepStart)
      .map((c) => c.id)
  )
  if (passed || outcome === 'success') {
    // Whole-second timestamps can repeat: of the checks with that created_at, the one the
    // verdict names in the log.
    const stamped = records.checks.filter((c) => c.createdAt === outputs['created-at'])
    const decided = stamped.find((c) => run.stdout.includes(c.id)) ?? stamped[0]
    if (decided === undefined || !decidedDuring.has(decided.id)) {
      fail(
        'no-false-pass',
        `passed on a check (created-at ${outputs['created-at'] ?? 'absent'}) that the platform ` +
          'did not decide as SUCCESS after the step began'
      )
    } else if (!records.served.some((s) => s.checkId === decided.id && s.status === 'SUCCESS')) {
      fail('no-false-pass', `passed on check ${decided.id}, for which SUCCESS was never served`)
    }
  }

  // 2. Bounded.
  if (run.exitCode === null) fail('bounded', 'the process was killed by the safety limit')
  if (options.wallClock === true && run.durationMs > timeoutMs + BOUND_SLACK_MS) {
    fail(
      'in-time',
      `took ${Math.round(run.durationMs)} ms, over timeout-seconds ${timeoutMs / 1000} + 1 s`
    )
  }

  // 2b. No POST floods: at most MAX_POSTS, whatever the answers; of them, one more than those
  // whose answer never arrived (5xx, 429, 408, a dropped connection, no answer in time), and one
  // more to tell a stale answer from a new one.
  const posts = records.requests.filter(
    (r) => r.method === 'POST' && r.path.includes(records.connectorId)
  )
  // A cut-off body is an answer that arrived (its status line did), so it does not count.
  const unanswered = posts.filter((r) =>
    typeof r.status === 'number'
      ? r.status >= 500 || r.status === 429 || r.status === 408
      : r.status !== 'truncate'
  ).length
  if (posts.length > 2 + unanswered) {
    fail('post-budget', `${posts.length} POSTs, of which only ${unanswered} went unanswered`)
  }
  if (posts.length > MAX_POSTS) fail('post-budget', `${posts.length} POSTs for one check`)

  // 3. No leak.
  const key = records.apiKey
  const places: [string, string][] = [
    ['stdout', run.stdout.split(`::add-mask::${key}`).join('')],
    ['stderr', run.stderr],
    ['outputs', JSON.stringify(outputs)],
    ['job summary', run.summary]
  ]
  for (const [where, text] of places) if (text.includes(key)) fail('no-leak', `key in ${where}`)
  for (const request of records.trap) {
    if (JSON.stringify(request.headers).includes(key))
      fail('no-leak', `key reached the redirect listener (${request.method} ${request.path})`)
  }

  // 4. Clean failure.
  const log = run.stdout + run.stderr
  if (STACK_LINE.test(log)) fail('clean-failure', 'stack trace in the log')
  if (/Unexpected error:|Unhandled|uncaught/i.test(log))
    fail('clean-failure', 'an unexpected error escaped run()')
  if (run.stderr.trim() !== '')
    fail('clean-failure', `stderr is not empty: ${run.stderr.slice(0, 200)}`)
  if (outcome === undefined || !OUTCOMES.includes(outcome)) {
    fail('clean-failure', `outcome output is ${JSON.stringify(outcome)}`)
  }
  if (run.exitCode !== null && passed !== (outcome === 'success'))
    fail('clean-failure', `exit code ${run.exitCode} with outcome ${outcome ?? 'absent'}`)
  const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'))
  if (run.exitCode !== null && errors.length !== (passed ? 0 : 1))
    fail('clean-failure', `${errors.length} error annotations, exit code ${run.exitCode}`)

  const checkId = outputs['check-id']
  const status = outputs.status
  const createdAt = outputs['created-at']
  if (checkId !== undefined && checkId !== '') {
    if (!records.served.some((s) => s.checkId === checkId))
      fail('clean-failure', `check-id ${checkId} was never served`)
    if (!run.stdout.includes(checkId)) fail('clean-failure', `check id ${checkId} not in the log`)
  } else if ((status ?? '') !== '' || (createdAt ?? '') !== '') {
    fail(
      'clean-failure',
      `status ${status ?? ''} / created-at ${createdAt ?? ''} without a check id`
    )
  }
  const servedAs = (s: string | undefined): boolean =>
    records.served.some((x) => x.createdAt === createdAt && x.status === s)
  if (outcome === 'success' || outcome === 'failure') {
    const expected = outcome === 'success' ? 'SUCCESS' : 'FAILURE'
    if (status !== expected) fail('clean-failure', `outcome ${outcome} with status ${status ?? ''}`)
    else if (!servedAs(status))
      fail('clean-failure', `status ${status} was never served for the check the outputs describe`)
  } else if (status !== undefined && status !== '') {
    if (final(status)) fail('clean-failure', `outcome ${outcome ?? ''} with final status ${status}`)
    else if (status !== 'SCHEDULED' && !servedAs(status))
      fail('clean-failure', `status ${status} was never served for the check the outputs describe`)
  }
  // 5. Inert.
  const written: [string, string][] = [
    ['the log', run.stdout],
    ['the outputs', Object.values(outputs).join('\n')],
    ['the job summary', run.summary]
  ]
  for (const [where, text] of written) {
    if (text.includes('##[')) fail('inert', `##[ in ${where}`)
    if (INVISIBLE.test(text)) fail('inert', `an invisible character in ${where}`)
  }
  const lines = run.stdout.split('\n')
  const groups = lines.filter((line) => line.startsWith('::group::')).length
  const ends = lines.filter((line) => line.startsWith('::endgroup::')).length
  if (groups !== ends) fail('inert', `${groups} ::group:: lines, ${ends} ::endgroup:: lines`)
  if (run.outputBytes >= OUTPUTS_LIMIT_BYTES) fail('inert', `${run.outputBytes} bytes of outputs`)
  const summaryBytes = Buffer.byteLength(run.summary)
  if (summaryBytes >= SUMMARY_LIMIT_BYTES) fail('inert', `${summaryBytes} bytes of job summary`)
  return violations
}

// ---------------------------------------------------------------------------------------------
// One case, start to end.

export interface CaseReport {
  chaosCase: ChaosCase
  result: RunResult
  violations: Violation[]
  records: SimRecords
}

/** The action's inputs and environment for a case against a simulator. */
export function caseInputs(
  c: ChaosCase,
  sim: Simulator,
  connectorId: string
): { inputs: Record<string, string>; env: Record<string, string> } {
  return {
    inputs: {
      [c.kind === 'source' ? 'source-id' : 'destination-id']: connectorId,
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'timeout-seconds': String(c.timeoutSeconds),
      'poll-interval-seconds': String(c.pollIntervalSeconds)
    },
    env: c.debug ? { RUNNER_DEBUG: '1' } : {}
  }
}

/** Sets the case up on a fresh simulator, runs the action once and checks the invariants. */
export async function runChaosCase(
  c: ChaosCase,
  runner: ActionRunner,
  options: OracleOptions = {}
): Promise<CaseReport> {
  const sim = await startSimulator({ profile: toProfile(c.platform) })
  try {
    const connectorId = randomUUID()
    const checkPath = `/api/v1/${c.kind}s/${connectorId}/connection-check`
    const served = (text: string | null): string | undefined =>
      text === null ? undefined : expandTokens(text, sim.apiKey)
    sim.addConnector(connectorId, {
      kind: c.kind,
      name: served(c.connector.name),
      type: served(c.connector.type),
      checkDurationMs: c.check.durationMs,
      ending: c.check.ending,
      reason: c.check.reason === null ? null : expandTokens(c.check.reason, sim.apiKey),
      faults: {
        post: c.post.map((f) => toFaultSlot(f, sim, checkPath)),
        get: c.get.map((f) => toFaultSlot(f, sim, checkPath))
      }
    })
    const running = c.platform.alreadyRunning
    if (running !== null) sim.startCheck(connectorId, running)
    const { inputs, env } = caseInputs(c, sim, connectorId)
    const timeoutMs = c.timeoutSeconds * 1000
    const result = await runner(inputs, env, timeoutMs + 10_000)
    const records: SimRecords = {
      connectorId,
      apiKey: sim.apiKey,
      checks: sim.checks(connectorId),
      served: sim.served().filter((s) => s.connectorId === connectorId),
      trap: [...sim.trap.requests],
      requests: [...sim.requests],
      firstRequestAt: sim.requests[0]?.at
    }
    return {
      chaosCase: c,
      result,
      violations: checkInvariants(result, records, timeoutMs, options),
      records
    }
  } finally {
    await sim.close()
  }
}

/**
 * True when a run broke only the wall-clock bound ('in-time'). On a shared machine a burst of
 * load elsewhere can hold a child process back past its deadline before it sends anything, so
 * the chaos script tries such a run once more, alone, before it counts: a bug in the action
 * fails again, a stall does not.
 */
export function onlyLate(report: CaseReport): boolean {
  return report.violations.length > 0 && report.violations.every((v) => v.invariant === 'in-time')
}

/** A violation as one paragraph: the invariants broken, how to replay, and the schedule. */
export function describeFailure(report: CaseReport, replay: string): string {
  const broken = report.violations.map((v) => `  [${v.invariant}] ${v.message}`).join('\n')
  const { result, records } = report
  // A first request long after the start means the machine, not the action, was slow.
  const firstRequest =
    result.startedAt !== undefined && records.firstRequestAt !== undefined
      ? `; first request ${Math.round(records.firstRequestAt - result.startedAt)} ms after the start`
      : records.firstRequestAt === undefined
        ? '; no request reached the API'
        : ''
  return [
    `violation: ${replay}`,
    broken,
    `  outputs: ${JSON.stringify(result.outputs)}`,
    `  exit ${String(result.exitCode)} after ${Math.round(result.durationMs)} ms${firstRequest}`,
    `  schedule: ${JSON.stringify(report.chaosCase)}`,
    `  checks: ${JSON.stringify(report.records.checks.map((c) => ({ id: c.id, origin: c.origin })))}`,
    `  served: ${JSON.stringify(report.records.served.map((s) => [s.method, s.checkId, s.status]))}`,
    `  log:\n${result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::debug::') && !l.startsWith('::add-mask::') && l !== '')
      .map((l) => `    | ${l}`)
      .join('\n')}`
  ].join('\n')
}

/** Runs `task` on every item, at most `concurrency` at a time; results in input order. */
export { mapWithConcurrency as pool } from '../../src/wait/pool.js'
