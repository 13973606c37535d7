import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import {
  lastStartAt,
  mayStartCheck,
  NO_PRIOR_MARGIN_MS,
  queueMakespan
} from '../../src/wait/queue.js'
import { runInProcess } from '../support/action-harness.js'
import { FakeClock, seededRandom } from '../support/fake-clock.js'
import { withSimulator } from '../support/runner.js'

describe('mayStartCheck', () => {
  const base = { deadline: 60_000, timeoutMs: 60_000 }

  it('starts no check when less time is left than its last one took', () => {
    expect(mayStartCheck({ ...base, now: 50_000, priorMs: 10_000 })).toBe(true)
    expect(mayStartCheck({ ...base, now: 50_001, priorMs: 10_000 })).toBe(false)
  })

  it('with no prior, starts none in the last 2 s, or the last half of a shorter timeout', () => {
    expect(lastStartAt({ ...base, priorMs: undefined })).toBe(60_000 - NO_PRIOR_MARGIN_MS)
    expect(lastStartAt({ deadline: 3000, timeoutMs: 3000, priorMs: undefined })).toBe(1500)
    expect(mayStartCheck({ deadline: 1000, timeoutMs: 1000, now: 0, priorMs: undefined })).toBe(
      true
    )
  })
})

describe('queueMakespan', () => {
  it('is the longest slot when the longest checks go first', () => {
    expect(queueMakespan([3000, 3000, 2000, 2000, 2000], 2)).toBe(7000)
    expect(queueMakespan([1000, 1000, 1000], 5)).toBe(1000)
  })

  it('counts an unknown duration as the mean of the known ones, and knows none without', () => {
    expect(queueMakespan([1000, undefined, 3000], 1)).toBe(6000)
    expect(queueMakespan([undefined, undefined], 1)).toBeUndefined()
  })
})

describe('the queue, end to end on the injected clock', () => {
  it('starts the longest first, none it cannot follow, and waives none it did not start', () =>
    withSimulator(async (sim) => {
      const durations = [1000, 1800, 1000, 1800, 1000, 1500, 1000, 1000, 1000, 1000, 1000, 1000]
      const ids = durations.map(() => randomUUID())
      ids.forEach((id, i) => {
        const durationMs = durations[i] ?? 1000
        // Decided at once in real time; the engine's polls, on its clock, come near the prior.
        sim.addConnector(id, { kind: 'source', checkDurationMs: 0 })
        sim.startCheck(id, { durationMs, ageMs: 60_000 })
      })
      const clock = new FakeClock()
      const result = await runInProcess(
        {
          'source-id': ids.join('\n'),
          'api-key': sim.apiKey,
          'api-url': sim.url,
          'max-concurrency': '1',
          'timeout-seconds': '4',
          'on-platform-unavailable': 'warn'
        },
        { clock, random: seededRandom(5) }
      )
      const posted = sim.requests
        .filter((r) => r.method === 'POST')
        .map((r) => ids.findIndex((id) => r.path.includes(id)))
      // Longest first: the two 1.8 s checks take the slot before the 1.5 s one.
      expect(posted.slice(0, 3)).toEqual([1, 3, 5])
      expect(result.exitCode).toBe(1)
      const entries = JSON.parse(result.outputs.results ?? '[]') as {
        'check-id': string | null
        outcome: string
      }[]
      const notStarted = entries.filter((e) => e['check-id'] === null)
      expect(notStarted.length).toBeGreaterThan(0)
      for (const entry of notStarted) expect(entry.outcome).toBe('timeout')
      expect(result.stdout).toContain('waited for a slot in the queue (12 connectors')
      expect(result.stdout).not.toContain('(not failing the step)')
    }))
})
