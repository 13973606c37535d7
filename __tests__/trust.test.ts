import { randomUUID } from 'node:crypto'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { FaultSlot, Simulator } from '../simulator/platform-simulator.js'
import { makeCertificates, type TestCertificates } from '../simulator/tls-certs.js'
import { runBundle, type ActionResult } from './support/action-harness.js'
import { closedOrigin, runNode, stepInputs, withSimulator } from './support/runner.js'
import { verifyInvariants } from './support/scenarios.js'
import { bundleFile } from './support/test-bundles.js'

// The gate's promises under policies and a platform that fails halfway, on the action's bundle.

interface Entry {
  'connector-id': string
  'check-id': string | null
  status: string | null
  reason: string | null
  outcome: string
  reused: unknown
}

const entries = (result: ActionResult): Entry[] =>
  JSON.parse(result.outputs.results ?? '[]') as Entry[]
const postsTo = (sim: Simulator, id?: string): number =>
  sim.requests.filter((r) => r.method === 'POST' && (id === undefined || r.path.includes(id)))
    .length
const errorLine = (result: ActionResult): string =>
  result.stdout.split('\n').find((line) => line.startsWith('::error')) ?? ''
const many = <T extends FaultSlot>(n: number, slot: T): T[] => Array.from({ length: n }, () => slot)
const warn = { 'on-platform-unavailable': 'warn' }

describe('a waiver needs a started check', () => {
  it.concurrent('never waives connectors the queue left no time to start', () =>
    withSimulator(async (sim) => {
      const ids = Array.from({ length: 12 }, () => randomUUID())
      const broken = ids.at(-1) ?? ''
      for (const id of ids) {
        const failing = id === broken
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 1000,
          ending: failing ? 'FAILURE' : 'SUCCESS',
          reason: failing ? 'bucket not found' : null
        })
        // A last check of 1 s: the prior the queue is judged by.
        sim.startCheck(id, { durationMs: 1000, ageMs: 60_000 })
      }
      const result = await runBundle(
        stepInputs(sim, { 'source-id': ids.join('\n'), 'max-concurrency': '1', ...warn }, '6')
      )
      expect(result.exitCode).toBe(1)
      expect(result.stdout).not.toContain('::warning')
      const notStarted = entries(result).filter((e) => e['check-id'] === null)
      expect(notStarted.length).toBeGreaterThan(0)
      // The failing one was never checked, and nothing was passed in its place.
      expect(entries(result).find((e) => e['connector-id'] === broken)?.['check-id']).toBeNull()
      expect(result.stdout).toContain('waited for a slot in the queue (12 connectors')
      expect(result.stdout).toMatch(/Raise 'timeout-seconds' or 'max-concurrency'/)
      expect(result.stdout).toMatch(/\d+ never started/)
      // No check began when too little time was left to follow it.
      const last = Math.max(...sim.requests.filter((r) => r.method === 'POST').map((r) => r.at))
      const first = sim.requests[0]?.at ?? 0
      expect(last - first).toBeLessThan(6000 - 1000)
    })
  )

  it.concurrent.each([502, 500])(
    'follows the check a POST created before answering %i: its FAILURE fails the step, warn or not',
    (status) =>
      withSimulator(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 300,
          ending: 'FAILURE',
          reason: 'password authentication failed',
          faults: { post: [{ type: 'status', status, afterCreate: true }] }
        })
        const result = await runBundle(stepInputs(sim, { 'source-id': id, ...warn }))
        verifyInvariants(result, sim.apiKey)
        expect(result.exitCode).toBe(1)
        expect(result.outputs.outcome).toBe('failure')
        expect(postsTo(sim)).toBe(1)
        expect(entries(result)[0]).toMatchObject({
          'check-id': sim.checks(id)[0]?.id,
          reason: 'password authentication failed'
        })
      })
  )

  it.concurrent.each([
    ['each creating a check', true, 1],
    ['creating none', false, 3]
  ])('sends at most 3 POSTs when every POST answers 500, %s', (_, afterCreate, expected) =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        checkDurationMs: 300,
        faults: { post: many(100, { type: 'status', status: 500, afterCreate }) }
      })
      const result = await runBundle(
        stepInputs(sim, { 'source-id': id, 'poll-interval-seconds': '1', ...warn }, '60')
      )
      verifyInvariants(result, sim.apiKey)
      expect(postsTo(sim)).toBe(expected)
      if (afterCreate) {
        expect(result.outputs.outcome).toBe('success')
      } else {
        expect(result.exitCode).toBe(1)
        expect(result.outputs.outcome).toBe('error')
        expect(errorLine(result)).toContain('HTTP 500 Internal Server Error')
        // A read of the latest check between every two POSTs.
        const methods = sim.requests
          .filter((r) => r.path.endsWith('/connection-check'))
          .map((r) => r.method)
          .join(' ')
        expect(methods).toMatch(/^GET POST( GET)+ POST( GET)+ POST$/)
      }
    })
  )

  it.concurrent.each([
    ['connection refused', async () => closedOrigin()],
    ['a host name DNS does not know', () => Promise.resolve('https://no-such-host.invalid')]
  ])('never waives a host that never answered: %s', (_, origin) =>
    withSimulator(async (sim) => {
      const result = await runBundle(
        stepInputs(sim, { 'source-id': randomUUID(), 'api-url': await origin(), ...warn }, '20')
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(result.stdout).not.toContain('::warning')
    })
  )
})

describe('the read before the POST is the baseline', () => {
  it.concurrent.each([
    ['no check before (404)', false],
    ['an older check before', true]
  ])('takes a new check the POST answers as final as the verdict: %s', (_, history) =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        checkDurationMs: 0,
        ending: 'FAILURE',
        reason: 'Access Denied'
      })
      if (history) sim.startCheck(id, { durationMs: 500, ageMs: 60_000, ending: 'SUCCESS' })
      const result = await runBundle(stepInputs(sim, { 'source-id': id }))
      verifyInvariants(result, sim.apiKey)
      expect(postsTo(sim)).toBe(1)
      expect(result.outputs.outcome).toBe('failure')
      expect(errorLine(result)).toContain('Access Denied')
    })
  )
})

describe('reads that are not what they claim', () => {
  it.concurrent.each(['{}', '{"detail":"Not Found"}'])(
    'reuses no SUCCESS when the connector read answers 200 %s',
    (body) =>
      withSimulator(async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 100,
          faults: { info: many(5, { type: 'body', status: 200, body }) }
        })
        sim.startCheck(id, { durationMs: 100, ageMs: 5000 })
        const result = await runBundle(
          stepInputs(sim, { 'source-id': id, 'reuse-success-seconds': '600' })
        )
        verifyInvariants(result, sim.apiKey)
        expect(postsTo(sim)).toBe(1)
        expect(entries(result)[0]?.reused).toBeNull()
        expect(result.stdout).toContain('Not reusing a recent check')
      })
  )

  it.concurrent('fails a dry run at once, not retried, when the API answers a web page', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        faults: { info: many(50, { type: 'html', status: 200 }) }
      })
      const result = await runBundle(
        stepInputs(sim, { 'source-id': id, 'dry-run': 'true', ...warn }, '60')
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(sim.requests.filter((r) => !r.path.includes('connection-check'))).toHaveLength(1)
      expect(result.stdout).not.toContain('::warning')
    })
  )
})

describe('TLS that the runner does not accept', () => {
  let expired: TestCertificates
  let legacy: TestCertificates

  beforeAll(async () => {
    expired = await makeCertificates(['127.0.0.1'], { expired: true })
    legacy = await makeCertificates(['127.0.0.1'])
  })

  afterAll(async () => {
    await expired.remove()
    await legacy.remove()
  })

  it.concurrent('says at once that a plain-HTTP port does not speak TLS', () =>
    withSimulator(async (sim) => {
      const result = await runBundle(
        stepInputs(
          sim,
          { 'source-id': randomUUID(), 'api-url': sim.url.replace('http:', 'https:') },
          '60'
        )
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(errorLine(result)).toContain('does not speak TLS that the runner accepts on that port')
      // One connection, refused for good: no retry.
      expect(sim.requests.length).toBeLessThanOrEqual(1)
    })
  )

  it.concurrent.each([
    [
      'offers only TLS 1.0 and 1.1',
      () => legacy,
      { maxVersion: 'TLSv1.1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' },
      'offers only TLS 1.0 or 1.1, which Node refuses'
    ],
    ['has an expired certificate', () => expired, {}, 'Renew it on that server']
  ])('says what to do when the server %s', async (_, certs, tls, expected) => {
    const { cert, key, caCertPath } = certs()
    let connections = 0
    const server = createHttpsServer({ cert, key, ...tls }, (_req, res) => res.end('{}'))
    server.on('connection', () => (connections += 1))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const result = await runBundle(
        {
          'source-id': randomUUID(),
          'api-key': 'sim_key_0123456789abcdef',
          'api-url': `https://127.0.0.1:${port}`,
          'timeout-seconds': '60'
        },
        { env: { NODE_EXTRA_CA_CERTS: caCertPath } }
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(errorLine(result)).toContain(expected)
      // Each of the step's reads and its POST meets it once; none is retried.
      expect(connections).toBeLessThanOrEqual(3)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('the key and the inputs', () => {
  it.concurrent('redacts the key from a redirect in any letter case', () =>
    withSimulator(
      async (sim) => {
        const id = randomUUID()
        sim.addConnector(id, {
          kind: 'source',
          faults: {
            post: [{ type: 'redirect', location: `https://${sim.apiKey.toUpperCase()}.example/x` }]
          }
        })
        const result = await runBundle(stepInputs(sim, { 'source-id': id }))
        expect(result.outputs.outcome).toBe('error')
        const log = result.stdout.replace(`::add-mask::${sim.apiKey}`, '')
        const shown = `${log}\n${result.summary}\n${JSON.stringify(result.outputs)}`
        expect(shown.toLowerCase()).not.toContain(sim.apiKey.toLowerCase())
        expect(errorLine(result)).toContain('***')
      },
      { apiKeys: ['Sim_Key_MixedCase_0123456789'] }
    )
  )

  it.concurrent('counts a connector that a list names twice once', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', name: 'orders', checkDurationMs: 50 })
      sim.setListFaults('sources', [
        {
          type: 'body',
          status: 200,
          body: JSON.stringify([
            { id, name: 'orders', type: 's3', config: {}, created_at: '2026-01-01T00:00:00Z' },
            { id, name: 'orders', type: 's3', config: {}, created_at: '2026-01-01T00:00:00Z' }
          ])
        }
      ])
      const result = await runBundle(stepInputs(sim, { 'source-name': 'orders' }))
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs.outcome).toBe('success')
      expect(postsTo(sim)).toBe(1)
    })
  )

  it.concurrent('finds a name typed composed (NFC) that the list holds decomposed (NFD)', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        name: 'crème-docs'.normalize('NFD'),
        checkDurationMs: 50
      })
      const result = await runBundle(
        stepInputs(sim, { 'source-name': 'crème-docs'.normalize('NFC') })
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs.outcome).toBe('success')
    })
  )

  it.concurrent('refuses a timeout under a second, naming the range', () =>
    withSimulator(async (sim) => {
      const result = await runBundle(stepInputs(sim, { 'source-id': randomUUID() }, '0.001'))
      expect(result.outputs.outcome).toBe('invalid')
      expect(errorLine(result)).toContain('must be from 1 to 21600 seconds')
      expect(sim.requests).toHaveLength(0)
    })
  )

  it.concurrent('refuses an empty --api-url on the command line, and sends nothing', () =>
    withSimulator(async (sim) => {
      const run = await runNode(
        [bundleFile('cli'), '--source-id', randomUUID(), '--api-url', ''],
        {
          PATH: process.env.PATH ?? '',
          NO_COLOR: '1',
          UNSTRUCTURED_API_KEY: sim.apiKey,
          UNSTRUCTURED_API_URL: sim.url
        },
        20_000
      )
      expect(run.code).toBe(2)
      expect(run.stderr + run.stdout).toContain('--api-url is empty')
      expect(sim.requests).toHaveLength(0)
    })
  )
})

describe('a timeout names what the platform last said', () => {
  it.concurrent("names a gateway's 504 and when it came, not the request the deadline cut", () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        ending: 'NEVER',
        faults: { get: many(100, { type: 'html', status: 504 }) }
      })
      const result = await runBundle(
        stepInputs(sim, { 'source-id': id, 'poll-interval-seconds': '1' }, '5')
      )
      expect(result.outputs.outcome).toBe('timeout')
      // The request cut short by the deadline, if any, is named first; the 504 all the same.
      expect(errorLine(result)).toMatch(
        /Last error: (.*; the last answer before it: )?HTTP 504 Gateway Timeout, \d+\.\d s before the deadline/
      )
    })
  )
})
