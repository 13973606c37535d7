import { describe, expect, it } from '@jest/globals'
import type { CallOptions } from '../../src/api/client.js'
import type { Answer } from '../../src/core/answer.js'
import { transient } from '../../src/core/problem.js'
import { Pacer } from '../../src/wait/pacer.js'
import { HostReach } from '../../src/wait/reach.js'
import { RateGate } from '../../src/wait/rate-gate.js'
import { FakeClock } from '../support/fake-clock.js'

// The floor after a 429 holds even for the last request before the deadline, which otherwise
// may go out while the shared gate is still closed.
function pacer(deadline: number): { clock: FakeClock; gate: RateGate; pacer: Pacer } {
  const clock = new FakeClock()
  const gate = new RateGate(1000, () => 0.5)
  const options = {
    clock,
    random: () => 0.5,
    signal: new AbortController().signal,
    deadline,
    pollIntervalMs: 1000,
    gate,
    reach: new HostReach('platform.example')
  }
  return { clock, gate, pacer: new Pacer(options) }
}

describe('Pacer after a 429', () => {
  it('takes the deadline\u2019s last slot only once the floor has passed', async () => {
    const { clock, gate, pacer: p } = pacer(2000)
    gate.rateLimited(0, 60_000, gate.sent(0))
    const calls: number[] = []
    const call = (): Promise<Answer<string>> => {
      calls.push(clock.now())
      return Promise.resolve({ ok: true, value: 'x' })
    }
    // The gate is closed for a minute; the last slot (1.5 s: the deadline less the answer time
    // assumed and the exit reserve) comes after the 1 s floor.
    expect(await p.sendWhenAllowed(call)).toEqual({ ok: true, value: 'x' })
    expect(calls).toEqual([1500])
  })

  it('sends nothing when the only slot left is within a second of a 429', async () => {
    const { clock, gate, pacer: p } = pacer(1500)
    clock.advance(500)
    gate.rateLimited(clock.now(), undefined, gate.sent(clock.now()))
    let calls = 0
    const call = (options: CallOptions): Promise<Answer<string>> => {
      calls += options.timeoutMs > 0 ? 1 : 0
      return Promise.resolve({ ok: false, problem: transient(429, 'HTTP 429') })
    }
    expect(await p.sendWhenAllowed(call)).toMatchObject({ ok: false, problem: { kind: 'timeout' } })
    expect(await p.retry(call, () => undefined)).toMatchObject({
      ok: false,
      problem: { kind: 'timeout' }
    })
    expect(calls).toBe(0)
  })

  it('does not wake to send within the floor when another check gets a 429 meanwhile', async () => {
    const { clock, gate, pacer: p } = pacer(2000)
    // Asleep until its slot at 1 s; just before, a 429 elsewhere closes the gate again.
    const sleep = clock.sleep.bind(clock)
    clock.sleep = (ms, signal) => {
      const woke = sleep(ms, signal)
      if (clock.now() >= 1000)
        gate.rateLimited(clock.now() - 100, undefined, gate.sent(clock.now() - 100))
      return woke
    }
    expect(await p.waitForSlot(0, 1000)).toBe(false)
  })
})
