import { setMaxListeners } from 'node:events'
import { PlatformClient, type RequestLog } from './api/client.js'
import type { ConnectionCheck } from './api/schemas.js'
import { uniqueConnectors, type Connector, type ConnectorNames } from './connector.js'
import { readSettings, type InputNames, type InputReader, type Settings } from './inputs.js'
import { InvalidInputError, type Problem, type TransientProblem } from './problems.js'
import { RemoteText } from './remote-text.js'
import type { Result } from './results.js'
import { runCheck, type CheckEvents } from './wait/check-run.js'
import { systemClock, type Clock } from './wait/clock.js'
import { Pacer, type PacerOptions } from './wait/pacer.js'
import { mapWithConcurrency } from './wait/pool.js'
import { RateGate } from './wait/rate-gate.js'
import { HostReach, UNREACHABLE_WINDOW_MS } from './wait/reach.js'
import {
  overallOutcome,
  problemVerdict,
  runVerdict,
  type Outcome,
  type Subject,
  type Verdict,
  type VerdictContext
} from './verdict.js'

/**
 * The engine: from inputs to connectors, checks, results and the one outcome of the step. It
 * knows nothing of GitHub or terminals; a front end hears of progress through a Reporter and
 * reports the StepReport it returns. Everything a reporter receives is already inert.
 */

/** What a front end hears while the step runs. */
export interface Reporter {
  /** A value to keep out of every line from now on (the key), said before any request. */
  secret(value: string): void
  /** A request for the workflow, for a debug log: method, path, result and time. */
  request: RequestLog
  workflowRetrying(
    workflowId: string,
    problem: TransientProblem,
    delayMs: number,
    failuresInARow: number
  ): void
  workflowRead(workflowId: string, sources: number, destinations: number): void
  /** The connectors are known and their checks begin. */
  checking(plan: Plan): void
  /**
   * One connector's check begins; its progress goes to what this returns. `elapsed` is the time
   * since it began, on the step's clock.
   */
  connector(connector: Connector, elapsed: () => number): ConnectorReporter
}

export interface Plan {
  connectors: readonly Connector[]
  apiHost: string
  maxConcurrency: number
}

/** One connector's progress: started, status changed, retrying, replaced, finished. */
export interface ConnectorReporter extends CheckEvents {
  /** One request, for a debug log: method, path, result and time, never headers. */
  request: RequestLog
  /** The connector's name and type, once the API told them (perhaps never). */
  named(names: ConnectorNames): void
  finished(result: Result): void
}

/** How a step ended: the one outcome, and what it rests on. */
export interface StepReport {
  /** Decided here and nowhere else; only 'success' passes. */
  outcome: Outcome
  /** Every connector's result, in the order checked; empty when a problem came first. */
  results: Result[]
  /** A verdict on the step itself (bad inputs, an unreadable workflow), before any check. */
  problem: Verdict | undefined
  /** Undefined when the inputs could not be read. */
  settings: Settings | undefined
  /** From the first check's start to the last one's end. */
  durationMs: number
}

export interface EngineOptions {
  /** Cancels the step: the front ends wire it to SIGINT and SIGTERM. */
  signal?: AbortSignal | undefined
  clock?: Clock
  random?: () => number
  /** Clock time the step started at; the deadline counts from here (default: process start). */
  startedAt?: number
}

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
    const problem = text.problem(found.problem)
    return stopped(problemVerdict(problem, step.context, found.subject), settings)
  }
  const { connectors } = found
  reporter.checking({
    connectors,
    apiHost: settings.api.host,
    maxConcurrency: settings.maxConcurrency
  })
  const checksStartedAt = clock.now()
  const results = await mapWithConcurrency(connectors, settings.maxConcurrency, (connector) =>
    checkConnector(connector, step)
  )
  return {
    outcome: overallOutcome(results.map((r) => r.verdict.outcome)),
    results,
    problem: undefined,
    settings,
    durationMs: clock.now() - checksStartedAt
  }
}

function stopped(verdict: Verdict, settings: Settings | undefined): StepReport {
  return { outcome: verdict.outcome, results: [], problem: verdict, settings, durationMs: 0 }
}

/** The connectors the inputs name, then the workflow's, each once, in that order. */
async function connectorsToCheck(
  step: Step
): Promise<{ connectors: Connector[] } | { problem: Problem; subject: Subject }> {
  const { settings, pacing, text, reporter } = step
  const { workflowId } = settings
  if (workflowId === undefined) return { connectors: settings.connectors }
  const subject: Subject = { kind: 'workflow', id: workflowId }
  const client = new PlatformClient(
    settings.api.base,
    settings.apiKey,
    () => pacing.clock.epochNow(),
    inertRequests((entry) => {
      reporter.request(entry)
    }, text)
  )
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
  const connectors = uniqueConnectors([
    ...settings.connectors,
    ...sources.map((id) => ({ kind: 'source' as const, id })),
    ...destinations.map((id) => ({ kind: 'destination' as const, id }))
  ])
  if (connectors.length === 0) {
    const { names } = step.context
    const message =
      `Workflow ${workflowId} has no source or destination connectors, and neither ` +
      `${names.ref('source-id')} nor ${names.ref('destination-id')} names one: there is nothing to check.`
    return { problem: { kind: 'invalid-input', input: 'workflow-id', message }, subject }
  }
  return { connectors }
}

/** Checks one connector, looking up its name alongside (a failed lookup changes nothing). */
async function checkConnector(connector: Connector, step: Step): Promise<Result> {
  const { settings, pacing, text } = step
  const { clock } = pacing
  const startedAt = clock.now()
  const report = step.reporter.connector(connector, () => clock.now() - startedAt)
  const requests = inertRequests((entry) => {
    report.request(entry)
  }, text)
  const client = (): PlatformClient =>
    new PlatformClient(settings.api.base, settings.apiKey, () => clock.epochNow(), requests)
  // Separate clients: cutting off a slow lookup must not cut off the check's own requests.
  const checks = client()
  const lookups = client()
  const names = new Pacer(pacing)
    .sendWhenAllowed((call) => lookups.connectorInfo(connector, call))
    .then(
      (result): ConnectorNames | undefined => (result.ok ? result.value : undefined),
      () => undefined
    )
  void names.then((found) => {
    const inert = text.names(found)
    if (inert !== undefined) report.named(inert)
  })
  try {
    const finished = await runCheck(connector, {
      ...pacing,
      api: checks,
      events: inertEvents(report, text)
    })
    const grace = new AbortController()
    const found = await Promise.race([
      names,
      clock
        .sleep(NAME_GRACE_MS, AbortSignal.any([grace.signal, pacing.signal]))
        .then(() => undefined)
    ])
    grace.abort()
    // From here on only inert text: the verdict's message and everything reported quote it.
    const run = text.run(finished)
    const named = text.names(found)
    const result = { connector, names: named, run, verdict: runVerdict(run, named, step.context) }
    report.finished(result)
    return result
  } finally {
    checks.close()
    lookups.close()
  }
}

function inertTransient(problem: TransientProblem, text: RemoteText): TransientProblem {
  return { ...problem, reason: text.clean(problem.reason) }
}

function inertRequests(log: RequestLog, text: RemoteText): RequestLog {
  return (entry) => {
    log({ ...entry, outcome: text.clean(entry.outcome) })
  }
}

/** The check's events with every piece of remote text in them made inert. */
function inertEvents(to: CheckEvents, text: RemoteText): CheckEvents {
  const check = (raw: ConnectionCheck): ConnectionCheck => text.check(raw)
  return {
    started: (raw) => {
      to.started(check(raw))
    },
    joined: (raw, refusal) => {
      const detail = refusal.detail === undefined ? undefined : text.clean(refusal.detail)
      to.joined(check(raw), { ...refusal, detail })
    },
    finalOnArrival: (raw) => {
      to.finalOnArrival(check(raw))
    },
    statusChanged: (raw, previous) => {
      to.statusChanged(check(raw), text.clean(previous))
    },
    superseded: (previous, newer) => {
      to.superseded(check(previous), check(newer))
    },
    unknownStatus: (raw) => {
      to.unknownStatus(check(raw))
    },
    ignored: (raw, relation) => {
      to.ignored(check(raw), relation)
    },
    retrying: (problem, delayMs, failuresInARow) => {
      to.retrying(inertTransient(problem, text), delayMs, failuresInARow)
    }
  }
}
