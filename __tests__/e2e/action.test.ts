import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'
import { runInProcess } from '../support/action-harness.js'
import { FakeClock, seededRandom } from '../support/fake-clock.js'
import { scenarios, verifyInvariants } from '../support/scenarios.js'

/**
 * A FakeClock that notes, for each sleep, when it began and how many requests had reached the
 * simulator by then. Its time moves only in sleeps, so a request is sent at the clock time of
 * the next sleep to begin after it.
 */
class RecordingClock extends FakeClock {
  private readonly slept: { at: number; ms: number; requestsBefore: number }[] = []

  constructor(private readonly sim: Simulator) {
    super()
  }

  override sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.slept.push({
      at: this.now(),
      ms: Math.max(0, ms),
      requestsBefore: this.sim.requests.length
    })
    return super.sleep(ms, signal)
  }

  /** Clock time when request `index` was sent. */
  sentAt(index: number): number | undefined {
    return this.slept.find((s) => s.requestsBefore > index)?.at
  }

  /** Clock time slept after request `index` arrived and before the next one did. */
  sleptAfter(index: number): number {
    return this.slept
      .filter((s) => s.requestsBefore === index + 1)
      .reduce((sum, s) => sum + s.ms, 0)
  }
}

let sim: Simulator
beforeEach(async () => {
  sim = await startSimulator()
})
afterEach(async () => {
  await sim.close()
})

describe('run() in-process against the simulator', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_, scenario) => {
    const { inputs, env } = scenario.arrange(sim)
    const result = await runInProcess(inputs, { env })
    verifyInvariants(result, sim.apiKey)
    expect(result.outcome).toBe(result.outputs.outcome)
    scenario.verify(result, sim)
  })

  it('cancels on its signal, keeping the check id and last status', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
    const controller = new AbortController()
    setTimeout(() => {
      controller.abort('SIGTERM')
    }, 700)
    const result = await runInProcess(
      { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url },
      { signal: controller.signal }
    )
    verifyInvariants(result, sim.apiKey)
    expect(result.outputs).toMatchObject({
      'check-id': sim.checks(id)[0]?.id,
      status: 'SCHEDULED',
      outcome: 'cancelled'
    })
    expect(result.stdout).toContain(
      `Cancelled (SIGTERM) while waiting for check ${sim.checks(id)[0]?.id}`
    )
  })

  it('gives up on a hung request at the deadline, naming the last error', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', ending: 'NEVER', faults: { get: [{ type: 'hang' }] } })
    const result = await runInProcess({
      'source-id': id,
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'timeout-seconds': '1.5'
    })
    verifyInvariants(result, sim.apiKey)
    expect(result.outputs.outcome).toBe('timeout')
    // The hung poll was given what was left of the 1.5 s (not the socket's minutes), and the
    // deadline came before another poll.
    const waited = /Last error: no answer within (\d+\.\d) s\./.exec(result.stdout)
    expect(Number(waited?.[1])).toBeLessThanOrEqual(1.5)
    // The read of its latest check before the POST, then the one poll that hung.
    expect(
      sim.requests
        .filter((r) => r.method === 'GET' && r.path.endsWith('/connection-check'))
        .map((r) => r.status)
    ).toEqual([404, 'hang'])
  })

  it('waits out Retry-After on its clock before the next poll', async () => {
    const id = randomUUID()
    sim.addConnector(id, {
      kind: 'source',
      checkDurationMs: 0,
      faults: { get: [{ type: 'rate-limit', retryAfter: '3' }] }
    })
    const clock = new RecordingClock(sim)
    const result = await runInProcess(
      { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url },
      { clock, random: seededRandom(7) }
    )
    expect(result.outputs.outcome).toBe('success')
    const polls = sim.requests.filter((r) => r.path.endsWith('/connection-check'))
    expect(polls.map((r) => [r.method, r.status])).toEqual([
      ['GET', 404],
      ['POST', 202],
      ['GET', 429],
      ['GET', 200]
    ])
    // The clock time that passed between the 429's arrival and the next poll.
    const rateLimited = polls[2] === undefined ? -1 : sim.requests.indexOf(polls[2])
    expect(clock.sleptAfter(rateLimited)).toBeGreaterThanOrEqual(3000)
  })

  it('ends at its deadline on its clock, with the check it was waiting for', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
    const clock = new RecordingClock(sim)
    const result = await runInProcess(
      { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': '60' },
      { clock, random: seededRandom(7) }
    )
    verifyInvariants(result, sim.apiKey)
    expect(result.outputs).toMatchObject({
      'check-id': sim.checks(id)[0]?.id,
      status: 'SCHEDULED',
      outcome: 'timeout'
    })
    // It polled until the deadline, not past it and not much less: the longest gap between
    // polls is 10 s.
    const lastPoll = clock.sentAt(sim.requests.length - 1)
    expect(lastPoll).toBeLessThanOrEqual(60_000)
    expect(lastPoll).toBeGreaterThan(50_000)
  })

  it('writes no summary when there is no summary file, and still reports', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', checkDurationMs: 0 })
    const result = await runInProcess(
      { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url },
      { env: { GITHUB_STEP_SUMMARY: '' } }
    )
    expect(result.outputs.outcome).toBe('success')
    expect(result.summary).toBe('')
    // The name lookup, the read of its latest check, the POST, and the poll that sees SUCCESS.
    expect(sim.requests.map((r) => r.method).sort()).toEqual(['GET', 'GET', 'GET', 'POST'])
  })
})
