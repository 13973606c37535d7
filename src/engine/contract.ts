// The engine's contract: what a front end gives it, what it hears while the step runs, and
// what the step returns. Renderers read this file and core/ only; the wording and types they
// need from the wait loop and the API client pass through here, so that none reaches past it.
import type { ApiBase } from '../api/url.js'
import type { Connector, ConnectorNames } from '../core/connector.js'
import type { Outcome } from '../core/outcome.js'
import type { NameTarget, TransientProblem } from '../core/problem.js'
import type { ConnectionCheck } from '../api/schemas.js'
import type { PlatformApi, RequestLog } from '../api/client.js'
import type { CheckEvents, CheckRun } from '../wait/check-run.js'
import type { Clock } from '../wait/clock.js'

export { requestLine, type RequestLog } from '../api/client.js'
export type { ConnectionCheck } from '../api/schemas.js'
export type { CheckEvents, CheckRun } from '../wait/check-run.js'
export { systemClock, type Clock } from '../wait/clock.js'
export { IGNORED_BECAUSE } from '../wait/ownership.js'
export { alreadyDecided } from '../wait/start-check.js'

/** Everything the step was asked to do, validated and typed. */
export interface Settings {
  /** Named by `source-id` and `destination-id`, in input order, each once. */
  connectors: Connector[]
  /** Its sources and destinations are checked too. */
  workflowId: string | undefined
  /**
   * Lines of `source-name`, `destination-name` and `workflow-name`: names or glob patterns, each
   * once, in input order; resolved against the list endpoints before any check starts.
   */
  names: NameInputs
  apiKey: string
  api: ApiBase
  timeoutMs: number
  pollIntervalMs: number
  maxConcurrency: number
  /** Where to write a JUnit XML report; undefined for none. */
  junitFile: string | undefined
  /** Whether a platform that gave no verdict (see policy.ts) fails the step or only warns. */
  onPlatformUnavailable: UnavailablePolicy
  /** New checks a connector gets after a FAILURE (0 to MAX_RECHECKS). */
  recheckFailures: number
  /** How old a SUCCESS may be to pass on it without a new check; 0 for never. */
  reuseSuccessMs: number
  /** Read every connector and workflow, start no check. */
  dryRun: boolean
}

/** `on-platform-unavailable`: a platform that gave no verdict fails the step, or only warns. */
export type UnavailablePolicy = 'fail' | 'warn'

export interface NameInputs {
  source: string[]
  destination: string[]
  workflow: string[]
}

/** Reads one input by its action.yml name; '' when absent (as @actions/core's getInput). */
export type InputReader = (name: string) => string

/**
 * How messages name what the user sets: a workflow sets inputs, a terminal sets flags and
 * environment variables. Every message about an input says it through one of these.
 */
export interface InputNames {
  /** Starts a sentence about an input: "Input 'api-url'", or "--api-url". */
  subject(input: string): string
  /** Names an input inside a sentence: "'api-url'", or "--api-url". */
  ref(input: string): string
  /** Where the key lives: "the 'api-key' secret", or "UNSTRUCTURED_API_KEY". */
  key: string
  /** What to do when no key was given at all. */
  missingKey: string
  /** Where environment variables such as NODE_EXTRA_CA_CERTS are set. */
  environment: string
  /** The machine the checks run from: "the runner", or "this machine". */
  machine: string
}

export interface Verdict {
  outcome: Outcome
  /** Annotation title: a few words. */
  title: string
  /** What happened and what to do about it, in one or two sentences. */
  message: string
}

/**
 * One connector's finished check, with its verdict: the one type every front end reports. Every
 * piece of remote text in it is already inert.
 */
export interface Result {
  connector: Connector
  names: ConnectorNames | undefined
  /** The attempt that decided: the last one, unless a re-check gave no verdict after a FAILURE. */
  run: CheckRun
  verdict: Verdict
  /** Checks this step started (or joined) for the connector, re-checks included. */
  attempts: number
  /** Attempts before `run` that ended in FAILURE: with a SUCCESS after them, it is flaky. */
  failedBefore: ConnectionCheck[]
  /** The recent SUCCESS passed on instead of a new check, and its age by the API's Date. */
  reused: { check: ConnectionCheck; ageMs: number } | undefined
  /** The platform gave no verdict and on-platform-unavailable is warn: it does not fail the step. */
  waived: boolean
}

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
  /** A list request failed and is retried (a front end may leave this out). */
  listRetrying?(
    target: NameTarget,
    problem: TransientProblem,
    delayMs: number,
    failuresInARow: number
  ): void
  /** The name inputs are resolved: what each list held and each line matched (names inert). */
  resolved?(resolution: NamesResolved): void
  /** The connectors are known and their checks begin. */
  checking(plan: Plan): void
  /**
   * One connector's check begins; its progress goes to what this returns. `elapsed` is the time
   * since it began, on the step's clock.
   */
  connector(connector: Connector, elapsed: () => number): ConnectorReporter
}

export interface NamesResolved {
  lists: { target: NameTarget; entries: number; requests: number }[]
  /**
   * Each line of a name input: how many it matched, and the names of the first few of them, in
   * order (at most MATCHES_SHOWN; `matched` counts the rest). A plain name that several share
   * shows none: that is a problem, reported as such.
   */
  lines: { input: string; name: string; glob: boolean; matched: number; shown: string[] }[]
}

export interface Plan {
  connectors: readonly Connector[]
  apiHost: string
  maxConcurrency: number
  /** When the step stops waiting, on the step's clock (EngineOptions.clock). */
  deadline: number
  /** timeout-seconds, in milliseconds: what the deadline counts from the step's start. */
  timeoutMs: number
}

/** One connector's progress: started, status changed, retrying, replaced, finished. */
export interface ConnectorReporter extends CheckEvents {
  /** One request, for a debug log: method, path, result and time, never headers. */
  request: RequestLog
  /** The connector's name and type, once the API told them (perhaps never). */
  named(names: ConnectorNames): void
  /** A recent SUCCESS could not be reused, and why (inert), so a check is started. */
  notReused(why: string): void
  /** `failed` ended in FAILURE: a new check starts after `pauseMs` (re-check n of `max`). */
  rechecking(failed: ConnectionCheck, pauseMs: number, n: number, max: number): void
  finished(result: Result): void
}

/** How a step ended: the one outcome, and what it rests on. */
export interface StepReport {
  /** Decided here and nowhere else: the worst of the connectors' outcomes. */
  outcome: Outcome
  /**
   * Whether the step passes, decided by policy.ts alone: on 'success' or 'dry-run', or when what
   * did not pass is only checks the platform gave no verdict on and on-platform-unavailable is warn.
   */
  passed: boolean
  /** Every connector's result, in the order checked; empty when a problem came first. */
  results: Result[]
  /** A verdict on the step itself (bad inputs, an unreadable workflow), before any check. */
  problem: Verdict | undefined
  /** Undefined when the inputs could not be read. */
  settings: Settings | undefined
  /** What the name inputs matched; undefined when no name was given or the step stopped first. */
  resolved: NamesResolved | undefined
  /** From the first check's start to the last one's end. */
  durationMs: number
}

/**
 * How a step reaches the platform: a new client of its own on each call (each with its own
 * connections), its requests logged through `log`. Tests give a stand-in; the default is HTTP.
 */
export type Connect = (options: {
  base: string
  apiKey: string
  epochNow: () => number
  log: RequestLog
}) => PlatformApi

export interface EngineOptions {
  /** The way to the platform (default: over HTTP to the api-url). */
  connect?: Connect
  /** Cancels the step: the front ends wire it to SIGINT and SIGTERM. */
  signal?: AbortSignal | undefined
  clock?: Clock
  random?: () => number
  /** Clock time the step started at; the deadline counts from here (default: process start). */
  startedAt?: number
}
