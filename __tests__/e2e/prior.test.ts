import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { runInProcess } from '../support/action-harness.js'
import { FakeClock, seededRandom } from '../support/fake-clock.js'
import { withSimulator } from '../support/runner.js'

// The engine reads a connector's latest check before its POST, and the time that check took
// reaches the poll schedule: on the injected clock, polls bunch up around it.

const checkRequests = (sim: Simulator, id: string) =>
  sim.requests.filter((r) => r.path.endsWith(`${id}/connection-check`))

/** A run on a fake clock of a check that never ends, with or without a past check of 20 s. */
async function run(withPast: boolean) {
  return withSimulator(async (sim) => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
    if (withPast) sim.startCheck(id, { ageMs: 25_000, durationMs: 20_000, ending: 'SUCCESS' })
    const result = await runInProcess(
      { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': '60' },
      { clock: new FakeClock(), random: seededRandom(11) }
    )
    return { result, requests: checkRequests(sim, id).map((r) => [r.method, r.status]) }
  })
}

describe('the prior, end to end in the engine', () => {
  it('reads the latest check before the POST, and its duration reaches the schedule', async () => {
    const [without, withPrior] = [await run(false), await run(true)]
    for (const { result } of [without, withPrior]) {
      expect(result.outputs.outcome).toBe('timeout')
    }
    // One request more than the POST and its polls, sent first: 404 with no check yet.
    expect(without.requests.slice(0, 2)).toEqual([
      ['GET', 404],
      ['POST', 202]
    ])
    expect(withPrior.requests.slice(0, 2)).toEqual([
      ['GET', 200],
      ['POST', 202]
    ])
    // The window from 16 to 25 s after the POST polls about every second, where the plain
    // schedule polls every 4 to 6 s: the same deadline takes several polls more.
    const polls = (requests: unknown[][]): number => requests.length - 2
    expect(polls(withPrior.requests) - polls(without.requests)).toBeGreaterThanOrEqual(4)
  })
})
