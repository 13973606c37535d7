import { describe, expect, it } from '@jest/globals'
import type { Answer } from '../../src/core/answer.js'
import type { ConnectionCheck } from '../../src/api/schemas.js'
import { MAX_POSTS } from '../../src/wait/start-check.js'
import type { Latest } from '../../src/wait/latest.js'
import { RateGate } from '../../src/wait/rate-gate.js'
import { checkAt, fail, setup, transient, type Call } from '../support/fake-api.js'

// Starting a check against the baseline: the connector's latest check as read before the POST.

const post = (call: Call): boolean => call.method === 'POST'
const baselineOf = (answer: Answer<ConnectionCheck>): Latest => ({
  kind: 'check',
  check: checkOf(answer),
  at: 0
})
const NONE: Latest = { kind: 'none', at: 0 }
const UNKNOWN: Latest = { kind: 'unknown' }
const OLD = baselineOf(checkAt('old', 1, 'SUCCESS'))

function checkOf(answer: Answer<ConnectionCheck>): ConnectionCheck {
  if (!answer.ok) throw new Error('not a check')
  return answer.value
}

/** A check as served with a Date header `ageMs` after its created_at. */
function aged(answer: Answer<ConnectionCheck>, ageMs: number): Answer<ConnectionCheck> {
  const check = checkOf(answer)
  return { ok: true, value: { ...check, serverDateMs: check.created.epochMs + ageMs } }
}
const badGateway = transient('HTTP 502 Bad Gateway')
const cutOff = fail({
  kind: 'transient',
  status: undefined,
  reason: 'cut',
  retryAfterMs: undefined
})
const limited = fail({ kind: 'transient', status: 429, reason: 'HTTP 429', retryAfterMs: 0 })

describe('a POST answered with a check already decided', () => {
  it.each<[string, Latest]>([
    ['no check (404)', NONE],
    ['an older check', OLD]
  ])('is the verdict when the read before it showed %s: one POST', async (_, baseline) => {
    const { api, result } = setup(() => aged(checkAt('new', 20, 'FAILURE', 'bad password'), 900), {
      baseline
    })
    const run = await result
    expect(run.problem).toBeUndefined()
    expect(run).toMatchObject({
      created: { id: 'new' },
      followed: { id: 'new', status: 'FAILURE', reason: 'bad password' },
      posts: 1
    })
    expect(api.calls).toHaveLength(1)
  })

  it('passes on a new SUCCESS the same way', async () => {
    const { result } = setup(() => aged(checkAt('new', 20, 'SUCCESS'), 500), { baseline: OLD })
    expect(await result).toMatchObject({ followed: { status: 'SUCCESS' }, posts: 1 })
  })

  it.each<[string, Latest, Answer<ConnectionCheck>]>([
    ['a 404, an hour old by its Date', NONE, aged(checkAt('new', 20, 'SUCCESS'), 3_600_000)],
    ['a 404, without a Date to tell its age', NONE, checkAt('new', 20, 'SUCCESS')],
    [
      'an older check, an hour old by its Date',
      OLD,
      aged(checkAt('new', 20, 'SUCCESS'), 3_600_000)
    ],
    ['an older check, without a Date', OLD, checkAt('new', 20, 'SUCCESS')]
  ])('is no verdict after %s: one more POST, then no pass', async (_, baseline, answer) => {
    const { result } = setup(() => answer, { baseline })
    const run = await result
    expect(run.problem).toMatchObject({ kind: 'stale-answer' })
    expect(run.posts).toBe(2)
  })

  it('follows no undecided check older than the baseline: it is none of ours', async () => {
    let posts = 0
    const { result } = setup(
      (call) => {
        if (call.method === 'GET')
          return aged(checkAt('ours', 30, call.at > 5000 ? 'SUCCESS' : 'SCHEDULED'), 1000)
        posts += 1
        return posts === 1 ? aged(checkAt('ancient', 0), 3_600_000) : aged(checkAt('ours', 30), 100)
      },
      { baseline: OLD }
    )
    const run = await result
    expect(run).toMatchObject({
      posts: 2,
      created: { id: 'ours' },
      followed: { status: 'SUCCESS' }
    })
  })

  it.each<[string, Latest, Answer<ConnectionCheck>]>([
    ['the read failed', UNKNOWN, checkAt('new', 20, 'SUCCESS')],
    ['the answer is the baseline itself', OLD, checkAt('old', 1, 'SUCCESS')],
    [
      'the answer is older than the baseline',
      baselineOf(checkAt('b', 30)),
      checkAt('a', 20, 'SUCCESS')
    ],
    [
      'the answer was created at the same moment',
      baselineOf(checkAt('b', 20)),
      checkAt('a', 20, 'SUCCESS')
    ]
  ])('proves nothing when %s: one more POST, then no pass', async (_, baseline, answer) => {
    const { result } = setup(() => answer, { baseline })
    const run = await result
    expect(run.problem).toMatchObject({ kind: 'stale-answer' })
    expect(run.posts).toBe(2)
  })

  it('is no verdict with a status that is not SUCCESS or FAILURE', async () => {
    const { result } = setup(
      () => ({
        ok: true,
        value: {
          ...checkOf(checkAt('new', 20)),
          status: 'CANCELLED',
          reportedAt: '2026-11-28T12:00:30Z'
        }
      }),
      { baseline: NONE }
    )
    const run = await result
    expect(run.followed?.status).not.toBe('SUCCESS')
    expect(run.problem).toBeDefined()
  })
})

describe('a POST that failed (5xx, cut off, no answer)', () => {
  it.each<[string, Answer<ConnectionCheck>]>([
    ['502', badGateway],
    ['cut off', cutOff]
  ])('is followed by a read; an undecided new check there is ours: %s', async (_, failure) => {
    let posts = 0
    const { api, result } = setup(
      (call) => {
        if (post(call)) {
          posts += 1
          return failure
        }
        return checkAt('created-anyway', 20, call.at > 8000 ? 'FAILURE' : 'SCHEDULED', 'denied')
      },
      { baseline: OLD }
    )
    const run = await result
    expect(posts).toBe(1)
    expect(run).toMatchObject({
      created: { id: 'created-anyway' },
      joined: false,
      followed: { status: 'FAILURE', reason: 'denied' },
      problem: undefined
    })
    expect(api.calls[1]?.method).toBe('GET')
  })

  it('takes a new check that the read shows already decided as the verdict', async () => {
    const { result } = setup(
      (call) =>
        post(call) ? badGateway : aged(checkAt('created-anyway', 20, 'FAILURE', 'denied'), 2500),
      { baseline: NONE }
    )
    expect(await result).toMatchObject({
      posts: 1,
      followed: { id: 'created-anyway', status: 'FAILURE' },
      problem: undefined
    })
  })

  it("joins the baseline's own check when the read shows it still running", async () => {
    const running = checkAt('running', 5)
    const { log, result } = setup(
      (call) =>
        post(call) ? badGateway : checkAt('running', 5, call.at > 5000 ? 'SUCCESS' : 'SCHEDULED'),
      { baseline: baselineOf(running) }
    )
    const run = await result
    expect(run).toMatchObject({ joined: true, posts: 1, followed: { status: 'SUCCESS' } })
    expect(log).toContain('joined running SCHEDULED after a lost answer')
  })

  it('POSTs again when the read shows only the baseline, decided', async () => {
    let posts = 0
    const { api, result } = setup(
      (call) => {
        if (!post(call)) {
          return posts < 2
            ? checkAt('old', 1, 'SUCCESS')
            : checkAt('ours', 20, call.at > 9000 ? 'SUCCESS' : 'SCHEDULED')
        }
        posts += 1
        return posts === 1
          ? badGateway
          : checkAt('ours', 20, call.at > 9000 ? 'SUCCESS' : 'SCHEDULED')
      },
      { baseline: OLD }
    )
    const run = await result
    expect(run).toMatchObject({
      posts: 2,
      created: { id: 'ours' },
      followed: { status: 'SUCCESS' }
    })
    expect(api.calls.slice(0, 3).map((c) => c.method)).toEqual(['POST', 'GET', 'POST'])
  })

  it('sends no read after a 429, which started nothing', async () => {
    let posts = 0
    const { api, result } = setup(
      (call) => {
        if (!post(call)) return checkAt('ours', 20, 'SUCCESS')
        posts += 1
        return posts === 1 ? limited : checkAt('ours', 20)
      },
      { baseline: OLD }
    )
    await result
    expect(api.calls.slice(0, 2).map((c) => c.method)).toEqual(['POST', 'POST'])
  })

  it('stops after three POSTs, with a read between each two, naming the last answer', async () => {
    const { api, result } = setup(
      (call) => (post(call) ? badGateway : checkAt('old', 1, 'SUCCESS')),
      {
        baseline: OLD
      }
    )
    const run = await result
    expect(api.calls.filter(post)).toHaveLength(MAX_POSTS)
    const methods = api.calls.map((c) => c.method).join(' ')
    expect(methods).toBe('POST GET POST GET POST')
    expect(run.created).toBeUndefined()
    expect(run.problem).toEqual({
      kind: 'unusable-answers',
      answers: ['HTTP 502 Bad Gateway', 'HTTP 502 Bad Gateway', 'HTTP 502 Bad Gateway']
    })
  })

  it('sends no later POST once a check it started could not be followed', async () => {
    const { api, result } = setup(
      (call) => (post(call) ? badGateway : checkAt('old', 1, 'SUCCESS')),
      {
        baseline: OLD,
        deadline: 60_000,
        lastStartAt: 1000
      }
    )
    const run = await result
    expect(api.calls.filter(post)).toHaveLength(1)
    expect(run.created).toBeUndefined()
    expect(run.problem?.kind).toBe('timeout')
  })
})

describe('answers a hostile review found', () => {
  it('joins no check older than the baseline after a 409, nor takes a newer one that is', async () => {
    const baseline = baselineOf(checkAt('base', 50, 'FAILURE'))
    const { result } = setup(
      (call, i) =>
        post(call)
          ? fail({ kind: 'rejected', status: 409, detail: 'in progress' })
          : i % 2 === 1
            ? aged(checkAt('lagging', 10), 500)
            : aged(checkAt('old-pass', 20, 'SUCCESS'), 500),
      { baseline, deadline: 20_000 }
    )
    const run = await result
    expect(run.followed?.status).not.toBe('SUCCESS')
    expect(run.created).toBeUndefined()
  })

  it.each<[string, Answer<ConnectionCheck>]>([
    ['created 2 h ahead of its Date', aged(checkAt('ahead', 20, 'SUCCESS'), -7_200_000)],
    [
      'served by a cache',
      ((answer) =>
        answer.ok ? { ok: true, value: { ...answer.value, cacheAgeSeconds: 7200 } } : answer)(
        aged(checkAt('cached', 20, 'SUCCESS'), 500)
      )
    ]
  ])('takes no decided check as new when it is %s', async (_, answer) => {
    const { result } = setup(() => answer, { baseline: NONE })
    const run = await result
    expect(run.problem).toMatchObject({ kind: 'stale-answer' })
  })

  it('sends no first POST once a wait at the gate has passed the last moment to start', async () => {
    const gate = new RateGate(10_000, () => 0.5)
    gate.rateLimited(0, 55_000, gate.sent(0))
    const { api, result } = setup(() => checkAt('late', 20), {
      gate,
      deadline: 60_000,
      lastStartAt: 20_000
    })
    const run = await result
    expect(api.calls.filter(post)).toHaveLength(0)
    expect(run.created).toBeUndefined()
  })

  it('counts a check that its Date shows older than the attempt as joined, not started', async () => {
    const { result } = setup(
      (call) => (post(call) ? badGateway : aged(checkAt('stuck', 1), 86_400_000 - 1000)),
      { baseline: UNKNOWN, deadline: 20_000 }
    )
    const run = await result
    expect(run).toMatchObject({ joined: true, created: { id: 'stuck' }, posts: 1 })
  })
})
