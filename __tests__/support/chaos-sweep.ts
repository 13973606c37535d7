// The chaos model for policies and sweeps: several connectors in a queue of small
// max-concurrency, with on-platform-unavailable, recheck-failures, reuse-success-seconds and
// dry-run, POSTs answered 5xx after creating a check, and connector reads that are not the
// connector. Used by __tests__/chaos-sweep.test.ts and scripts/chaos.ts --sweeps.
//
// Its oracle: the step passes only if every connector has a SUCCESS decided after the step
// began (or a recent one reused, where that is asked for and allowed), a dry run that started
// nothing, or a waiver that a started check earned; and no connector gets more than 3 POSTs per
// check it may start.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import {
  startSimulator,
  type Ending,
  type ListFault,
  type SimCheck,
  type Simulator
} from '../../simulator/platform-simulator.js'
import {
  endingArb,
  faultArb,
  MAX_POSTS,
  QUICK_PROFILE,
  toFaultSlot,
  type ActionRunner,
  type FaultSpec,
  type PostFaultSpec,
  type RunResult,
  type Violation
} from './chaos.js'

/** What a read of the connector itself answers. */
export type InfoSpec = 'ok' | 'empty-object' | 'not-found-detail' | 'html' | 'other-id'

export interface SweepConnector {
  kind: 'source' | 'destination'
  check: { durationMs: number; ending: Ending; reason: string | null }
  /** How the first checks end, one each in turn (a FAILURE then a SUCCESS: flaky). */
  endings: Ending[]
  /** A check from before the step: the queue's prior, and what reuse may pass on. */
  history: { durationMs: number; ending: 'SUCCESS' | 'FAILURE'; ageMs: number } | null
  post: PostFaultSpec[]
  get: FaultSpec[]
  info: InfoSpec
}

export interface SweepCase {
  connectors: SweepConnector[]
  maxConcurrency: number
  policy: { warn: boolean; recheckFailures: number; reuseSeconds: number; dryRun: boolean }
  timeoutSeconds: number
  pollIntervalSeconds: number
}

const infoArb: fc.Arbitrary<InfoSpec> = fc.oneof(
  { arbitrary: fc.constant<InfoSpec>('ok'), weight: 6 },
  fc.constantFrom<InfoSpec>('empty-object', 'not-found-detail', 'html', 'other-id')
)

/** POST faults lean towards 5xx after creating a check, the partial outage worth testing. */
const postFaultArb: fc.Arbitrary<PostFaultSpec> = fc.oneof(
  {
    arbitrary: fc
      .record({
        status: fc.constantFrom(500 as const, 502 as const, 503 as const),
        html: fc.boolean(),
        afterCreate: fc.boolean()
      })
      .map(({ status, html, afterCreate }) => ({
        kind: 'server-error' as const,
        status,
        html,
        afterCreate
      })),
    weight: 3
  },
  {
    arbitrary: fc
      .record({ fault: faultArb(QUICK_PROFILE, 'POST'), afterCreate: fc.boolean() })
      .map(({ fault, afterCreate }) => ({
        ...fault,
        afterCreate: fault.kind !== 'pass' && afterCreate
      })),
    weight: 2
  }
)

const connectorArb: fc.Arbitrary<SweepConnector> = fc.record({
  kind: fc.constantFrom('source' as const, 'destination' as const),
  check: fc.record({
    durationMs: fc.integer({ min: 0, max: 1500 }),
    ending: endingArb,
    reason: fc.constantFrom<string | null>(null, 'Access denied: bad password')
  }),
  endings: fc.array(endingArb, { maxLength: 2 }),
  history: fc.option(
    fc.record({
      durationMs: fc.integer({ min: 50, max: 2000 }),
      ending: fc.constantFrom('SUCCESS' as const, 'FAILURE' as const),
      ageMs: fc.constantFrom(5_000, 120_000, 3_600_000)
    }),
    { nil: null, freq: 2 }
  ),
  post: fc.array(postFaultArb, { maxLength: 4 }),
  get: fc.array(faultArb(QUICK_PROFILE, 'GET'), { maxLength: 5 }),
  info: infoArb
})

export const sweepCaseArb: fc.Arbitrary<SweepCase> = fc.record({
  connectors: fc.array(connectorArb, { minLength: 1, maxLength: 5 }),
  maxConcurrency: fc.integer({ min: 1, max: 3 }),
  policy: fc.record({
    warn: fc.boolean(),
    recheckFailures: fc.constantFrom(0, 0, 1, 2),
    reuseSeconds: fc.constantFrom(0, 0, 600),
    dryRun: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, fc.constant(true))
  }),
  timeoutSeconds: fc.integer({ min: 15, max: 50 }).map((t) => t / 10),
  pollIntervalSeconds: fc.constantFrom(1, 2)
})

/** The simulator's answers for a read of the connector. */
function infoFaults(info: InfoSpec): ListFault[] {
  const body = (text: string): ListFault => ({ type: 'body', status: 200, body: text })
  const many = (fault: ListFault): ListFault[] => Array.from({ length: 20 }, () => fault)
  switch (info) {
    case 'ok':
      return []
    case 'empty-object':
      return many(body('{}'))
    case 'not-found-detail':
      return many(body('{"detail":"Not Found"}'))
    case 'html':
      return many({ type: 'html', status: 200 })
    case 'other-id':
      return many(
        body(JSON.stringify({ id: randomUUID(), name: 'other', type: 's3', updated_at: null }))
      )
  }
}

interface Entry {
  kind: string
  'connector-id': string
  'check-id': string | null
  status: string | null
  'created-at': string | null
  outcome: string
  reused: { 'check-id': string } | null
}

export interface SweepReport {
  sweepCase: SweepCase
  result: RunResult
  violations: Violation[]
  /** Per connector: its id and checks, for a failure's description. */
  checks: { id: string; checks: SimCheck[] }[]
  /** POSTs the step sent, all connectors together. */
  postCount: number
}

/** Sets a case up on a fresh simulator, runs the action once and checks the oracle. */
export async function runSweepCase(c: SweepCase, runner: ActionRunner): Promise<SweepReport> {
  const sim = await startSimulator()
  try {
    const ids = c.connectors.map(() => randomUUID())
    c.connectors.forEach((spec, i) => {
      const id = ids[i] ?? ''
      const checkPath = `/api/v1/${spec.kind}s/${id}/connection-check`
      sim.addConnector(id, {
        kind: spec.kind,
        checkDurationMs: spec.check.durationMs,
        ending: spec.check.ending,
        endings: spec.endings,
        reason: spec.check.reason,
        faults: {
          post: spec.post.map((f) => toFaultSlot(f, sim, checkPath)),
          get: spec.get.map((f) => toFaultSlot(f, sim, checkPath)),
          info: infoFaults(spec.info)
        }
      })
      if (spec.history !== null) sim.startCheck(id, spec.history)
    })
    const inputs: Record<string, string> = {
      'api-key': sim.apiKey,
      'api-url': sim.url,
      'source-id': ids.filter((_, i) => c.connectors[i]?.kind === 'source').join('\n'),
      'destination-id': ids.filter((_, i) => c.connectors[i]?.kind === 'destination').join('\n'),
      'max-concurrency': String(c.maxConcurrency),
      'timeout-seconds': String(c.timeoutSeconds),
      'poll-interval-seconds': String(c.pollIntervalSeconds),
      'on-platform-unavailable': c.policy.warn ? 'warn' : 'fail',
      'recheck-failures': String(c.policy.recheckFailures),
      'reuse-success-seconds': String(c.policy.reuseSeconds),
      'dry-run': String(c.policy.dryRun)
    }
    const result = await runner(inputs, {}, c.timeoutSeconds * 1000 + 15_000)
    return {
      sweepCase: c,
      result,
      violations: sweepInvariants(c, ids, result, sim),
      checks: ids.map((id) => ({ id, checks: sim.checks(id) })),
      postCount: sim.requests.filter((r) => r.method === 'POST').length
    }
  } finally {
    await sim.close()
  }
}

/** The oracle for one sweep run. */
export function sweepInvariants(
  c: SweepCase,
  ids: readonly string[],
  run: RunResult,
  sim: Simulator
): Violation[] {
  const violations: Violation[] = []
  const fail = (invariant: Violation['invariant'], message: string): void => {
    violations.push({ invariant, message })
  }
  const stepStart = run.startedAt ?? sim.requests[0]?.at ?? 0
  const passed = run.exitCode === 0
  if (run.exitCode === null) fail('bounded', 'the process was killed by the safety limit')
  if (run.stdout.replace(`::add-mask::${sim.apiKey}`, '').includes(sim.apiKey)) {
    fail('no-leak', 'key in the log')
  }
  if (run.stdout.includes('##[')) fail('inert', '##[ in the log')
  if (run.stderr.trim() !== '') fail('clean-failure', `stderr: ${run.stderr.slice(0, 200)}`)

  const text = run.resultsFile ?? run.outputs.results
  let entries: Entry[] = []
  try {
    entries = JSON.parse(text ?? '[]') as Entry[]
  } catch {
    fail('clean-failure', 'results is not JSON')
  }
  if (passed && entries.length !== ids.length) {
    fail('no-false-pass', `passed with ${entries.length} results for ${ids.length} connectors`)
  }
  const served = sim.served()
  ids.forEach((id, i) => {
    const spec = c.connectors[i]
    if (spec === undefined) return
    const checks = sim.checks(id)
    const entry = entries.find((e) => e['connector-id'] === id)
    const posts = sim.requests.filter((r) => r.method === 'POST' && r.path.includes(id)).length
    const budget = MAX_POSTS * (1 + c.policy.recheckFailures)
    if (posts > budget) fail('post-budget', `${posts} POSTs for ${id} (at most ${budget})`)
    if (c.policy.dryRun && posts > 0) fail('post-budget', `a dry run sent ${posts} POSTs`)
    if (entry === undefined) return
    // The check that decided: the one whose created_at the entry shows (ours, or a newer one
    // that replaced it).
    const decidedDuring = (): boolean => {
      const check =
        checks.find((k) => k.createdAt === entry['created-at'] && k.id === entry['check-id']) ??
        checks.find((k) => k.createdAt === entry['created-at'])
      return (
        check !== undefined &&
        check.ending === 'SUCCESS' &&
        check.finalAtMs !== null &&
        check.finalAtMs >= stepStart &&
        served.some((s) => s.checkId === check.id && s.status === 'SUCCESS')
      )
    }
    switch (entry.outcome) {
      case 'success':
        if (entry.reused !== null) {
          const reused = checks.find((k) => k.id === entry.reused?.['check-id'])
          if (c.policy.reuseSeconds === 0) fail('no-false-pass', `${id} reused with reuse off`)
          else if (reused?.ending !== 'SUCCESS' || reused.origin !== 'other')
            fail('no-false-pass', `${id} reused a check that is not its earlier SUCCESS`)
          else if (spec.info !== 'ok')
            fail('no-false-pass', `${id} reused on a connector read that was not the connector`)
        } else if (!decidedDuring()) {
          fail(
            'no-false-pass',
            `${id} passed on ${entry['check-id'] ?? 'no check'}, not decided during the step`
          )
        }
        break
      case 'dry-run':
        if (!c.policy.dryRun) fail('no-false-pass', `${id} dry-run outcome without dry-run`)
        else if (spec.info !== 'ok')
          fail('no-false-pass', `${id} passed a dry run on a read that was not the connector`)
        break
      default:
        // A connector that did not pass: with the step passing, it must have been waived, and a
        // waiver needs a check started (or joined) during the step, never a FAILURE.
        if (passed) {
          // Started, as far as the API let anyone tell: a check it created for the connector
          // during the step (by our POST, or one that replaced ours), or the one the entry names
          // served undecided by the API (a 202 with a check not yet decided says "started",
          // even where this simulator forged it).
          const started =
            checks.some((k) => k.createdAtMs >= stepStart) ||
            served.some(
              (s) =>
                s.checkId === entry['check-id'] &&
                s.connectorId === id &&
                s.status !== 'SUCCESS' &&
                s.status !== 'FAILURE'
            )
          if (!c.policy.warn) fail('no-false-pass', `${id} ${entry.outcome} passed without warn`)
          else if (entry.outcome !== 'timeout')
            fail('no-false-pass', `${id} ${entry.outcome} waived`)
          else if (entry['check-id'] === null || !started)
            fail('no-false-pass', `${id} waived with no check started`)
        }
    }
  })
  return violations
}

/** A violation as one paragraph, with what draws the case again. */
export function describeSweepFailure(report: SweepReport, replay: string): string {
  return [
    `violation: ${replay}`,
    ...report.violations.map((v) => `  [${v.invariant}] ${v.message}`),
    `  exit ${String(report.result.exitCode)}; outputs: ${JSON.stringify(report.result.outputs).slice(0, 2000)}`,
    `  case: ${JSON.stringify(report.sweepCase)}`,
    `  checks: ${JSON.stringify(report.checks.map((c) => [c.id, c.checks.map((k) => [k.id, k.origin, k.ending])]))}`,
    `  log:\n${report.result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::debug::') && !l.startsWith('::add-mask::') && l !== '')
      .map((l) => `    | ${l}`)
      .join('\n')}`
  ].join('\n')
}
