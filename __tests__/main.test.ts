import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startSimulator, type Simulator } from '../simulator/platform-simulator.js'
import { runInProcess } from './support/action-harness.js'
import { scenarios, verifyInvariants } from './support/scenarios.js'

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
    expect(result.stdout).toMatch(/Last error: no answer within \d+\.\d s\./)
    expect(result.durationMs).toBeLessThan(2500)
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
    // The name lookup, the POST, and the poll that sees SUCCESS.
    expect(sim.requests.map((r) => r.method).sort()).toEqual(['GET', 'GET', 'POST'])
  })
})
