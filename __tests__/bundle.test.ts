import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { withSimulator } from './support/runner.js'
import { BUNDLE, runBundle } from './support/action-harness.js'
import { scenarios, verifyInvariants } from './support/scenarios.js'

// The bundle exactly as a runner starts it: `node dist/index.js` with INPUT_* variables.
// Tests here run concurrently, so each owns its simulator and closes it itself.

describe('dist/index.js', () => {
  it('is a complete ESM bundle', () => {
    const code = readFileSync(BUNDLE, 'utf8')
    expect(code).not.toContain('webpackMissingModule')
    expect(
      JSON.parse(readFileSync(new URL('../dist/package.json', import.meta.url), 'utf8'))
    ).toEqual({
      type: 'module'
    })
  })

  it.concurrent.each(scenarios.map((s) => [s.name, s] as const))('%s', (_, scenario) =>
    withSimulator(async (sim) => {
      const { inputs, env } = scenario.arrange(sim)
      const result = await runBundle(inputs, { env })
      verifyInvariants(result, sim.apiKey)
      scenario.verify(result, sim)
    })
  )
})

describe('when the outputs cannot be written', () => {
  it.concurrent.each([
    ['bad input', { 'source-id': 'nope' }],
    ['a passing check', {}]
  ])('fails the step on %s', (_, extra) =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 0 })
      const result = await runBundle(
        { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url, ...extra },
        { env: { GITHUB_OUTPUT: '/nonexistent-dir/output' } }
      )
      expect(result.exitCode).toBe(1)
      expect(result.stdout).toContain(
        'Unexpected error: Missing file at path: /nonexistent-dir/output'
      )
    })
  )
})

describe('cancellation of the bundle', () => {
  it.concurrent.each(['SIGTERM', 'SIGINT'] as const)(
    'stops within a second of %s while polling, with the check id',
    (signal) =>
      withSimulator(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
        const result = await runBundle(
          { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': '30' },
          { kill: { signal, when: /started check/ } }
        )
        const checkId = sim.checks(id)[0]?.id
        verifyInvariants(result, sim.apiKey)
        expect(result.exitCode).toBe(1)
        expect(result.killedAt).toBeLessThan(1000)
        expect(result.outputs).toMatchObject({
          'check-id': checkId,
          status: 'SCHEDULED',
          outcome: 'cancelled'
        })
        expect(result.stdout).toMatch(
          new RegExp(
            `::error title=Connection check cancelled::Cancelled \\(${signal}\\) while waiting for check ${checkId} of source .*${id}.*; its last status was SCHEDULED\\.`
          )
        )
      })
  )

  it.concurrent('stops within a second of SIGTERM during a POST that hangs', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', faults: { post: [{ type: 'hang' }] } })
      const result = await runBundle(
        { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': '30' },
        {
          // Once the POST has reached the server (and hangs there).
          kill: {
            signal: 'SIGTERM',
            whenTrue: () => sim.requests.some((r) => r.method === 'POST')
          }
        }
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).toBe(1)
      expect(result.killedAt).toBeLessThan(1000)
      expect(result.outputs).toMatchObject({ outcome: 'cancelled', status: '' })
      expect(result.outputs['check-id']).toBeUndefined()
      expect(result.stdout).toMatch(
        new RegExp(
          `Cancelled \\(SIGTERM\\) before a connection check of source .*${id}.* was started\\.`
        )
      )
    })
  )
})
