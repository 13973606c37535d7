import { randomUUID } from 'node:crypto'
import type { ConnectionCheck } from '../../src/api/schemas.js'
import type { Connector } from '../../src/core/connector.js'
import type { StepReport } from '../../src/engine/contract.js'
import type { Result } from '../../src/engine/contract.js'
import type { Verdict } from '../../src/engine/contract.js'
import type { Outcome } from '../../src/core/outcome.js'
import { overallOutcome } from '../../src/core/outcome.js'
import { stepPassed } from '../../src/engine/policy.js'

// Finished results built by hand, for the renderers' unit tests.

export function check(status: string, reason: string | null = null): ConnectionCheck {
  return {
    id: randomUUID(),
    status,
    reason,
    createdAt: '2026-01-01T00:00:00Z',
    reportedAt: status === 'SCHEDULED' ? null : '2026-01-01T00:00:05Z',
    created: { epochMs: 0, subMsNanos: 0 }
  }
}

export function result(
  outcome: Outcome,
  options: {
    status?: string
    reason?: string | null
    verdict?: Partial<Verdict>
    connector?: Connector
    name?: string
    noCheck?: boolean
    extra?: Partial<Pick<Result, 'attempts' | 'failedBefore' | 'reused' | 'waived'>>
  } = {}
): Result {
  const connector = options.connector ?? { kind: 'source', id: randomUUID() }
  const status =
    options.status ??
    (outcome === 'success' ? 'SUCCESS' : outcome === 'failure' ? 'FAILURE' : 'SCHEDULED')
  const created = options.noCheck ? undefined : check(status, options.reason ?? null)
  return {
    connector,
    names: options.name === undefined ? undefined : { name: options.name, type: 's3' },
    run: {
      connector,
      created,
      joined: false,
      followed: created,
      problem: undefined,
      lastIgnored: undefined,
      posts: 1,
      durationMs: 1234
    },
    verdict: {
      outcome,
      title: `title of ${outcome}`,
      message: `message of ${outcome}`,
      ...options.verdict
    },
    attempts: options.noCheck ? 0 : 1,
    failedBefore: [],
    reused: undefined,
    waived: false,
    ...options.extra
  }
}

export function stepOf(results: Result[], problem?: Verdict): StepReport {
  return {
    outcome: problem?.outcome ?? overallOutcome(results.map((r) => r.verdict.outcome)),
    passed: stepPassed(
      problem,
      results.map((r) => ({ outcome: r.verdict.outcome, waived: r.waived }))
    ),
    results,
    problem,
    settings: undefined,
    resolved: undefined,
    durationMs: 2500
  }
}
