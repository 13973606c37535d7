import { performance } from 'node:perf_hooks'

/**
 * Time as the wait loop sees it. Injected so the loop can be tested without waiting: tests pass
 * a clock whose sleep advances a counter.
 */
export interface Clock {
  /** Monotonic milliseconds; 0 is the moment the process started. */
  now(): number
  /** Wall-clock epoch milliseconds: only for reading a Retry-After given as an HTTP date. */
  epochNow(): number
  /** Waits ms, or less if the signal aborts first; never rejects. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  // performance.now() counts from process start, which is where the step's deadline counts from.
  now: () => performance.now(),
  epochNow: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted || ms <= 0) {
        resolve()
        return
      }
      const done = (): void => {
        clearTimeout(timer)
        signal.removeEventListener('abort', done)
        resolve()
      }
      // Node clamps a delay past 2^31 - 1 ms to 1 ms; inputs keep waits far below that anyway.
      const timer = setTimeout(done, Math.min(ms, 2 ** 31 - 1))
      signal.addEventListener('abort', done, { once: true })
    })
}
