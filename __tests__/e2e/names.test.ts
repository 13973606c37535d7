import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'
import { addWorkspace, HARD_NAMES } from '../../simulator/workspace.js'
import { runBundle, runInProcess, type ActionResult } from '../support/action-harness.js'
import { rawRequest } from '../support/raw-request.js'
import { stepInputs, withSimulator } from '../support/runner.js'

// Connectors and workflows named by name or pattern, end to end against the simulator: the
// list endpoints, resolution before any check, and a sweep of a whole workspace.

const base = (sim: Simulator, extra: Record<string, string>): Record<string, string> =>
  stepInputs(sim, extra)

interface Entry {
  kind: string
  'connector-id': string
  name?: string
  outcome: string
}

function entries(result: ActionResult): Entry[] {
  return JSON.parse(result.resultsFile ?? result.outputs.results ?? '[]') as Entry[]
}

const posts = (sim: Simulator): number => sim.requests.filter((r) => r.method === 'POST').length

/** Requests to a list path, by path and query. */
const listRequests = (sim: Simulator, list: string): string[] =>
  sim.requests
    .filter((r) => r.path.startsWith(`/api/v1/${list}/`) && !/\/[0-9a-f-]{36}/.test(r.path))
    .map((r) => r.path)

/** GETs of one connector by id: the name lookup a listed connector does without. */
const lookups = (sim: Simulator): number =>
  sim.requests.filter((r) => /^\/api\/v1\/(sources|destinations)\/[0-9a-f-]{36}$/.test(r.path))
    .length

const errorLines = (result: ActionResult): string[] =>
  result.stdout.split('\n').filter((line) => line.startsWith('::error'))

function addNamed(
  sim: Simulator,
  kind: 'source' | 'destination',
  name: string,
  type?: string
): string {
  const id = randomUUID()
  sim.addConnector(id, { kind, name, ...(type === undefined ? {} : { type }), checkDurationMs: 0 })
  return id
}

describe('naming connectors by name', () => {
  it('checks a name matched exactly, commas, spaces and unicode included, listing each kind once', () =>
    withSimulator(async (sim) => {
      const orders = addNamed(sim, 'source', 'orders-s3')
      addNamed(sim, 'source', 'orders-s3-old')
      const finance = addNamed(sim, 'source', 'Finance, EMEA (prod)', 'sharepoint')
      const tokyo = addNamed(sim, 'destination', '東京 オフィス', 'postgres')
      const result = await runInProcess(
        base(sim, {
          'source-name': 'orders-s3\nFinance, EMEA (prod)',
          'destination-name': '東京 オフィス\n'
        })
      )
      expect(result.outcome).toBe('success')
      expect(entries(result).map((e) => [e['connector-id'], e.name])).toEqual([
        [orders, 'orders-s3'],
        [finance, 'Finance, EMEA (prod)'],
        [tokyo, '東京 オフィス']
      ])
      // One list per kind, at the slashed path; none of workflows; and no lookup per connector.
      expect(listRequests(sim, 'sources')).toEqual(['/api/v1/sources/'])
      expect(listRequests(sim, 'destinations')).toEqual(['/api/v1/destinations/'])
      expect(listRequests(sim, 'workflows')).toEqual([])
      expect(lookups(sim)).toBe(0)
      expect(posts(sim)).toBe(3)
      expect(result.stdout).toContain('Listed 3 sources (1 request).')
      expect(result.stdout).toContain('source-name "Finance, EMEA (prod)" matched 1 source.')
    }))

  it('checks every connector a pattern matches, and a connector named several ways once', () =>
    withSimulator(async (sim) => {
      const eu = addNamed(sim, 'source', 'orders-eu')
      const us = addNamed(sim, 'source', 'orders-us')
      addNamed(sim, 'source', 'Orders-uk')
      const other = randomUUID()
      sim.addConnector(other, { kind: 'source', name: 'billing', checkDurationMs: 0 })
      const dest = addNamed(sim, 'destination', 'warehouse')
      const result = await runInProcess(
        base(sim, {
          'source-id': us,
          'source-name': 'orders-*\norders-u?',
          'destination-id': dest,
          'destination-name': 'ware*'
        })
      )
      expect(result.outcome).toBe('success')
      // Ids first, then each line's matches by name; each connector once.
      expect(entries(result).map((e) => e['connector-id'])).toEqual([us, dest, eu])
      for (const id of [eu, us, dest]) {
        expect(sim.requests.filter((r) => r.method === 'POST' && r.path.includes(id))).toHaveLength(
          1
        )
      }
      expect(result.stdout).toContain(
        'source-name "orders-*" matched 2 sources: "orders-eu", "orders-us".'
      )
      expect(result.stdout).toContain('source-name "orders-u?" matched 1 source: "orders-us".')
    }))

  it('reports a typo, an ambiguous name and an unknown workflow together, before any check', () =>
    withSimulator(async (sim) => {
      addNamed(sim, 'source', 'orders-s3')
      addNamed(sim, 'source', 'orders-s4', 'gcs')
      const [a, b] = [
        addNamed(sim, 'destination', 'warehouse'),
        addNamed(sim, 'destination', 'warehouse')
      ]
      const result = await runInProcess(
        base(sim, {
          'source-name': 'ordres-s3\norders-s4',
          'destination-name': 'warehouse',
          'workflow-name': 'nightly-*'
        })
      )
      expect(result.outcome).toBe('invalid')
      expect(posts(sim)).toBe(0)
      const errors = errorLines(result)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('title=Names not resolved')
      const message = decodeURIComponent(errors[0]?.split('::').at(-1) ?? '')
      expect(message.split('\n')).toEqual([
        'Input \'source-name\': no source is named "ordres-s3". Closest: "orders-s3", ' +
          '"orders-s4". The API key\'s workspace has 2 sources, of types gcs (1), s3 (1).',
        `Input 'destination-name': 2 destinations are named "warehouse" (${a}, ${b}); name ` +
          "the one to check by 'destination-id' instead.",
        "Input 'workflow-name': the pattern \"nightly-*\" matches no workflow. The API key's " +
          'workspace has no workflows.'
      ])
      expect(result.outputs).toMatchObject({ outcome: 'invalid', results: '[]' })
      // The summary keeps one line per name.
      expect(result.summary).toContain('instead.<br>')
    }))

  it('fails a pattern that matches nothing as not-found: a typo never passes by checking nothing', () =>
    withSimulator(async (sim) => {
      addNamed(sim, 'source', 'orders-s3')
      const result = await runInProcess(base(sim, { 'source-name': 'ordrs-*' }))
      expect(result.outcome).toBe('not-found')
      expect(result.exitCode).toBe(1)
      expect(posts(sim)).toBe(0)
      expect(errorLines(result)[0]).toContain('title=Pattern matched nothing')
    }))

  it('shows remote names in suggestions only once they are inert', () =>
    withSimulator(async (sim) => {
      addNamed(sim, 'source', '##[error]orders\u202e-s3')
      const result = await runInProcess(base(sim, { 'source-name': 'orders-s3' }))
      expect(result.outcome).toBe('not-found')
      expect(result.stdout).not.toContain('##[error]')
      expect(result.stdout).toContain('#\\#[error]orders<U+202E>-s3')
    }))
})

describe('reading the lists', () => {
  it('answers 307 for a list path without its slash, as FastAPI does; the action never asks that', () =>
    withSimulator(async (sim) => {
      const answer = await rawRequest(`${sim.url}/api/v1/sources?source_type=s3`)
      expect(answer.status).toBe(307)
      expect(answer.headers.location).toBe(`${sim.url}/api/v1/sources/?source_type=s3`)
      const listed = await rawRequest(`${sim.url}/api/v1/sources/?source_type=gcs`, {
        headers: { 'unstructured-api-key': sim.apiKey }
      })
      expect(listed.status).toBe(200)
      expect(JSON.parse(listed.body)).toEqual([])
    }))

  it('ends with error on a redirected list, follows nothing and starts no check', () =>
    withSimulator(async (sim) => {
      addNamed(sim, 'destination', 'warehouse')
      sim.setListFaults('destinations', [{ type: 'redirect', location: `${sim.trap.url}/x` }])
      const result = await runInProcess(base(sim, { 'destination-name': 'warehouse' }))
      expect(result.outcome).toBe('error')
      expect(errorLines(result)[0]).toContain('title=Unexpected redirect')
      expect(sim.trap.requests).toHaveLength(0)
      expect(posts(sim)).toBe(0)
    }))

  it('ends with error, unretried, on a list entry whose id is not a UUID', () =>
    withSimulator(async (sim) => {
      addNamed(sim, 'source', 'orders-s3')
      sim.setListFaults('sources', [
        { type: 'body', body: JSON.stringify([{ id: '../../workflows', name: 'orders-s3' }]) }
      ])
      const result = await runInProcess(base(sim, { 'source-name': 'orders-s3' }))
      expect(result.outcome).toBe('error')
      expect(errorLines(result)[0]).toContain("field '0.id' is not a UUID")
      expect(listRequests(sim, 'sources')).toHaveLength(1)
      expect(posts(sim)).toBe(0)
    }))

  it('reads a list larger than any single answer of the API (1 MiB)', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        name: 'big',
        checkDurationMs: 0,
        config: { blob: 'x'.repeat(1_500_000) }
      })
      const result = await runInProcess(base(sim, { 'source-name': 'big' }))
      expect(result.outcome).toBe('success')
      expect(entries(result)[0]?.['connector-id']).toBe(id)
    }))

  it('retries a list after a 503, once per failure', () =>
    withSimulator(async (sim) => {
      const id = addNamed(sim, 'source', 'orders-s3')
      sim.setListFaults('sources', [{ type: 'status', status: 503 }])
      const result = await runInProcess(base(sim, { 'source-name': 'orders-s3' }))
      expect(result.outcome).toBe('success')
      expect(entries(result)[0]?.['connector-id']).toBe(id)
      expect(listRequests(sim, 'sources')).toHaveLength(2)
      expect(result.stdout).toContain('Transient error listing sources: HTTP 503')
    }))

  it('says there is nothing to check when the workflows matched have no connectors', () =>
    withSimulator(async (sim) => {
      sim.addWorkflow(randomUUID(), { name: 'empty', sources: [], destinations: [] })
      const result = await runInProcess(base(sim, { 'workflow-name': 'empty' }))
      expect(result.outcome).toBe('invalid')
      expect(errorLines(result)[0]).toContain('there is nothing to check')
    }))
})

describe('sweeping a workspace', () => {
  it('checks all 500 connectors: failures first, the rest folded, every GitHub limit kept', () =>
    withSimulator(async (sim) => {
      const workspace = addWorkspace(sim, { connectors: 500, longestCheckMs: 0, failing: 12 })
      const result = await runInProcess(
        base(sim, { 'source-name': '*', 'destination-name': '*', 'max-concurrency': '100' })
      )
      expect(result.outcome).toBe('failure')
      const all = entries(result)
      expect(all).toHaveLength(500)
      expect(new Set(all.map((e) => e['connector-id'])).size).toBe(500)
      expect(all.filter((e) => e.outcome === 'failure')).toHaveLength(12)
      // Both "shared-bucket" sources are swept; a pattern may match a shared name.
      expect(all.filter((e) => e.name === HARD_NAMES[0]?.name)).toHaveLength(2)
      // One list per kind, one POST per connector, no lookups.
      expect(listRequests(sim, 'sources')).toHaveLength(1)
      expect(listRequests(sim, 'destinations')).toHaveLength(1)
      expect(posts(sim)).toBe(500)
      expect(lookups(sim)).toBe(0)
      for (const c of workspace.connectors.slice(0, 50)) {
        expect(sim.checks(c.id)).toHaveLength(1)
      }
      // GitHub's limits: 10 error annotations, 1 MB of outputs, 1 MiB of summary.
      expect(errorLines(result)).toHaveLength(10)
      expect(result.outputBytes).toBeLessThan(1_000_000)
      expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
      const details = result.summary.indexOf('<details>')
      expect(details).toBeGreaterThan(0)
      expect(result.summary.lastIndexOf('❌&nbsp;failed', details)).toBeGreaterThan(0)
      expect(result.summary.indexOf('❌&nbsp;failed', details)).toBe(-1)
      expect(result.summary).toContain('<summary>488 connectors passed</summary>')
    }))
})

describe('the bundle', () => {
  it('takes the name inputs as a runner passes them', async () => {
    const sim = await startSimulator()
    try {
      const id = addNamed(sim, 'source', 'orders-s3')
      const result = await runBundle(base(sim, { 'source-name': 'orders-*' }))
      expect(result.exitCode).toBe(0)
      expect(entries(result).map((e) => e['connector-id'])).toEqual([id])
      expect(result.stderr).toBe('')
    } finally {
      await sim.close()
    }
  })
})
