import { inertCheck, inertEvents, inertRequests, inertRun, inertTransient } from './inert.js'
import type {
  ConnectorReporter,
  EngineOptions,
  NamesResolved,
  Reporter,
  StepReport
} from './contract.js'
import { setMaxListeners } from 'node:events'
import { PlatformClient, type RequestLog } from '../api/client.js'
import type { ConnectionCheck, ListedConnector, ListedWorkflow } from '../api/schemas.js'
import {
  uniqueConnectors,
  type Connector,
  type ConnectorInfo,
  type ConnectorKind,
  type ConnectorNames
} from '../core/connector.js'
import { NAME_INPUTS, readSettings } from './inputs.js'
import { type InputNames, type InputReader, type Settings } from './contract.js'
import { listConnectors, listWorkflows, type ListThread, type Listing } from '../wait/listing.js'
import {
  InvalidInputError,
  type NameProblem,
  type NameTarget,
  type Problem
} from '../core/problem.js'
import { RemoteText } from '../core/remote-text.js'
import { resolveNames } from './resolve.js'
import type { Result } from './contract.js'
import {
  mayRecheck,
  RECHECK_PAUSE_MS,
  reuseAfterUpdate,
  reuseDecision,
  stepPassed,
  waives
} from './policy.js'
import { runCheck, type CheckRun } from '../wait/check-run.js'
import { latestCheckOf, readConnector, readLatest, type Latest } from '../wait/latest.js'
import { lastStartAt, longestFirst, mayStartCheck, queueMakespan } from '../wait/queue.js'
import { priorFrom } from '../wait/prior.js'
import { systemClock } from '../wait/clock.js'
import { Pacer, type PacerOptions } from '../wait/pacer.js'
import { mapWithConcurrency } from '../wait/pool.js'
import { RateGate } from '../wait/rate-gate.js'
import { HostReach, UNREACHABLE_WINDOW_MS } from '../wait/reach.js'
import {
  dryRunVerdict,
  problemVerdict,
  reusedVerdict,
  runVerdict,
  type Subject,
  type VerdictContext
} from './verdict.js'
import { type Verdict } from './contract.js'
import { overallOutcome } from '../core/outcome.js'

/**
 * The engine: from inputs to connectors, checks, results and the one outcome of the step. It
 * knows nothing of GitHub or terminals; a front end hears of progress through a Reporter and
 * reports the StepReport it returns. Everything a reporter receives is already inert.
 */

/**
 * Reads of the latest checks in flight at once before a queue starts: one GET each, no check
 * started, so a sweep at max-concurrency 1 need not read hundreds of them one by one.
 */
const QUEUE_READS = 10

/** How long a connector's name lookup may still take once its check has ended. */
const NAME_GRACE_MS = 300

/** What every part of one step shares. */
interface Step {
  settings: Settings
  pacing: PacerOptions
  context: VerdictContext
  text: RemoteText
  reporter: Reporter
}

export async function runStep(
  read: InputReader,
  names: InputNames,
  reporter: Reporter,
  options: EngineOptions = {}
): Promise<StepReport> {
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const signal = options.signal ?? new AbortController().signal
  // Every sleep and request of every check listens to this one signal at once.
  setMaxListeners(0, signal)
  const startedAt = options.startedAt ?? 0

  const secrets: string[] = []
  let settings: Settings
  try {
    settings = readSettings(
      read,
      (secret) => {
        reporter.secret(secret)
        secrets.push(secret)
      },
      names
    )
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    const context = { apiHost: '', timeoutMs: 0, names }
    return stopped(problemVerdict(error.problem, context, { kind: 'inputs' }), undefined)
  }

  const text = new RemoteText(secrets)
  const step: Step = {
    settings,
    text,
    reporter,
    pacing: {
      clock,
      random,
      signal,
      deadline: startedAt + settings.timeoutMs,
      pollIntervalMs: settings.pollIntervalMs,
      gate: new RateGate(settings.pollIntervalMs, random),
      reach: new HostReach(
        settings.api.host,
        Math.min(UNREACHABLE_WINDOW_MS, settings.timeoutMs),
        startedAt
      )
    },
    context: { apiHost: settings.api.host, timeoutMs: settings.timeoutMs, names }
  }

  const found = await connectorsToCheck(step)
  if ('problem' in found) {
    return stopped(
      problemVerdict(text.problem(found.problem), step.context, found.subject),
      settings
    )
  }
  reporter.checking({
    connectors: found.connectors.map((planned) => planned.connector),
    apiHost: settings.api.host,
    maxConcurrency: settings.maxConcurrency
  })
  const checksStartedAt = clock.now()
  const results = await checkAll(found.connectors, step)
  return {
    outcome: overallOutcome(results.map((r) => r.verdict.outcome)),
    passed: stepPassed(
      undefined,
      results.map((r) => ({ outcome: r.verdict.outcome, waived: r.waived }))
    ),
    results,
    problem: undefined,
    settings,
    durationMs: clock.now() - checksStartedAt
  }
}

function stopped(verdict: Verdict, settings: Settings | undefined): StepReport {
  return {
    outcome: verdict.outcome,
    passed: stepPassed(verdict, []),
    results: [],
    problem: verdict,
    settings,
    durationMs: 0
  }
}

/** A connector to check, with its name, type and updated_at when a list already told them. */
interface Planned {
  connector: Connector
  known: ConnectorInfo | undefined
}

/** What a connector's check is given besides the step: its latest check, if read, and its queue. */
interface Turn {
  /** Read before its turn, to order the queue; read at its turn otherwise. */
  latest: Latest | undefined
  queue: { connectors: number; queueMs: number | undefined }
}

/**
 * Checks every connector, at most max-concurrency at once. When they are more than that, each
 * connector's latest check is read first, so that the longest checks (by their last run) start
 * first and the queue ends as early as the slots allow. Results keep the connectors' order.
 */
async function checkAll(connectors: readonly Planned[], step: Step): Promise<Result[]> {
  const { settings, pacing } = step
  const slots = settings.maxConcurrency
  const queued = connectors.length > slots && !settings.dryRun
  const latest: (Latest | undefined)[] = queued
    ? await mapWithConcurrency(connectors, Math.max(slots, QUEUE_READS), async ({ connector }) => {
        const checks = stepClient(step, (entry) => {
          step.reporter.request(entry)
        })
        try {
          return await readLatest(connector, { api: checks, pacing, retrying: () => undefined })
        } finally {
          checks.close()
        }
      })
    : connectors.map(() => undefined)
  const priors = latest.map((l) =>
    l === undefined ? undefined : priorFrom(latestCheckOf(l), settings.timeoutMs)
  )
  const queue = { connectors: connectors.length, queueMs: queueMakespan(priors, slots) }
  const order = queued ? longestFirst(priors) : connectors.map((_, index) => index)
  const results = new Array<Result>(connectors.length)
  await mapWithConcurrency(order, slots, async (index) => {
    results[index] = await checkConnector(connectors[index] as Planned, step, {
      latest: latest[index],
      queue
    })
  })
  return results
}

type Found = { connectors: Planned[] } | { problem: Problem; subject: Subject }

/**
 * The connectors to check, each once, in this order: those named by id, those named by name or
 * pattern, then the workflows' (by id, then by name). Every name is resolved, and every name
 * that does not resolve is reported together, before a single check starts.
 */
async function connectorsToCheck(step: Step): Promise<Found> {
  const { settings } = step
  const wanted = NAME_INPUTS.filter(([, target]) => settings.names[target].length > 0)
  if (settings.workflowId === undefined && wanted.length === 0) {
    return { connectors: settings.connectors.map((connector) => ({ connector, known: undefined })) }
  }
  // Every read at once, each on its own connection pool: one slow list does not hold up another.
  const [byId, sources, destinations, workflows] = await Promise.all([
    settings.workflowId === undefined ? undefined : readWorkflow(step, settings.workflowId),
    settings.names.source.length > 0
      ? listConnectors('source', listThread(step, 'source'))
      : undefined,
    settings.names.destination.length > 0
      ? listConnectors('destination', listThread(step, 'destination'))
      : undefined,
    settings.names.workflow.length > 0 ? listWorkflows(listThread(step, 'workflow')) : undefined
  ])
  if (byId !== undefined && 'problem' in byId) return byId
  const lists: [NameTarget, Listing<unknown> | undefined][] = [
    ['source', sources],
    ['destination', destinations],
    ['workflow', workflows]
  ]
  for (const [target, list] of lists) {
    if (list !== undefined && !list.ok) {
      return { problem: list.problem, subject: { kind: 'list', target } }
    }
  }

  const known = new Map<string, ConnectorInfo>()
  const remember = (kind: ConnectorKind, list: Listing<ListedConnector> | undefined): void => {
    if (!list?.ok) return
    for (const entry of list.entries) {
      known.set(key({ kind, id: entry.id }), {
        name: entry.name === '' ? undefined : entry.name,
        type: entry.type,
        updatedAt: entry.updatedAt
      })
    }
  }
  remember('source', sources)
  remember('destination', destinations)

  const problems: NameProblem[] = []
  const lines: NamesResolved['lines'] = []
  const resolve = <T extends ListedConnector | ListedWorkflow>(
    input: string,
    target: NameTarget,
    list: Listing<T> | undefined
  ): T[] => {
    if (!list?.ok) return []
    const resolution = resolveNames(input, target, settings.names[target], list.entries)
    problems.push(...resolution.problems)
    for (const line of resolution.lines) lines.push({ input, ...line })
    return resolution.matched
  }
  const named = [
    ...resolve('source-name', 'source', sources).map((e) => ({
      kind: 'source' as const,
      id: e.id
    })),
    ...resolve('destination-name', 'destination', destinations).map((e) => ({
      kind: 'destination' as const,
      id: e.id
    }))
  ]
  const byName = resolve('workflow-name', 'workflow', workflows)

  const { text, reporter } = step
  reporter.resolved?.({
    lists: lists.flatMap(([target, list]) =>
      list?.ok === true ? [{ target, entries: list.entries.length, requests: list.requests }] : []
    ),
    lines: lines.map((line) => ({ ...line, name: text.clean(line.name, 80) }))
  })
  if (problems.length > 0) {
    return { problem: { kind: 'unresolved-names', items: problems }, subject: { kind: 'inputs' } }
  }

  const ofWorkflow = (workflow: { sources: string[]; destinations: string[] }): Connector[] => [
    ...workflow.sources.map((id) => ({ kind: 'source' as const, id })),
    ...workflow.destinations.map((id) => ({ kind: 'destination' as const, id }))
  ]
  const connectors = uniqueConnectors([
    ...settings.connectors,
    ...named,
    ...(byId === undefined ? [] : ofWorkflow(byId.workflow)),
    ...byName.flatMap(ofWorkflow)
  ])
  if (connectors.length === 0) {
    const { names } = step.context
    const message =
      byId === undefined
        ? `The workflows that ${names.ref('workflow-name')} matched have no source or ` +
          'destination connectors, and no other input names one: there is nothing to check.'
        : `Workflow ${byId.id} has no source or destination connectors, and neither ` +
          `${names.ref('source-id')} nor ${names.ref('destination-id')} names one: there is ` +
          'nothing to check.'
    const input = byId === undefined ? 'workflow-name' : 'workflow-id'
    return {
      problem: { kind: 'invalid-input', input, message },
      subject: byId === undefined ? { kind: 'inputs' } : { kind: 'workflow', id: byId.id }
    }
  }
  return { connectors: connectors.map((c) => ({ connector: c, known: known.get(key(c)) })) }
}

function key(connector: Connector): string {
  return `${connector.kind}:${connector.id}`
}

/** One list's thread of requests: its own client and pacer, its retries reported inert. */
function listThread(step: Step, target: NameTarget): ListThread {
  const { pacing, text, reporter } = step
  return {
    client: stepClient(step, (entry) => {
      reporter.request(entry)
    }),
    pacer: new Pacer(pacing),
    retrying: (problem, delayMs, failuresInARow) => {
      reporter.listRetrying?.(target, inertTransient(problem, text), delayMs, failuresInARow)
    }
  }
}

/** The workflow named by id, with its connectors. */
async function readWorkflow(
  step: Step,
  workflowId: string
): Promise<
  | { id: string; workflow: { sources: string[]; destinations: string[] } }
  | { problem: Problem; subject: Subject }
> {
  const { pacing, text, reporter } = step
  const subject: Subject = { kind: 'workflow', id: workflowId }
  const client = stepClient(step, (entry) => {
    reporter.request(entry)
  })
  let workflow: Awaited<ReturnType<PlatformClient['workflow']>>
  try {
    workflow = await new Pacer(pacing).retry(
      (call) => client.workflow(workflowId, call),
      (problem, delayMs, failuresInARow) => {
        reporter.workflowRetrying(
          workflowId,
          inertTransient(problem, text),
          delayMs,
          failuresInARow
        )
      }
    )
  } finally {
    client.close()
  }
  if (!workflow.ok) return { problem: workflow.problem, subject }
  const { sources, destinations } = workflow.value
  reporter.workflowRead(workflowId, sources.length, destinations.length)
  return { id: workflowId, workflow: workflow.value }
}

/**
 * Checks one connector, looking up its name alongside (a failed lookup changes nothing) unless a
 * list already told it: a sweep of hundreds then costs no request per connector beyond its check.
 * Before the POST its latest check is read: a recent SUCCESS may pass it (reuse-success-seconds),
 * and otherwise the time that check took is the poll schedule's prior. A FAILURE is checked
 * again as recheck-failures allows.
 */
async function checkConnector(planned: Planned, step: Step, turn: Turn): Promise<Result> {
  const { connector, known } = planned
  const { pacing, text, settings, context } = step
  const { clock } = pacing
  const startedAt = clock.now()
  const report = step.reporter.connector(connector, () => clock.now() - startedAt)
  const client = (): PlatformClient =>
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
      if (decision.reuse) {
        const current = await readConnector(connector, {
          api: checks,
          pacing,
          retrying: () => undefined
        })
        decision = reuseAfterUpdate(decision, current)
      }
      if (decision.reuse) {
        const check = inertCheck(text, decision.check)
        const named = await namesFound()
        const run: CheckRun = {
          ...noRun(connector),
          followed: check,
          durationMs: clock.now() - startedAt
        }
        const reused = { check, ageMs: decision.ageMs }
        const done = result(run, reusedVerdict(connector, named, check, decision.ageMs), {
          names: named,
          reused
        })
        report.finished(done)
        return done
      }
      report.notReused(text.clean(decision.why))
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
        queueMs: turn.queue.queueMs,
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
  client: () => PlatformClient
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
      else problem = text.problem(answer.problem)
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

/** A client of the step's API, its requests logged inert; each has its own connections. */
function stepClient(step: Step, log: RequestLog): PlatformClient {
  const { settings, pacing, text } = step
  return new PlatformClient(
    settings.api.base,
    settings.apiKey,
    () => pacing.clock.epochNow(),
    inertRequests(log, text)
  )
}
