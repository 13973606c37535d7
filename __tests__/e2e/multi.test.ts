import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { stepInputs, withSimulator } from '../support/runner.js'
import { pollGap } from '../../src/wait/schedule.js'
import { runBundle, runInProcess, type ActionResult } from '../support/action-harness.js'
import { verifyInvariants } from '../support/scenarios.js'

// Several connectors in one step, run as the bundle (concurrently: each test owns a simulator).

const base = (sim: Simulator, extra: Record<string, string>): Record<string, string> =>
  stepInputs(sim, extra, '20')

function results(result: ActionResult): Record<string, unknown>[] {
  return JSON.parse(result.outputs.results ?? '') as Record<string, unknown>[]
}

function lines(result: ActionResult, prefix: string): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith(prefix))
}

/** Connection-check requests per connector id. */
function checkRequests(sim: Simulator): Map<string, number> {
  const counts = new Map<string, number>()
  for (const request of sim.requests) {
    const id = /\/([^/]+)\/connection-check$/.exec(request.path)?.[1]
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

const ids = (n: number): string[] => Array.from({ length: n }, () => randomUUID())

describe('several connectors in one step', () => {
  it.concurrent('reports a mix of passing, failing and never-finishing connectors', () =>
    withSimulator(async (sim) => {
      const [pass, fail, never] = ids(3) as [string, string, string]
      sim.addConnector(pass, { kind: 'source', checkDurationMs: 300, name: 'orders-s3' })
      sim.addConnector(fail, {
        kind: 'destination',
        checkDurationMs: 500,
        ending: 'FAILURE',
        reason: 'password authentication failed'
      })
      sim.addConnector(never, { kind: 'source', ending: 'NEVER' })
      const result = await runBundle(
        base(sim, {
          'source-id': `${pass}\n${never}`,
          'destination-id': fail,
          // Room for a busy machine to start the child and see both checks end in time.
          'timeout-seconds': '5'
        })
      )
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ outcome: 'failure', status: 'FAILURE' })
      expect(results(result).map((r) => [r['connector-id'], r.outcome, r.status])).toEqual([
        [pass, 'success', 'SUCCESS'],
        [never, 'timeout', 'SCHEDULED'],
        [fail, 'failure', 'FAILURE']
      ])
      expect(results(result)[0]).toMatchObject({ kind: 'source', name: 'orders-s3', type: 's3' })
      expect(result.outputs['check-id']?.split('\n')).toEqual(
        [pass, never, fail].map((id) => sim.checks(id)[0]?.id)
      )
      // One group per connector, one error annotation per connector that did not pass.
      expect(lines(result, '::group::')).toHaveLength(3)
      expect(lines(result, '::endgroup::')).toHaveLength(3)
      const errors = lines(result, '::error')
      expect(errors).toHaveLength(2)
      expect(
        errors.some((e) => e.includes(fail) && e.includes('password authentication failed'))
      ).toBe(true)
      expect(errors.some((e) => e.includes(never) && e.includes('deadline passed'))).toBe(true)
      // The closing table gives each reason, once; the closing line counts.
      expect(result.stdout).toMatch(/OUTCOME\s+CONNECTOR\s+ID\s+TIME\s+REASON/)
      expect(result.stdout).toMatch(
        /^failed +\S+ \(postgres\) +[0-9a-f]{8} +[\d.]+ s +password authentication failed$/m
      )
      expect(result.stdout).toMatch(
        /^3 connectors checked in [\d.]+ s: 1 failed, 1 timed out, 1 passed\.$/m
      )
      expect(result.summary).toContain('1 failed, 1 timed out, 1 passed')
      expect(result.summary).toContain('title="orders-s3 (s3)">orders-s3<')
      // The outcome column says what each row means; the status is the platform's word.
      expect(result.summary).toContain('<td>❌&nbsp;failed</td>')
      expect(result.summary).toContain('<td>⏱️&nbsp;timed&nbsp;out</td>')
      expect(result.summary).toContain('still SCHEDULED at the deadline')
    })
  )

  it.concurrent('checks every connector of a workflow, and each connector once', () =>
    withSimulator(async (sim) => {
      const [s1, s2, d1, d2, workflow] = ids(5) as [string, string, string, string, string]
      for (const id of [s1, s2]) sim.addConnector(id, { kind: 'source', checkDurationMs: 200 })
      for (const id of [d1, d2]) sim.addConnector(id, { kind: 'destination', checkDurationMs: 400 })
      sim.addWorkflow(workflow, { sources: [s1, s2], destinations: [d1, d2] })
      const result = await runBundle(
        base(sim, { 'workflow-id': workflow, 'source-id': `${s2}, ${s2}`, 'destination-id': d1 })
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs).toMatchObject({ outcome: 'success', status: 'SUCCESS' })
      expect(results(result).map((r) => [r.kind, r['connector-id']])).toEqual([
        ['source', s2],
        ['destination', d1],
        ['source', s1],
        ['destination', d2]
      ])
      for (const id of [s1, s2, d1, d2]) {
        expect(sim.requests.filter((r) => r.method === 'POST' && r.path.includes(id))).toHaveLength(
          1
        )
      }
      expect(result.stdout).toContain(`Workflow ${workflow} has 2 sources and 2 destinations.`)
      expect(result.stdout).toContain('All 4 connection checks passed')
      expect(result.summary).toContain('all 4 passed')
    })
  )

  it.concurrent('fails clearly on a workflow that does not exist', () =>
    withSimulator(async (sim) => {
      const workflow = randomUUID()
      const result = await runBundle(base(sim, { 'workflow-id': workflow }))
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs).toEqual({
        outcome: 'not-found',
        results: '[]',
        'results-file': expect.any(String)
      })
      expect(lines(result, '::error')[0]).toContain(
        `title=Workflow not found::Workflow ${workflow} was not found on ${new URL(sim.url).host}`
      )
      expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0)
    })
  )

  it.concurrent('fails clearly on a workflow without connectors', () =>
    withSimulator(async (sim) => {
      const workflow = randomUUID()
      sim.addWorkflow(workflow, { sources: [], destinations: [] })
      const result = await runBundle(base(sim, { 'workflow-id': workflow }))
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs).toEqual({
        outcome: 'invalid',
        results: '[]',
        'results-file': expect.any(String)
      })
      expect(lines(result, '::error')[0]).toContain(
        `Workflow ${workflow} has no source or destination connectors`
      )
    })
  )

  it.concurrent('slows every check down on a 429, not just the one that got it', () =>
    withSimulator(async (sim) => {
      const all = ids(8)
      const [first, ...rest] = all as [string, ...string[]]
      sim.addConnector(first, {
        kind: 'source',
        checkDurationMs: 2500,
        faults: { get: [{ type: 'rate-limit', retryAfter: '1' }] }
      })
      for (const id of rest) sim.addConnector(id, { kind: 'source', checkDurationMs: 2500 })
      const result = await runBundle(base(sim, { 'source-id': all.join('\n') }))
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs.outcome).toBe('success')
      const limited = sim.requests.find((r) => r.status === 429)
      expect(limited).toBeDefined()
      const at = limited?.at ?? 0
      // Requests already on their way may land just after; then nothing for the Retry-After.
      const during = sim.requests.filter(
        (r) => r.path.endsWith('/connection-check') && r.at > at + 50 && r.at < at + 950
      )
      expect(during.map((r) => `${Math.round(r.at - at)} ${r.path}`)).toEqual([])
      const after = sim.requests.filter(
        (r) => r.path.endsWith('/connection-check') && r.at >= at + 950
      )
      expect(new Set(after.map((r) => r.path)).size).toBe(all.length)
    })
  )
})

describe('fifty connectors', () => {
  it('end in about the time of the slowest check, with no more requests each than alone', () =>
    withSimulator(async (sim) => {
      const all = ids(50)
      const durations = all.map((_, i) => 300 + Math.round((2700 * i) / 49))
      all.forEach((id, i) => {
        sim.addConnector(id, {
          kind: i % 2 === 0 ? 'source' : 'destination',
          checkDurationMs: durations[i]
        })
      })
      const sources = all.filter((_, i) => i % 2 === 0)
      const destinations = all.filter((_, i) => i % 2 === 1)
      const result = await runBundle(
        base(sim, {
          'source-id': sources.join('\n'),
          'destination-id': destinations.join('\n'),
          'max-concurrency': '50'
        })
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs.outcome).toBe('success')
      expect(results(result)).toHaveLength(50)
      // How long it took is the benchmark's to say; here, that every check was in flight at once:
      // all 50 POSTs came before any connector's second request.
      const posts = sim.requests.filter((r) => r.method === 'POST')
      expect(posts).toHaveLength(50)
      // A connector's first poll: its second GET, the first having read its latest check.
      const firstGets = all.map((id) => {
        const gets = sim.requests.flatMap((r, i) =>
          r.method === 'GET' && r.path.endsWith(`${id}/connection-check`) ? [i] : []
        )
        return gets[1] ?? -1
      })
      const lastPost = sim.requests.findLastIndex((r) => r.method === 'POST')
      expect(Math.min(...firstGets)).toBeGreaterThan(lastPost)
      // A single-connector run makes at most 1 read of the latest check, 1 POST and the polls
      // of the shortest-gap schedule.
      const counts = checkRequests(sim)
      all.forEach((id, i) => {
        let t = 0
        let polls = 0
        // The schedule counts from when the POST was sent; the check's time from when the
        // server got it. 250 ms covers that gap with 50 POSTs at once on a busy 2-core machine.
        while (t < (durations[i] ?? 0) + 250) {
          t += pollGap(t, 10_000, 0.999999)
          polls += 1
        }
        expect(counts.get(id)).toBeLessThanOrEqual(2 + polls)
      })
    }))
})

describe('several connectors in-process', () => {
  it('keeps remote text on one line, so it cannot smuggle in workflow commands', async () => {
    await withSimulator(async (sim) => {
      const [a, b] = ids(2) as [string, string]
      const reason = 'Access denied\n::warning title=Injected::from the reason\r\n::error::too'
      sim.addConnector(a, { kind: 'source', checkDurationMs: 0, ending: 'FAILURE', reason })
      sim.addConnector(b, { kind: 'source', checkDurationMs: 0, name: 'x\n::warning::name' })
      const result = await runInProcess(base(sim, { 'source-id': `${a} ${b}` }))
      expect(lines(result, '::warning')).toEqual([])
      expect(lines(result, '::error')).toHaveLength(1)
      expect(results(result)[0]?.reason).toBe(
        'Access denied ::warning title=Injected::from the reason  ::error::too'
      )
    })
  })

  it('says at once, outside the groups, when a check meets its first error', async () => {
    await withSimulator(async (sim) => {
      const [a, b] = ids(2) as [string, string]
      sim.addConnector(a, {
        kind: 'source',
        checkDurationMs: 0,
        faults: { post: [{ type: 'status', status: 503 }] }
      })
      sim.addConnector(b, { kind: 'destination', checkDurationMs: 0 })
      const result = await runInProcess(base(sim, { 'source-id': a, 'destination-id': b }))
      verifyInvariants(result, sim.apiKey)
      const first = result.stdout.indexOf(
        `Source connector ${a}: HTTP 503 Service Unavailable; retrying in`
      )
      expect(first).toBeGreaterThan(-1)
      expect(first).toBeLessThan(result.stdout.indexOf('::group::'))
    })
  })

  it('reads a workflow whose ids are not UUIDs as an error, at once', async () => {
    await withSimulator(async (sim) => {
      const workflow = randomUUID()
      sim.addWorkflow(workflow, { sources: ['../../workflows/x/run#'], destinations: [] })
      const result = await runInProcess(base(sim, { 'workflow-id': workflow }))
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs.outcome).toBe('error')
      expect(lines(result, '::error')[0]).toContain(
        "the answer was not a workflow (field 'sources.0' holds an id that is not a UUID)"
      )
      expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([])
      expect(sim.requests).toHaveLength(1)
    })
  })

  it('groups logs and aggregates outcomes', async () => {
    await withSimulator(async (sim) => {
      const [a, b] = ids(2) as [string, string]
      sim.addConnector(a, { kind: 'source', checkDurationMs: 0 })
      sim.addConnector(b, { kind: 'destination', checkDurationMs: 200 })
      const result = await runInProcess(
        base(sim, { 'source-id': a, 'destination-id': b, 'max-concurrency': '1' })
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.outcome).toBe('success')
      expect(lines(result, '::group::')).toHaveLength(2)
      expect(result.stdout).toContain('up to 1 at a time')
      // With max-concurrency 1, the second check starts only after the first ended.
      const posts = sim.requests.filter((r) => r.method === 'POST')
      const firstEnd = sim.requests.filter((r) => r.path.includes(a)).at(-1)?.at ?? 0
      expect(posts[1]?.at).toBeGreaterThanOrEqual(firstEnd)
    })
  })

  it('writes the JUnit report that junit-file names, folders and all', async () => {
    await withSimulator(async (sim) => {
      const [pass, fail] = ids(2) as [string, string]
      sim.addConnector(pass, { kind: 'source', checkDurationMs: 0 })
      sim.addConnector(fail, {
        kind: 'source',
        checkDurationMs: 0,
        ending: 'FAILURE',
        reason: 'no <route>'
      })
      const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-junit-'))
      const file = path.join(dir, 'reports', 'connections.xml')
      const result = await runInProcess(
        base(sim, { 'source-id': `${pass} ${fail}`, 'junit-file': file })
      )
      expect(result.outcome).toBe('failure')
      const xml = await readFile(file, 'utf8')
      await rm(dir, { recursive: true, force: true })
      expect(xml).toContain('tests="2" failures="1" errors="0"')
      expect(xml).toContain('<failure message="no &#60;route&#62;" type="FAILURE">')
      expect(result.stdout).toContain(`JUnit report written to ${file}.`)
    })
  })

  it('writes the JUnit report of inputs it rejects, as one testcase in error', async () => {
    await withSimulator(async (sim) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-junit-'))
      const file = path.join(dir, 'report.xml')
      const result = await runInProcess(base(sim, { 'source-id': 'orders', 'junit-file': file }))
      expect(result.outcome).toBe('invalid')
      const xml = await readFile(file, 'utf8')
      await rm(dir, { recursive: true, force: true })
      expect(xml).toContain('tests="1" failures="0" errors="1"')
      expect(xml).toContain('<error message="Invalid input" type="invalid">')
      expect(sim.requests).toHaveLength(0)
    })
  })

  it('says so, and keeps the verdict, when the JUnit report cannot be written', async () => {
    await withSimulator(async (sim) => {
      const [pass] = ids(1) as [string]
      sim.addConnector(pass, { kind: 'source', checkDurationMs: 0 })
      // A folder that cannot be made: its parent is a file.
      const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-junit-'))
      await writeFile(path.join(dir, 'file'), '')
      const result = await runInProcess(
        base(sim, { 'source-id': pass, 'junit-file': path.join(dir, 'file', 'report.xml') })
      )
      await rm(dir, { recursive: true, force: true })
      expect(result.outcome).toBe('success')
      expect(result.stdout).toMatch(
        /^::warning title=No JUnit report::The JUnit report could not be written/m
      )
    })
  })

  it('reads a workflow, merging it with the named connectors', async () => {
    await withSimulator(async (sim) => {
      const [source, destination, workflow] = ids(3) as [string, string, string]
      sim.addConnector(source, { kind: 'source', checkDurationMs: 0 })
      sim.addConnector(destination, { kind: 'destination', checkDurationMs: 0 })
      sim.addWorkflow(workflow, { sources: [source.toUpperCase()], destinations: [destination] })
      const result = await runInProcess(base(sim, { 'workflow-id': workflow, 'source-id': source }))
      verifyInvariants(result, sim.apiKey)
      expect(result.outcome).toBe('success')
      expect(results(result).map((r) => r['connector-id'])).toEqual([source, destination])
    })
  })

  it('stops on a workflow that is missing or empty', async () => {
    await withSimulator(async (sim) => {
      const empty = randomUUID()
      sim.addWorkflow(empty, { sources: [], destinations: [] })
      const missing = await runInProcess(base(sim, { 'workflow-id': randomUUID() }))
      expect(missing.outputs).toEqual({
        outcome: 'not-found',
        results: '[]',
        'results-file': expect.any(String)
      })
      const nothing = await runInProcess(base(sim, { 'workflow-id': empty }))
      expect(nothing.outputs).toEqual({
        outcome: 'invalid',
        results: '[]',
        'results-file': expect.any(String)
      })
      expect(nothing.summary).toContain('has no source or destination connectors')
    })
  })

  it('reports an unauthorized workflow read', async () => {
    await withSimulator(async (sim) => {
      const result = await runInProcess(
        base(sim, { 'workflow-id': randomUUID(), 'api-key': 'not_the_right_key' })
      )
      verifyInvariants(result, sim.apiKey)
      expect(result.outputs).toEqual({
        outcome: 'unauthorized',
        results: '[]',
        'results-file': expect.any(String)
      })
    })
  })
})
