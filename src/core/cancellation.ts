/**
 * Runners cancel a job by sending SIGINT, then SIGTERM a few seconds later. Either one aborts
 * the returned signal (its reason is the signal's name), so the wait stops at once and the
 * outputs known so far are still written.
 */
export function cancelOnSignals(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): {
  signal: AbortSignal
  dispose: () => void
} {
  // run() lifts the listener limit on whatever signal it is given; that is not repeated here.
  const controller = new AbortController()
  const handlers = signals.map((name) => {
    const handler = (): void => {
      controller.abort(name)
    }
    process.on(name, handler)
    return [name, handler] as const
  })
  return {
    signal: controller.signal,
    dispose: () => {
      for (const [name, handler] of handlers) process.off(name, handler)
    }
  }
}
