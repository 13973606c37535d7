import { describe, expect, it } from '@jest/globals'
import type { Connector } from '../../src/core/connector.js'
import type { Result, StepReport } from '../../src/engine/contract.js'
import { ACTION_INPUTS } from '../../src/action/names.js'
import { RECHECK_PAUSE_MS } from '../../src/engine/policy.js'
import { runStep } from '../../src/engine/step.js'
import { MAX_POSTS } from '../../src/wait/start-check.js'
import { seededRandom } from '../support/fake-clock.js'
import { FakePlatform } from '../support/fake-platform.js'
import {
  NEVER_DECIDES,
  fails,
  noAnswer,
  passes,
  type ConnectorScript,
  type PlatformOptions
} from '../support/platform-script.js'
import { RecordingReporter } from '../support/recording-reporter.js'

// The engine's branches, one step at a time, against the in-memory platform on the virtual clock:
// what the StepReport says, and what was asked of the platform to get there.

const KEY = 'uk-Engine-Test-Key-0123456789'

const source = (n: number): Connector => ({
  kind: 'source',
  id: `5f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`
})
const destination = (n: number): Connector => ({
  kind: 'destination',
  id: `7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c${String(n).padStart(2, '0')}`
})

const S1 = source(1)
const S2 = source(2)
const S3 = source(3)
const D1 = destination(1)

interface Ran {
  report: StepReport
  reporter: RecordingReporter
  platform: FakePlatform
}

/**
 * Runs one step with these inputs (action.yml's names; the key and a 60 s timeout unless
 * given) against a platform with these connectors. Whatever the branch, the step ends by its
 * deadline, closes every client it made and sends nothing on a closed one.
 */
async function step(
  connectors: ConnectorScript[],
  given: Record<string, string>,
  options: Omit<PlatformOptions, 'connectors'> & {
    reporter?: RecordingReporter
    signal?: AbortSignal
  } = {}
): Promise<Ran> {
  const { reporter = new RecordingReporter(), signal, ...platformOptions } = options
  const platform = new FakePlatform({ connectors, ...platformOptions })
  const inputs: Record<string, string> = { 'api-key': KEY, 'timeout-seconds': '60', ...given }
  const report = await platform.clock.run(
    runStep((name) => inputs[name] ?? '', ACTION_INPUTS, reporter, {
      connect: platform.connect,
      clock: platform.clock,
      random: seededRandom(7),
      signal
    })
  )
  if (report.settings !== undefined) {
    expect(platform.clock.now()).toBeLessThanOrEqual(report.settings.timeoutMs)
  }
  // No sleep outlives the step: on the system clock one would hold the process open.
  expect(platform.clock.pending()).toBe(0)
  expect(platform.unclosed()).toBe(0)
  expect(platform.afterClose).toEqual([])
  for (const connection of platform.connections) expect(connection.apiKey).toBe(KEY)
  // Each result is reported finished once; each request is logged once.
  expect(reporter.finished).toHaveLength(report.results.length)
  expect(new Set(reporter.finished)).toEqual(new Set(report.results))
  expect(reporter.requests).toHaveLength(platform.calls.length)
  // The key is said to be secret, and nothing the step reports or tells quotes it, in any case.
  expect(reporter.secrets).toContain(KEY)
  const told = JSON.stringify([report.results, report.problem, reporter.told, reporter.requests])
  expect(told.toLowerCase()).not.toContain(KEY.toLowerCase())
  return { report, reporter, platform }
}

/** The one connector's result. */
function only(report: StepReport): Result {
  expect(report.results).toHaveLength(1)
  return report.results[0] as Result
}

/** The fields of a result the branches differ in. */
function summary(result: Result) {
  return {
    outcome: result.verdict.outcome,
    attempts: result.attempts,
    failedBefore: result.failedBefore.map((c) => c.id),
    reused: result.reused?.check.id,
    waived: result.waived
  }
}

describe('runStep: a check', () => {
  it('passes on a SUCCESS of the check it started', async () => {
    const { report, reporter, platform } = await step(
      [{ connector: S1, name: 'orders', type: 's3', posts: [{ creates: passes(4000) }] }],
      { 'source-id': S1.id }
    )
    expect(report).toMatchObject({ outcome: 'success', passed: true, problem: undefined })
    const result = only(report)
    expect(summary(result)).toEqual({
      outcome: 'success',
      attempts: 1,
      failedBefore: [],
      reused: undefined,
      waived: false
    })
    const [created] = platform.checkIds(S1)
    expect(result.run.created?.id).toBe(created)
    expect(result.run.followed).toMatchObject({ id: created, status: 'SUCCESS' })
    expect(result.names).toEqual({ name: 'orders', type: 's3' })
    // Its name and latest check are read first, then one POST, then polls.
    expect(platform.posts()).toHaveLength(1)
    const firstPost = platform.calls.findIndex((c) => c.method === 'POST')
    expect(
      platform.calls
        .slice(0, firstPost)
        .map((c) => c.endpoint)
        .sort()
    ).toEqual(['connection-check', 'connector'])
    expect(platform.calls.slice(firstPost + 1).every((c) => c.method === 'GET')).toBe(true)
    expect(reporter.about(S1)).toEqual([
      'begins',
      'named orders (s3)',
      `started ${created} SCHEDULED`,
      `status ${created} SCHEDULED -> SUCCESS`,
      'finished success'
    ])
    expect(reporter.plan?.connectors).toEqual([S1])
  })

  it('fails on a FAILURE, with the platform reason', async () => {
    const { report, platform } = await step(
      [{ connector: S1, posts: [{ creates: fails(3000, 'AccessDenied: bucket orders') }] }],
      { 'source-id': S1.id }
    )
    expect(report).toMatchObject({ outcome: 'failure', passed: false })
    const result = only(report)
    expect(summary(result)).toEqual({
      outcome: 'failure',
      attempts: 1,
      failedBefore: [],
      reused: undefined,
      waived: false
    })
    expect(result.verdict.message).toContain('AccessDenied: bucket orders')
    expect(platform.posts()).toHaveLength(1)
  })

  it('fails the step on one FAILURE among passes, its results in input order', async () => {
    const { report, platform } = await step(
      [
        { connector: S1, posts: [{ creates: passes(2000) }] },
        { connector: D1, posts: [{ creates: fails(5000) }] },
        { connector: S2, posts: [{ creates: passes(8000) }] }
      ],
      { 'source-id': `${S1.id}\n${S2.id}`, 'destination-id': D1.id }
    )
    expect(report).toMatchObject({ outcome: 'failure', passed: false })
    expect(report.results.map((r) => [r.connector.id, r.verdict.outcome])).toEqual([
      [S1.id, 'success'],
      [S2.id, 'success'],
      [D1.id, 'failure']
    ])
    // Fewer than max-concurrency: each reads its own latest check, none is read ahead.
    for (const c of [S1, S2, D1]) expect(platform.posts(c)).toHaveLength(1)
  })
})

describe('runStep: remote text', () => {
  it('makes names and reasons inert before anything reports them', async () => {
    const hostile = `denied\n::error::pwned by ${KEY.toUpperCase()} \u202e ##[group]x`
    const { report, reporter } = await step(
      [
        {
          connector: S1,
          name: 'orders\n::warning::x',
          type: 's3',
          posts: [{ creates: fails(2000, hostile) }, { creates: fails(2000, hostile) }]
        }
      ],
      { 'source-id': S1.id, 'recheck-failures': '1' }
    )
    const result = only(report)
    for (const reason of [result.run.followed?.reason, result.failedBefore[0]?.reason]) {
      expect(reason).toBe('denied ::error::pwned by *** <U+202E> #\\#[group]x')
    }
    expect(result.names?.name).toBe('orders ::warning::x')
    expect(result.verdict.message).not.toMatch(/[\n\u202e]|##\[/)
    expect(reporter.told.map((t) => t.line).join(' ')).not.toMatch(/[\n\u202e]|##\[/)
  })
})

describe('runStep: re-checks after a FAILURE (recheck-failures)', () => {
  it('passes on a re-check that passes, the FAILURE kept as failedBefore (flaky)', async () => {
    const { report, reporter, platform } = await step(
      [{ connector: S1, posts: [{ creates: fails(4000, 'timeout') }, { creates: passes(3000) }] }],
      { 'source-id': S1.id, 'recheck-failures': '1' }
    )
    expect(report).toMatchObject({ outcome: 'success', passed: true })
    const [failed, passed] = platform.checkIds(S1)
    const result = only(report)
    expect(summary(result)).toEqual({
      outcome: 'success',
      attempts: 2,
      failedBefore: [failed],
      reused: undefined,
      waived: false
    })
    expect(result.failedBefore[0]).toMatchObject({ status: 'FAILURE', reason: 'timeout' })
    expect(result.run.followed?.id).toBe(passed)
    expect(reporter.about(S1)).toContain(
      `rechecking ${failed} after ${RECHECK_PAUSE_MS} ms (1 of 1)`
    )
    // The new check starts once the FAILURE is seen, 4 s after the first, and the pause.
    const [first, second] = platform.posts()
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(4000 + RECHECK_PAUSE_MS)
  })

  it('fails when the re-check fails again: the last FAILURE decides, the first is before it', async () => {
    const { report, platform } = await step(
      [
        {
          connector: S1,
          posts: [{ creates: fails(3000, 'first') }, { creates: fails(3000, 'second') }]
        }
      ],
      { 'source-id': S1.id, 'recheck-failures': '1' }
    )
    expect(report).toMatchObject({ outcome: 'failure', passed: false })
    const [first, second] = platform.checkIds(S1)
    const result = only(report)
    expect(summary(result)).toEqual({
      outcome: 'failure',
      attempts: 2,
      failedBefore: [first],
      reused: undefined,
      waived: false
    })
    expect(result.run.followed).toMatchObject({ id: second, reason: 'second' })
    expect(result.verdict.message).toContain('second')
    expect(platform.posts()).toHaveLength(2)
  })

  it.each([0, 1, 2, 3])('re-checks a FAILURE no more than %i times', async (rechecks) => {
    const { report, reporter, platform } = await step(
      [{ connector: S1, posts: [{ creates: fails(2000) }] }],
      { 'source-id': S1.id, 'recheck-failures': String(rechecks), 'timeout-seconds': '300' }
    )
    const result = only(report)
    expect(result.verdict.outcome).toBe('failure')
    expect(platform.posts()).toHaveLength(rechecks + 1)
    expect(result.attempts).toBe(rechecks + 1)
    // Every FAILURE but the deciding one, oldest first.
    expect(result.failedBefore.map((c) => c.id)).toEqual(platform.checkIds(S1).slice(0, rechecks))
    expect(reporter.about(S1).filter((line) => line.startsWith('rechecking'))).toHaveLength(
      rechecks
    )
  })

  it.each([
    // A 12 s FAILURE at about 13 s: the pause and 12 s more fit in 30 s once, not twice.
    [12_000, 2],
    // A 20 s FAILURE: the pause and 20 s more do not fit at all.
    [20_000, 1]
  ])(
    'starts no re-check the deadline would cut off (FAILURE after %i ms: %i checks)',
    async (failsAfterMs, checks) => {
      const { report, platform } = await step(
        [{ connector: S1, posts: [{ creates: fails(failsAfterMs) }] }],
        { 'source-id': S1.id, 'recheck-failures': '3', 'timeout-seconds': '30' }
      )
      const result = only(report)
      expect(platform.posts()).toHaveLength(checks)
      // The last check is decided: a FAILURE, not a timeout the deadline made.
      expect(summary(result)).toMatchObject({ outcome: 'failure', attempts: checks })
      expect(result.failedBefore).toHaveLength(checks - 1)
      expect(result.run.problem).toBeUndefined()
    }
  )

  it('keeps the FAILURE as the verdict when the re-check reaches none, and waives nothing', async () => {
    const { report, platform } = await step(
      [{ connector: S1, posts: [{ creates: fails(3000, 'refused') }, { creates: NEVER_DECIDES }] }],
      {
        'source-id': S1.id,
        'recheck-failures': '1',
        'timeout-seconds': '30',
        'on-platform-unavailable': 'warn'
      }
    )
    const [failed] = platform.checkIds(S1)
    const result = only(report)
    expect(report).toMatchObject({ outcome: 'failure', passed: false })
    // Both checks count as attempts; the FAILURE decides, so none came before it.
    expect(summary(result)).toEqual({
      outcome: 'failure',
      attempts: 2,
      failedBefore: [],
      reused: undefined,
      waived: false
    })
    expect(result.run.followed).toMatchObject({ id: failed, status: 'FAILURE' })
    expect(platform.posts()).toHaveLength(2)
  })
})

describe('runStep: cancelled', () => {
  it('ends as cancelled when cancelled in the pause before a re-check, starting no new check', async () => {
    const cancel = new AbortController()
    const reporter = new RecordingReporter(({ line }) => {
      if (line.startsWith('rechecking')) cancel.abort('SIGTERM')
    })
    const { report, platform } = await step(
      [{ connector: S1, posts: [{ creates: fails(3000) }] }],
      { 'source-id': S1.id, 'recheck-failures': '2', 'on-platform-unavailable': 'warn' },
      { reporter, signal: cancel.signal }
    )
    const [failed] = platform.checkIds(S1)
    const result = only(report)
    expect(report).toMatchObject({ outcome: 'cancelled', passed: false })
    expect(summary(result)).toEqual({
      outcome: 'cancelled',
      attempts: 1,
      failedBefore: [],
      reused: undefined,
      waived: false
    })
    expect(result.run.problem).toEqual({ kind: 'cancelled', signal: 'SIGTERM' })
    expect(result.run.followed).toMatchObject({ id: failed, status: 'FAILURE' })
    expect(platform.posts()).toHaveLength(1)
    // Well before the pause would have ended and a new check begun.
    expect(platform.clock.now()).toBeLessThan(4000 + 2000)
  })
})

describe('runStep: reuse of a recent SUCCESS (reuse-success-seconds)', () => {
  /** A SUCCESS created 70 s and reported 60 s before the step began. */
  const recent = { createdAtMs: -70_000, ...passes(10_000) }

  it('passes on a recent SUCCESS without starting a check', async () => {
    const { report, reporter, platform } = await step(
      [{ connector: S1, name: 'orders', type: 's3', prior: recent }],
      { 'source-id': S1.id, 'reuse-success-seconds': '300' }
    )
    expect(report).toMatchObject({ outcome: 'success', passed: true })
    const [prior] = platform.checkIds(S1)
    const result = only(report)
    expect(summary(result)).toEqual({
      outcome: 'success',
      attempts: 0,
      failedBefore: [],
      reused: prior,
      waived: false
    })
    // Its age by the Date of the answer that carried it: whole seconds, so exactly 60 s here.
    expect(result.reused?.ageMs).toBe(60_000)
    expect(result.verdict.title).toBe('Recent connection check reused')
    expect(result.run.created).toBeUndefined()
    expect(platform.posts()).toHaveLength(0)
    // The connector is read again after its latest check, so that no update can hide.
    const latest = platform.calls.findIndex((c) => c.endpoint === 'connection-check')
    const reads = platform.callsTo({ endpoint: 'connector' })
    expect(reads).toHaveLength(2)
    expect(platform.calls.indexOf(reads[1] as (typeof reads)[number])).toBeGreaterThan(latest)
    expect(platform.callsTo({ endpoint: 'connection-check' })).toHaveLength(1)
    expect(reporter.about(S1).some((line) => line.startsWith('not reused'))).toBe(false)
  })

  it("judges the age by the platform's clock alone, however far the runner's is from it", async () => {
    const { report } = await step(
      [{ connector: S1, prior: recent }],
      { 'source-id': S1.id, 'reuse-success-seconds': '300' },
      { skewMs: -3 * 60 * 60 * 1000 }
    )
    expect(only(report).reused?.ageMs).toBe(60_000)
  })

  it.each([
    [
      'too old',
      { prior: recent },
      '30',
      "reported 60 s before the server's Date, longer ago than 30 s"
    ],
    ['a FAILURE', { prior: { createdAtMs: -20_000, ...fails(5000) } }, '300', 'is a FAILURE'],
    [
      'the connector updated after the check began',
      { prior: recent, updatedAtMs: -30_000 },
      '300',
      'the connector was updated since check'
    ],
    [
      'the connector read without updated_at',
      { prior: recent, updatedAtMs: undefined },
      '300',
      'no updated_at'
    ],
    ['no check at all', {}, '300', 'the connector has no check to reuse']
  ] as const)('refuses %s, and starts a check', async (_, script, seconds, why) => {
    const { report, reporter, platform } = await step(
      [{ connector: S1, ...script, posts: [{ creates: passes(3000) }] }],
      { 'source-id': S1.id, 'reuse-success-seconds': seconds }
    )
    const result = only(report)
    expect(summary(result)).toEqual({
      outcome: 'success',
      attempts: 1,
      failedBefore: [],
      reused: undefined,
      waived: false
    })
    expect(result.run.created?.id).toBe(platform.checkIds(S1).at(-1))
    expect(platform.posts()).toHaveLength(1)
    const notReused = reporter.about(S1).filter((line) => line.startsWith('not reused'))
    expect(notReused).toHaveLength(1)
    expect(notReused[0]).toContain(why)
  })

  it('lets a reuse stand for a connector never updated (updated_at null)', async () => {
    const { report, platform } = await step([{ connector: S1, prior: recent, updatedAtMs: null }], {
      'source-id': S1.id,
      'reuse-success-seconds': '300'
    })
    expect(only(report).reused?.check.id).toBe(platform.checkIds(S1)[0])
    expect(platform.posts()).toHaveLength(0)
  })

  it('starts a check on a SUCCESS however recent when reuse is off (the default)', async () => {
    const { report, platform } = await step(
      [{ connector: S1, prior: { createdAtMs: -3000, ...passes(1000) } }],
      { 'source-id': S1.id }
    )
    expect(only(report).reused).toBeUndefined()
    expect(platform.posts()).toHaveLength(1)
    expect(platform.callsTo({ endpoint: 'connector' })).toHaveLength(1)
  })
})

describe('runStep: dry run', () => {
  it('reads each connector and starts nothing', async () => {
    const { report, reporter, platform } = await step(
      [
        { connector: S1, name: 'orders', type: 's3' },
        { connector: S2, name: 'billing', type: 'gcs' },
        { connector: D1, name: 'lake', type: 'delta_table' }
      ],
      {
        'source-id': `${S1.id} ${S2.id}`,
        'destination-id': D1.id,
        'dry-run': 'true',
        'max-concurrency': '1'
      }
    )
    expect(report).toMatchObject({ outcome: 'dry-run', passed: true, problem: undefined })
    for (const result of report.results) {
      expect(summary(result)).toEqual({
        outcome: 'dry-run',
        attempts: 0,
        failedBefore: [],
        reused: undefined,
        waived: false
      })
      expect(result.verdict.message).toContain('was read with this API key')
    }
    // One read of each connector by id; no check read ahead for the queue, none started.
    expect(platform.callsTo({ endpoint: 'connection-check' })).toEqual([])
    expect(platform.callsTo({ endpoint: 'connector' }).map((c) => c.target)).toEqual([
      S1.id,
      S2.id,
      D1.id
    ])
    expect(reporter.named.get(D1.id)).toEqual({ name: 'lake', type: 'delta_table' })
  })

  it('fails on a connector the platform does not have (404), starting nothing', async () => {
    const { report, platform } = await step([{ connector: S1 }], {
      'source-id': `${S1.id}\n${S2.id}`,
      'dry-run': 'true'
    })
    expect(report).toMatchObject({ outcome: 'not-found', passed: false })
    expect(report.results.map((r) => summary(r).outcome)).toEqual(['dry-run', 'not-found'])
    const missing = report.results[1] as Result
    expect(missing.verdict.title).toBe('Connector not found')
    expect(missing.run.problem).toMatchObject({ kind: 'not-found', status: 404 })
    expect(missing.waived).toBe(false)
    expect(platform.posts()).toEqual([])
  })

  it('retries a read the platform answered 503, reporting the retry', async () => {
    const { report, reporter, platform } = await step(
      [
        {
          connector: S1,
          fault: (call) =>
            call.endpoint === 'connector' && call.n === 0 ? { status: 503 } : undefined
        }
      ],
      { 'source-id': S1.id, 'dry-run': 'true' }
    )
    expect(summary(only(report))).toMatchObject({ outcome: 'dry-run', waived: false })
    expect(platform.callsTo({ endpoint: 'connector' }).map((c) => c.outcome)).toEqual([
      '503',
      '200'
    ])
    expect(reporter.about(S1)).toContain('retrying #1 after HTTP 503 Service Unavailable')
  })

  it('takes a list’s word for connectors found by name, reading none by id', async () => {
    const { report, platform } = await step(
      [
        { connector: S1, name: 'orders-s3', type: 's3' },
        { connector: S2, name: 'orders-gcs', type: 'gcs' }
      ],
      { 'source-name': 'orders-*', 'dry-run': 'true' }
    )
    expect(report).toMatchObject({ outcome: 'dry-run', passed: true })
    expect(report.results.map((r) => r.verdict.message)).toEqual([
      expect.stringContaining('is in its list'),
      expect.stringContaining('is in its list')
    ])
    expect(platform.calls.map((c) => c.endpoint)).toEqual(['connector-list'])
  })
})

describe('runStep: on-platform-unavailable', () => {
  it.each([
    ['warn', true],
    ['fail', false]
  ] as const)(
    '%s: a check started and never decided by the deadline: waived %s',
    async (policy, waived) => {
      const { report, platform } = await step(
        [{ connector: S1, posts: [{ creates: NEVER_DECIDES }] }],
        { 'source-id': S1.id, 'timeout-seconds': '20', 'on-platform-unavailable': policy }
      )
      expect(report).toMatchObject({ outcome: 'timeout', passed: waived })
      const result = only(report)
      expect(summary(result)).toEqual({
        outcome: 'timeout',
        attempts: 1,
        failedBefore: [],
        reused: undefined,
        waived
      })
      expect(result.run.problem?.kind).toBe('timeout')
      expect(result.run.followed).toMatchObject({ status: 'SCHEDULED' })
      expect(platform.posts()).toHaveLength(1)
      // Polled up to the deadline, not past it.
      expect(platform.calls.at(-1)?.at).toBeGreaterThan(18_000)
    }
  )

  it('waives a started check whose polls met 503s until the deadline', async () => {
    const { report } = await step(
      [
        {
          connector: S1,
          posts: [{ creates: passes(5000) }],
          // The read before the POST is answered; every poll after it is a 503.
          fault: (call) =>
            call.endpoint === 'connection-check' && call.method === 'GET' && call.n > 0
              ? { status: 503, detail: 'upstream unavailable' }
              : undefined
        }
      ],
      { 'source-id': S1.id, 'timeout-seconds': '20', 'on-platform-unavailable': 'warn' }
    )
    const result = only(report)
    expect(report).toMatchObject({ outcome: 'timeout', passed: true })
    expect(summary(result)).toMatchObject({ outcome: 'timeout', attempts: 1, waived: true })
    expect(result.verdict.message).toContain('HTTP 503')
  })

  it('waives nothing else: a FAILURE', async () => {
    const { report } = await step([{ connector: S1, posts: [{ creates: fails(2000) }] }], {
      'source-id': S1.id,
      'on-platform-unavailable': 'warn'
    })
    expect(report).toMatchObject({ outcome: 'failure', passed: false })
    expect(only(report).waived).toBe(false)
  })

  it('waives nothing else: a check the queue left no time to start', async () => {
    // One slot, 60 s; by their last checks B takes 45 s and A 20 s. B goes first (the longest);
    // when its check ends, less than A's 20 s is left, so A's is never started.
    const { report, platform } = await step(
      [
        {
          connector: S1,
          prior: { createdAtMs: -600_000, ...passes(20_000) },
          posts: [{ creates: passes(20_000) }]
        },
        {
          connector: S2,
          prior: { createdAtMs: -600_000, ...passes(45_000) },
          posts: [{ creates: passes(45_000) }]
        }
      ],
      {
        'source-id': `${S1.id}\n${S2.id}`,
        'max-concurrency': '1',
        'on-platform-unavailable': 'warn'
      }
    )
    expect(report).toMatchObject({ outcome: 'timeout', passed: false })
    const [a, b] = report.results as [Result, Result]
    expect(summary(b)).toMatchObject({ outcome: 'success', attempts: 1 })
    expect(summary(a)).toEqual({
      outcome: 'timeout',
      attempts: 0,
      failedBefore: [],
      reused: undefined,
      waived: false
    })
    expect(a.run.problem).toMatchObject({
      kind: 'not-started',
      connectors: 2,
      maxConcurrency: 1,
      queueMs: 65_000,
      priorMs: 20_000
    })
    expect(a.verdict.title).toBe('Connection check not started')
    expect(platform.posts().map((c) => c.target)).toEqual([S2.id])
  })

  it('waives nothing else: a host that never answers', async () => {
    const { report, platform } = await step(
      [{ connector: S1 }],
      { 'source-id': S1.id, 'on-platform-unavailable': 'warn' },
      { fault: () => noAnswer('getaddrinfo ENOTFOUND') }
    )
    const result = only(report)
    expect(report).toMatchObject({ outcome: 'error', passed: false })
    expect(summary(result)).toMatchObject({ outcome: 'error', attempts: 0, waived: false })
    expect(result.run.problem).toMatchObject({
      kind: 'unreachable',
      lastReason: 'getaddrinfo ENOTFOUND'
    })
    expect(result.verdict.title).toBe('API host not reachable')
    expect(platform.posts().length).toBeLessThanOrEqual(MAX_POSTS)
    // Given up on well before the deadline: no more POSTs may be sent, and none was answered.
    expect(platform.clock.now()).toBeLessThan(35_000)
  })

  it('waives nothing else: a key refused (401)', async () => {
    const { report, platform } = await step(
      [{ connector: S1 }],
      { 'source-id': S1.id, 'on-platform-unavailable': 'warn' },
      { fault: () => ({ status: 401, detail: 'API key is invalid' }) }
    )
    const result = only(report)
    expect(report).toMatchObject({ outcome: 'unauthorized', passed: false })
    expect(summary(result)).toMatchObject({ outcome: 'unauthorized', attempts: 0, waived: false })
    expect(result.verdict.message).toContain('API key is invalid')
    expect(platform.posts()).toHaveLength(1)
  })

  it('waives nothing else: a connector the platform does not have (404)', async () => {
    const { report, platform } = await step([], {
      'source-id': S1.id,
      'on-platform-unavailable': 'warn'
    })
    const result = only(report)
    expect(report).toMatchObject({ outcome: 'not-found', passed: false })
    expect(summary(result)).toMatchObject({ outcome: 'not-found', attempts: 0, waived: false })
    expect(result.verdict.title).toBe('Connector not found')
    expect(platform.posts()).toHaveLength(1)
  })

  it('waives nothing else: every POST answered 503, so no check was started', async () => {
    const { report, platform } = await step(
      [{ connector: S1, posts: [{ answer: { status: 503 } }] }],
      { 'source-id': S1.id, 'on-platform-unavailable': 'warn' }
    )
    const result = only(report)
    expect(report).toMatchObject({ outcome: 'error', passed: false })
    expect(summary(result)).toMatchObject({ outcome: 'error', attempts: 0, waived: false })
    expect(result.run.problem?.kind).toBe('unusable-answers')
    expect(platform.posts()).toHaveLength(MAX_POSTS)
  })

  it('waives nothing else: invalid inputs', async () => {
    const { report, platform } = await step([{ connector: S1 }], {
      'source-id': S1.id,
      'timeout-seconds': '0',
      'on-platform-unavailable': 'warn'
    })
    expect(report).toMatchObject({ outcome: 'invalid', passed: false, results: [] })
    expect(platform.calls).toEqual([])
  })
})

describe('runStep: transient answers while starting', () => {
  it('sends the POST again after a 503 that started nothing', async () => {
    const { report, platform } = await step(
      [{ connector: S1, posts: [{ answer: { status: 503 } }, { creates: passes(3000) }] }],
      { 'source-id': S1.id }
    )
    expect(summary(only(report))).toMatchObject({ outcome: 'success', attempts: 1 })
    expect(platform.posts()).toHaveLength(2)
    expect(platform.checkIds(S1)).toHaveLength(1)
  })

  it('follows the check a POST started when its answer was lost, sending no second POST', async () => {
    const { report, reporter, platform } = await step(
      [{ connector: S1, posts: [{ creates: passes(6000), answer: { status: 502 } }] }],
      { 'source-id': S1.id }
    )
    const [created] = platform.checkIds(S1)
    const result = only(report)
    expect(summary(result)).toMatchObject({ outcome: 'success', attempts: 1 })
    expect(result.run.followed?.id).toBe(created)
    expect(platform.posts()).toHaveLength(1)
    expect(reporter.about(S1)).toContain(`started ${created ?? ''} SCHEDULED`)
  })
})

describe('runStep: inputs and names', () => {
  it('stops on bad inputs before any call, naming each', async () => {
    const { report, reporter, platform } = await step([{ connector: S1 }], {
      'source-id': 'not-a-uuid',
      'max-concurrency': '0',
      'dry-run': 'maybe'
    })
    expect(report).toMatchObject({
      outcome: 'invalid',
      passed: false,
      results: [],
      settings: undefined,
      durationMs: 0
    })
    expect(report.problem?.title).toBe('Invalid input')
    for (const input of ['source-id', 'max-concurrency', 'dry-run']) {
      expect(report.problem?.message).toContain(`Input '${input}'`)
    }
    expect(platform.connections).toEqual([])
    expect(reporter.plan).toBeUndefined()
  })

  it('stops when nothing names a connector, before any call', async () => {
    const { report, platform } = await step([], {})
    expect(report).toMatchObject({ outcome: 'invalid', passed: false })
    expect(platform.connections).toEqual([])
  })

  it('resolves source-name patterns through the list, each match checked once', async () => {
    const { report, reporter, platform } = await step(
      [
        { connector: S1, name: 'orders-s3', type: 's3' },
        { connector: S2, name: 'billing', type: 'gcs' },
        { connector: S3, name: 'orders-gcs', type: 'gcs' }
      ],
      { 'source-name': 'orders-*\norders-s3', 'source-id': S3.id }
    )
    expect(report).toMatchObject({ outcome: 'success', passed: true })
    // The ids first, then the names' matches in list order; S3 once though named twice.
    expect(report.results.map((r) => r.connector)).toEqual([S3, S1])
    expect(report.results.map((r) => r.names?.name)).toEqual(['orders-gcs', 'orders-s3'])
    expect(platform.callsTo({ endpoint: 'connector-list' })).toHaveLength(1)
    // The list told every name, S3's too though it is named by id: none is looked up.
    expect(platform.callsTo({ endpoint: 'connector' })).toEqual([])
    expect(
      platform
        .posts()
        .map((c) => c.target)
        .sort()
    ).toEqual([S1.id, S3.id].sort())
    expect(reporter.resolution?.lines).toEqual([
      { input: 'source-name', name: 'orders-*', glob: true, matched: 2, shown: expect.any(Array) },
      { input: 'source-name', name: 'orders-s3', glob: false, matched: 1, shown: ['orders-s3'] }
    ])
  })

  it('stops on a name that matches nothing, after the list and before any check', async () => {
    const { report, platform } = await step([{ connector: S1, name: 'orders-s3', type: 's3' }], {
      'source-name': 'orders-s4'
    })
    expect(report).toMatchObject({ outcome: 'not-found', passed: false, results: [] })
    expect(report.problem?.message).toContain('Closest: "orders-s3"')
    expect(platform.calls.map((c) => c.endpoint)).toEqual(['connector-list'])
  })

  it('checks the connectors of a workflow named by id', async () => {
    const workflow = '9d8c7b6a-5f4e-4d3c-8b2a-190817263544'
    const { report, reporter } = await step(
      [{ connector: S1 }, { connector: D1 }],
      { 'workflow-id': workflow },
      { workflows: [{ id: workflow, name: 'nightly', sources: [S1.id], destinations: [D1.id] }] }
    )
    expect(report).toMatchObject({ outcome: 'success', passed: true })
    expect(report.results.map((r) => r.connector)).toEqual([S1, D1])
    expect(reporter.told).toContainEqual({
      connector: undefined,
      line: `workflow ${workflow}: 1 sources, 1 destinations`
    })
  })
})

describe('runStep: a queue longer than max-concurrency', () => {
  it('reads every latest check first, then starts the longest first', async () => {
    const { report, platform } = await step(
      [
        { connector: S1, prior: { createdAtMs: -600_000, ...passes(5000) } },
        { connector: S2, prior: { createdAtMs: -600_000, ...passes(20_000) } },
        { connector: S3 }
      ],
      { 'source-id': `${S1.id}\n${S2.id}\n${S3.id}`, 'max-concurrency': '1' }
    )
    expect(report).toMatchObject({ outcome: 'success', passed: true })
    expect(report.results.map((r) => r.connector)).toEqual([S1, S2, S3])
    const checkCalls = platform.callsTo({ endpoint: 'connection-check' })
    // Three reads before any POST; no connector's check read again before its own POST.
    expect(checkCalls.slice(0, 3).map((c) => [c.method, c.target])).toEqual([
      ['GET', S1.id],
      ['GET', S2.id],
      ['GET', S3.id]
    ])
    // No prior counts as the longest; then 20 s before 5 s.
    expect(platform.posts().map((c) => c.target)).toEqual([S3.id, S2.id, S1.id])
    for (const c of [S1, S2, S3]) {
      const post = platform.posts(c)[0]
      const readsBefore = platform
        .callsTo({ endpoint: 'connection-check', method: 'GET', target: c.id })
        .filter((call) => call.at < (post?.at ?? 0))
      expect(readsBefore).toHaveLength(1)
    }
  })
})
