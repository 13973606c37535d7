import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import type { Connector } from '../../src/core/connector.js'
import type { Outcome } from '../../src/core/outcome.js'
import { transient } from '../../src/core/problem.js'
import type { ConnectorReporter, Plan } from '../../src/engine/contract.js'
import { OUTCOME_ORDER, countsInWords, tally } from '../../src/report/counts.js'
import {
  Heartbeat,
  HEARTBEAT_SILENCE_MS,
  heartbeatLine,
  timeLeft,
  type Waiting
} from '../../src/report/heartbeat.js'
import { FakeClock } from '../support/fake-clock.js'
import { result } from '../support/results.js'

const many = (outcome: Outcome, n: number): Outcome[] => Array.from({ length: n }, () => outcome)

describe('countsInWords', () => {
  it('counts failures first, then the other ways of not passing, then passes', () => {
    const outcomes = [...many('success', 21), ...many('timeout', 6), ...many('failure', 10)]
    expect(countsInWords(outcomes)).toBe('10 failed, 6 timed out, 21 passed')
  })

  it('gives every outcome in its place, and leaves out those none has', () => {
    const all = [...OUTCOME_ORDER].reverse().flatMap((o, i) => many(o, i + 1))
    expect(countsInWords(all)).toBe(
      '9 failed, 8 timed out, 7 errored, 6 not found, 5 invalid, 4 unauthorized, 3 cancelled, ' +
        '2 found, 1 passed'
    )
    expect(countsInWords(['success', 'not-found', 'success'])).toBe('1 not found, 2 passed')
    expect(tally(['dry-run', 'dry-run'])).toEqual([['dry-run', 2]])
    expect(countsInWords([])).toBe('')
  })

  it('orders every outcome there is', () => {
    expect([...OUTCOME_ORDER].sort()).toEqual(
      [
        'success',
        'dry-run',
        'failure',
        'invalid',
        'unauthorized',
        'not-found',
        'timeout',
        'cancelled',
        'error'
      ].sort()
    )
  })
})

describe('timeLeft', () => {
  it.each([
    [100, '1 s'],
    [45_000, '45 s'],
    [59_001, '1 min'],
    [280_000, '4 min 40 s'],
    [300_000, '5 min'],
    [3_900_000, '1 h 5 min'],
    [7_200_000, '2 h'],
    [-5, '0 s']
  ])('%d ms reads %s', (ms, text) => {
    expect(timeLeft(ms)).toBe(text)
  })
})

describe('heartbeatLine', () => {
  const waiting = (over: Partial<Waiting> = {}): Waiting => ({
    now: 20_000,
    lastLineAt: 0,
    pending: 5,
    decided: [...many('failure', 10), ...many('success', 22)],
    deadline: 300_000,
    timeoutMs: 300_000,
    setting: 'timeout-seconds',
    ...over
  })

  it('says what is decided, what is awaited and the time left', () => {
    expect(heartbeatLine(waiting())).toBe(
      'Still waiting on 5 of 37 connectors (10 failed, 22 passed so far); 4 min 40 s left ' +
        'before the deadline (timeout-seconds 300).'
    )
  })

  it('speaks only after 20 s of silence', () => {
    expect(HEARTBEAT_SILENCE_MS).toBe(20_000)
    expect(heartbeatLine(waiting({ now: 19_999 }))).toBeUndefined()
    expect(heartbeatLine(waiting({ now: 45_000, lastLineAt: 30_000 }))).toBeUndefined()
    expect(heartbeatLine(waiting({ now: 50_000, lastLineAt: 30_000 }))).toMatch(
      /; 4 min 10 s left before/
    )
  })

  it('says nothing when nothing is pending', () => {
    expect(heartbeatLine(waiting({ pending: 0, now: 100_000 }))).toBeUndefined()
  })

  it('words a wait on all, or on the only one, and a deadline that passed', () => {
    expect(heartbeatLine(waiting({ decided: [], pending: 37, setting: '--timeout-seconds' }))).toBe(
      'Still waiting on all 37 connectors; 4 min 40 s left before the deadline (--timeout-seconds 300).'
    )
    expect(heartbeatLine(waiting({ decided: [], pending: 1, now: 255_500 }))).toBe(
      'Still waiting on the connection check; 45 s left before the deadline (timeout-seconds 300).'
    )
    expect(
      heartbeatLine(
        waiting({ pending: 1, decided: ['timeout'], timeoutMs: 2500, deadline: 3500, now: 21_000 })
      )
    ).toBe(
      'Still waiting on 1 of 2 connectors (1 timed out so far); the deadline (timeout-seconds 2.5) has passed.'
    )
  })
})

describe('Heartbeat', () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  const connectors = (n: number): Connector[] =>
    Array.from({ length: n }, () => ({ kind: 'source' as const, id: randomUUID() }))
  const plan = (n: number): Plan => ({
    connectors: connectors(n),
    apiHost: 'example.test',
    maxConcurrency: 10,
    deadline: 300_000,
    timeoutMs: 300_000
  })

  /** A connector's reporter that notes which of its events arrived. */
  function recorder(): { reporter: ConnectorReporter; heard: string[] } {
    const heard: string[] = []
    const note =
      (name: string) =>
      (...args: unknown[]): void => {
        heard.push(`${name}/${args.length}`)
      }
    const reporter: ConnectorReporter = {
      request: note('request'),
      named: note('named'),
      notReused: note('notReused'),
      rechecking: note('rechecking'),
      started: note('started'),
      joined: note('joined'),
      finalOnArrival: note('finalOnArrival'),
      statusChanged: note('statusChanged'),
      superseded: note('superseded'),
      unknownStatus: note('unknownStatus'),
      ignored: note('ignored'),
      retrying: note('retrying'),
      finished: note('finished')
    }
    return { reporter, heard }
  }

  function beat(): { clock: FakeClock; heartbeat: Heartbeat; said: string[] } {
    const clock = new FakeClock()
    const said: string[] = []
    const heartbeat = new Heartbeat(clock, 'timeout-seconds', (line) => {
      said.push(line)
      heartbeat.printed()
    })
    return { clock, heartbeat, said }
  }

  it('says nothing before the checks begin, then a line after each 20 s of silence', () => {
    const { clock, heartbeat, said } = beat()
    clock.advance(30_000)
    heartbeat.check()
    expect(said).toEqual([])
    heartbeat.start(plan(3))
    clock.advance(19_000)
    heartbeat.check()
    expect(said).toEqual([])
    clock.advance(1_000)
    heartbeat.check()
    heartbeat.check()
    expect(said).toEqual([
      'Still waiting on all 3 connectors; 4 min 10 s left before the deadline (timeout-seconds 300).'
    ])
    clock.advance(20_000)
    heartbeat.check()
    expect(said).toHaveLength(2)
    heartbeat.stop()
  })

  it('keeps quiet while the front end prints', () => {
    const { clock, heartbeat, said } = beat()
    heartbeat.start(plan(2))
    for (let i = 0; i < 10; i += 1) {
      clock.advance(15_000)
      heartbeat.printed()
      heartbeat.check()
    }
    expect(said).toEqual([])
    heartbeat.stop()
  })

  it('passes every event on, counts verdicts, and looks on each request', () => {
    const { clock, heartbeat, said } = beat()
    heartbeat.start(plan(3))
    const { reporter, heard } = recorder()
    const followed = heartbeat.following(reporter)
    const check = result('failure').run.created
    if (check === undefined) throw new Error('no check')
    followed.named({ name: 'n', type: 's3' })
    followed.notReused('why')
    followed.rechecking(check, 1, 1, 2)
    followed.started(check)
    followed.joined(check, undefined)
    followed.finalOnArrival(check)
    followed.statusChanged(check, 'SCHEDULED')
    followed.superseded(check, check)
    followed.unknownStatus(check)
    followed.ignored(check, 'older')
    followed.retrying(transient(503, 'HTTP 503'), 1000, 1)
    followed.finished(result('failure'))
    heartbeat.following(recorder().reporter).finished(result('success'))
    expect(heard).toEqual([
      'named/1',
      'notReused/1',
      'rechecking/4',
      'started/1',
      'joined/2',
      'finalOnArrival/1',
      'statusChanged/2',
      'superseded/2',
      'unknownStatus/1',
      'ignored/2',
      'retrying/3',
      'finished/1'
    ])
    clock.advance(20_000)
    followed.request({ method: 'GET', path: '/x', outcome: '200', elapsedMs: 5 })
    expect(heard.at(-1)).toBe('request/1')
    expect(said).toEqual([
      'Still waiting on 1 of 3 connectors (1 failed, 1 passed so far); 4 min 40 s left before ' +
        'the deadline (timeout-seconds 300).'
    ])
    heartbeat.stop()
  })

  it('stops with the last verdict, or when told', () => {
    const { clock, heartbeat, said } = beat()
    heartbeat.start(plan(1))
    heartbeat.following(recorder().reporter).finished(result('timeout'))
    clock.advance(60_000)
    heartbeat.check()
    heartbeat.start(plan(2))
    heartbeat.stop()
    clock.advance(60_000)
    heartbeat.check()
    expect(said).toEqual([])
  })

  it('wakes on an unref’d timer, and leaves none behind when stopped', () => {
    jest.useFakeTimers()
    const { clock, heartbeat, said } = beat()
    heartbeat.start(plan(2))
    expect(jest.getTimerCount()).toBe(1)
    // The clock and the timers move together, as the system's do.
    const pass = (ms: number): void => {
      clock.advance(ms)
      jest.advanceTimersByTime(ms)
    }
    pass(5_000)
    heartbeat.printed()
    pass(15_000)
    expect(said).toEqual([])
    pass(5_000)
    expect(said).toEqual([expect.stringMatching(/^Still waiting on all 2 connectors; 4 min 35 s/)])
    pass(20_000)
    expect(said).toHaveLength(2)
    heartbeat.stop()
    expect(jest.getTimerCount()).toBe(0)
    pass(60_000)
    expect(said).toHaveLength(2)
  })

  it('never holds the process open', () => {
    const clock = new FakeClock()
    const heartbeat = new Heartbeat(clock, 'timeout-seconds', () => undefined)
    const timers = (): number =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length
    const before = timers()
    heartbeat.start(plan(2))
    // An unref'd timer is not among the resources that keep the process alive.
    expect(timers()).toBe(before)
    heartbeat.stop()
  })
})
