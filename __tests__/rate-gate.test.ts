import { describe, expect, it } from '@jest/globals'
import { RateGate } from '../src/wait/rate-gate.js'

describe('RateGate', () => {
  it('closes for the Retry-After, and backs off when there is none', () => {
    const gate = new RateGate(10_000, () => 0)
    expect(gate.notBefore()).toBe(0)
    gate.rateLimited(1000, 3000)
    expect(gate.notBefore()).toBe(4000)
    gate.rateLimited(4100, undefined)
    // Second strike: 1 s nominal, at the top of the jitter band.
    expect(gate.notBefore()).toBeCloseTo(4100 + 980, 5)
  })

  it('ends a streak only on an answer to a request sent after the last 429', () => {
    const gate = new RateGate(10_000, () => 0)
    gate.rateLimited(1000, undefined)
    gate.rateLimited(1500, undefined)
    gate.answered(1200) // sent before the second 429 arrived: says nothing
    gate.rateLimited(2500, undefined)
    expect(gate.notBefore()).toBeCloseTo(2500 + 1960, 5) // third strike: 2 s nominal
    gate.answered(2600)
    gate.rateLimited(5000, undefined)
    expect(gate.notBefore()).toBeCloseTo(5000 + 490, 5) // a new streak starts short
  })
})
