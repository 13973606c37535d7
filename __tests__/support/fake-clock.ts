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

/**
 * A clock on which concurrent work shares time as it would on a real one: a sleep waits for a
 * timer, and time moves on to the next timer only when nothing else can run, so sleeps that
 * overlap take their longest, not their sum, and one cut short by its signal takes no more.
 * Work on it runs through run(). Nothing waits on the wall clock.
 */
export class VirtualClock implements Clock {
  private t = 0
  private seq = 0
  private timers: { at: number; seq: number; fire: () => void }[] = []

  constructor(private readonly epochAtZero = Date.UTC(2026, 10, 28, 12, 0, 0)) {}

  now(): number {
    return this.t
  }

  epochNow(): number {
    return this.epochAtZero + this.t
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    // As the system clock: no wait at all for nothing, or once aborted.
    if (signal.aborted || ms <= 0) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const timer = {
        at: this.t + ms,
        seq: (this.seq += 1),
        fire: () => {
          signal.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer)
        resolve()
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.timers.push(timer)
    })
  }

  /** Timers waiting to fire. */
  pending(): number {
    return this.timers.length
  }

  /**
   * Runs `work` to its end: whenever every promise has settled as far as it can, the earliest
   * timer fires (the first set, of those due at once) and time moves to it.
   */
  async run<T>(work: Promise<T>): Promise<T> {
    // An object, not a let: the narrowing of a local would not see the callback set it.
    const state = { settled: false }
    const done = work.finally(() => {
      state.settled = true
    })
    // A rejection is seen through `done`; this keeps it from being reported twice.
    done.catch(() => undefined)
    for (;;) {
      // Every microtask runs before an immediate: the work has gone as far as it can.
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (state.settled) return done
      const next = this.timers.reduce<(typeof this.timers)[number] | undefined>(
        (first, timer) =>
          first === undefined ||
          timer.at < first.at ||
          (timer.at === first.at && timer.seq < first.seq)
            ? timer
            : first,
        undefined
      )
      if (next === undefined) throw new Error('the work waits on something that no timer ends')
      this.timers = this.timers.filter((t) => t !== next)
      this.t = Math.max(this.t, next.at)
      next.fire()
    }
  }
}
