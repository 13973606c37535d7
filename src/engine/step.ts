import type { EngineOptions, Reporter, StepReport } from './contract.js'
import { setMaxListeners } from 'node:events'
import { checkConnector } from './check.js'
import { connectOverHttp, stepClient, type Planned, type Step } from './context.js'
import { connectorsToCheck } from './plan.js'
import { readSettings } from './inputs.js'
import { type InputNames, type InputReader, type Settings } from './contract.js'
import { RemoteText } from '../core/remote-text.js'
import type { Result } from './contract.js'
import { stepPassed } from './policy.js'
import { latestCheckOf, readLatest, type Latest } from '../wait/latest.js'
import { Turns } from '../wait/turns.js'
import { priorFrom } from '../wait/prior.js'
import { systemClock } from '../wait/clock.js'
import { mapWithConcurrency } from '../wait/pool.js'
import { RateGate } from '../wait/rate-gate.js'
import { HostReach, UNREACHABLE_WINDOW_MS } from '../wait/reach.js'
import { problemVerdict } from './problem-verdict.js'
import { type Verdict } from './contract.js'
import { overallOutcome } from '../core/outcome.js'

/**
 * The engine: from inputs to connectors, checks, results and the one outcome of the step. It
 * knows nothing of GitHub or terminals; a front end hears of progress through a Reporter and
 * reports the StepReport it returns. Everything a reporter receives is already inert.
 */

/**
 * Reads of the latest checks in flight at once for a queue: one GET each, no check started, so a
 * sweep at max-concurrency 1 need not read hundreds of them one by one. Few enough that, beside
 * the checks' own requests, they add little to what the step holds at once.
 */
const QUEUE_READS = 10
/**
 * Connectors read ahead of their turn, per slot: a choice wide enough for longest-first, without
 * holding thousands of latest checks (and reading them all in a burst) from the start.
 */
const QUEUE_AHEAD = 10
/** ...and never fewer in all: few slots are not a reason for a narrow choice. */
const QUEUE_AHEAD_MIN = 1000

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
  const inputs = readSettings(
    read,
    (secret) => {
      reporter.secret(secret)
      secrets.push(secret)
    },
    names
  )
  if (!inputs.ok) {
    const context = { apiHost: '', timeoutMs: 0, names }
    return stopped(problemVerdict(inputs.problem, context, { kind: 'inputs' }), undefined)
  }
  const settings = inputs.value

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
    context: { apiHost: settings.api.host, timeoutMs: settings.timeoutMs, names },
    connect: options.connect ?? connectOverHttp
  }

  const found = await connectorsToCheck(step)
  if (!found.ok) {
    return stopped(
      problemVerdict(text.problem(found.problem), step.context, found.subject),
      settings
    )
  }
  reporter.checking({
    connectors: found.value.map((planned) => planned.connector),
    apiHost: settings.api.host,
    maxConcurrency: settings.maxConcurrency,
    deadline: step.pacing.deadline,
    timeoutMs: settings.timeoutMs
  })
  const checksStartedAt = clock.now()
  const results = await checkAll(found.value, step)
  return {
    outcome: overallOutcome(results.map((r) => r.verdict.outcome)),
    passed: stepPassed(
      undefined,
      results.map((r) => ({ outcome: r.verdict.outcome, waived: r.waived }))
    ),
    results,
    problem: undefined,
    settings,
    resolved: step.resolved,
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
    resolved: undefined,
    durationMs: 0
  }
}

/**
 * Checks every connector, at most max-concurrency at once. When they are more than that, each
 * connector's latest check is read first, so that the longest checks (by their last run) start
 * first and the queue ends as early as the slots allow; a slot starts as soon as the first reads
 * are in, with the longest read so far, and the reads keep only so far ahead of the turns.
 * Results keep the connectors' order.
 */
async function checkAll(connectors: readonly Planned[], step: Step): Promise<Result[]> {
  const { settings, pacing } = step
  const slots = settings.maxConcurrency
  const results = new Array<Result>(connectors.length)
  if (connectors.length <= slots || settings.dryRun) {
    const queue = { connectors: connectors.length, queueMs: () => undefined }
    await mapWithConcurrency(connectors, slots, async (planned, index) => {
      results[index] = await checkConnector(planned, step, { latest: undefined, queue })
    })
    return results
  }
  const reads = Math.max(slots, QUEUE_READS)
  const turns = new Turns<Latest>(
    connectors.length,
    slots,
    reads,
    Math.max(QUEUE_AHEAD_MIN, QUEUE_AHEAD * slots)
  )
  const reading = mapWithConcurrency(connectors, QUEUE_READS, async ({ connector }, index) => {
    await turns.room()
    const checks = stepClient(step, (entry) => {
      step.reporter.request(entry)
    })
    try {
      const latest = await readLatest(connector, {
        api: checks,
        pacing,
        retrying: () => undefined
      })
      turns.arrived(index, priorFrom(latestCheckOf(latest), settings.timeoutMs), latest)
    } finally {
      checks.close()
    }
  }).finally(() => {
    turns.allRead()
  })
  const queue = { connectors: connectors.length, queueMs: () => turns.queueMs() }
  const slot = async (): Promise<void> => {
    for (let turn = await turns.next(); turn !== undefined; turn = await turns.next()) {
      results[turn.index] = await checkConnector(connectors[turn.index] as Planned, step, {
        latest: turn.item,
        queue
      })
    }
  }
  await Promise.all([reading, ...Array.from({ length: slots }, slot)])
  return results
}
