import type { CallOptions, ConnectionCheckApi } from '../../src/api/client.js'
import type { Answer } from '../../src/core/answer.js'
import type { ConnectionCheck } from '../../src/api/schemas.js'
import { ConnectionCheckSchema } from '../../src/api/schemas.js'
import type { Connector } from '../../src/core/connector.js'
import type { Problem } from '../../src/core/problem.js'
import { runCheck, type CheckEvents } from '../../src/wait/check-run.js'
import type { Latest } from '../../src/wait/latest.js'
import { RateGate } from '../../src/wait/rate-gate.js'
import { HostReach } from '../../src/wait/reach.js'
import { FakeClock, seededRandom } from './fake-clock.js'

// A stand-in for the API that the wait loop's unit tests drive, on a fake clock: each call takes
// LATENCY_MS of fake time and asks a handler for its answer.

export const CONNECTOR: Connector = { kind: 'source', id: '5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' }
export const LATENCY_MS = 5

export interface Call {
  method: 'POST' | 'GET'
  at: number
  timeoutMs: number
}

export type Handler = (call: Call, index: number) => Answer<ConnectionCheck>

/** Stands in for the API: each call takes LATENCY_MS of fake time and asks the handler. */
export class FakeApi implements ConnectionCheckApi {
  readonly calls: Call[] = []
  constructor(
    private readonly clock: FakeClock,
    private readonly handler: Handler
  ) {}

  startCheck(_: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> {
    return this.call('POST', options)
  }

  latestCheck(_: Connector, options: CallOptions): Promise<Answer<ConnectionCheck>> {
    return this.call('GET', options)
  }

  gets(): Call[] {
    return this.calls.filter((c) => c.method === 'GET')
  }

  private call(method: 'POST' | 'GET', options: CallOptions): Promise<Answer<ConnectionCheck>> {
    const call = { method, at: this.clock.now(), timeoutMs: options.timeoutMs }
    this.calls.push(call)
    this.clock.advance(LATENCY_MS)
    return Promise.resolve(this.handler(call, this.calls.length - 1))
  }
}

export function checkAt(
  id: string,
  createdSecond: number,
  status = 'SCHEDULED',
  reason: string | null = null
): Answer<ConnectionCheck> {
  const createdAt = new Date(Date.UTC(2026, 10, 28, 12, 0, createdSecond)).toISOString()
  return {
    ok: true,
    value: ConnectionCheckSchema.parse({ id, status, reason, created_at: createdAt })
  }
}

export function fail(problem: Problem): Answer<ConnectionCheck> {
  return { ok: false, problem }
}

export const transient = (reason: string, retryAfterMs?: number): Answer<ConnectionCheck> =>
  fail({ kind: 'transient', status: 503, reason, retryAfterMs })

/** Our check, created by the first successful POST, final at finalAtMs of fake time. */
export function platform(
  finalAtMs: number,
  ending = 'SUCCESS',
  reason: string | null = null
): Handler {
  return (call) => {
    const status = call.at + LATENCY_MS >= finalAtMs ? ending : 'SCHEDULED'
    return checkAt('ours', 10, status, status === 'FAILURE' ? reason : null)
  }
}

export function recorder(): { events: CheckEvents; log: string[] } {
  const log: string[] = []
  return {
    log,
    events: {
      started: (c) => log.push(`started ${c.id} ${c.status}`),
      joined: (c, refusal) =>
        log.push(`joined ${c.id} ${c.status} after ${refusal?.kind ?? 'a lost answer'}`),
      finalOnArrival: (c) => log.push(`final on arrival ${c.id} ${c.status}`),
      statusChanged: (c, prev) => log.push(`status ${c.id} ${prev}->${c.status}`),
      superseded: (prev, next) => log.push(`superseded ${prev.id}->${next.id}`),
      unknownStatus: (c) => log.push(`unknown ${c.status}`),
      ignored: (c, relation) => log.push(`ignored ${c.id} ${relation}`),
      retrying: (p, _delay, n) => log.push(`retry#${n} ${p.reason}`)
    }
  }
}

export function setup(
  handler: Handler,
  options: {
    deadline?: number
    pollIntervalMs?: number
    signal?: AbortSignal
    gate?: RateGate
    reach?: HostReach
    priorMs?: number
    seed?: number
    baseline?: Latest
    lastStartAt?: number
  } = {}
) {
  const clock = new FakeClock()
  const api = new FakeApi(clock, handler)
  const { events, log } = recorder()
  const result = runCheck(CONNECTOR, {
    api,
    clock,
    random: seededRandom(options.seed ?? 3),
    signal: options.signal ?? new AbortController().signal,
    deadline: options.deadline ?? 300_000,
    pollIntervalMs: options.pollIntervalMs ?? 10_000,
    gate: options.gate ?? new RateGate(options.pollIntervalMs ?? 10_000, () => 0.5),
    reach: options.reach ?? new HostReach('platform.example'),
    events,
    priorMs: options.priorMs,
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
    ...(options.lastStartAt === undefined ? {} : { lastStartAt: options.lastStartAt })
  })
  return { clock, api, log, result }
}
