import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import {
  type FaultSlot,
  type PlatformProfile,
  type Simulator
} from '../../simulator/platform-simulator.js'
import { runBundle, type ActionResult } from '../support/action-harness.js'
import { closedOrigin, stepInputs, withSimulator } from '../support/runner.js'
import { verifyInvariants } from '../support/scenarios.js'

// The gate's policies end to end: the bundle as a runner starts it, against the simulator.

const base = (sim: Simulator, extra: Record<string, string>): Record<string, string> =>
  stepInputs(sim, extra)

interface Entry {
  'check-id': string | null
  status: string | null
  outcome: string
  attempts: number
  flaky: boolean
  reused: { 'check-id': string; 'reported-at': string | null; 'age-seconds': number } | null
}

function entries(result: ActionResult): Entry[] {
  return JSON.parse(result.outputs.results ?? '[]') as Entry[]
}

const lines = (result: ActionResult, prefix: string): string[] =>
  result.stdout.split('\n').filter((line) => line.startsWith(prefix))

const posts = (sim: Simulator): number => sim.requests.filter((r) => r.method === 'POST').length

/** The step started a check instead of reusing one, and logged why. */
function startedOne(result: ActionResult, sim: Simulator, why: string): void {
  verifyInvariants(result, sim.apiKey)
  expect(result.exitCode).toBe(0)
  expect(posts(sim)).toBe(1)
  expect(entries(result)[0]).toMatchObject({ attempts: 1, reused: null })
  expect(result.stdout).toContain('Not reusing a recent check')
  expect(result.stdout).toContain(why)
}

const withProfile = <T>(
  profile: PlatformProfile,
  test: (sim: Simulator) => Promise<T>
): Promise<T> => withSimulator(test, { profile })

const many = (n: number, slot: FaultSlot): FaultSlot[] => Array.from({ length: n }, () => slot)

/**
 * Each way the platform can give no verdict on a started check, and the outcome it ends with.
 * The deadline leaves a slow start on a loaded machine room to start the check.
 */
const UNAVAILABLE: [string, string, (sim: Simulator) => Promise<Record<string, string>>][] = [
  [
    'the check still SCHEDULED at the deadline',
    'timeout',
    (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
      return Promise.resolve(base(sim, { 'source-id': id, 'timeout-seconds': '6' }))
    }
  ],
  [
    '5xx until the deadline',
    'timeout',
    (sim) => {
      const id = randomUUID()
      const slot: FaultSlot = { type: 'status', status: 503 }
      sim.addConnector(id, { kind: 'source', faults: { get: many(50, slot) } })
      return Promise.resolve(
        base(sim, { 'source-id': id, 'timeout-seconds': '6', 'poll-interval-seconds': '1' })
      )
    }
  ],
  [
    '429 until the deadline',
    'timeout',
    (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', faults: { get: many(50, { type: 'rate-limit' }) } })
      return Promise.resolve(
        base(sim, { 'source-id': id, 'timeout-seconds': '6', 'poll-interval-seconds': '1' })
      )
    }
  ]
]

/** Ways of getting no verdict that no policy waives: no check was ever started. */
const NEVER_WAIVED: [string, string, (sim: Simulator) => Promise<Record<string, string>>][] = [
  [
    'every POST answered 5xx, creating nothing',
    'error',
    (sim) => {
      const id = randomUUID()
      const slot: FaultSlot = { type: 'status', status: 503 }
      sim.addConnector(id, {
        kind: 'source',
        faults: { read: many(5, slot), post: many(50, slot) }
      })
      return Promise.resolve(
        base(sim, { 'source-id': id, 'timeout-seconds': '20', 'poll-interval-seconds': '1' })
      )
    }
  ],
  [
    'a host that never answered',
    'error',
    async (sim) =>
      base(sim, {
        'source-id': randomUUID(),
        'api-url': await closedOrigin(),
        'timeout-seconds': '20'
      })
  ]
]

describe('on-platform-unavailable', () => {
  it.concurrent.each([...UNAVAILABLE, ...NEVER_WAIVED])(
    'fails the step by default: %s',
    (_, outcome, arrange) =>
      withSimulator(async (sim) => {
        const result = await runBundle(await arrange(sim))
        verifyInvariants(result, sim.apiKey)
        expect(result.exitCode).toBe(1)
        expect(result.outputs.outcome).toBe(outcome)
        expect(lines(result, '::error')).toHaveLength(1)
      })
  )

  it.concurrent.each(UNAVAILABLE)(
    'with warn, passes the step with a warning, its outcome kept: %s',
    (_, outcome, arrange) =>
      withSimulator(async (sim) => {
        const inputs = await arrange(sim)
        const result = await runBundle({ ...inputs, 'on-platform-unavailable': 'warn' })
        verifyInvariants(result, sim.apiKey)
        expect(result.exitCode).toBe(0)
        expect(result.outputs.outcome).toBe(outcome)
        expect(entries(result)[0]?.outcome).toBe(outcome)
        expect(lines(result, '::error')).toEqual([])
        const [warning] = lines(result, '::warning')
        expect(warning).toMatch(/\(waived\)::/)
        expect(warning).toContain('on-platform-unavailable is warn')
        expect(result.summary).toContain('on-platform-unavailable is warn')
        expect(result.summary).toContain('(waived)')
      })
  )

  it.concurrent.each(NEVER_WAIVED)(
    'with warn, still fails when no check was started: %s',
    (_, outcome, arrange) =>
      withSimulator(async (sim) => {
        const inputs = await arrange(sim)
        const result = await runBundle({ ...inputs, 'on-platform-unavailable': 'warn' })
        verifyInvariants(result, sim.apiKey)
        expect(result.exitCode).toBe(1)
        expect(result.outputs.outcome).toBe(outcome)
        expect(entries(result)[0]?.['check-id']).toBeNull()
        expect(lines(result, '::error')).toHaveLength(1)
        expect(lines(result, '::warning')).toEqual([])
        expect(posts(sim)).toBeLessThanOrEqual(3)
      })
  )

  it.concurrent('with warn, still fails on a FAILURE and on a key refused', () =>
    withSimulator(async (sim) => {
      const failing = randomUUID()
      sim.addConnector(failing, { kind: 'source', ending: 'FAILURE', checkDurationMs: 100 })
      const failed = await runBundle(
        base(sim, { 'source-id': failing, 'on-platform-unavailable': 'warn' })
      )
      verifyInvariants(failed, sim.apiKey)
      expect(failed.exitCode).toBe(1)
      expect(failed.outputs.outcome).toBe('failure')
      const refused = await runBundle({
        ...base(sim, { 'source-id': failing, 'on-platform-unavailable': 'warn' }),
        'api-key': 'wrong_key_but_well_formed'
      })
      expect(refused.exitCode).toBe(1)
      expect(refused.outputs.outcome).toBe('unauthorized')
    })
  )
})

describe('recheck-failures', () => {
  it.concurrent('passes a connector whose new check succeeds, marked flaky', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        checkDurationMs: 200,
        endings: ['FAILURE'],
        reason: 'Timeout connecting to the bucket\n::error::smuggled'
      })
      const result = await runBundle(base(sim, { 'source-id': id, 'recheck-failures': '2' }))
      verifyInvariants(result, sim.apiKey)
      const [failed, passed] = sim.checks(id)
      expect(result.exitCode).toBe(0)
      expect(result.outputs.outcome).toBe('success')
      expect(posts(sim)).toBe(2)
      expect(entries(result)[0]).toMatchObject({
        'check-id': passed?.id,
        status: 'SUCCESS',
        attempts: 2,
        flaky: true,
        reused: null
      })
      const [warning] = lines(result, '::warning')
      expect(warning).toMatch(/title=[^:]*%3A Flaky connection check::/)
      expect(warning).toContain(`check ${failed?.id} failed (Timeout connecting to the bucket`)
      // The reason arrives inert: on one line, no workflow command of its own.
      expect(lines(result, '::error')).toEqual([])
      expect(result.stdout).toContain('re-check 1 of 2')
      expect(result.summary).toContain('is flaky')
    })
  )

  it.concurrent('fails a connector whose every check fails, after the re-checks', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 100, ending: 'FAILURE' })
      const result = await runBundle(base(sim, { 'source-id': id, 'recheck-failures': '2' }))
      verifyInvariants(result, sim.apiKey)
      const checks = sim.checks(id)
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('failure')
      expect(checks).toHaveLength(3)
      expect(entries(result)[0]).toMatchObject({
        'check-id': checks[2]?.id,
        attempts: 3,
        flaky: false
      })
      // A short pause before each new check, never a tight loop.
      const postTimes = sim.requests.filter((r) => r.method === 'POST').map((r) => r.at)
      for (let i = 1; i < postTimes.length; i += 1) {
        expect((postTimes[i] ?? 0) - (postTimes[i - 1] ?? 0)).toBeGreaterThanOrEqual(1900)
      }
      expect(lines(result, '::warning')).toEqual([])
    })
  )
})

describe('recheck-failures, cancelled', () => {
  it.concurrent('ends cancelled, not failed, when cancelled in the pause before a re-check', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 100, ending: 'FAILURE' })
      const result = await runBundle(base(sim, { 'source-id': id, 'recheck-failures': '1' }), {
        kill: { signal: 'SIGTERM', when: 're-check 1 of 1' }
      })
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).not.toBe(0)
      expect(posts(sim)).toBe(1)
      expect(result.outputs.outcome).toBe('cancelled')
      expect(entries(result)[0]?.outcome).toBe('cancelled')
      expect(lines(result, '::error')[0]).toContain('SIGTERM')
    })
  )
})

describe('reuse-success-seconds', () => {
  it.concurrent('passes on a fresh SUCCESS without a POST', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source' })
      const seeded = sim.startCheck(id, { ageMs: 3000, durationMs: 1000, ending: 'SUCCESS' })
      const result = await runBundle(base(sim, { 'source-id': id, 'reuse-success-seconds': '60' }))
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).toBe(0)
      expect(result.outputs.outcome).toBe('success')
      expect(posts(sim)).toBe(0)
      const [entry] = entries(result)
      expect(entry).toMatchObject({
        'check-id': null,
        status: 'SUCCESS',
        attempts: 0,
        flaky: false,
        reused: { 'check-id': seeded.id }
      })
      // Reported 2 s before the simulator's Date, which has whole seconds.
      expect(entry?.reused?.['age-seconds']).toBeGreaterThanOrEqual(0)
      expect(entry?.reused?.['age-seconds']).toBeLessThan(10)
      expect(result.stdout).toContain(`passed on its check ${seeded.id}`)
      expect(result.summary).toContain(seeded.id)
    })
  )

  it.concurrent.each([
    ['stale', { ageMs: 600_000, durationMs: 1000, ending: 'SUCCESS' as const }, 'longer ago than'],
    ['a FAILURE', { ageMs: 3000, durationMs: 1000, ending: 'FAILURE' as const }, 'is a FAILURE']
  ])('starts a check when the latest is %s', (_, seed, why) =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 100 })
      sim.startCheck(id, seed)
      const result = await runBundle(base(sim, { 'source-id': id, 'reuse-success-seconds': '60' }))
      startedOne(result, sim, why)
    })
  )

  it.concurrent('starts a check when the reported time is ahead of the Date header', () =>
    withProfile({ clockOffsetMs: 60_000 }, async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 100 })
      sim.startCheck(id, { ageMs: 3000, durationMs: 1000, ending: 'SUCCESS' })
      const result = await runBundle(base(sim, { 'source-id': id, 'reuse-success-seconds': '60' }))
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).toBe(0)
      expect(posts(sim)).toBe(1)
      expect(entries(result)[0]?.reused).toBeNull()
      expect(result.stdout).toContain('clocks disagree')
    })
  )
})

describe('reuse-success-seconds refuses an old SUCCESS', () => {
  const reuse = (sim: Simulator, extra: Record<string, string> = {}) =>
    base(sim, { 'reuse-success-seconds': '60', ...extra })

  it.concurrent('starts a check when the timestamps have no UTC offset', () =>
    withProfile({ timestampForm: 'naive' }, async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 100 })
      sim.startCheck(id, { ageMs: 3000, durationMs: 1000, ending: 'SUCCESS' })
      startedOne(await runBundle(reuse(sim, { 'source-id': id })), sim, 'has no UTC offset')
    })
  )

  it.concurrent('starts a check when a cache served the latest one, and asks for none', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      // Reported 10 minutes ago; the cache's copy is dated a second later, so by its Date alone
      // the check would look a second old.
      sim.addConnector(id, {
        kind: 'source',
        checkDurationMs: 100,
        faults: { read: [{ type: 'cached', ageMs: 599_000 }] }
      })
      sim.startCheck(id, { ageMs: 601_000, durationMs: 1000, ending: 'SUCCESS' })
      startedOne(await runBundle(reuse(sim, { 'source-id': id })), sim, 'came from a cache')
      const gets = sim.requests.filter((r) => r.method === 'GET')
      expect(gets.length).toBeGreaterThan(0)
      for (const get of gets) expect(get.headers['cache-control']).toBe('no-cache')
    })
  )

  it.concurrent.each([
    ['looked up by id', (id: string) => ({ 'source-id': id })],
    ['found in the list by name', () => ({ 'source-name': 'orders' })]
  ])('starts a check when the connector was updated since its latest check, %s', (_, input) =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', name: 'orders', checkDurationMs: 100 })
      sim.startCheck(id, { ageMs: 3000, durationMs: 1000, ending: 'SUCCESS' })
      sim.updateConnector(id, { config: { bucket: 'new' } })
      const result = await runBundle(reuse(sim, input(id)))
      startedOne(result, sim, 'the connector was updated since check')
      // Told by a read of the connector after its latest check, not by the names' lookup or
      // list from before it: an update between the two cannot hide.
      const gets = sim.requests.filter((r) => r.method === 'GET').map((r) => r.path)
      const latestAt = gets.findIndex((path) => path.endsWith('/connection-check'))
      expect(latestAt).toBeGreaterThanOrEqual(0)
      const after = gets.slice(latestAt + 1).filter((path) => path.endsWith(`/sources/${id}`))
      expect(after).toHaveLength(1)
    })
  )

  it.concurrent('passes on a SUCCESS of a connector updated before that check began', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source' })
      sim.updateConnector(id, { agoMs: 10_000 })
      const seeded = sim.startCheck(id, { ageMs: 3000, durationMs: 1000, ending: 'SUCCESS' })
      const result = await runBundle(reuse(sim, { 'source-id': id }))
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).toBe(0)
      expect(posts(sim)).toBe(0)
      expect(entries(result)[0]?.reused?.['check-id']).toBe(seeded.id)
    })
  )

  // Date.parse would read the zone-less asctime in the runner's zone, 5.5 h off in Kolkata.
  it.concurrent.each(['rfc850', 'asctime'] as const)(
    'reads a Date header of the %s form as GMT in any time zone',
    (dateForm) =>
      withProfile({ dateForm }, async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, { kind: 'source' })
        const seeded = sim.startCheck(id, { ageMs: 3000, durationMs: 1000, ending: 'SUCCESS' })
        const result = await runBundle(reuse(sim, { 'source-id': id }), {
          env: { TZ: 'Asia/Kolkata' }
        })
        verifyInvariants(result, sim.apiKey)
        expect(result.exitCode).toBe(0)
        expect(posts(sim)).toBe(0)
        expect(entries(result)[0]?.reused?.['check-id']).toBe(seeded.id)
      })
  )
})

describe('dry-run', () => {
  it.concurrent('reads every connector and workflow, starts no check, and passes', () =>
    withSimulator(async (sim) => {
      const [source, destination, other] = [randomUUID(), randomUUID(), randomUUID()]
      sim.addConnector(source, { kind: 'source', name: 'orders' })
      sim.addConnector(destination, { kind: 'destination' })
      sim.addConnector(other, { kind: 'source' })
      const workflow = randomUUID()
      sim.addWorkflow(workflow, { sources: [other], destinations: [destination] })
      const result = await runBundle(
        base(sim, {
          'source-name': 'orders',
          'workflow-id': workflow,
          'dry-run': 'true'
        })
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).toBe(0)
      expect(result.outputs.outcome).toBe('dry-run')
      expect(sim.requests.filter((r) => r.path.endsWith('/connection-check'))).toEqual([])
      expect(entries(result).map((e) => [e.outcome, e.attempts, e['check-id']])).toEqual([
        ['dry-run', 0, null],
        ['dry-run', 0, null],
        ['dry-run', 0, null]
      ])
      expect(result.summary).toMatch(/dry run/i)
    })
  )

  it.concurrent('fails when a connector is not there', () =>
    withSimulator(async (sim) => {
      const [present, missing] = [randomUUID(), randomUUID()]
      sim.addConnector(present, { kind: 'source' })
      const result = await runBundle(
        base(sim, { 'source-id': `${present}\n${missing}`, 'dry-run': 'true' })
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('not-found')
      expect(posts(sim)).toBe(0)
      expect(entries(result).map((e) => e.outcome)).toEqual(['dry-run', 'not-found'])
      expect(lines(result, '::error')[0]).toContain(missing)
    })
  )
})
