import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Answer } from '../../src/core/answer.js'
import type { ConnectionCheck } from '../../src/api/schemas.js'
import { ConnectionCheckSchema } from '../../src/api/schemas.js'
import type { Problem } from '../../src/core/problem.js'
import { MAX_POSTS } from '../../src/wait/start-check.js'
import { seededRandom } from '../support/fake-clock.js'
import { NO_PRIOR_MARGIN_MS } from '../../src/wait/queue.js'
import { RateGate } from '../../src/wait/rate-gate.js'
import { HostReach } from '../../src/wait/reach.js'
import { EXIT_RESERVE_MS, lastPollLead, REQUEST_TIMEOUT_CAP_MS } from '../../src/wait/schedule.js'
import {
  checkAt,
  fail,
  LATENCY_MS,
  platform,
  setup,
  transient,
  type Call
} from '../support/fake-api.js'

describe('runCheck: verdicts', () => {
  it.each([1000, 4000, 12_000, 30_000, 90_000])(
    'notices SUCCESS at T=%i ms within 0.5 s + 0.25 T, in few requests',
    async (T) => {
      const { api, log, result } = setup(platform(T))
      const run = await result
      expect(run.problem).toBeUndefined()
      expect(run.followed?.status).toBe('SUCCESS')
      const noticedAt = (api.calls.at(-1)?.at ?? 0) + LATENCY_MS
      expect(noticedAt - T).toBeLessThanOrEqual(Math.min(10_000, 500 + 0.25 * T))
      expect(api.calls.length).toBeLessThanOrEqual(T >= 30_000 ? 1 + Math.ceil(T / 2000) : 12)
      expect(log[0]).toBe('started ours SCHEDULED')
      expect(log.at(-1)).toBe('status ours SCHEDULED->SUCCESS')
    }
  )

  it('polls first within a second of the POST', async () => {
    const { api, result } = setup(platform(2000))
    await result
    expect(api.gets()[0]?.at).toBeLessThan(1000)
  })

  it('never takes a POST answer that is already final as the verdict', async () => {
    const { api, log, result } = setup(() => checkAt('ours', 10, 'FAILURE', 'bad credentials'))
    const run = await result
    expect(api.calls.map((c) => c.method)).toEqual(['POST', 'POST'])
    expect(run.problem).toMatchObject({ kind: 'stale-answer', checkId: 'ours', status: 'FAILURE' })
    expect(run.created).toBeUndefined()
    expect(log[0]).toBe('final on arrival ours FAILURE')
  })

  // A timeout would read as "the platform gave no verdict", which a policy may waive.
  it.each([60, 150, 300, 1000, 3000])(
    'ends on an old verdict, not a timeout, when the deadline comes %i ms after the reserve',
    async (spare) => {
      const { result } = setup(() => checkAt('old', 10, 'FAILURE', 'bad credentials'), {
        deadline: EXIT_RESERVE_MS + spare
      })
      const run = await result
      expect(run.problem).toMatchObject({ kind: 'stale-answer', checkId: 'old', status: 'FAILURE' })
    }
  )

  it('ends on an old verdict, not a timeout, when the POST after it goes unanswered until the deadline', async () => {
    const { result } = setup(
      (_, i) =>
        i === 0
          ? checkAt('old', 10, 'FAILURE', 'bad credentials')
          : transient('HTTP 503 Service Unavailable'),
      { deadline: 20_000 }
    )
    const run = await result
    // At most three POSTs, whatever the answers; the old verdict is named, and none is waived.
    expect(run.problem).toMatchObject({ kind: 'unusable-answers' })
    expect(run.problem?.kind === 'unusable-answers' && run.problem.answers[0]).toBe(
      'check old, already FAILURE'
    )
    expect(run.posts).toBe(MAX_POSTS)
  })

  it('reports FAILURE with its reason', async () => {
    const run = await setup(platform(3000, 'FAILURE', 'access denied')).result
    expect(run.followed).toMatchObject({ id: 'ours', status: 'FAILURE', reason: 'access denied' })
  })
})

describe('runCheck: a prior', () => {
  it('property: notices the verdict within 0.5 s + 0.25 T for every T, whatever the prior', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10, max: 250_000 }),
        fc.oneof(
          fc.integer({ min: 1, max: 300_000 }),
          fc.double({ noNaN: false }),
          fc.constantFrom(0, -5000, Number.NaN, Number.POSITIVE_INFINITY, 1e12)
        ),
        fc.integer({ min: 0, max: 2 ** 31 }),
        async (T, priorMs, seed) => {
          const { api, result } = setup(platform(T), { priorMs, seed })
          const run = await result
          expect(run.followed?.status).toBe('SUCCESS')
          const noticedAt = (api.calls.at(-1)?.at ?? 0) + LATENCY_MS
          expect(noticedAt - T).toBeLessThanOrEqual(Math.min(10_000, 500 + 0.25 * T))
        }
      ),
      { seed: 15, numRuns: 400 }
    )
  })

  it('with none, or one no check could have, polls exactly as before', async () => {
    const plain = setup(platform(40_000))
    await plain.result
    for (const priorMs of [undefined, 0, -1, Number.NaN, Number.NEGATIVE_INFINITY]) {
      const other = setup(platform(40_000), { priorMs })
      await other.result
      expect(other.api.calls).toEqual(plain.api.calls)
      expect(other.clock.sleeps).toEqual(plain.clock.sleeps)
    }
  })

  it('with one near T, sees the verdict sooner for at most a few more requests', async () => {
    const plain = setup(platform(30_000))
    const aimed = setup(platform(30_000), { priorMs: 29_000 })
    await Promise.all([plain.result, aimed.result])
    const seenAt = (calls: Call[]) => (calls.at(-1)?.at ?? 0) + LATENCY_MS - 30_000
    expect(seenAt(aimed.api.calls)).toBeLessThan(0.3 * seenAt(plain.api.calls))
    expect(aimed.api.calls.length).toBeLessThanOrEqual(1.5 * plain.api.calls.length)
  })
})

describe('runCheck: which check is mine', () => {
  it('never takes an older check as ours, even a SUCCESS', async () => {
    const { log, result } = setup(
      (call) => (call.method === 'POST' ? checkAt('ours', 10) : checkAt('old', 5, 'SUCCESS')),
      { deadline: 20_000 }
    )
    const run = await result
    expect(run.problem).toEqual({ kind: 'timeout', lastTransient: undefined })
    expect(run.followed).toMatchObject({ id: 'ours', status: 'SCHEDULED' })
    expect(run.lastIgnored).toMatchObject({ check: { id: 'old' }, relation: 'older' })
    expect(log).toContain('ignored old older')
  })

  it('keeps polling past older answers until ours shows', async () => {
    const { result } = setup((call, i) =>
      call.method === 'POST'
        ? checkAt('ours', 10)
        : i < 3
          ? checkAt('old', 5, 'FAILURE')
          : checkAt('ours', 10, 'SUCCESS')
    )
    const run = await result
    expect(run.followed).toMatchObject({ id: 'ours', status: 'SUCCESS' })
  })

  it('does not take another check with the same created_at', async () => {
    const { log, result } = setup(
      (call) => (call.method === 'POST' ? checkAt('ours', 10) : checkAt('twin', 10, 'SUCCESS')),
      { deadline: 5000 }
    )
    expect((await result).problem?.kind).toBe('timeout')
    expect(log).toContain('ignored twin unordered')
  })

  it('follows a newer check, says so once, and takes its result', async () => {
    const { log, result } = setup((call, i) => {
      if (call.method === 'POST') return checkAt('ours', 10)
      if (i < 2) return checkAt('ours', 10)
      return checkAt('newer', 20, i < 5 ? 'SCHEDULED' : 'FAILURE', 'token expired')
    })
    const run = await result
    expect(run.created?.id).toBe('ours')
    expect(run.followed).toMatchObject({ id: 'newer', status: 'FAILURE', reason: 'token expired' })
    expect(log.filter((l) => l.startsWith('superseded'))).toEqual(['superseded ours->newer'])
    expect(log).toContain('status newer SCHEDULED->FAILURE')
  })

  it('ignores our own check once a newer one replaced it', async () => {
    const { result } = setup((call, i) => {
      if (call.method === 'POST') return checkAt('ours', 10)
      if (i === 1) return checkAt('newer', 20)
      if (i === 2) return checkAt('ours', 10, 'SUCCESS')
      return checkAt('newer', 20, 'FAILURE', 'nope')
    })
    expect((await result).followed).toMatchObject({ id: 'newer', status: 'FAILURE' })
  })

  it('treats an unknown status as not final and warns once per value', async () => {
    const { log, result } = setup((call, i) =>
      call.method === 'POST'
        ? checkAt('ours', 10, 'QUEUED')
        : checkAt('ours', 10, i < 4 ? 'QUEUED' : i < 6 ? 'RUNNING' : 'SUCCESS')
    )
    const run = await result
    expect(run.followed?.status).toBe('SUCCESS')
    expect(log.filter((l) => l.startsWith('unknown'))).toEqual([
      'unknown QUEUED',
      'unknown RUNNING'
    ])
  })
})

describe('runCheck: errors and retries', () => {
  it('retries transient errors with back-off, then succeeds', async () => {
    const { api, log, result } = setup((call, i) =>
      call.method === 'POST'
        ? checkAt('ours', 10)
        : i <= 3
          ? transient('HTTP 503 Service Unavailable')
          : checkAt('ours', 10, 'SUCCESS')
    )
    const run = await result
    expect(run.followed?.status).toBe('SUCCESS')
    expect(log.filter((l) => l.startsWith('retry')).map((l) => l.split(' ')[0])).toEqual([
      'retry#1',
      'retry#2',
      'retry#3'
    ])
    const gets = api.gets().map((c) => c.at)
    expect((gets[2] ?? 0) - (gets[1] ?? 0)).toBeGreaterThanOrEqual(900)
  })

  it('honours Retry-After', async () => {
    const { api, result } = setup((call, i) =>
      call.method === 'POST'
        ? checkAt('ours', 10)
        : i === 1
          ? transient('HTTP 429 Too Many Requests', 7000)
          : checkAt('ours', 10, 'SUCCESS')
    )
    await result
    const [first, second] = api.gets()
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(7000)
  })

  it('caps a Retry-After past the deadline by a last try at the deadline', async () => {
    const { api, result } = setup(
      (call) =>
        call.method === 'POST'
          ? transient('HTTP 429 Too Many Requests', 600_000)
          : checkAt('ours', 10, 'SUCCESS'),
      { deadline: 20_000 }
    )
    const run = await result
    expect(api.calls.map((c) => c.at)).toEqual([0, 20_000 - lastPollLead(LATENCY_MS)])
    expect(run.problem).toMatchObject({
      kind: 'timeout',
      lastTransient: 'HTTP 429 Too Many Requests',
      lastAnswer: { reason: 'HTTP 429 Too Many Requests' }
    })
  })

  it('reads the latest check after a POST that failed, then POSTs again; the check it created is ours', async () => {
    const { api, result } = setup((call, i) => {
      if (i === 0)
        return fail({
          kind: 'transient',
          status: undefined,
          reason: 'connection reset',
          retryAfterMs: undefined
        })
      if (call.method === 'POST') return checkAt('second', 12)
      return checkAt('second', 12, 'SUCCESS')
    })
    const run = await result
    expect(run.created?.id).toBe('second')
    expect(run.followed?.status).toBe('SUCCESS')
    // The read showed a decided check, and with no baseline nothing says when it was decided.
    expect(api.calls.slice(0, 3).map((c) => c.method)).toEqual(['POST', 'GET', 'POST'])
  })

  it.each<[string, Problem]>([
    ['unauthorized', { kind: 'unauthorized', status: 401, detail: 'API key is invalid' }],
    ['not-found', { kind: 'not-found', status: 404, detail: 'Not Found' }],
    ['validation', { kind: 'validation', status: 422, items: ['path.source_id: bad'] }],
    ['redirect', { kind: 'redirect', status: 302, location: 'elsewhere.example' }],
    ['rejected', { kind: 'rejected', status: 400, detail: undefined }]
  ])('stops at once on a POST %s', async (_, problem) => {
    const { api, result } = setup(() => fail(problem))
    const run = await result
    expect(run.problem).toEqual(problem)
    expect(run.created).toBeUndefined()
    expect(api.calls).toHaveLength(1)
  })

  it('stops on a 401 while polling, keeping what it knew', async () => {
    const { result } = setup((call, i) =>
      call.method === 'POST'
        ? checkAt('ours', 10)
        : i < 3
          ? checkAt('ours', 10)
          : fail({ kind: 'unauthorized', status: 401, detail: 'revoked' })
    )
    const run = await result
    expect(run.problem?.kind).toBe('unauthorized')
    expect(run.created?.id).toBe('ours')
    expect(run.followed?.status).toBe('SCHEDULED')
  })

  it('retries a GET 404 right after the POST, but not later', async () => {
    const notFound = fail({ kind: 'not-found', status: 404, detail: 'Not Found' })
    const early = await setup((call, i) =>
      call.method === 'POST'
        ? checkAt('ours', 10)
        : i < 3
          ? notFound
          : checkAt('ours', 10, 'SUCCESS')
    ).result
    expect(early.followed?.status).toBe('SUCCESS')

    const late = setup((call) =>
      call.method === 'POST'
        ? checkAt('ours', 10)
        : call.at < 15_000
          ? checkAt('ours', 10)
          : notFound
    )
    const run = await late.result
    expect(run.problem).toEqual({ kind: 'not-found', status: 404, detail: 'Not Found' })
  })
})

describe('runCheck: the shared rate-limit gate', () => {
  it('does not send even the first POST while another check holds the gate closed', async () => {
    const gate = new RateGate(10_000, () => 0.5)
    gate.rateLimited(0, 3000, gate.sent(0))
    const { api, result } = setup(platform(1000), { gate })
    await result
    expect(api.calls[0]?.at).toBe(3000)
  })

  it('waits again when the gate closes during a sleep', async () => {
    const gate = new RateGate(10_000, () => 0.5)
    const { api, result } = setup(
      (call, i) => {
        // The first GET's answer comes with news of a 429 elsewhere.
        if (i === 1) gate.rateLimited(call.at, 5000, gate.sent(call.at))
        return call.method === 'POST'
          ? checkAt('ours', 10)
          : checkAt('ours', 10, i < 3 ? 'SCHEDULED' : 'SUCCESS')
      },
      { gate }
    )
    await result
    const [first, second] = api.gets()
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(5000)
  })
})

describe('runCheck: deadline and cancellation', () => {
  it('names no old error once the API has answered since', async () => {
    const { result } = setup(
      (call, i) =>
        call.method === 'POST'
          ? checkAt('ours', 10)
          : i === 1
            ? transient('HTTP 503 Service Unavailable')
            : checkAt('ours', 10),
      { deadline: 6000 }
    )
    expect((await result).problem).toEqual({ kind: 'timeout', lastTransient: undefined })
  })

  it('makes its last poll on the deadline and ends before it', async () => {
    const deadline = 7000
    const { api, clock, result } = setup(platform(Infinity), { deadline })
    const run = await result
    expect(run.problem).toEqual({ kind: 'timeout', lastTransient: undefined })
    expect(api.calls.at(-1)?.at).toBe(deadline - lastPollLead(LATENCY_MS))
    expect(clock.now()).toBeLessThanOrEqual(deadline)
    for (const call of api.calls) {
      expect(call.timeoutMs).toBeLessThanOrEqual(
        Math.min(REQUEST_TIMEOUT_CAP_MS, deadline - EXIT_RESERVE_MS - call.at)
      )
    }
  })

  it('gives up when no check can be started, with the last error', async () => {
    const { api, result } = setup(() => transient('connection refused'), { deadline: 4000 })
    const run = await result
    expect(run.created).toBeUndefined()
    expect(run.problem).toMatchObject({ kind: 'timeout', lastTransient: 'connection refused' })
    // No POST in the last 2 s, where a check it started could not be followed to a verdict.
    for (const call of api.calls.filter((c) => c.method === 'POST').slice(1)) {
      expect(call.at).toBeLessThanOrEqual(4000 - NO_PRIOR_MARGIN_MS)
    }
  })

  it('keeps the last transient error for the timeout message', async () => {
    const { result } = setup(
      (call) => (call.method === 'POST' ? checkAt('ours', 10) : transient('HTTP 502 Bad Gateway')),
      {
        deadline: 6000
      }
    )
    expect((await result).problem).toEqual({
      kind: 'timeout',
      lastTransient: 'HTTP 502 Bad Gateway',
      lastAnswer: { reason: 'HTTP 502 Bad Gateway', beforeDeadlineMs: expect.any(Number) }
    })
  })

  it('times out at once when the deadline has already passed', async () => {
    const { api, result } = setup(platform(1000), { deadline: EXIT_RESERVE_MS })
    expect((await result).problem?.kind).toBe('timeout')
    expect(api.calls).toHaveLength(0)
  })

  it('stops when cancelled between polls, naming the signal', async () => {
    const controller = new AbortController()
    const { api, result } = setup(
      (call, i) => {
        if (i === 3) controller.abort('SIGTERM')
        return call.method === 'POST' ? checkAt('ours', 10) : checkAt('ours', 10)
      },
      { signal: controller.signal }
    )
    const run = await result
    expect(run.problem).toEqual({ kind: 'cancelled', signal: 'SIGTERM' })
    expect(run.created?.id).toBe('ours')
    expect(api.calls).toHaveLength(4)
  })

  it('stops when cancelled before the POST, or while it is in flight', async () => {
    const controller = new AbortController()
    controller.abort()
    const before = await setup(platform(1000), { signal: controller.signal }).result
    expect(before.problem).toEqual({ kind: 'cancelled', signal: undefined })

    const inFlight = await setup(() => fail({ kind: 'cancelled', signal: undefined })).result
    expect(inFlight.problem?.kind).toBe('cancelled')
  })
})

describe('runCheck: starting a check, without clocks', () => {
  const post = (call: Call): boolean => call.method === 'POST'
  const busy = (status: number): Answer<ConnectionCheck> =>
    fail({ kind: 'rejected', status, detail: 'A connection check is already in progress' })
  const noAnswerYet = fail({
    kind: 'transient',
    status: undefined,
    reason: 'connection reset',
    retryAfterMs: undefined,
    noAnswer: true
  })

  it('follows a POST answer whatever its timestamps say: hours behind, or ahead', async () => {
    for (const second of [-7200, 7200]) {
      const { api, result } = setup((call) =>
        checkAt('ours', second, post(call) || call.at < 2000 ? 'SCHEDULED' : 'SUCCESS')
      )
      const run = await result
      expect(run.followed).toMatchObject({ id: 'ours', status: 'SUCCESS' })
      expect(api.calls.filter(post)).toHaveLength(1)
    }
  })

  it('sends one more POST after a final answer, and follows the new check it starts', async () => {
    const { log, result } = setup((call, i) => {
      if (i === 0) return checkAt('old', 1, 'SUCCESS')
      return checkAt('new', 20, post(call) || call.at < 3000 ? 'SCHEDULED' : 'SUCCESS')
    })
    const run = await result
    expect(run).toMatchObject({ created: { id: 'new' }, followed: { status: 'SUCCESS' }, posts: 2 })
    expect(log.slice(0, 2)).toEqual(['final on arrival old SUCCESS', 'started new SCHEDULED'])
  })

  it('takes a POST answer that has already reported, whatever its status, as decided', async () => {
    const reported = (status: string): Answer<ConnectionCheck> => ({
      ok: true,
      value: ConnectionCheckSchema.parse({
        id: 'old',
        status,
        created_at: '2026-11-28T11:00:00Z',
        reported_at: '2026-11-28T11:00:05Z'
      })
    })
    const { api, log, result } = setup((call, i) =>
      post(call) ? reported(i === 0 ? ' SUCCESS' : 'SUCCESS') : reported('SUCCESS')
    )
    const run = await result
    expect(run.problem).toMatchObject({ kind: 'stale-answer', checkId: 'old' })
    expect(api.calls.map((c) => c.method)).toEqual(['POST', 'POST'])
    expect(log[0]).toBe('final on arrival old  SUCCESS')
  })

  it('fails at once, naming the check, when the POST keeps answering with a final one', async () => {
    const { api, result } = setup(() => checkAt('stale', 1, 'SUCCESS'))
    const run = await result
    expect(run.problem).toEqual({
      kind: 'stale-answer',
      checkId: 'stale',
      status: 'SUCCESS',
      reportedAt: null,
      answers: 2
    })
    expect(api.calls).toHaveLength(2)
  })

  it('does not trust a second final answer either, even from another check', async () => {
    const { api, result } = setup((_, i) => checkAt(i === 0 ? 'a' : 'b', i, 'SUCCESS'))
    const run = await result
    expect(run.problem).toMatchObject({ kind: 'stale-answer', checkId: 'b', firstCheckId: 'a' })
    expect(api.calls).toHaveLength(2)
  })

  it.each([409, 423])('follows the running check after a %i, with one POST', async (status) => {
    const { api, log, result } = setup((call) =>
      post(call) ? busy(status) : checkAt('running', 5, call.at < 3000 ? 'SCHEDULED' : 'SUCCESS')
    )
    const run = await result
    expect(run).toMatchObject({ created: { id: 'running' }, joined: true, posts: 1 })
    expect(run.followed?.status).toBe('SUCCESS')
    expect(log[0]).toBe('joined running SCHEDULED after rejected')
    expect(api.calls.filter(post)).toHaveLength(1)
  })

  it('after a 409 with nothing running, POSTs once more after a back-off', async () => {
    const { api, result } = setup((call, i) => {
      if (i === 0) return busy(409)
      if (i === 1) return checkAt('done-long-ago', 1, 'FAILURE')
      return checkAt('new', 20, post(call) || call.at < 3000 ? 'SCHEDULED' : 'SUCCESS')
    })
    const run = await result
    expect(run).toMatchObject({ created: { id: 'new' }, joined: false, posts: 2 })
    const [first, , second] = api.calls
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(400)
  })

  it("fails with the API's detail when a 409 comes back twice and nothing runs", async () => {
    const notFound = fail({ kind: 'not-found', status: 404, detail: 'No check yet' })
    const { api, result } = setup((call) => (post(call) ? busy(409) : notFound))
    const run = await result
    expect(run.problem).toEqual({
      kind: 'rejected',
      status: 409,
      detail: 'A connection check is already in progress'
    })
    expect(api.calls.map((c) => c.method)).toEqual(['POST', 'GET', 'POST', 'GET'])
  })

  it('gives up after two answers that are not checks (a 2xx is an answer)', async () => {
    const reason = 'the answer was not a connection check (an HTML page)'
    const { api, result } = setup(() =>
      fail({ kind: 'transient', status: 200, reason, retryAfterMs: undefined })
    )
    const run = await result
    expect(run.problem).toEqual({ kind: 'unusable-answers', answers: [reason, reason] })
    expect(api.calls.filter(post).length).toBe(2)
    expect(api.calls[1]?.method).toBe('GET')
  })

  it('sends a POST again after answers that never arrived, at most three in all', async () => {
    let posts = 0
    const { api, result } = setup((call) => {
      if (!post(call)) return transient('HTTP 503 Service Unavailable')
      posts += 1
      if (posts === 1) return noAnswerYet
      if (posts === 2) return transient('HTTP 503 Service Unavailable')
      return checkAt('ours', 20)
    })
    const run = await result
    expect(run).toMatchObject({ created: { id: 'ours' }, posts: 3 })
    // A read of the latest check between each two POSTs.
    const methods = api.calls.map((c) => c.method).join(' ')
    expect(methods).toMatch(/^POST( GET)+ POST( GET)+ POST/)
  })

  it('sends no fourth POST, whatever the answers', async () => {
    const { api, result } = setup((call) =>
      post(call) ? noAnswerYet : transient('HTTP 503 Service Unavailable')
    )
    const run = await result
    expect(api.calls.filter(post)).toHaveLength(MAX_POSTS)
    expect(run.problem).toEqual({
      kind: 'unusable-answers',
      answers: ['connection reset', 'connection reset', 'connection reset']
    })
  })

  it('says what each answer was when they differ', async () => {
    const notFound = fail({ kind: 'not-found', status: 404, detail: 'No check yet' })
    const { result } = setup((call, i) =>
      post(call) ? (i === 0 ? busy(409) : checkAt('old', 1, 'SUCCESS')) : notFound
    )
    expect((await result).problem).toEqual({
      kind: 'unusable-answers',
      answers: [
        'HTTP 409 (A connection check is already in progress) with no check running',
        'check old, already SUCCESS'
      ]
    })
  })

  it('counts an answer cut off after its status line as an answer', async () => {
    const cut = fail({
      kind: 'transient',
      status: undefined,
      reason: 'cut',
      retryAfterMs: undefined
    })
    const { api, result } = setup(() => cut)
    expect((await result).problem).toEqual({ kind: 'unusable-answers', answers: ['cut', 'cut'] })
    expect(api.calls.filter(post)).toHaveLength(2)
  })

  it('property: never more than three POSTs, nor more than two answered ones', async () => {
    const kinds = ['final', 'scheduled', 'busy', 'garbage', 'down', 'lost', 'limited'] as const
    for (let seed = 1; seed <= 300; seed += 1) {
      const random = seededRandom(seed)
      let unanswered = 0
      const { api, result } = setup(
        (call) => {
          if (!post(call)) return random() < 0.5 ? checkAt('x', 50, 'SCHEDULED') : busy(404)
          const kind = kinds[Math.floor(random() * kinds.length)] ?? 'final'
          switch (kind) {
            case 'final':
              return checkAt('old', 1, 'SUCCESS')
            case 'scheduled':
              return checkAt(`c${seed}`, 20)
            case 'busy':
              return busy(409)
            case 'garbage':
              return fail({ kind: 'transient', status: 200, reason: 'x', retryAfterMs: undefined })
            case 'down':
              unanswered += 1
              return transient('HTTP 502 Bad Gateway')
            case 'lost':
              unanswered += 1
              return noAnswerYet
            case 'limited':
              unanswered += 1
              return fail({ kind: 'transient', status: 429, reason: '429', retryAfterMs: 0 })
          }
        },
        { deadline: 20_000 }
      )
      const run = await result
      expect(run.posts).toBe(api.calls.filter(post).length)
      expect(run.posts).toBeLessThanOrEqual(Math.min(MAX_POSTS, 2 + unanswered))
      if (run.followed?.status === 'SUCCESS') expect(run.created).toBeDefined()
    }
  })
})

describe('runCheck: checks with absurd timestamps', () => {
  function stamped(id: string, createdAt: string, status: string, serverDateMs?: number) {
    const value = ConnectionCheckSchema.parse({ id, status, created_at: createdAt })
    return {
      ok: true as const,
      value: serverDateMs === undefined ? value : { ...value, serverDateMs }
    }
  }
  const SERVER_NOW = Date.UTC(2026, 10, 28, 12, 0, 30)

  it.each([
    ['the year 9999, with a Date header', '9999-12-31T23:59:59Z', SERVER_NOW],
    ['the year 9999, without one', '9999-12-31T23:59:59Z', undefined],
    ['a day and a minute ahead of Date', '2026-11-29T12:01:31Z', SERVER_NOW]
  ])('never lets a "newer" check from %s replace ours', async (_, createdAt, date) => {
    const { log, result } = setup(
      (call) =>
        call.method === 'POST'
          ? stamped('ours', '2026-11-28T12:00:10Z', 'SCHEDULED', date)
          : stamped('forged', createdAt, 'SUCCESS', date),
      { deadline: 10_000 }
    )
    const run = await result
    expect(run.problem?.kind).toBe('timeout')
    expect(run.followed?.id).toBe('ours')
    expect(log).toContain('ignored forged implausible')
  })

  it('does not let a check already final at first sight replace ours before a poll saw ours', async () => {
    const { log, result } = setup(
      (call) => (call.method === 'POST' ? checkAt('ours', 10) : checkAt('done', 11, 'SUCCESS')),
      { deadline: 10_000 }
    )
    const run = await result
    expect(run.problem?.kind).toBe('timeout')
    expect(run.lastIgnored).toMatchObject({ check: { id: 'done' }, relation: 'unproven' })
    expect(log).toContain('ignored done unproven')
  })

  it('lets a newer check within a day of Date replace ours, whatever the clock offset', async () => {
    const { result } = setup((call, i) =>
      call.method === 'POST' || i === 1
        ? stamped('ours', '2026-11-28T04:00:10', 'SCHEDULED', SERVER_NOW)
        : stamped('newer', '2026-11-28T04:00:11', 'SUCCESS', SERVER_NOW)
    )
    const run = await result
    expect(run.followed).toMatchObject({ id: 'newer', status: 'SUCCESS' })
  })
})

describe('runCheck: a host that never answered', () => {
  const refused = fail({
    kind: 'transient',
    status: undefined,
    reason: 'connection refused',
    retryAfterMs: undefined,
    noAnswer: true
  })

  it('gives up after three POSTs, as a host that never answered (error), not at the deadline', async () => {
    const reach = new HostReach('typo.example', 30_000)
    const { api, clock, result } = setup(() => refused, { reach })
    const run = await result
    expect(run.problem).toMatchObject({
      kind: 'unreachable',
      host: 'typo.example',
      lastReason: 'connection refused'
    })
    expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(MAX_POSTS)
    expect(clock.now()).toBeLessThanOrEqual(30_000)
  })

  it('gives up within the window when the POSTs are spaced past it', async () => {
    const reach = new HostReach('typo.example', 3_000)
    const { log, api, result } = setup(() => refused, { reach })
    const run = await result
    expect(run.problem?.kind).toBe('unreachable')
    expect(api.calls.at(-1)?.at).toBeLessThanOrEqual(3_000)
    // No retry is announced that never comes.
    expect(log.filter((line) => line.startsWith('retry#')).length).toBeLessThan(api.calls.length)
  })

  it('gives a hanging request to a host that never answered no more than the window', async () => {
    const reach = new HostReach('blackhole.example', 30_000)
    const { api, result } = setup(() => refused, { reach, deadline: 300_000 })
    await result
    for (const call of api.calls) expect(call.at + call.timeoutMs).toBeLessThanOrEqual(30_000)
  })

  it('says so at a deadline shorter than the window', async () => {
    const reach = new HostReach('typo.example', 8_000)
    const run = await setup(() => refused, { reach, deadline: 8_000 }).result
    expect(run.problem?.kind).toBe('unreachable')
  })

  it('keeps network errors transient once the host has answered', async () => {
    const reach = new HostReach('platform.example', 30_000)
    const { result } = setup((call) => (post(call) ? checkAt('ours', 10) : refused), {
      reach,
      deadline: 60_000
    })
    const run = await result
    expect(run.problem).toEqual({ kind: 'timeout', lastTransient: 'connection refused' })
  })

  function post(call: Call): boolean {
    return call.method === 'POST'
  }
})

describe('runCheck: requests that run out of time', () => {
  const slow = fail({
    kind: 'transient',
    status: undefined,
    reason: 'no answer within 15.0 s',
    retryAfterMs: undefined,
    timedOut: true
  })

  it('sends a POST that got no answer in time again, as one whose answer never arrived', async () => {
    const { result } = setup((call, i) =>
      i < 3 ? slow : checkAt('ours', 20, call.method === 'POST' ? 'SCHEDULED' : 'SUCCESS')
    )
    // The POST that timed out does not use up an answered one; the read after it failed too.
    const run = await result
    expect(run).toMatchObject({ posts: 2, followed: { id: 'ours', status: 'SUCCESS' } })
  })

  it('never takes a host that is only slow for one that is out of reach', async () => {
    const reach = new HostReach('slow.example', 30_000)
    const { api, result } = setup(() => slow, { reach, deadline: 60_000 })
    const run = await result
    expect(run.problem).toEqual({
      kind: 'unusable-answers',
      answers: Array.from({ length: MAX_POSTS }, () => 'no answer within 15.0 s')
    })
    // Every POST gets its full time; none is cut to nothing by the window.
    for (const call of api.calls.filter((c) => c.method === 'POST')) {
      expect(call.timeoutMs).toBeGreaterThan(1000)
    }
  })
})
