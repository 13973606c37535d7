import { randomUUID } from 'node:crypto'
import { Agent, request as httpRequest } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import {
  DEFAULT_API_KEY,
  startSimulator,
  type ConnectorBehavior,
  type PlatformProfile,
  type Simulator
} from '../../simulator/platform-simulator.js'
import { parseProfileFlags } from '../../simulator/profile-flags.js'
import { closed, rawRequest } from '../support/raw-request.js'

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

interface CheckBody {
  id: string
  status: string
  reason: string | null
  created_at: string
  reported_at: string | null
}

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator()
})

afterAll(async () => {
  await sim.close()
})

function call(path: string, init: RequestInit = {}, key: string | null = sim.apiKey) {
  const headers = new Headers(init.headers)
  if (key !== null) headers.set('unstructured-api-key', key)
  return fetch(`${sim.url}${path}`, { ...init, headers })
}

function checkPath(kind: 'source' | 'destination', id: string): string {
  return `/api/v1/${kind}s/${id}/connection-check`
}

/** A fresh connector with the given behaviour; returns its id. */
function connector(behavior: Partial<ConnectorBehavior> = {}): string {
  const id = randomUUID()
  sim.addConnector(id, { kind: 'source', ...behavior })
  return id
}

async function json(res: Response): Promise<unknown> {
  expect(res.headers.get('content-type')).toBe('application/json')
  return res.json()
}

async function check(res: Response): Promise<CheckBody> {
  return (await json(res)) as CheckBody
}

describe('authentication', () => {
  it('answers the three 401s in the words of the real API', async () => {
    const id = connector()
    const missing = await call(checkPath('source', id), {}, null)
    expect(missing.status).toBe(401)
    expect(await json(missing)).toEqual({
      detail: 'API key is missing, please provide an API key in the header.'
    })

    const malformed = await call(checkPath('source', id), {}, 'not a key!')
    expect(malformed.status).toBe(401)
    expect(await json(malformed)).toEqual({
      detail: 'API key is malformed, please type the API key correctly in the header.'
    })

    const invalid = await call(checkPath('source', id), { method: 'POST' }, 'wrong_key_0123456')
    expect(invalid.status).toBe(401)
    expect(await json(invalid)).toEqual({
      detail: 'API key is invalid, please provide a valid API key in the header.'
    })
    expect(sim.checks(id)).toHaveLength(0)
  })

  it('checks auth before the id, and accepts every configured key', async () => {
    const bad = await call(checkPath('source', 'nope'), {}, null)
    expect(bad.status).toBe(401)

    const other = await startSimulator({ apiKeys: ['first_key_1234', 'second_key_5678'] })
    try {
      expect(other.apiKey).toBe('first_key_1234')
      const id = randomUUID()
      other.addConnector(id, { kind: 'destination' })
      const res = await fetch(`${other.url}/api/v1/destinations/${id}`, {
        headers: { 'unstructured-api-key': 'second_key_5678' }
      })
      expect(res.status).toBe(200)
      const refused = await fetch(`${other.url}/api/v1/destinations/${id}`, {
        headers: { 'unstructured-api-key': DEFAULT_API_KEY }
      })
      expect(refused.status).toBe(401)
    } finally {
      await other.close()
    }
  })
})

describe('validation and routing', () => {
  it('answers 422 uuid_parsing for a path id that is not a UUID', async () => {
    const res = await call(checkPath('source', 'abc$'), { method: 'POST' })
    expect(res.status).toBe(422)
    const body = (await json(res)) as { detail: Record<string, unknown>[] }
    expect(body.detail[0]).toMatchObject({
      type: 'uuid_parsing',
      loc: ['path', 'source_id'],
      input: 'abc$'
    })
    expect(body.detail[0]?.msg).toMatch(/^Input should be a valid UUID, invalid character: /)

    const dest = (await json(await call('/api/v1/destinations/1234'))) as {
      detail: { loc: unknown[] }[]
    }
    expect(dest.detail[0]?.loc).toEqual(['path', 'destination_id'])
    const wf = (await json(await call('/api/v1/workflows/xyz'))) as {
      detail: { loc: unknown[] }[]
    }
    expect(wf.detail[0]?.loc).toEqual(['path', 'workflow_id'])
  })

  it('answers 404 for an unknown connector, a connector of the other kind, and unknown paths', async () => {
    const unknown = randomUUID()
    const res = await call(checkPath('source', unknown), { method: 'POST' })
    expect(res.status).toBe(404)
    expect(await json(res)).toEqual({ detail: `Source ${unknown} not found` })

    const source = connector()
    const asDest = await call(checkPath('destination', source))
    expect(asDest.status).toBe(404)
    expect(await json(asDest)).toEqual({ detail: `Destination ${source} not found` })

    for (const path of [`/v1/sources/${source}/connection-check`, '/', '/api/v1/sourcez']) {
      const r = await call(path)
      expect(r.status).toBe(404)
      expect(await json(r)).toEqual({ detail: 'Not Found' })
    }
  })

  it('answers 405 for a known path with another method', async () => {
    const id = connector()
    const res = await call(`/api/v1/sources/${id}`, { method: 'POST' })
    expect(res.status).toBe(405)
    expect(await json(res)).toEqual({ detail: 'Method Not Allowed' })
    const del = await call(checkPath('source', id), { method: 'DELETE' })
    expect(del.status).toBe(405)
  })

  it('serves connectors and workflows', async () => {
    const src = connector({ name: 'my-bucket' })
    const dst = randomUUID()
    sim.addConnector(dst, { kind: 'destination' })
    const wf = randomUUID()
    sim.addWorkflow(wf, { name: 'nightly', sources: [src], destinations: [dst] })

    const s = await call(`/api/v1/sources/${src}`)
    expect(s.status).toBe(200)
    expect(await json(s)).toMatchObject({ id: src, name: 'my-bucket', type: 's3', config: {} })
    const d = (await json(await call(`/api/v1/destinations/${dst}`))) as Record<string, unknown>
    expect(d).toMatchObject({ id: dst, name: `sim-destination-${dst.slice(0, 8)}` })
    expect(d.type).toBe('postgres')
    expect(d.created_at).toMatch(ISO_MICROS)

    const w = await call(`/api/v1/workflows/${wf}`)
    expect(w.status).toBe(200)
    expect(await json(w)).toMatchObject({
      id: wf,
      name: 'nightly',
      sources: [src],
      destinations: [dst],
      workflow_nodes: [],
      status: 'active'
    })
    const missing = await call(`/api/v1/workflows/${randomUUID()}`)
    expect(missing.status).toBe(404)
  })
})

describe('check lifecycle', () => {
  it('goes SCHEDULED then SUCCESS, and GET answers the latest check', async () => {
    const id = connector({ checkDurationMs: 150 })
    const none = await call(checkPath('source', id))
    expect(none.status).toBe(404)
    expect(await json(none)).toEqual({ detail: 'No connection check found for this connector' })

    const post = await call(checkPath('source', id), { method: 'POST' })
    expect(post.status).toBe(202)
    const created = await check(post)
    expect(created).toEqual({
      id: expect.any(String),
      status: 'SCHEDULED',
      reason: null,
      created_at: expect.stringMatching(ISO_MICROS),
      reported_at: null
    })

    const early = await call(checkPath('source', id))
    expect(early.status).toBe(200)
    expect(await check(early)).toMatchObject({ id: created.id, status: 'SCHEDULED' })

    await sleep(200)
    const late = await check(await call(checkPath('source', id)))
    expect(late).toMatchObject({ id: created.id, status: 'SUCCESS', reason: null })
    expect(late.reported_at).toMatch(ISO_MICROS)
    expect((late.reported_at ?? '') > late.created_at).toBe(true)

    const [only] = sim.checks(id)
    expect(only).toMatchObject({ id: created.id, connectorId: id, ending: 'SUCCESS' })
    expect(only?.finalAtMs).toBeCloseTo((only?.createdAtMs ?? 0) + 150, 5)
    const served = sim.served().filter((s) => s.connectorId === id)
    expect(served.map((s) => s.status)).toEqual(['SCHEDULED', 'SCHEDULED', 'SUCCESS'])
  })

  it('answers the POST with SCHEDULED, then FAILURE with a reason, even with checkDurationMs 0', async () => {
    const id = randomUUID()
    sim.addConnector(id, {
      kind: 'destination',
      checkDurationMs: 0,
      ending: 'FAILURE',
      reason: 'access denied'
    })
    const post = await check(await call(checkPath('destination', id), { method: 'POST' }))
    expect(post).toMatchObject({ status: 'SCHEDULED', reason: null, reported_at: null })
    const got = await check(await call(checkPath('destination', id)))
    expect(got).toMatchObject({ id: post.id, status: 'FAILURE', reason: 'access denied' })
    expect(got.reported_at).toMatch(ISO_MICROS)

    const silent = connector({ checkDurationMs: 0, ending: 'FAILURE', reason: null })
    await call(checkPath('source', silent), { method: 'POST' })
    const res = await check(await call(checkPath('source', silent)))
    expect(res).toMatchObject({ status: 'FAILURE', reason: null })

    const dflt = connector({ checkDurationMs: 0, ending: 'FAILURE' })
    await call(checkPath('source', dflt), { method: 'POST' })
    const d = await check(await call(checkPath('source', dflt)))
    expect(d.reason).toBe('simulated failure')
  })

  it('keeps a NEVER check SCHEDULED', async () => {
    const id = connector({ checkDurationMs: 0, ending: 'NEVER' })
    await call(checkPath('source', id), { method: 'POST' })
    await sleep(20)
    expect(await check(await call(checkPath('source', id)))).toMatchObject({
      status: 'SCHEDULED',
      reported_at: null
    })
    expect(sim.checks(id)[0]?.finalAtMs).toBeNull()
  })

  it('gives strictly increasing created_at values', () => {
    const id = connector()
    const made = Array.from({ length: 20 }, () => sim.addNewerCheck(id).createdAt)
    expect([...made].sort()).toEqual(made)
    expect(new Set(made).size).toBe(made.length)
    expect(sim.checks(id).map((c) => c.createdAt)).toEqual(made)
  })

  it('keeps connections alive between requests', async () => {
    const id = connector()
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = httpRequest(
          `${sim.url}/api/v1/sources/${id}`,
          { agent, headers: { 'unstructured-api-key': sim.apiKey } },
          (res) => {
            res.resume()
            res.on('end', () => {
              resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket })
            })
          }
        )
        req.on('error', reject)
        req.end()
      })
    try {
      expect(await get()).toEqual({ status: 200, reused: false })
      expect(await get()).toEqual({ status: 200, reused: true })
    } finally {
      agent.destroy()
    }
  })
})

describe('faults', () => {
  it('serves status, html, rate-limit, body, not-found and validation faults in order', async () => {
    const id = connector({
      faults: {
        // No POST yet: these GETs take from `read`.
        read: [
          { type: 'status', status: 503 },
          'pass',
          {
            type: 'status',
            status: 500,
            body: 'oops',
            contentType: 'text/plain',
            headers: { 'x-request-id': 'r1' }
          },
          { type: 'html', status: 502 },
          { type: 'rate-limit', retryAfter: '2' },
          { type: 'rate-limit' },
          { type: 'body', body: '{"id":"x","status":"MAYBE"}' },
          { type: 'not-found' },
          { type: 'validation', detail: [{ loc: ['path'], msg: 'no', type: 'x' }] }
        ]
      }
    })
    sim.addNewerCheck(id)
    const get = () => call(checkPath('source', id))

    const r503 = await get()
    expect(r503.status).toBe(503)
    expect(await json(r503)).toEqual({ detail: 'simulated 503' })
    expect((await get()).status).toBe(200)
    const r500 = await get()
    expect([r500.status, await r500.text(), r500.headers.get('x-request-id')]).toEqual([
      500,
      'oops',
      'r1'
    ])
    expect(r500.headers.get('content-type')).toBe('text/plain')
    const html = await get()
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await html.text()).toContain('502 Bad Gateway')
    const limited = await get()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('2')
    expect(await json(limited)).toEqual({ detail: 'Too Many Requests' })
    const limitedNoHeader = await get()
    expect(limitedNoHeader.status).toBe(429)
    expect(limitedNoHeader.headers.has('retry-after')).toBe(false)
    const verbatim = await get()
    expect([verbatim.status, await verbatim.text()]).toEqual([200, '{"id":"x","status":"MAYBE"}'])
    const nf = await get()
    expect([nf.status, await nf.json()]).toEqual([404, { detail: 'Not Found' }])
    const invalid = await get()
    expect(invalid.status).toBe(422)
    expect(await invalid.json()).toEqual({ detail: [{ loc: ['path'], msg: 'no', type: 'x' }] })
    // Queue exhausted: normal service again.
    expect((await get()).status).toBe(200)
    expect(sim.requests.slice(-10).map((r) => r.status)).toEqual([
      503, 200, 500, 502, 429, 429, 200, 404, 422, 200
    ])
  })

  it('a faulted POST creates nothing; 202 by default for a body fault on POST', async () => {
    const id = connector({
      faults: {
        post: [
          { type: 'status', status: 500 },
          { type: 'body', body: '{}' }
        ]
      }
    })
    expect((await call(checkPath('source', id), { method: 'POST' })).status).toBe(500)
    const body = await call(checkPath('source', id), { method: 'POST' })
    expect([body.status, await body.text()]).toEqual([202, '{}'])
    expect(sim.checks(id)).toHaveLength(0)
  })

  it('resets the connection before any byte', async () => {
    const id = connector()
    sim.setFaults(id, { post: [{ type: 'reset' }] })
    await expect(call(checkPath('source', id), { method: 'POST' })).rejects.toThrow()
    expect(sim.requests.at(-1)?.status).toBe('reset')
    expect(sim.checks(id)).toHaveLength(0)
  })

  it('answers GETs before the first POST from `read`, and the polls after it from `get`', async () => {
    const id = connector({
      faults: { read: [{ type: 'status', status: 502 }], get: [{ type: 'status', status: 503 }] }
    })
    expect((await call(checkPath('source', id))).status).toBe(502)
    expect((await call(checkPath('source', id))).status).toBe(404)
    expect((await call(checkPath('source', id), { method: 'POST' })).status).toBe(202)
    expect((await call(checkPath('source', id))).status).toBe(503)
    expect((await call(checkPath('source', id))).status).toBe(200)
  })

  it('ends the checks that POSTs create as `endings` says, in turn, then as `ending`', async () => {
    const id = connector({ checkDurationMs: 0, endings: ['FAILURE', 'NEVER'], ending: 'SUCCESS' })
    for (let i = 0; i < 3; i += 1) await call(checkPath('source', id), { method: 'POST' })
    expect(sim.checks(id).map((c) => c.ending)).toEqual(['FAILURE', 'NEVER', 'SUCCESS'])
  })

  it('truncates a body after a full Content-Length head', async () => {
    const id = connector()
    sim.addNewerCheck(id)
    sim.setFaults(id, { read: [{ type: 'truncate' }] })
    await expect(call(checkPath('source', id)).then((r) => r.text())).rejects.toThrow()
    expect(sim.requests.at(-1)?.status).toBe('truncate')
  })

  it('delays an answer, then serves it normally', async () => {
    const id = connector({ checkDurationMs: 0, faults: { post: [{ type: 'delay', ms: 120 }] } })
    const started = performance.now()
    const res = await call(checkPath('source', id), { method: 'POST' })
    expect(performance.now() - started).toBeGreaterThanOrEqual(110)
    expect(res.status).toBe(202)
    expect((await check(res)).status).toBe('SCHEDULED')
    expect(sim.checks(id)).toHaveLength(1)
  })

  it('hangs until the client gives up', async () => {
    const id = connector({ faults: { read: [{ type: 'hang' }] } })
    await expect(
      call(checkPath('source', id), { signal: AbortSignal.timeout(300) })
    ).rejects.toThrow()
    expect(sim.requests.at(-1)?.status).toBe('hang')
  })

  it('afterCreate: the check exists although the answer was lost', async () => {
    const id = connector({
      checkDurationMs: 0,
      faults: { post: [{ type: 'reset', afterCreate: true }] }
    })
    await expect(call(checkPath('source', id), { method: 'POST' })).rejects.toThrow()
    const [made] = sim.checks(id)
    expect(made).toBeDefined()
    const latest = await check(await call(checkPath('source', id)))
    expect(latest).toMatchObject({ id: made?.id, status: 'SUCCESS' })

    sim.setFaults(id, { post: [{ type: 'status', status: 504, afterCreate: true }] })
    expect((await call(checkPath('source', id), { method: 'POST' })).status).toBe(504)
    expect(sim.checks(id)).toHaveLength(2)
  })

  it('newer-check: someone else starts a check that supersedes ours', async () => {
    const id = connector({ checkDurationMs: 5000 })
    const ours = await check(await call(checkPath('source', id), { method: 'POST' }))
    sim.setFaults(id, {
      get: [{ type: 'newer-check', ending: 'FAILURE', durationMs: 0, reason: 'bad password' }]
    })
    const seen = await check(await call(checkPath('source', id)))
    expect(seen.id).not.toBe(ours.id)
    expect(seen).toMatchObject({ status: 'FAILURE', reason: 'bad password' })
    expect(seen.created_at > ours.created_at).toBe(true)
    expect(sim.checks(id).map((c) => c.id)).toEqual([ours.id, seen.id])

    const extra = sim.addNewerCheck(id, { ending: 'NEVER' })
    expect((await check(await call(checkPath('source', id)))).id).toBe(extra.id)
  })

  it('newer-check with afterCreate on POST answers our own check', async () => {
    const id = connector({ faults: { post: [{ type: 'newer-check', afterCreate: true }] } })
    const ours = await check(await call(checkPath('source', id), { method: 'POST' }))
    const all = sim.checks(id)
    expect(all).toHaveLength(2)
    expect(all[0]?.id).toBe(ours.id)
    expect((await check(await call(checkPath('source', id)))).id).toBe(all[1]?.id)
  })

  it('older-check: answers a fake check an hour older than the real one, storing nothing', async () => {
    const id = connector()
    const ours = await check(await call(checkPath('source', id), { method: 'POST' }))
    sim.setFaults(id, {
      get: [{ type: 'older-check' }, { type: 'older-check', status: 'FAILURE' }]
    })
    const old = await check(await call(checkPath('source', id)))
    expect(old.id).not.toBe(ours.id)
    expect(old.status).toBe('SUCCESS')
    expect(Date.parse(ours.created_at) - Date.parse(old.created_at)).toBe(3_600_000)
    expect(old.created_at).toMatch(ISO_MICROS)
    const failed = await check(await call(checkPath('source', id)))
    expect(failed).toMatchObject({ status: 'FAILURE', reason: 'simulated failure' })
    expect(sim.checks(id)).toHaveLength(1)
    expect(sim.served().some((s) => s.checkId === old.id && s.connectorId === id)).toBe(true)
  })

  it('unknown-status: serves the real check with another status, and records it', async () => {
    const id = connector({
      checkDurationMs: 0,
      faults: {
        post: [{ type: 'unknown-status', status: 'QUEUED' }],
        get: [{ type: 'unknown-status', status: 'success' }]
      }
    })
    const posted = await check(await call(checkPath('source', id), { method: 'POST' }))
    expect(posted.status).toBe('QUEUED')
    const got = await check(await call(checkPath('source', id)))
    expect(got).toMatchObject({ id: posted.id, status: 'success' })
    expect((await check(await call(checkPath('source', id)))).status).toBe('SUCCESS')
    const [made] = sim.checks(id)
    expect(made).toMatchObject({ id: posted.id, origin: 'post' })
    expect(sim.served().filter((s) => s.connectorId === id)).toEqual([
      expect.objectContaining({ checkId: posted.id, status: 'QUEUED', method: 'POST' }),
      expect.objectContaining({ checkId: posted.id, status: 'success', method: 'GET' }),
      expect.objectContaining({
        checkId: posted.id,
        status: 'SUCCESS',
        method: 'GET',
        createdAt: posted.created_at
      })
    ])
    expect(sim.addNewerCheck(id).origin).toBe('newer')
  })

  it('redirects to the trap, which records whatever reaches it', async () => {
    const id = connector()
    const location = `${sim.trap.url}/api/v1/sources/${id}/connection-check`
    sim.setFaults(id, {
      post: [
        { type: 'redirect', location },
        { type: 'redirect', status: 301, location }
      ]
    })
    const res = await call(checkPath('source', id), { method: 'POST', redirect: 'manual' })
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toBe(location)
    expect(await res.text()).toBe('')
    const moved = await call(checkPath('source', id), { method: 'POST', redirect: 'manual' })
    expect(moved.status).toBe(301)
    expect(sim.trap.url).toMatch(/^http:\/\/127\.0\.0\.\d:\d+$/)
    expect(sim.trap.requests).toHaveLength(0)
    expect(sim.checks(id)).toHaveLength(0)

    const trapped = await fetch(location, { method: 'POST' })
    expect(trapped.status).toBe(200)
    expect(await trapped.json()).toEqual({ trap: true })
    expect(sim.trap.requests).toHaveLength(1)
    expect(sim.trap.requests[0]).toMatchObject({ method: 'POST', status: 200 })
    expect(sim.trap.requests[0]?.headers['unstructured-api-key']).toBeUndefined()
  })

  it('records every request with its headers', async () => {
    const id = connector()
    const before = sim.requests.length
    await call(checkPath('source', id), { headers: { 'X-Trace': 'abc' } })
    const [rec] = sim.requests.slice(before)
    expect(rec).toMatchObject({ method: 'GET', path: checkPath('source', id), status: 404 })
    expect(rec?.headers['unstructured-api-key']).toBe(sim.apiKey)
    expect(rec?.headers['x-trace']).toBe('abc')
  })

  it('refuses to script unknown connectors', () => {
    expect(() => sim.checks(randomUUID())).toThrow(/unknown connector/)
    expect(() => {
      sim.addConnector('not-a-uuid', { kind: 'source' })
    }).toThrow(/not a UUID/)
  })
})

describe('close()', () => {
  it('resolves promptly with a hanging request open', async () => {
    const own = await startSimulator()
    const id = randomUUID()
    own.addConnector(id, {
      kind: 'source',
      faults: { read: [{ type: 'hang' }], post: [{ type: 'delay', ms: 60_000 }] }
    })
    const headers = { 'unstructured-api-key': own.apiKey }
    const url = `${own.url}${checkPath('source', id)}`
    const hanging = fetch(url, { headers })
    const delayed = fetch(url, { headers, method: 'POST' })
    const outcomes = Promise.allSettled([hanging, delayed])
    while (own.requests.length < 2) await sleep(5)

    const started = performance.now()
    await own.close()
    // Not the 60 s of the delay, nor forever: only a hang would take this long.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect((await outcomes).map((o) => o.status)).toEqual(['rejected', 'rejected'])
    await own.close() // idempotent
  })
})

describe('profile: platform behaviours nothing documents', () => {
  /** A simulator of its own with `profile`, and one source connector on it. */
  async function withProfile(
    profile: PlatformProfile,
    test: (own: Simulator, id: string) => Promise<void>,
    behavior: Partial<ConnectorBehavior> = {}
  ): Promise<void> {
    const own = await startSimulator({ profile })
    const id = randomUUID()
    own.addConnector(id, { kind: 'source', ...behavior })
    try {
      await test(own, id)
    } finally {
      await own.close()
    }
  }

  function ownCall(own: Simulator, path: string, init: RequestInit = {}) {
    return fetch(`${own.url}${path}`, {
      ...init,
      headers: { 'unstructured-api-key': own.apiKey }
    })
  }

  const post = (own: Simulator, id: string) =>
    ownCall(own, checkPath('source', id), { method: 'POST' })
  const get = (own: Simulator, id: string) => ownCall(own, checkPath('source', id))

  it('is off by default, and the Date header comes from the real clock', async () => {
    expect(sim.profile).toEqual({})
    const before = Date.now()
    const res = await call(checkPath('source', connector()), { method: 'POST' })
    const after = Date.now()
    const date = Date.parse(res.headers.get('date') ?? '')
    // Date has whole seconds.
    expect(date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(date).toBeLessThanOrEqual(after)
  })

  it('clockOffsetMs: created_at and reported_at come from a clock that far off Date', async () => {
    for (const clockOffsetMs of [-5000, 7000]) {
      await withProfile(
        { clockOffsetMs },
        async (own, id) => {
          const before = Date.now()
          const res = await post(own, id)
          const after = Date.now()
          const body = await check(res)
          const created = Date.parse(body.created_at)
          // The platform clock reads the monotonic clock, Date the system one: a few ms apart.
          expect(created).toBeGreaterThanOrEqual(before + clockOffsetMs - 50)
          expect(created).toBeLessThanOrEqual(after + clockOffsetMs + 50)
          const date = Date.parse(res.headers.get('date') ?? '')
          expect(date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
          expect(date).toBeLessThanOrEqual(after)
          // A POST answers SCHEDULED; the poll after it shows the finished check.
          expect(body.status).toBe('SCHEDULED')
          const polled = await check(await ownCall(own, `/api/v1/sources/${id}/connection-check`))
          expect(polled.status).toBe('SUCCESS')
          expect(Date.parse(polled.reported_at ?? '')).toBe(created)

          const made = Array.from({ length: 5 }, () => own.addNewerCheck(id).createdAt)
          expect([...made].sort()).toEqual(made)
          expect(own.checks(id).map((c) => c.createdAt)).toEqual([body.created_at, ...made])
        },
        { checkDurationMs: 0 }
      )
    }
  })

  it('timestampForm: writes every form, keeping stored checks in order', async () => {
    const forms: [PlatformProfile, RegExp][] = [
      [{ timestampForm: 'iso-micros-z' }, ISO_MICROS],
      [{ timestampForm: 'naive' }, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/],
      [{ timestampForm: 'postgres' }, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+00$/],
      [{ timestampForm: 'postgres-0000' }, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+0000$/],
      [{ timestampForm: 'offset-colon' }, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/],
      [{ timestampForm: 'whole-seconds' }, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/]
    ]
    for (const [profile, shape] of forms) {
      await withProfile(
        profile,
        async (own, id) => {
          const before = Date.now()
          const body = await check(await post(own, id))
          expect(body.created_at).toMatch(shape)
          const polled = await check(await ownCall(own, `/api/v1/sources/${id}/connection-check`))
          expect(polled.reported_at).toMatch(shape)
          const [stored] = own.checks(id)
          expect(stored?.createdAt).toBe(body.created_at)
          expect(stored?.createdAtIso).toMatch(ISO_MICROS)
          expect(Date.parse(stored?.createdAtIso ?? '')).toBeGreaterThanOrEqual(before - 50)
          // Every form here is UTC (naive with offset 0): the same instant, to the second.
          const asIso = body.created_at.replace(' ', 'T').replace(/(Z|\+00(:?00)?)?$/, 'Z')
          expect(Math.floor(Date.parse(asIso) / 1000)).toBe(
            Math.floor(Date.parse(stored?.createdAtIso ?? '') / 1000)
          )
          const connector = (await (await ownCall(own, `/api/v1/sources/${id}`)).json()) as {
            created_at: string
          }
          expect(connector.created_at).toMatch(shape)
        },
        { checkDurationMs: 0 }
      )
    }
  })

  it('timestampForm naive: local wall time that many hours from UTC, either way', async () => {
    for (const naiveUtcOffsetHours of [-8, 9]) {
      await withProfile({ timestampForm: 'naive', naiveUtcOffsetHours }, async (own, id) => {
        const body = await check(await post(own, id))
        const [stored] = own.checks(id)
        const wall = Date.parse(`${body.created_at}Z`)
        expect(wall - Date.parse(stored?.createdAtIso ?? '')).toBe(naiveUtcOffsetHours * 3_600_000)
      })
    }
  })

  it('whole seconds: two checks may share a created_at text, never an id or their order', async () => {
    await withProfile({ timestampForm: 'whole-seconds' }, async (own, id) => {
      const made = Array.from({ length: 5 }, () => own.addNewerCheck(id))
      expect(new Set(made.map((c) => c.createdAt)).size).toBeLessThan(made.length)
      expect(new Set(made.map((c) => c.id)).size).toBe(made.length)
      const iso = made.map((c) => c.createdAtIso)
      expect([...iso].sort()).toEqual(iso)
      expect(new Set(iso).size).toBe(made.length)
      expect((await check(await get(own, id))).id).toBe(made.at(-1)?.id)
    })
  })

  it('postMode dedupe: a POST while the latest check runs answers it and creates nothing', async () => {
    await withProfile({ postMode: 'dedupe' }, async (own, id) => {
      const running = own.startCheck(id, { ending: 'NEVER' })
      expect(running.origin).toBe('other')
      for (let i = 0; i < 2; i += 1) {
        const res = await post(own, id)
        expect(res.status).toBe(202)
        expect(await check(res)).toMatchObject({ id: running.id, status: 'SCHEDULED' })
      }
      expect(own.checks(id)).toHaveLength(1)
      expect(own.served().map((s) => [s.method, s.checkId])).toEqual([
        ['POST', running.id],
        ['POST', running.id]
      ])
    })
    await withProfile(
      { postMode: 'dedupe' },
      async (own, id) => {
        const first = await check(await post(own, id))
        const second = await check(await post(own, id))
        expect(second.id).not.toBe(first.id)
        expect(own.checks(id).map((c) => c.origin)).toEqual(['post', 'post'])
      },
      { checkDurationMs: 0 }
    )
  })

  it('postMode conflict: 409 (or 423) while a check runs, a new check otherwise', async () => {
    for (const conflictStatus of [undefined, 423 as const]) {
      await withProfile(
        conflictStatus === undefined
          ? { postMode: 'conflict' }
          : { postMode: 'conflict', conflictStatus },
        async (own, id) => {
          const first = await post(own, id)
          expect(first.status).toBe(202)
          const refused = await post(own, id)
          expect(refused.status).toBe(conflictStatus ?? 409)
          expect(refused.headers.get('date')).not.toBeNull()
          expect(await json(refused)).toEqual({
            detail: 'A connection check is already in progress for this connector'
          })
          expect(own.checks(id)).toHaveLength(1)
          expect(own.requests.map((r) => r.status)).toEqual([202, conflictStatus ?? 409])
        },
        { ending: 'NEVER' }
      )
    }
    await withProfile(
      { postMode: 'conflict' },
      async (own, id) => {
        own.startCheck(id, { durationMs: 0 })
        expect((await post(own, id)).status).toBe(202)
        expect(own.checks(id).map((c) => c.origin)).toEqual(['other', 'post'])
        // afterCreate follows the mode: the fault's answer, and nothing created.
        own.startCheck(id, { ending: 'NEVER' })
        own.setFaults(id, { post: [{ type: 'status', status: 504, afterCreate: true }] })
        expect((await post(own, id)).status).toBe(504)
        expect(own.checks(id)).toHaveLength(3)
      },
      { checkDurationMs: 0 }
    )
  })

  it('startCheck ageMs: a check from before the step, already final, in created_at order', async () => {
    await withProfile(
      {},
      async (own, id) => {
        const past = own.startCheck(id, { ageMs: 3_600_000 })
        const polled = await check(await get(own, id))
        expect(polled).toMatchObject({ id: past.id, status: 'SUCCESS' })
        expect(Date.parse(polled.reported_at ?? '') - Date.parse(polled.created_at)).toBe(4000)
        const posted = await check(await post(own, id))
        // One older still goes before both; the POST's check stays the latest.
        const older = own.startCheck(id, { ageMs: 7_200_000, durationMs: 500 })
        expect(own.checks(id).map((c) => c.id)).toEqual([older.id, past.id, posted.id])
        expect((await check(await get(own, id))).id).toBe(posted.id)
      },
      { checkDurationMs: 4000 }
    )
  })

  it('staleFinalPost: every POST answers one check, final an hour before, creating nothing', async () => {
    await withProfile({ staleFinalPost: true }, async (own, id) => {
      const [stale] = own.checks(id)
      expect(stale).toMatchObject({ origin: 'other', ending: 'SUCCESS' })
      const before = Date.now()
      const answers = [await post(own, id), await post(own, id)]
      for (const res of answers) expect(res.status).toBe(202)
      const [a, b] = await Promise.all(answers.map((r) => check(r)))
      expect(a).toEqual(b)
      expect(a).toMatchObject({ id: stale?.id, status: 'SUCCESS', reason: null })
      expect(Date.parse(a?.created_at ?? '')).toBeLessThanOrEqual(before - 3_600_000)
      expect(Date.parse(a?.reported_at ?? '')).toBeLessThanOrEqual(before - 3_595_000)
      expect(own.checks(id)).toHaveLength(1)
      expect((await check(await get(own, id))).id).toBe(stale?.id)
    })
    await withProfile({ staleFinalPost: { status: 'FAILURE' } }, async (own, id) => {
      expect(await check(await post(own, id))).toMatchObject({
        status: 'FAILURE',
        reason: 'simulated failure'
      })
    })
  })

  it('firewallPage: an HTML page with a title for every request, before any auth', async () => {
    const title = 'Attention Required! | Cloudflare'
    await withProfile({ firewallPage: { status: 403, title } }, async (own, id) => {
      for (const path of [checkPath('source', id), `/api/v1/sources/${id}`, '/nowhere']) {
        const res = await fetch(`${own.url}${path}`, { method: 'POST' })
        expect(res.status).toBe(403)
        expect(res.headers.get('content-type')).toMatch(/^text\/html/)
        expect(res.headers.get('date')).not.toBeNull()
        expect(await res.text()).toContain(`<title>${title}</title>`)
      }
      expect(own.checks(id)).toHaveLength(0)
      expect(own.requests.map((r) => r.status)).toEqual([403, 403, 403])
    })
    await withProfile({ firewallPage: { status: 502, paths: 'checks' } }, async (own, id) => {
      const blocked = await get(own, id)
      expect(blocked.status).toBe(502)
      expect(await blocked.text()).toContain('<title>502 Bad Gateway</title>')
      expect((await ownCall(own, `/api/v1/sources/${id}`)).status).toBe(200)
    })
  })

  it('idleTimeoutMs: the server closes an idle keep-alive socket', async () => {
    await withProfile({ idleTimeoutMs: 100 }, async (own, id) => {
      const agent = new Agent({ keepAlive: true })
      try {
        const res = await rawRequest(`${own.url}/api/v1/sources/${id}`, {
          agent,
          headers: { 'unstructured-api-key': own.apiKey }
        })
        expect(res.status).toBe(200)
        expect(res.headers.connection).toBe('keep-alive')
        await closed(res.socket)
      } finally {
        agent.destroy()
      }
    })
  })

  it('connectionClose: Connection: close on every answer, and the socket closed', async () => {
    await withProfile({ connectionClose: true }, async (own, id) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      const headers = { 'unstructured-api-key': own.apiKey }
      try {
        for (const path of [checkPath('source', id), checkPath('source', id), '/nowhere']) {
          const res = await rawRequest(`${own.url}${path}`, { agent, headers, method: 'POST' })
          expect(res.headers.connection).toBe('close')
          expect(res.reused).toBe(false)
          await closed(res.socket)
        }
      } finally {
        agent.destroy()
      }
    })
  })

  it('absurd-newer: serves, never stores, a check from year 9999 or two days ahead', async () => {
    const id = connector()
    const ours = await check(await call(checkPath('source', id), { method: 'POST' }))
    sim.setFaults(id, {
      get: [
        { type: 'absurd-newer', when: 'year-9999' },
        { type: 'absurd-newer', when: 'day-ahead', status: 'FAILURE' }
      ]
    })
    const far = await call(checkPath('source', id))
    const farBody = await check(far)
    expect(farBody.id).not.toBe(ours.id)
    expect(farBody).toMatchObject({
      status: 'SUCCESS',
      created_at: expect.stringMatching(/^9999-/)
    })
    const ahead = await call(checkPath('source', id))
    const aheadBody = await check(ahead)
    const date = Date.parse(ahead.headers.get('date') ?? '')
    expect(Date.parse(aheadBody.created_at) - date).toBeGreaterThan(24 * 3_600_000)
    expect(aheadBody).toMatchObject({
      status: 'FAILURE',
      created_at: expect.stringMatching(ISO_MICROS)
    })
    expect(sim.checks(id)).toHaveLength(1)
    expect(sim.served().filter((s) => s.connectorId === id)).toEqual([
      expect.objectContaining({ checkId: ours.id, method: 'POST' }),
      expect.objectContaining({ checkId: farBody.id, fake: 'year-9999' }),
      expect.objectContaining({ checkId: aheadBody.id, fake: 'day-ahead' })
    ])
    expect(sim.served().find((s) => s.checkId === ours.id)?.fake).toBeUndefined()
  })
})

describe('profile flags (serve.ts --profile)', () => {
  it('reads each flag into the profile', () => {
    expect(
      parseProfileFlags([
        'clock-behind=3000',
        'timestamps=naive-8',
        'post=conflict-423',
        'stale-final=FAILURE',
        'firewall=403,checks',
        'uvicorn-idle',
        'connection-close'
      ])
    ).toEqual({
      clockOffsetMs: -3000,
      timestampForm: 'naive',
      naiveUtcOffsetHours: -8,
      postMode: 'conflict',
      conflictStatus: 423,
      staleFinalPost: { status: 'FAILURE' },
      firewallPage: { status: 403, paths: 'checks' },
      idleTimeoutMs: 5000,
      connectionClose: true
    })
    expect(
      parseProfileFlags([
        'clock-ahead',
        'timestamps=postgres',
        'post=dedupe',
        'stale-final',
        'idle=250',
        'firewall=503'
      ])
    ).toEqual({
      clockOffsetMs: 5000,
      timestampForm: 'postgres',
      postMode: 'dedupe',
      staleFinalPost: true,
      idleTimeoutMs: 250,
      firewallPage: { status: 503 }
    })
    expect(parseProfileFlags(['timestamps=naive+9'])).toEqual({
      timestampForm: 'naive',
      naiveUtcOffsetHours: 9
    })
    expect(
      parseProfileFlags(['page-size=7', 'page-size-max=20', 'page-size-ignored', 'pages-ignored'])
    ).toEqual({
      workflowPaging: { defaultSize: 7, maxSize: 20, ignorePageSize: true, ignorePage: true }
    })
    expect(parseProfileFlags(['pages-endless'])).toEqual({ workflowPaging: { endless: true } })
    expect(parseProfileFlags([])).toEqual({})
  })

  it('refuses what it does not know', () => {
    for (const bad of [
      'clock-behind=soon',
      'timestamps=rfc2822',
      'post=maybe',
      'firewall=418',
      'firewall=403,all',
      'idle',
      'stale-final=SCHEDULED',
      'page-size-max=0',
      'pages-from-0',
      'warp-speed'
    ]) {
      expect(() => parseProfileFlags([bad])).toThrow(/--profile/)
    }
  })
})
