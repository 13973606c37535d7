import { describe, expect, it } from '@jest/globals'
import { RateGate } from '../src/wait/rate-gate.js'

describe('RateGate', () => {
  it('closes for the Retry-After, and backs off when there is none', () => {
    const gate = new RateGate(10_000, () => 0)
    expect(gate.notBefore()).toBe(0)
    gate.rateLimited(1000, 3000)
    expect(gate.notBefore()).toBe(4000)
    gate.rateLimited(4100, undefined)
    // Second strike: 1 s nominal, 0.98 s at the top of the jitter band, raised to the floor.
    expect(gate.notBefore()).toBe(4100 + 1000)
  })

  it('holds for at least a second after any 429, even one that says to come back at once', () => {
    const gate = new RateGate(1000, () => 0)
    expect(gate.floor()).toBe(Number.NEGATIVE_INFINITY)
    gate.rateLimited(1000, 0)
    expect(gate.notBefore()).toBe(2000)
    expect(gate.floor()).toBe(2000)
    gate.rateLimited(1500, 60_000)
    // Retry-After keeps the gate closed; the floor only counts from the latest 429.
    expect(gate.notBefore()).toBe(61_500)
    expect(gate.floor()).toBe(2500)
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
    expect(gate.notBefore()).toBe(5000 + 1000) // a new streak starts short: at the floor
  })
})
