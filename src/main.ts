import * as core from '@actions/core'
import { PlatformClient } from './api/client.js'
import { readSettings, type Settings } from './inputs.js'
import { InvalidInputError } from './problems.js'
import { logEvents, reportVerdict } from './report.js'
import { systemClock, type Clock } from './wait/clock.js'
import { runCheck, type CheckRun } from './wait/check-run.js'
import { problemVerdict, seconds, verdictOf, type Outcome } from './verdict.js'

export interface RunOptions {
  /** Cancels the step; index.ts wires it to SIGINT/SIGTERM. */
  signal?: AbortSignal
  clock?: Clock
  random?: () => number
  /** Clock time the step started at; the deadline counts from here (default: process start). */
  startedAt?: number
}

/** The action: read inputs, run the check, report the verdict. Returns the outcome. */
export async function run(options: RunOptions = {}): Promise<Outcome> {
  const clock = options.clock ?? systemClock
  const signal = options.signal ?? new AbortController().signal
  const startedAt = options.startedAt ?? 0

  let settings: Settings
  try {
    settings = readSettings(
      (name) => core.getInput(name),
      (secret) => {
        core.setSecret(secret)
      }
    )
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    const verdict = problemVerdict(error.problem, { apiHost: '', timeoutMs: 0 })
    await reportVerdict(undefined, verdict, undefined)
    return verdict.outcome
  }

  const { api, timeoutMs, pollIntervalMs } = settings
  const connector = settings.connectors[0]
  /* istanbul ignore next: readSettings guarantees one connector */
  if (connector === undefined) throw new Error('no connector to check')

  const client = new PlatformClient(
    api.base,
    settings.apiKey,
    () => clock.epochNow(),
    (entry) => {
      core.debug(
        `${entry.method} ${entry.path} -> ${entry.outcome} (${Math.round(entry.elapsedMs)} ms)`
      )
    }
  )
  const runStartedAt = clock.now()
  let checkRun: CheckRun
  try {
    checkRun = await runCheck(connector, {
      api: client,
      clock,
      random: options.random ?? Math.random,
      signal,
      deadline: startedAt + timeoutMs,
      pollIntervalMs,
      events: logEvents(connector, api.host, () => clock.now() - runStartedAt)
    })
  } finally {
    client.close()
  }
  const verdict = verdictOf(checkRun, { apiHost: api.host, timeoutMs })
  await reportVerdict(checkRun, verdict, api.host)
  core.debug(`Finished in ${seconds(clock.now() - startedAt)} with outcome ${verdict.outcome}.`)
  return verdict.outcome
}
