import { describe, expect, it } from '@jest/globals'
import { parseTimestamp, type ConnectionCheck } from '../src/api/schemas.js'
import {
  CLOCK_TOLERANCE_MS,
  mayRecheck,
  platformUnavailable,
  RECHECK_PAUSE_MS,
  reuseDecision,
  stepPassed,
  waives
} from '../src/policy.js'
import type { Problem } from '../src/problems.js'

const REPORTED = '2026-01-01T12:00:00.250000Z'
const REPORTED_MS = parseTimestamp(REPORTED)?.epochMs ?? Number.NaN

function latest(fields: Partial<ConnectionCheck> = {}): ConnectionCheck {
  return {
    id: 'check-1',
    status: 'SUCCESS',
    reason: null,
    createdAt: '2026-01-01T11:59:58Z',
    reportedAt: REPORTED,
    created: { epochMs: REPORTED_MS - 2250, subMsNanos: 0 },
    serverDateMs: REPORTED_MS + 30_000,
    ...fields
  }
}

describe('platformUnavailable', () => {
  const problems: [Problem, boolean][] = [
    [{ kind: 'timeout', lastTransient: undefined }, true],
    [{ kind: 'timeout', lastTransient: 'HTTP 503 Service Unavailable' }, true],
    [{ kind: 'unreachable', host: 'h', lastReason: 'ECONNREFUSED', waitedMs: 5000 }, true],
    [{ kind: 'unauthorized', status: 401, detail: undefined }, false],
    [{ kind: 'unauthorized', status: 403, detail: undefined }, false],
    [{ kind: 'not-found', status: 404, detail: undefined }, false],
    [{ kind: 'validation', status: 422, items: [] }, false],
    [{ kind: 'invalid-input', input: 'source-id', message: 'bad' }, false],
    [{ kind: 'tls', code: 'CERT_HAS_EXPIRED', host: 'h' }, false],
    [{ kind: 'cancelled', signal: 'SIGTERM' }, false],
    [{ kind: 'malformed', status: 200, reason: 'no id' }, false]
  ]

  it.each(problems)('%j: %s', (problem, unavailable) => {
    expect(platformUnavailable(problem)).toBe(unavailable)
    expect(waives('warn', problem)).toBe(unavailable)
    expect(waives('fail', problem)).toBe(false)
  })

  it('is false for a run with no problem (a verdict, FAILURE included)', () => {
    expect(platformUnavailable(undefined)).toBe(false)
    expect(waives('warn', undefined)).toBe(false)
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

  it('passes a step problem only when waived', () => {
    expect(stepPassed({ waived: false }, [])).toBe(false)
    expect(stepPassed({ waived: true }, [])).toBe(true)
  })
})

describe('mayRecheck', () => {
  const base = { outcome: 'failure' as const, rechecks: 0, max: 2, now: 0, deadline: 60_000 }

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

  it('does not start one that the deadline would cut off after the pause', () => {
    expect(mayRecheck({ ...base, now: 60_000 - RECHECK_PAUSE_MS - 500 })).toBe(false)
    expect(mayRecheck({ ...base, now: 60_000 - RECHECK_PAUSE_MS - 1500 })).toBe(true)
  })
})

describe('reuseDecision', () => {
  const MINUTE = 60_000

  it('reuses a SUCCESS reported within the age, by the Date header', () => {
    expect(reuseDecision(latest(), MINUTE)).toEqual({
      reuse: true,
      check: latest(),
      ageMs: 30_000
    })
  })

  it('does not reuse a SUCCESS older than the age', () => {
    const decision = reuseDecision(latest(), 20_000)
    expect(decision).toEqual({
      reuse: false,
      why: "check check-1 was reported 30 s before the server's Date, longer ago than 20 s"
    })
  })

  it('takes a reported_at a little ahead of Date (whole seconds) as age 0', () => {
    const ahead = latest({ serverDateMs: REPORTED_MS - 250 })
    expect(reuseDecision(ahead, MINUTE)).toMatchObject({ reuse: true, ageMs: 0 })
  })

  it('does not trust a reported_at ahead of Date by more than the tolerance', () => {
    const ahead = latest({ serverDateMs: REPORTED_MS - CLOCK_TOLERANCE_MS - 1000 })
    expect(reuseDecision(ahead, MINUTE)).toMatchObject({
      reuse: false,
      why: expect.stringContaining('clocks disagree')
    })
  })

  it.each([
    ['no check', undefined, 'the connector has no check to reuse'],
    [
      'a FAILURE',
      latest({ status: 'FAILURE', reason: 'denied' }),
      'its latest check check-1 is a FAILURE'
    ],
    [
      'a check not final',
      latest({ status: 'SCHEDULED', reportedAt: null }),
      'its latest check check-1 is not final (SCHEDULED)'
    ],
    [
      'a SUCCESS without reported_at',
      latest({ reportedAt: null }),
      'its latest check check-1 is not final (SUCCESS)'
    ],
    [
      'an answer without Date',
      latest({ serverDateMs: undefined }),
      'the answer had no Date header to tell its age by'
    ],
    [
      'a reported_at that is no timestamp',
      latest({ reportedAt: 'yesterday' }),
      'the reported_at of check check-1 is not a timestamp'
    ]
  ])('does not reuse %s', (_, check, why) => {
    expect(reuseDecision(check, MINUTE)).toEqual({ reuse: false, why })
  })
})
