import { inertCheck, inertEvents, inertRun, inertTransient } from './inert.js'
import type { ConnectorReporter } from './contract.js'
import { stepClient, type Planned, type Step } from './context.js'
import type { PlatformApi } from '../api/client.js'
import type { ConnectionCheck } from '../api/schemas.js'
import { type Connector, type ConnectorInfo, type ConnectorNames } from '../core/connector.js'
import { type Problem } from '../core/problem.js'
import type { Result } from './contract.js'
import { mayRecheck, RECHECK_PAUSE_MS, reuseAfterUpdate, reuseDecision, waives } from './policy.js'
import { runCheck, type CheckRun } from '../wait/check-run.js'
import { latestCheckOf, readConnector, readLatest, type Latest } from '../wait/latest.js'
import { lastStartAt, mayStartCheck } from '../wait/queue.js'
import { priorFrom } from '../wait/prior.js'
import { Pacer } from '../wait/pacer.js'
import { dryRunVerdict, reusedVerdict, runVerdict } from './verdict.js'
import { problemVerdict } from './problem-verdict.js'
import { withOtherKind } from './other-kind.js'
import { type Verdict } from './contract.js'

/** How long a connector's name lookup may still take once its check has ended. */
const NAME_GRACE_MS = 300

/** What a connector's check is given besides the step: its latest check, if read, and its queue. */
export interface Turn {
  /** Read before its turn, to order the queue; read at its turn otherwise. */
  latest: Latest | undefined
  /** queueMs: the queue's makespan by what is known when asked (the reads may go on). */
  queue: { connectors: number; queueMs: () => number | undefined }
}

/**
 * Checks one connector, looking up its name alongside (a failed lookup changes nothing) unless a
 * list already told it: a sweep of hundreds then costs no request per connector beyond its check.
 * Before the POST its latest check is read: a recent SUCCESS may pass it (reuse-success-seconds),
 * and otherwise the time that check took is the poll schedule's prior. A FAILURE is checked
 * again as recheck-failures allows.
 */
export async function checkConnector(planned: Planned, step: Step, turn: Turn): Promise<Result> {
  const { connector, known } = planned
  const { pacing, text, settings, context } = step
  const { clock } = pacing
  const startedAt = clock.now()
  const report = step.reporter.connector(connector, () => clock.now() - startedAt)
  const client = (): PlatformApi =>
    stepClient(step, (entry) => {
      report.request(entry)
    })
  if (settings.dryRun) return dryRun(planned, step, report, client)
  // Separate clients: cutting off a slow lookup must not cut off the check's own requests.
  const checks = client()
  const lookups = known === undefined ? client() : undefined
  const names =
    lookups === undefined
      ? Promise.resolve(known)
      : new Pacer(pacing)
          .sendWhenAllowed((call) => lookups.connectorInfo(connector, call))
          .then(
            (result): ConnectorInfo | undefined => (result.ok ? result.value : undefined),
            () => undefined
          )
  void names.then((found) => {
    const inert = text.names(found)
    if (inert !== undefined) report.named(inert)
  })
  /** What the lookup told, waiting for one in flight no longer than `graceMs`. */
  const infoWithin = async (graceMs: number): Promise<ConnectorInfo | undefined> => {
    // Told by a list: nothing to wait for, and no timer or signal to make per connector.
    if (lookups === undefined) return known
    const grace = new AbortController()
    const found = await Promise.race([
      names,
      clock.sleep(graceMs, AbortSignal.any([grace.signal, pacing.signal])).then(() => undefined)
    ])
    grace.abort()
    return found
  }
  /** The names, waiting for a lookup in flight no longer than NAME_GRACE_MS. */
  const namesFound = async (): Promise<ConnectorNames | undefined> =>
    text.names(await infoWithin(NAME_GRACE_MS))
  const result = (run: CheckRun, verdict: Verdict, extra: Partial<Result> = {}): Result => ({
    connector,
    names: undefined,
    run,
    verdict,
    attempts: 0,
    failedBefore: [],
    reused: undefined,
    waived: waives(settings.onPlatformUnavailable, {
      started: run.created !== undefined,
      problem: run.problem
    }),
    ...extra
  })
  try {
    const latest =
      turn.latest ??
      (await readLatest(connector, { api: checks, pacing, retrying: () => undefined }))
    if (settings.reuseSuccessMs > 0) {
      let decision = reuseDecision(latestCheckOf(latest), settings.reuseSuccessMs)
      // Read after the latest check, so that no update before it can hide: one request, made
      // only for a check that would otherwise be reused.
      if (decision.ok) {
        const current = await readConnector(connector, {
          api: checks,
          pacing,
          retrying: () => undefined
        })
        decision = reuseAfterUpdate(decision, current)
      }
      if (decision.ok) {
        const check = inertCheck(text, decision.value.check)
        const named = await namesFound()
        const run: CheckRun = {
          ...noRun(connector),
          followed: check,
          durationMs: clock.now() - startedAt
        }
        const reused = { check, ageMs: decision.value.ageMs }
        const done = result(run, reusedVerdict(connector, named, check, decision.value.ageMs), {
          names: named,
          reused
        })
        report.finished(done)
        return done
      }
      report.notReused(text.clean(decision.problem))
    }

    const attempt = async (baseline: Latest): Promise<CheckRun> => {
      const priorMs = priorFrom(latestCheckOf(baseline), settings.timeoutMs)
      return inertRun(
        text,
        await runCheck(connector, {
          ...pacing,
          api: checks,
          events: inertEvents(report, text),
          baseline,
          lastStartAt: lastStartAt({
            deadline: pacing.deadline,
            timeoutMs: settings.timeoutMs,
            priorMs
          }),
          ...(priorMs === undefined ? {} : { priorMs })
        })
      )
    }
    const priorMs = priorFrom(latestCheckOf(latest), settings.timeoutMs)
    const now = clock.now()
    if (
      !mayStartCheck({ now, deadline: pacing.deadline, timeoutMs: settings.timeoutMs, priorMs })
    ) {
      // A host that never answered is the reason, not the queue.
      const problem: Problem = new Pacer(pacing).neverAnswered() ?? {
        kind: 'not-started',
        connectors: turn.queue.connectors,
        maxConcurrency: settings.maxConcurrency,
        queueMs: turn.queue.queueMs(),
        priorMs,
        leftMs: Math.max(0, pacing.deadline - now)
      }
      const named = await namesFound()
      const run: CheckRun = { ...noRun(connector), problem, durationMs: clock.now() - startedAt }
      const done = result(run, runVerdict(run, named, context), { names: named })
      report.finished(done)
      return done
    }
    let decisive = await attempt(latest)
    let attempts = decisive.created === undefined ? 0 : 1
    const failures: ConnectionCheck[] = []
    for (let rechecks = 0; ; rechecks += 1) {
      const failed = decisive.followed
      const outcome = runVerdict(decisive, undefined, context).outcome
      const recheck = mayRecheck({
        outcome,
        rechecks,
        max: settings.recheckFailures,
        now: clock.now(),
        deadline: pacing.deadline,
        // How long the platform took, else how long this step waited for it.
        failedMs: priorFrom(failed, Number.POSITIVE_INFINITY) ?? decisive.durationMs
      })
      if (!recheck || failed === undefined) break
      failures.push(failed)
      report.rechecking(failed, RECHECK_PAUSE_MS, rechecks + 1, settings.recheckFailures)
      await clock.sleep(RECHECK_PAUSE_MS, pacing.signal)
      if (pacing.signal.aborted) {
        // Cancelled before the new check began: the FAILURE was going to be looked at again.
        decisive = { ...decisive, problem: new Pacer(pacing).cancelled() }
        break
      }
      // The failed check is the latest now, and its duration the best guess of the next one's.
      const next = await attempt({ kind: 'check', check: failed, at: clock.now() })
      if (next.created !== undefined) attempts += 1
      // A re-check that reached no verdict leaves the FAILURE before it to decide.
      if (next.problem !== undefined) break
      decisive = next
    }
    // A 404 before any check: perhaps an id of the other kind. After one, the check vanished.
    if (decisive.created === undefined) {
      decisive = {
        ...decisive,
        problem: await withOtherKind(decisive.problem, connector, step, checks)
      }
    }
    // From here on only inert text: the verdict's message and everything reported quote it.
    const named = await namesFound()
    const decidedBy = decisive.followed?.id
    const done = result(decisive, runVerdict(decisive, named, context), {
      names: named,
      attempts,
      failedBefore: failures.filter((check) => check.id !== decidedBy)
    })
    report.finished(done)
    return done
  } finally {
    checks.close()
    lookups?.close()
  }
}

/** A run that started no check: what a dry run or a reused check reports. */
function noRun(connector: Connector): CheckRun {
  return {
    connector,
    created: undefined,
    joined: false,
    followed: undefined,
    problem: undefined,
    lastIgnored: undefined,
    posts: 0,
    durationMs: 0
  }
}

/**
 * A dry run of one connector: read it by id to prove the key may, or take a list's word that it
 * exists. No check is started.
 */
async function dryRun(
  { connector, known }: Planned,
  step: Step,
  report: ConnectorReporter,
  client: () => PlatformApi
): Promise<Result> {
  const { pacing, text, context } = step
  const startedAt = pacing.clock.now()
  let names = known
  let problem: Problem | undefined
  if (known === undefined) {
    const reads = client()
    try {
      const answer = await new Pacer(pacing).retry(
        (call) => reads.connectorInfo(connector, call),
        (transientProblem, delayMs, failuresInARow) => {
          report.retrying(inertTransient(transientProblem, text), delayMs, failuresInARow)
        }
      )
      if (answer.ok) names = answer.value
      else problem = await withOtherKind(text.problem(answer.problem), connector, step, reads)
    } finally {
      reads.close()
    }
  }
  const named = text.names(names)
  if (named !== undefined) report.named(named)
  const run: CheckRun = {
    ...noRun(connector),
    problem,
    durationMs: pacing.clock.now() - startedAt
  }
  const verdict =
    problem === undefined
      ? dryRunVerdict(connector, named, known !== undefined)
      : problemVerdict(
          problem,
          context,
          { kind: 'connector', connector, names: named, reading: true },
          run
        )
  const done: Result = {
    connector,
    names: named,
    run,
    verdict,
    attempts: 0,
    failedBefore: [],
    reused: undefined,
    // A dry run starts no check, so nothing in it can be waived.
    waived: false
  }
  report.finished(done)
  return done
}
