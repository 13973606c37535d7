import { setMaxListeners } from 'node:events'
import * as core from '@actions/core'
import { PlatformClient } from './api/client.js'
import { uniqueConnectors, type Connector, type ConnectorNames } from './connector.js'
import { readSettings, type Settings } from './inputs.js'
import { InvalidInputError, type Problem } from './problems.js'
import { RemoteText } from './remote-text.js'
import {
  Annotations,
  ConnectorLog,
  reportProblem,
  reportResults,
  requestLine,
  type ConnectorResult,
  type ReportContext
} from './report.js'
import { count, seconds } from './text.js'
import { runCheck } from './wait/check-run.js'
import { systemClock, type Clock } from './wait/clock.js'
import { Pacer, type PacerOptions } from './wait/pacer.js'
import { mapWithConcurrency } from './wait/pool.js'
import { RateGate } from './wait/rate-gate.js'
import { HostReach, UNREACHABLE_WINDOW_MS } from './wait/reach.js'
import {
  problemVerdict,
  runVerdict,
  type Outcome,
  type Subject,
  type VerdictContext
} from './verdict.js'

export interface RunOptions {
  /** Cancels the step; index.ts wires it to SIGINT/SIGTERM. */
  signal?: AbortSignal
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
  report: ReportContext
}

/** The action: read inputs, find the connectors, check them, report. Returns the outcome. */
export async function run(options: RunOptions = {}): Promise<Outcome> {
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
      (name) => core.getInput(name),
      (secret) => {
        core.setSecret(secret)
        secrets.push(secret)
      }
    )
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    const verdict = problemVerdict(error.problem, { apiHost: '', timeoutMs: 0 }, { kind: 'inputs' })
    const report = {
      text: new RemoteText(secrets),
      annotations: new Annotations(),
      apiHost: undefined
    }
    await reportProblem(verdict, report)
    return verdict.outcome
  }

  const step: Step = {
    settings,
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
    context: { apiHost: settings.api.host, timeoutMs: settings.timeoutMs },
    report: {
      text: new RemoteText(secrets),
      annotations: new Annotations(),
      apiHost: settings.api.host
    }
  }

  const found = await connectorsToCheck(step)
  if ('problem' in found) {
    const problem = step.report.text.problem(found.problem)
    const verdict = problemVerdict(problem, step.context, found.subject)
    await reportProblem(verdict, step.report)
    return verdict.outcome
  }
  const { connectors } = found
  const grouped = connectors.length > 1
  if (grouped) {
    const sources = connectors.filter((c) => c.kind === 'source').length
    core.info(
      `Checking ${connectors.length} connectors (${count(sources, 'source')}, ` +
        `${count(connectors.length - sources, 'destination')}) on ${step.context.apiHost}, ` +
        `up to ${settings.maxConcurrency} at a time.`
    )
  }
  const runStartedAt = clock.now()
  const results = await mapWithConcurrency(connectors, settings.maxConcurrency, (connector) =>
    checkConnector(connector, step, grouped)
  )
  const outcome = await reportResults(results, step.report, clock.now() - runStartedAt)
  core.debug(`Finished in ${seconds(clock.now() - startedAt)} with outcome ${outcome}.`)
  return outcome
}

/** The connectors the inputs name, then the workflow's, each once, in that order. */
async function connectorsToCheck(
  step: Step
): Promise<{ connectors: Connector[] } | { problem: Problem; subject: Subject }> {
  const { settings, pacing, report } = step
  const { workflowId } = settings
  if (workflowId === undefined) return { connectors: settings.connectors }
  const subject: Subject = { kind: 'workflow', id: workflowId }
  const client = new PlatformClient(
    settings.api.base,
    settings.apiKey,
    () => pacing.clock.epochNow(),
    (entry) => {
      core.debug(requestLine(entry, report.text))
    }
  )
  let workflow: Awaited<ReturnType<PlatformClient['workflow']>>
  try {
    workflow = await new Pacer(pacing).retry(
      (call) => client.workflow(workflowId, call),
      (problem, delayMs, failuresInARow) => {
        const line = `${report.text.clean(problem.reason)}; retrying in ${seconds(delayMs)}.`
        // As for checks: the first failure of a streak is worth a line, the rest go to debug.
        if (failuresInARow === 1)
          core.info(`Transient error reading workflow ${workflowId}: ${line}`)
        else core.debug(`Transient error #${failuresInARow} reading the workflow: ${line}`)
      }
    )
  } finally {
    client.close()
  }
  if (!workflow.ok) return { problem: workflow.problem, subject }

  const { sources, destinations } = workflow.value
  core.info(
    `Workflow ${workflowId} has ${count(sources.length, 'source')} and ` +
      `${count(destinations.length, 'destination')}.`
  )
  const connectors = uniqueConnectors([
    ...settings.connectors,
    ...sources.map((id) => ({ kind: 'source' as const, id })),
    ...destinations.map((id) => ({ kind: 'destination' as const, id }))
  ])
  if (connectors.length === 0) {
    const message =
      `Workflow ${workflowId} has no source or destination connectors, and neither 'source-id' ` +
      "nor 'destination-id' names one: there is nothing to check."
    return { problem: { kind: 'invalid-input', input: 'workflow-id', message }, subject }
  }
  return { connectors }
}

/** Checks one connector, looking up its name alongside (a failed lookup changes nothing). */
async function checkConnector(
  connector: Connector,
  step: Step,
  grouped: boolean
): Promise<ConnectorResult> {
  const { settings, pacing } = step
  const { clock } = pacing
  const startedAt = clock.now()
  const log = new ConnectorLog(connector, step.report, grouped, () => clock.now() - startedAt)
  const client = (): PlatformClient =>
    new PlatformClient(settings.api.base, settings.apiKey, () => clock.epochNow(), log.requests)
  // Separate clients: cutting off a slow lookup must not cut off the check's own requests.
  const checks = client()
  const lookups = client()
  const names = new Pacer(pacing)
    .sendWhenAllowed((call) => lookups.connectorInfo(connector, call))
    .then(
      (result): ConnectorNames | undefined => (result.ok ? result.value : undefined),
      () => undefined
    )
  try {
    const finished = await runCheck(connector, { ...pacing, api: checks, events: log.events })
    const grace = new AbortController()
    const found = await Promise.race([
      names,
      clock
        .sleep(NAME_GRACE_MS, AbortSignal.any([grace.signal, pacing.signal]))
        .then(() => undefined)
    ])
    grace.abort()
    // From here on only inert text: the verdict's message and everything reported quote it.
    const { text } = step.report
    const run = text.run(finished)
    const named = text.names(found)
    const result = { connector, names: named, run, verdict: runVerdict(run, named, step.context) }
    log.finish(result)
    return result
  } finally {
    checks.close()
    lookups.close()
  }
}
