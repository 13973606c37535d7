import type { Clock } from '../../src/wait/clock.js'

/** A clock that only moves when the code under test sleeps (or a test says so). */
export class FakeClock implements Clock {
  private t = 0
  readonly sleeps: number[] = []

  constructor(private readonly epochAtZero = Date.UTC(2026, 10, 28, 12, 0, 0)) {}

  now(): number {
    return this.t
  }

  epochNow(): number {
    return this.epochAtZero + this.t
  }

  advance(ms: number): void {
    this.t += ms
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve()
    const step = Math.max(0, ms)
    this.sleeps.push(step)
    this.t += step
    return Promise.resolve()
  }
}

/** A deterministic stand-in for Math.random (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
