import { describe, expect, it } from '@jest/globals'
import { cancelOnSignals } from '../../src/core/cancellation.js'

describe('cancelOnSignals', () => {
  it('aborts with the name of the signal, and lets go of its handlers', () => {
    const before = process.listenerCount('SIGTERM')
    const { signal, dispose } = cancelOnSignals()
    expect(process.listenerCount('SIGTERM')).toBe(before + 1)
    process.emit('SIGTERM')
    expect(signal.aborted).toBe(true)
    expect(signal.reason).toBe('SIGTERM')
    dispose()
    expect(process.listenerCount('SIGTERM')).toBe(before)
  })

  it('listens for SIGINT too', () => {
    const { signal, dispose } = cancelOnSignals()
    process.emit('SIGINT')
    expect(signal.reason).toBe('SIGINT')
    dispose()
  })
})
