import { describe, expect, it } from '@jest/globals'
import type { ConnectionCheck } from '../../src/api/schemas.js'
import { parseTimestamp } from '../../src/api/timestamp.js'
import {
  CLOCK_TOLERANCE_MS,
  mayRecheck,
  platformGaveNoVerdict,
  RECHECK_PAUSE_MS,
  reuseAfterUpdate,
  reuseDecision,
  stepPassed,
  waives
} from '../../src/engine/policy.js'
import { HOST_NAME_NOT_FOUND, type Problem } from '../../src/core/problem.js'

const ID = '0b9e7f52-1111-4222-8333-444455556666'
const REPORTED = '2026-01-01T12:00:00.250000Z'
const REPORTED_MS = parseTimestamp(REPORTED)?.epochMs ?? Number.NaN

function latest(fields: Partial<ConnectionCheck> = {}): ConnectionCheck {
  return {
    id: ID,
    status: 'SUCCESS',
    reason: null,
    createdAt: '2026-01-01T11:59:58Z',
    reportedAt: REPORTED,
    created: { epochMs: REPORTED_MS - 2250, subMsNanos: 0 },
    serverDateMs: REPORTED_MS + 30_000,
    ...fields
  }
}

describe('waives', () => {
  const problems: [Problem, boolean][] = [
    [{ kind: 'timeout', lastTransient: undefined }, true],
    [{ kind: 'timeout', lastTransient: 'HTTP 503 Service Unavailable' }, true],
    // A host that never answered is a configuration error, whatever DNS said.
    [{ kind: 'unreachable', host: 'h', lastReason: 'ECONNREFUSED', waitedMs: 5000 }, false],
    [{ kind: 'unreachable', host: 'h', lastReason: 'DNS lookup failed', waitedMs: 5000 }, false],
    [{ kind: 'unreachable', host: 'h', lastReason: HOST_NAME_NOT_FOUND, waitedMs: 5000 }, false],
    [
      {
        kind: 'not-started',
        connectors: 9,
        maxConcurrency: 1,
        queueMs: 9000,
        priorMs: 1000,
        leftMs: 500
      },
      false
    ],
    [{ kind: 'unusable-answers', answers: ['HTTP 500', 'HTTP 500', 'HTTP 500'] }, false],
    [{ kind: 'unauthorized', status: 401, detail: undefined }, false],
    [{ kind: 'unauthorized', status: 403, detail: undefined }, false],
    [{ kind: 'not-found', status: 404, detail: undefined }, false],
    [{ kind: 'validation', status: 422, items: [] }, false],
    [{ kind: 'invalid-input', input: 'source-id', message: 'bad' }, false],
    [{ kind: 'tls', code: 'CERT_HAS_EXPIRED', host: 'h' }, false],
    [{ kind: 'cancelled', signal: 'SIGTERM' }, false],
    [{ kind: 'malformed', status: 200, reason: 'no id' }, false]
  ]

  it.each(problems)('a started check that ended %j: %s', (problem, waived) => {
    expect(platformGaveNoVerdict({ started: true, problem })).toBe(waived)
    expect(waives('warn', { started: true, problem })).toBe(waived)
    expect(waives('fail', { started: true, problem })).toBe(false)
  })

  it.each(problems)('never a check that was not started: %j', (problem) => {
    expect(waives('warn', { started: false, problem })).toBe(false)
  })

  it('is false for a run with no problem (a verdict, FAILURE included)', () => {
    expect(platformGaveNoVerdict({ started: true, problem: undefined })).toBe(false)
    expect(waives('warn', { started: true, problem: undefined })).toBe(false)
  })
})

describe('stepPassed', () => {
  it('passes on success and dry-run, and on what was waived, never on nothing', () => {
    expect(stepPassed(undefined, [{ outcome: 'success', waived: false }])).toBe(true)
    expect(stepPassed(undefined, [{ outcome: 'dry-run', waived: false }])).toBe(true)
    expect(
      stepPassed(undefined, [
        { outcome: 'success', waived: false },
        { outcome: 'timeout', waived: true }
      ])
    ).toBe(true)
    expect(
      stepPassed(undefined, [
        { outcome: 'timeout', waived: true },
        { outcome: 'failure', waived: false }
      ])
    ).toBe(false)
    expect(stepPassed(undefined, [{ outcome: 'timeout', waived: false }])).toBe(false)
    expect(stepPassed(undefined, [])).toBe(false)
  })

  it('never passes a step problem: no check was started', () => {
    expect(stepPassed({ outcome: 'timeout' }, [])).toBe(false)
    expect(stepPassed({ outcome: 'timeout' }, [{ outcome: 'success', waived: false }])).toBe(false)
  })
})

describe('mayRecheck', () => {
  const base = {
    outcome: 'failure' as const,
    rechecks: 0,
    max: 2,
    now: 0,
    deadline: 60_000,
    failedMs: 500
  }

  it('re-checks a FAILURE while re-checks and time are left', () => {
    expect(mayRecheck(base)).toBe(true)
    expect(mayRecheck({ ...base, rechecks: 1 })).toBe(true)
    expect(mayRecheck({ ...base, rechecks: 2 })).toBe(false)
    expect(mayRecheck({ ...base, max: 0 })).toBe(false)
  })

  it('does not re-check anything but a FAILURE', () => {
    for (const outcome of ['success', 'timeout', 'error', 'unauthorized'] as const) {
      expect(mayRecheck({ ...base, outcome })).toBe(false)
    }
  })

  it('starts one only when the pause and at least a second fit before the deadline', () => {
    const latest = 60_000 - RECHECK_PAUSE_MS - 1000
    expect(mayRecheck({ ...base, now: latest })).toBe(true)
    expect(mayRecheck({ ...base, now: latest + 1 })).toBe(false)
    expect(mayRecheck({ ...base, now: 60_000 - RECHECK_PAUSE_MS - 500 })).toBe(false)
  })

  it('starts one only when a check as long as the failed one fits after the pause', () => {
    const failedMs = 20_000
    const latest = 60_000 - RECHECK_PAUSE_MS - failedMs
    expect(mayRecheck({ ...base, failedMs, now: latest })).toBe(true)
    expect(mayRecheck({ ...base, failedMs, now: latest + 1 })).toBe(false)
    // With 1.5 s left after the pause, a check that took 10 s is not started.
    expect(mayRecheck({ ...base, failedMs: 10_000, now: 60_000 - RECHECK_PAUSE_MS - 1500 })).toBe(
      false
    )
  })
})

describe('reuseDecision', () => {
  const MINUTE = 60_000

  it('reuses a SUCCESS reported within the age, by the Date header', () => {
    expect(reuseDecision(latest(), MINUTE)).toEqual({
      ok: true,
      value: { check: latest(), ageMs: 30_000 }
    })
  })

  it('does not reuse a SUCCESS older than the age', () => {
    const decision = reuseDecision(latest(), 20_000)
    expect(decision).toEqual({
      ok: false,
      problem: `check ${ID} was reported 30 s before the server's Date, longer ago than 20 s`
    })
  })

  it('takes a reported_at a little ahead of Date (whole seconds) as age 0', () => {
    const ahead = latest({ serverDateMs: REPORTED_MS - 250 })
    expect(reuseDecision(ahead, MINUTE)).toMatchObject({ ok: true, value: { ageMs: 0 } })
  })

  it('does not trust a reported_at ahead of Date by more than the tolerance', () => {
    const ahead = latest({ serverDateMs: REPORTED_MS - CLOCK_TOLERANCE_MS - 1000 })
    expect(reuseDecision(ahead, MINUTE)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('clocks disagree')
    })
  })

  it.each([
    ['no check', undefined, 'the connector has no check to reuse'],
    [
      'a FAILURE',
      latest({ status: 'FAILURE', reason: 'denied' }),
      `its latest check ${ID} is a FAILURE`
    ],
    [
      'a check not final',
      latest({ status: 'SCHEDULED', reportedAt: null }),
      `its latest check ${ID} is not final (SCHEDULED)`
    ],
    [
      'a SUCCESS without reported_at',
      latest({ reportedAt: null }),
      `its latest check ${ID} is not final (SUCCESS)`
    ],
    [
      'an answer without Date',
      latest({ serverDateMs: undefined }),
      'the answer had no Date header to tell its age by'
    ],
    [
      'a reported_at that is no timestamp',
      latest({ reportedAt: 'yesterday' }),
      `the reported_at of check ${ID} is not a timestamp`
    ],
    [
      'a check whose id is not a UUID',
      latest({ id: 'check-1' }),
      "the id of its latest check, check-1, is not a UUID: the answer is not the API's"
    ],
    [
      'a reported_at without a UTC offset',
      latest({ reportedAt: '2026-01-01T12:00:00.250000' }),
      `the reported_at of check ${ID} has no UTC offset, so it may be local time and cannot be compared with the server's Date`
    ],
    [
      'a created_at without a UTC offset',
      latest({ createdAt: '2026-01-01 11:59:58' }),
      `the created_at of check ${ID} has no UTC offset, so it may be local time and cannot be compared with the server's Date`
    ],
    [
      'a check reported before it was created',
      latest({ created: { epochMs: REPORTED_MS, subMsNanos: 1 } }),
      `check ${ID} was reported before it was created`
    ],
    [
      'an answer a cache served',
      latest({ cacheAgeSeconds: 1 }),
      "the answer came from a cache (it had an Age header), so its Date is not the server's now"
    ],
    [
      'an answer with an unreadable Age',
      latest({ cacheAgeSeconds: Number.NaN }),
      "the answer came from a cache (it had an Age header), so its Date is not the server's now"
    ]
  ])('does not reuse %s', (_, check, why) => {
    expect(reuseDecision(check, MINUTE)).toEqual({ ok: false, problem: why })
  })

  it('reuses a check with any explicit offset, and an answer with Age 0', () => {
    const offsets = latest({
      createdAt: '2026-01-01 13:59:58+02',
      reportedAt: '2026-01-01T07:00:00.250-05:00',
      cacheAgeSeconds: 0
    })
    expect(reuseDecision(offsets, MINUTE)).toMatchObject({ ok: true, value: { ageMs: 30_000 } })
  })

  it('reuses a check reported the moment it was created', () => {
    const instant = latest({ created: { epochMs: REPORTED_MS, subMsNanos: 0 } })
    expect(reuseDecision(instant, MINUTE)).toMatchObject({ ok: true })
  })
})

describe('reuseAfterUpdate', () => {
  const reusable = reuseDecision(latest(), 60_000)
  // The check was created at 11:59:58.000Z.

  it('keeps a reuse when the connector was last updated before the check was created', () => {
    expect(reuseAfterUpdate(reusable, { updatedAt: '2026-01-01T11:59:52.999999Z' })).toBe(reusable)
    expect(
      reuseAfterUpdate(reusable, { updatedAt: '2026-01-01T11:59:52Z', cacheAgeSeconds: 0 })
    ).toBe(reusable)
  })

  it('keeps a reuse when updated_at is null (never updated)', () => {
    expect(reuseAfterUpdate(reusable, { updatedAt: null })).toBe(reusable)
  })

  it('refuses a reuse when the read gives no updated_at at all: it may not be the connector', () => {
    for (const connector of [{ updatedAt: undefined }, {}]) {
      expect(reuseAfterUpdate(reusable, connector)).toEqual({
        ok: false,
        problem:
          'the connector read did not say when the connector was last updated (no updated_at)'
      })
    }
  })

  it.each([
    ['at the same moment', '2026-01-01T11:59:58Z'],
    // Within the clock tolerance before it: whole seconds, or another service's clock.
    ['just before the check began', '2026-01-01T11:59:53.5Z'],
    ['after the check began', '2026-01-01T11:59:59.5Z'],
    ['after it was reported', '2026-01-01 12:00:10+00']
  ])('refuses a reuse when the connector was updated %s', (_, updatedAt) => {
    expect(reuseAfterUpdate(reusable, { updatedAt })).toEqual({
      ok: false,
      problem: `the connector was updated since check ${ID} began, which may have checked its previous config`
    })
  })

  it('refuses a reuse when updated_at is unreadable or the connector could not be read', () => {
    expect(reuseAfterUpdate(reusable, { updatedAt: '' })).toEqual({
      ok: false,
      problem: "the connector's updated_at is not a timestamp with a UTC offset"
    })
    expect(reuseAfterUpdate(reusable, undefined)).toEqual({
      ok: false,
      problem: `the connector could not be read to tell whether it changed since check ${ID}`
    })
  })

  it('leaves a refusal as it is', () => {
    const refused = { ok: false as const, problem: 'no' }
    expect(reuseAfterUpdate(refused, { updatedAt: '2026-01-01T13:00:00Z' })).toBe(refused)
  })

  it('refuses a reuse when updated_at has no UTC offset: it could be the time of any zone', () => {
    expect(reuseAfterUpdate(reusable, { updatedAt: '2026-01-01T07:30:00' })).toEqual({
      ok: false,
      problem: "the connector's updated_at is not a timestamp with a UTC offset"
    })
  })

  it('refuses a reuse when a cache answered the connector read', () => {
    expect(
      reuseAfterUpdate(reusable, { updatedAt: '2026-01-01T11:00:00Z', cacheAgeSeconds: 30 })
    ).toEqual({ ok: false, problem: 'the connector was read from a cache (an Age header)' })
  })
})
