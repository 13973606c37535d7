import { randomUUID } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import { describe, expect, it } from '@jest/globals'
import type { Answer } from '../../src/core/answer.js'
import { Pacer } from '../../src/wait/pacer.js'
import { HostReach } from '../../src/wait/reach.js'
import { RateGate, START_WINDOW } from '../../src/wait/rate-gate.js'
import { parseProfileFlags } from '../../simulator/profile-flags.js'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { runBundle } from '../support/action-harness.js'
import { FakeClock } from '../support/fake-clock.js'
import { stepInputs, withSimulator } from '../support/runner.js'

// Steps behind a rate limit: the simulator's token bucket over real HTTP, and the shared gate's
// pacing as the requests of many checks see it.

const CHECK = '/api/v1/sources/00000000-0000-4000-8000-000000000001/connection-check'

function get(sim: Simulator, key = sim.apiKey): Promise<Response> {
  return fetch(`${sim.url}${CHECK}`, { headers: { 'unstructured-api-key': key } })
}

describe("the simulator's token bucket", () => {
  it('refuses what is beyond rate and burst, per key, with the Retry-After asked for', async () => {
    const profile = parseProfileFlags(['rate-limit=0.5,burst=1'])
    expect(profile.rateLimit).toEqual({ ratePerSecond: 0.5, burst: 1 })
    await withSimulator(
      async (sim) => {
        const statuses = async (key?: string): Promise<number[]> => {
          const answers = [await get(sim, key), await get(sim, key), await get(sim, key)]
          return answers.map((a) => a.status)
        }
        // Burst 1: two pass (404: no such connector, the API's own answer), the third is refused.
        expect(await statuses()).toEqual([404, 404, 429])
        const refused = await get(sim)
        expect(refused.status).toBe(429)
        // A token comes back every 2 s: the wait is whole seconds, at most 2.
        expect(['1', '2']).toContain(refused.headers.get('retry-after'))
        // Another key has a bucket of its own.
        expect(await statuses('another_key_0123456789')).toEqual([401, 401, 429])
      },
      { profile }
    )
  })

  it('gives Retry-After as an HTTP date, or none, when told', async () => {
    for (const [flag, check] of [
      ['date', (v: string | null) => Date.parse(v ?? '') > Date.now()],
      ['none', (v: string | null) => v === null]
    ] as const) {
      await withSimulator(
        async (sim) => {
          await get(sim)
          const refused = await get(sim)
          expect(refused.status).toBe(429)
          expect(check(refused.headers.get('retry-after'))).toBe(true)
        },
        { profile: parseProfileFlags([`rate-limit=1,retry-after=${flag}`]) }
      )
    }
  })

  it('rejects flags it cannot read', () => {
    for (const flag of ['rate-limit', 'rate-limit=0', 'rate-limit=x', 'rate-limit=1,burst=-1']) {
      expect(() => parseProfileFlags([flag])).toThrow(/rate-limit=R/)
    }
  })
})

describe('the shared gate, for many checks at once (injected clock)', () => {
  it('lets only a few requests out before the API has answered one', async () => {
    const clock = new FakeClock()
    const gate = new RateGate(10_000, () => 0.5)
    const { signal } = new AbortController()
    // As the engine does: every waiting request listens to the step's one signal.
    setMaxListeners(0, signal)
    const options = {
      clock,
      random: () => 0.5,
      signal,
      deadline: 60_000,
      pollIntervalMs: 10_000,
      gate,
      reach: new HostReach('platform.example')
    }
    const pending: (() => void)[] = []
    let inFlight = 0
    let peak = 0
    const call = (): Promise<Answer<string>> => {
      inFlight += 1
      peak = Math.max(peak, inFlight)
      return new Promise((resolve) => {
        pending.push(() => {
          inFlight -= 1
          resolve({ ok: true, value: 'x' })
        })
      })
    }
    const sends = Array.from({ length: 20 }, () => new Pacer(options).retry(call, () => undefined))
    await new Promise((resolve) => setImmediate(resolve))
    expect(inFlight).toBe(START_WINDOW.first)
    // Each answer lets up to two more out: one in its place, and one for the wider window.
    pending.shift()?.()
    await new Promise((resolve) => setImmediate(resolve))
    expect(inFlight).toBe(START_WINDOW.first + 1)
    while (pending.length > 0) {
      pending.shift()?.()
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(sends)).toHaveLength(20)
    expect(peak).toBeLessThan(20)
    // No time passed: the window waits for answers, not for a clock.
    expect(clock.now()).toBe(0)
  })
})

describe('a step behind the simulator’s token bucket (the bundle, over HTTP)', () => {
  it('keeps 429s far below a stampede, with one POST each', async () => {
    await withSimulator(
      async (sim) => {
        const ids = Array.from({ length: 4 }, () => randomUUID())
        for (const id of ids) {
          sim.addConnector(id, { kind: 'source', checkDurationMs: 300, ending: 'SUCCESS' })
        }
        const result = await runBundle(stepInputs(sim, { 'source-id': ids.join('\n') }, '60'), {
          limitMs: 90_000
        })
        expect(result.outputs.outcome).toBe('success')
        const statuses = sim.requests.map((r) => r.status)
        const refused = statuses.filter((s) => s === 429).length
        expect(refused).toBeGreaterThan(0) // the limit was met
        // Far from the stampede (four in five refused): a bound that holds whatever the machine's
        // load does to a real-time bucket over a dozen requests. The one-third target is shown
        // by the benchmark's figures (npm run bench -- --only limiter), not asserted here.
        expect(refused / statuses.length).toBeLessThanOrEqual(1 / 2)
        // One POST each: a 429 creates nothing, and nothing else was needed.
        for (const id of ids) expect(sim.checks(id)).toHaveLength(1)
      },
      { profile: { rateLimit: { ratePerSecond: 2, burst: 0 } } }
    )
  }, 120_000)
})
