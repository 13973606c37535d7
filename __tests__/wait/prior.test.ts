import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { PlatformClient, type CallOptions } from '../../src/api/client.js'
import { type Answer } from '../../src/core/answer.js'
import { ConnectionCheckSchema, type ConnectionCheck } from '../../src/api/schemas.js'
import type { Connector } from '../../src/core/connector.js'
import { runCheck, type CheckEvents } from '../../src/wait/check-run.js'
import { priorFrom } from '../../src/wait/prior.js'
import { RateGate } from '../../src/wait/rate-gate.js'
import { HostReach } from '../../src/wait/reach.js'
import { PRIOR_WINDOW } from '../../src/wait/schedule.js'
import {
  startSimulator,
  type PlatformProfile,
  type Simulator,
  TIMESTAMP_FORMS
} from '../../simulator/platform-simulator.js'
import { FakeClock, seededRandom } from '../support/fake-clock.js'

const TIMEOUT_MS = 300_000

function parsed(fields: Record<string, unknown>): ConnectionCheck {
  return ConnectionCheckSchema.parse({
    id: 'c1',
    status: 'SUCCESS',
    created_at: '2026-11-28T12:00:00.000000Z',
    ...fields
  })
}

describe('priorFrom: how long the latest check took', () => {
  it('is reported_at - created_at of a final check, SUCCESS or FAILURE, below the ms too', () => {
    expect(priorFrom(parsed({ reported_at: '2026-11-28T12:00:30.250000Z' }), TIMEOUT_MS)).toBe(
      30_250
    )
    const failed = parsed({ status: 'FAILURE', reported_at: '2026-11-28T12:00:04Z' })
    expect(priorFrom(failed, TIMEOUT_MS)).toBe(4000)
    const close = parsed({
      created_at: '2026-11-28T12:00:00.000100Z',
      reported_at: '2026-11-28T12:00:00.000600Z'
    })
    expect(priorFrom(close, TIMEOUT_MS)).toBeCloseTo(0.5, 9)
  })

  it('compares two forms of timestamp with each other', () => {
    const mixed = parsed({
      created_at: '2026-11-28 12:00:00+00',
      reported_at: '2026-11-28T13:00:05.5+01:00'
    })
    expect(priorFrom(mixed, TIMEOUT_MS)).toBe(5500)
  })

  it.each([
    ['no check', undefined],
    ['a check not final', parsed({ status: 'SCHEDULED', reported_at: null })],
    [
      'a status not known to be final, even one that reported',
      parsed({ status: 'RUNNING', reported_at: '2026-11-28T12:00:03Z' })
    ],
    ['a final check with no reported_at', parsed({ reported_at: null })],
    ['an unreadable reported_at', parsed({ reported_at: 'yesterday, around noon' })],
    [
      'a reported_at on a date that does not exist',
      parsed({ reported_at: '2026-02-30T12:00:00Z' })
    ],
    ['a duration of 0', parsed({ reported_at: '2026-11-28T12:00:00Z' })],
    ['a negative duration', parsed({ reported_at: '2026-11-28T11:59:58Z' })],
    ['a duration longer than the timeout', parsed({ reported_at: '2026-11-28T12:05:00.001Z' })],
    ['a duration of years', parsed({ reported_at: '9999-06-15T12:00:00Z' })]
  ])('is undefined for %s', (_, check) => {
    expect(priorFrom(check, TIMEOUT_MS)).toBeUndefined()
  })

  it('takes a duration exactly as long as the timeout, and none for a timeout that is no number', () => {
    const check = parsed({ reported_at: '2026-11-28T12:05:00Z' })
    expect(priorFrom(check, TIMEOUT_MS)).toBe(TIMEOUT_MS)
    expect(priorFrom(check, Number.NaN)).toBeUndefined()
  })
})

async function withSim<T>(profile: PlatformProfile, test: (sim: Simulator) => Promise<T>) {
  const sim = await startSimulator({ profile })
  try {
    return await test(sim)
  } finally {
    await sim.close()
  }
}

const call = (): CallOptions => ({ timeoutMs: 5000, signal: new AbortController().signal })

describe('priorFrom over real HTTP, in every timestamp form the platform may write', () => {
  it.each(TIMESTAMP_FORMS)('%s', async (timestampForm) => {
    await withSim({ timestampForm, naiveUtcOffsetHours: -5 }, async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 3250 })
      sim.startCheck(id, { ageMs: 3_600_000 })
      const client = new PlatformClient(`${sim.url}/api/v1`, sim.apiKey, () => Date.now())
      try {
        const latest = await client.latestCheck({ kind: 'source', id }, call())
        if (!latest.ok) throw new Error(`GET failed: ${latest.problem.kind}`)
        const prior = priorFrom(latest.value, TIMEOUT_MS)
        // Whole seconds lose the fraction of both ends: within a second either way.
        if (timestampForm === 'whole-seconds') {
          expect(Math.abs((prior ?? 0) - 3250)).toBeLessThan(1000)
        } else {
          expect(prior).toBeCloseTo(3250, 3)
        }
      } finally {
        client.close()
      }
    })
  })
})

const silent: CheckEvents = {
  started: () => undefined,
  joined: () => undefined,
  finalOnArrival: () => undefined,
  statusChanged: () => undefined,
  superseded: () => undefined,
  unknownStatus: () => undefined,
  ignored: () => undefined,
  retrying: () => undefined
}

/**
 * Follows a check that never ends over real HTTP with an injected clock, until the deadline:
 * the polls are exactly what the schedule asks for, at fake times, each sent to the simulator.
 */
async function followNeverEnding(
  sim: Simulator,
  priorMs: number | undefined,
  joined = false
): Promise<{ pollsAt: number[]; postAt: number; logged: number }> {
  const id = randomUUID()
  const connector: Connector = { kind: 'source', id }
  sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
  if (joined) sim.startCheck(id)
  const clock = new FakeClock()
  const client = new PlatformClient(`${sim.url}/api/v1`, sim.apiKey, () => Date.now())
  const pollsAt: number[] = []
  let postAt = Number.NaN
  const api = {
    startCheck: (c: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> => {
      postAt = clock.now()
      return client.startCheck(c, options)
    },
    latestCheck: (c: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> => {
      pollsAt.push(clock.now())
      return client.latestCheck(c, options)
    }
  }
  try {
    const run = await runCheck(connector, {
      api,
      clock,
      random: seededRandom(8),
      signal: new AbortController().signal,
      deadline: 40_000,
      pollIntervalMs: 10_000,
      gate: new RateGate(10_000, () => 0.5),
      reach: new HostReach('127.0.0.1'),
      events: silent,
      priorMs
    })
    expect(run.problem?.kind).toBe('timeout')
    expect(run.joined).toBe(joined)
  } finally {
    client.close()
  }
  const logged = sim.requests.filter((r) => r.method === 'GET' && r.path.includes(id)).length
  return { pollsAt: pollsAt.map((t) => t - postAt), postAt, logged }
}

/** Lag of a check final at T, from the poll times: the first poll at or after T. */
const lagAt = (pollsAt: number[], T: number): number =>
  (pollsAt.find((t) => t >= T) ?? Number.POSITIVE_INFINITY) - T

describe('runCheck with a prior, over real HTTP (injected clock)', () => {
  const D = 12_000
  const start = PRIOR_WINDOW.startShare * D
  const end = PRIOR_WINDOW.endShare * D

  it('bunches the polls near the prior, and polls as without one elsewhere', async () => {
    await withSim({}, async (sim) => {
      const plain = await followNeverEnding(sim, undefined)
      const aimed = await followNeverEnding(sim, D)
      // Every poll went to the simulator.
      expect(plain.logged).toBe(plain.pollsAt.length)
      expect(aimed.logged).toBe(aimed.pollsAt.length)
      const inWindow = (times: number[]) => times.filter((t) => t >= start - 1 && t < end)
      expect(inWindow(plain.pollsAt).length).toBeLessThanOrEqual(2)
      expect(inWindow(aimed.pollsAt).length).toBeGreaterThanOrEqual(6)
      // The same draws: the same polls up to the window.
      const before = plain.pollsAt.filter((t) => t < start - 1000)
      expect(aimed.pollsAt.slice(0, before.length)).toEqual(before)
      // A check final within 20 % of D is seen at least three times sooner.
      const Ts = Array.from({ length: 41 }, (_, i) => D * (0.8 + (0.4 * i) / 40))
      const mean = (times: number[]) => Ts.reduce((sum, T) => sum + lagAt(times, T), 0) / Ts.length
      expect(mean(aimed.pollsAt)).toBeLessThanOrEqual(0.3 * mean(plain.pollsAt))
      // And never later than the bound, here or anywhere up to the deadline.
      for (let T = 1; T < 30_000; T += 7) {
        expect(lagAt(aimed.pollsAt, T)).toBeLessThanOrEqual(500 + 0.25 * T)
      }
    })
  })

  it('does not aim at a check it joined: that one began before the POST', async () => {
    await withSim({ postMode: 'conflict' }, async (sim) => {
      const plain = await followNeverEnding(sim, undefined, true)
      const aimed = await followNeverEnding(sim, D, true)
      expect(aimed.pollsAt).toEqual(plain.pollsAt)
    })
  })
})
