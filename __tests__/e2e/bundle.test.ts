import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { withSimulator } from '../support/runner.js'
import { runBundle } from '../support/action-harness.js'
import { bundleFile } from '../support/test-bundles.js'
import { CHUNK_FILE, licenses } from '../../scripts/bundle.js'
import { scenarios, verifyInvariants } from '../support/scenarios.js'

// The bundle exactly as a runner starts it: `node index.js` with INPUT_* variables, built from
// the current src/ by the global setup as `npm run bundle` builds dist/. Tests here run
// concurrently, so each owns its simulator and closes it itself.

/** Connection-check requests that reached the simulator after the signal was sent. */
function checkRequestsAfter(sim: Simulator, signalledAt: number | undefined): number {
  expect(signalledAt).toBeDefined()
  return sim.requests.filter(
    (r) => r.path.endsWith('/connection-check') && r.at > (signalledAt ?? Infinity)
  ).length
}

/** The packages and folders an entry's file, or one of its chunks, was built from. */
function builtFrom(file: string): string[] {
  const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }
  return sources
}

function chunksBeside(bundle: string): string[] {
  const dir = path.dirname(bundle)
  return readdirSync(dir)
    .filter((name) => CHUNK_FILE.test(name))
    .map((name) => path.join(dir, name))
}

describe('the bundle of src/action/index.ts', () => {
  it('is a complete ESM bundle, its chunks too', () => {
    const bundle = bundleFile()
    for (const file of [bundle, ...chunksBeside(bundle)]) {
      expect(readFileSync(file, 'utf8')).not.toContain('webpackMissingModule')
    }
    const packageJson = path.join(path.dirname(bundle), 'package.json')
    expect(JSON.parse(readFileSync(packageJson, 'utf8'))).toEqual({ type: 'module' })
  })

  // What start-up, spawn to the first request, must not wait for: zod and the schemas come with
  // the first answer, the summary and the JUnit report at the end, and undici never.
  it.each(['action', 'cli'] as const)(
    'leaves out of the %s entry what the first request does not need',
    (name) => {
      const bundle = bundleFile(name)
      const entry = builtFrom(bundle)
      const later = chunksBeside(bundle).flatMap(builtFrom)
      for (const deferred of [
        '/node_modules/zod/',
        '/src/api/schemas.ts',
        '/src/report/junit.ts'
      ]) {
        expect(entry.filter((source) => source.includes(deferred))).toEqual([])
        expect(later.some((source) => source.includes(deferred))).toBe(true)
      }
      expect(
        [...entry, ...later].filter((source) => source.includes('/node_modules/undici/'))
      ).toEqual([])
    }
  )

  it('has the licence of each package in its files, chunks included', async () => {
    const lines = (await licenses(path.dirname(bundleFile()))).split('\n')
    // zod's code is in a chunk only.
    expect(lines).toEqual(expect.arrayContaining(['@actions/core', '@actions/http-client', 'zod']))
    expect(lines).not.toContain('undici')
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
    'stops on %s while polling, sending nothing more, with the check id',
    (signal) =>
      withSimulator(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
        const result = await runBundle(
          { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': '30' },
          // Well under the 30 s deadline: a run that ignores the signal is killed, exit code null.
          { kill: { signal, when: /started check/ }, limitMs: 15_000 }
        )
        const checkId = sim.checks(id)[0]?.id
        verifyInvariants(result, sim.apiKey)
        expect(result.exitCode).toBe(1)
        // A poll already on its way when the signal came may still arrive; nothing after it.
        expect(checkRequestsAfter(sim, result.signalledAt)).toBeLessThanOrEqual(1)
        expect(result.outputs).toMatchObject({
          'check-id': checkId,
          status: 'SCHEDULED',
          outcome: 'cancelled'
        })
        expect(result.stdout).toMatch(
          new RegExp(
            `::error title=[^:]*%3A Connection check cancelled::Cancelled \\(${signal}\\) while waiting for check ${checkId} of source .*${id}.*; its last status was SCHEDULED\\.`
          )
        )
      })
  )

  it.concurrent('stops on SIGTERM during a POST that hangs, sending nothing more', () =>
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
          },
          limitMs: 15_000
        }
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).toBe(1)
      expect(checkRequestsAfter(sim, result.signalledAt)).toBe(0)
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
