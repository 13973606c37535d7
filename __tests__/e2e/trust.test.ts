import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { runBundle, type ActionResult } from '../support/action-harness.js'
import { closedOrigin, runNode, withSimulator } from '../support/runner.js'
import { verifyInvariants } from '../support/scenarios.js'
import { bundleFile } from '../support/test-bundles.js'
import {
  decidedAtOnce,
  DECIDED_POSTS,
  decomposedName,
  failingPosts,
  gateway504,
  inputsFor,
  listedTwice,
  longQueue,
  MIXED_CASE_KEY,
  readNotTheConnector,
  readWebPage,
  redirectToKey,
  refusingTlsServer,
  WARN
} from '../support/trust-cases.js'

// The gate's promises under policies and a platform that fails halfway, on the action's bundle.

interface Entry {
  'connector-id': string
  'check-id': string | null
  reason: string | null
  outcome: string
  reused: unknown
}

const entries = (result: ActionResult): Entry[] =>
  JSON.parse(result.outputs.results ?? '[]') as Entry[]
const postsTo = (sim: Simulator): number => sim.requests.filter((r) => r.method === 'POST').length
const errorLine = (result: ActionResult): string =>
  result.stdout.split('\n').find((line) => line.startsWith('::error')) ?? ''

describe('a waiver needs a started check', () => {
  it.concurrent('never waives connectors the queue left no time to start', () =>
    withSimulator(async (sim) => {
      const { ids, broken } = longQueue(sim, {
        count: 12,
        checkMs: 1000,
        history: true,
        broken: 11
      })
      const result = await runBundle(
        inputsFor(sim, { 'source-id': ids.join('\n'), 'max-concurrency': '1', ...WARN }, '6')
      )
      expect(result.exitCode).toBe(1)
      expect(result.stdout).not.toContain('::warning')
      expect(entries(result).filter((e) => e['check-id'] === null).length).toBeGreaterThan(0)
      // The failing one was never checked, and nothing was passed in its place.
      expect(entries(result).find((e) => e['connector-id'] === broken)?.['check-id']).toBeNull()
      expect(result.stdout).toContain('waited for a slot in the queue (12 connectors')
      expect(result.stdout).toMatch(/Raise 'timeout-seconds' or 'max-concurrency'/)
      expect(result.stdout).toMatch(/\d+ never started/)
      // No check began when too little time was left to follow it.
      const last = Math.max(...sim.requests.filter((r) => r.method === 'POST').map((r) => r.at))
      expect(last - (sim.requests[0]?.at ?? 0)).toBeLessThan(6000 - 1000)
    })
  )

  it.concurrent.each([502, 500])(
    'follows the check a POST created before answering %i: its FAILURE fails the step, warn or not',
    (status) =>
      withSimulator(async (sim) => {
        const id = failingPosts(sim, { status, afterCreate: true, posts: 1, ending: 'FAILURE' })
        const result = await runBundle(inputsFor(sim, { 'source-id': id, ...WARN }))
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
      const id = failingPosts(sim, { status: 500, afterCreate, posts: 100 })
      const result = await runBundle(
        inputsFor(sim, { 'source-id': id, 'poll-interval-seconds': '1', ...WARN }, '60')
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
        inputsFor(sim, { 'source-id': randomUUID(), 'api-url': await origin(), ...WARN })
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
      const id = decidedAtOnce(sim, history)
      const result = await runBundle(inputsFor(sim, { 'source-id': id }))
      verifyInvariants(result, sim.apiKey)
      // The POST's own answer was FAILURE: no poll was needed.
      expect(sim.served().find((s) => s.method === 'POST')?.status).toBe('FAILURE')
      expect(postsTo(sim)).toBe(1)
      expect(result.outputs.outcome).toBe('failure')
      expect(errorLine(result)).toContain('Access Denied')
    }, DECIDED_POSTS)
  )
})

describe('reads that are not what they claim', () => {
  it.concurrent.each(['{}', '{"detail":"Not Found"}'])(
    'reuses no SUCCESS when the connector read answers 200 %s',
    (body) =>
      withSimulator(async (sim) => {
        const id = readNotTheConnector(sim, body)
        const result = await runBundle(
          inputsFor(sim, { 'source-id': id, 'reuse-success-seconds': '600' })
        )
        verifyInvariants(result, sim.apiKey)
        expect(postsTo(sim)).toBe(1)
        expect(entries(result)[0]?.reused).toBeNull()
        expect(result.stdout).toContain('Not reusing a recent check')
      })
  )

  it.concurrent('fails a dry run at once, not retried, when the API answers a web page', () =>
    withSimulator(async (sim) => {
      const id = readWebPage(sim)
      const result = await runBundle(
        inputsFor(sim, { 'source-id': id, 'dry-run': 'true', ...WARN }, '60')
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(sim.requests.filter((r) => !r.path.includes('connection-check'))).toHaveLength(1)
      expect(result.stdout).not.toContain('::warning')
    })
  )
})

describe('TLS that the runner does not accept', () => {
  it.concurrent('says at once that a plain-HTTP port does not speak TLS', () =>
    withSimulator(async (sim) => {
      const url = sim.url.replace('http:', 'https:')
      const result = await runBundle(
        inputsFor(sim, { 'source-id': randomUUID(), 'api-url': url }, '60')
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(errorLine(result)).toContain('does not speak TLS that the runner accepts on that port')
      // One connection, refused for good: no retry.
      expect(sim.requests.length).toBeLessThanOrEqual(1)
    })
  )

  it.concurrent.each([
    ['legacy' as const, 'offers only TLS 1.0 or 1.1, which Node refuses'],
    ['expired' as const, 'Renew it on that server']
  ])('says what to do when the server is %s', async (kind, expected) => {
    const server = await refusingTlsServer(kind)
    try {
      const result = await runBundle(
        {
          'source-id': randomUUID(),
          'api-key': 'sim_key_0123456789abcdef',
          'api-url': server.url,
          'timeout-seconds': '60'
        },
        { env: { NODE_EXTRA_CA_CERTS: server.caCertPath } }
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(errorLine(result)).toContain(expected)
      // Each of the step's reads and its POST meets it once; none is retried.
      expect(server.connections()).toBeLessThanOrEqual(3)
    } finally {
      await server.close()
    }
  })
})

describe('the key and the inputs', () => {
  it.concurrent('redacts the key from a redirect in any letter case', () =>
    withSimulator(
      async (sim) => {
        const result = await runBundle(inputsFor(sim, { 'source-id': redirectToKey(sim) }))
        expect(result.outputs.outcome).toBe('error')
        const log = result.stdout.replace(`::add-mask::${sim.apiKey}`, '')
        const shown = `${log}\n${result.summary}\n${JSON.stringify(result.outputs)}`
        expect(shown.toLowerCase()).not.toContain(sim.apiKey.toLowerCase())
        expect(errorLine(result)).toContain('***')
      },
      { apiKeys: [MIXED_CASE_KEY] }
    )
  )

  it.concurrent.each([
    ['counts a connector that a list names twice once', listedTwice],
    ['finds a name typed composed (NFC) that the list holds decomposed (NFD)', decomposedName]
  ])('%s', (_, arrange) =>
    withSimulator(async (sim) => {
      const result = await runBundle(inputsFor(sim, arrange(sim)))
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs.outcome).toBe('success')
      expect(postsTo(sim)).toBe(1)
    })
  )

  it.concurrent('refuses a timeout under a second, naming the range', () =>
    withSimulator(async (sim) => {
      const result = await runBundle(inputsFor(sim, { 'source-id': randomUUID() }, '0.001'))
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
      const result = await runBundle(
        inputsFor(sim, { 'source-id': gateway504(sim), 'poll-interval-seconds': '1' }, '5')
      )
      expect(result.outputs.outcome).toBe('timeout')
      // The request cut short by the deadline, if any, is named first; the 504 all the same.
      expect(errorLine(result)).toMatch(
        /Last error: (.*; the last answer before it: )?HTTP 504 Gateway Timeout, \d+\.\d s before the deadline/
      )
    })
  )
})
