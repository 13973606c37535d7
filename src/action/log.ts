import * as core from './lines.js'
import { connectorLabel, type Connector } from '../core/connector.js'
import type {
  ConnectorReporter,
  NamesResolved,
  Plan,
  Reporter,
  StepReport
} from '../engine/contract.js'
import type { NameTarget } from '../core/problem.js'
import { closingLine, failedReason, joinedBecause, verdictRows, viewOf } from '../report/view.js'
import {
  alreadyDecided,
  IGNORED_BECAUSE,
  requestLine,
  systemClock,
  type Clock,
  type RequestLog,
  type Result
} from '../engine/contract.js'
import { Heartbeat } from '../report/heartbeat.js'
import { PLAIN, tableLines } from '../report/table.js'
import { outcomeWords } from '../report/counts.js'
import { Annotations } from './annotations.js'
import { resolvedLines } from '../report/resolved.js'
import { count, seconds } from '../core/text.js'

/**
 * The step's live log: lines, collapsible groups and annotations, as the runner shows them. The
 * key is masked before any request, nothing here ever sees headers or options, and the engine
 * makes every piece of remote text inert before it arrives.
 */

/** What the runner's log shows while the step runs. */
export class GitHubLog implements Reporter {
  readonly annotations = new Annotations()
  /** Hears of every line through lines.ts (run.ts connects them); stopped at the step's end. */
  readonly heartbeat: Heartbeat
  private apiHost = ''
  private grouped = false

  constructor(clock: Clock = systemClock) {
    this.heartbeat = new Heartbeat(clock, 'timeout-seconds', (line) => {
      core.info(line)
    })
  }

  secret(value: string): void {
    core.setSecret(value)
  }

  readonly request: RequestLog = (entry) => {
    core.debug(requestLine(entry))
  }

  workflowRetrying(
    workflowId: string,
    problem: { reason: string },
    delayMs: number,
    failuresInARow: number
  ): void {
    const line = `${problem.reason}; retrying in ${seconds(delayMs)}.`
    // As for checks: the first failure of a streak is worth a line, the rest go to debug.
    if (failuresInARow === 1) core.info(`Transient error reading workflow ${workflowId}: ${line}`)
    else core.debug(`Transient error #${failuresInARow} reading the workflow: ${line}`)
  }

  workflowRead(workflowId: string, sources: number, destinations: number): void {
    core.info(
      `Workflow ${workflowId} has ${count(sources, 'source')} and ${count(destinations, 'destination')}.`
    )
  }

  listRetrying(
    target: NameTarget,
    problem: { reason: string },
    delayMs: number,
    failuresInARow: number
  ): void {
    const line = `${problem.reason}; retrying in ${seconds(delayMs)}.`
    if (failuresInARow === 1) core.info(`Transient error listing ${target}s: ${line}`)
    else core.debug(`Transient error #${failuresInARow} listing ${target}s: ${line}`)
  }

  resolved({ lists, lines }: NamesResolved): void {
    for (const list of lists) {
      core.info(`Listed ${count(list.entries, list.target)} (${count(list.requests, 'request')}).`)
    }
    for (const line of resolvedLines(lines)) core.info(line)
  }

  checking(plan: Plan): void {
    this.heartbeat.start(plan)
    const { connectors, apiHost, maxConcurrency } = plan
    this.apiHost = apiHost
    this.grouped = connectors.length > 1
    if (!this.grouped) return
    const sources = connectors.filter((c) => c.kind === 'source').length
    core.info(
      `Checking ${connectors.length} connectors (${count(sources, 'source')}, ` +
        `${count(connectors.length - sources, 'destination')}) on ${apiHost}, ` +
        `up to ${maxConcurrency} at a time.`
    )
  }

  connector(connector: Connector, elapsed: () => number): ConnectorReporter {
    return this.heartbeat.following(
      new ConnectorLog(connector, this.apiHost, this.grouped, this.annotations, elapsed)
    )
  }

  /** The end of the log: the verdict table and closing line, or the problem that stopped it. */
  finish(step: StepReport): void {
    if (step.problem !== undefined) {
      const { message, title } = step.problem
      this.annotations.error(message, title)
    } else if (step.results.length > 1) {
      const { header, rows } = verdictRows(step.results)
      // Line by line, the same text as one message: at thousands of rows one string of it all
      // would be a burst of memory at the very end.
      core.info('')
      for (const line of tableLines(header, rows, PLAIN)) core.info(line)
      // The table above gives every reason; the annotations give the first nine.
      core.info(closingLine(step.results, step.durationMs, false))
    }
  }
}

/**
 * One connector's log. With a single connector its lines are printed as they happen; with
 * several, checks run side by side, so each one's lines are kept and printed as one collapsible
 * group when it ends, instead of interleaving.
 */
class ConnectorLog implements ConnectorReporter {
  private readonly pending: (() => void)[] = []

  constructor(
    private readonly connector: Connector,
    private readonly apiHost: string,
    private readonly grouped: boolean,
    private readonly annotations: Annotations,
    private readonly elapsed: () => number
  ) {}

  readonly request: RequestLog = (entry) => {
    const line = requestLine(entry)
    this.emit(() => {
      core.debug(line)
    })
  }

  named(): void {
    // The group's heading names it at the end; nothing to say before.
  }

  notReused: ConnectorReporter['notReused'] = (why) => {
    this.emit(() => {
      core.info(`Not reusing a recent check of ${connectorLabel(this.connector)}: ${why}.`)
    })
  }

  rechecking: ConnectorReporter['rechecking'] = (failed, pauseMs, n, max) => {
    this.emit(() => {
      core.info(
        `Check ${failed.id} failed (${failedReason(failed, 300)}); starting a new ` +
          `check in ${seconds(pauseMs)} (re-check ${n} of ${max}).`
      )
    })
  }

  started: ConnectorReporter['started'] = (check) => {
    this.emit(() => {
      core.info(
        `Checking ${connectorLabel(this.connector)} on ${this.apiHost}: started check ${check.id} (${check.status}).`
      )
    })
  }

  joined: ConnectorReporter['joined'] = (check, refusal) => {
    this.emit(() => {
      core.info(
        `Checking ${connectorLabel(this.connector)} on ${this.apiHost}: the API is already ` +
          `checking it (${joinedBecause(refusal)}), so this step follows that check, ${check.id} (${check.status}).`
      )
    })
  }

  finalOnArrival: ConnectorReporter['finalOnArrival'] = (check) => {
    this.emit(() => {
      core.info(
        `The API answered the POST with check ${check.id}, ${alreadyDecided(check)}: perhaps an ` +
          'old check, so its verdict does not count; asking once more.'
      )
    })
  }

  statusChanged: ConnectorReporter['statusChanged'] = (check, previousStatus) => {
    const after = seconds(this.elapsed())
    this.emit(() => {
      core.info(`Check ${check.id}: ${previousStatus} -> ${check.status} after ${after}.`)
    })
  }

  superseded: ConnectorReporter['superseded'] = (previous, newer) => {
    this.emit(() => {
      this.annotations.warning(
        `A newer check ${newer.id} of ${connectorLabel(this.connector)} (created ${newer.createdAt}, ` +
          `${newer.status}) replaced check ${previous.id}, perhaps from "Save and Test" in the web ` +
          'UI or a parallel run. It tests the same connector, so its result decides this step.',
        'Connection check superseded'
      )
    })
  }

  unknownStatus: ConnectorReporter['unknownStatus'] = (check) => {
    this.emit(() => {
      this.annotations.warning(
        `Check ${check.id} has status "${check.status}", which this action does not know; ` +
          'it is treated as not final and the wait goes on.',
        'Unknown check status'
      )
    })
  }

  ignored: ConnectorReporter['ignored'] = (answer, relation) => {
    const why = `${IGNORED_BECAUSE[relation]}.`
    this.emit(() => {
      core.debug(
        `Ignoring check ${answer.id} (created ${answer.createdAt}, ${answer.status}): ${why}`
      )
    })
  }

  retrying: ConnectorReporter['retrying'] = (problem, delayMs, failuresInARow) => {
    const line = `${problem.reason}; retrying in ${seconds(delayMs)}.`
    if (failuresInARow === 1 && this.grouped) {
      // Said at once as well: a wrong api-url must not stay hidden in a group until the end.
      core.info(`${connectorLabel(this.connector, undefined, true)}: ${line}`)
    }
    this.emit(() => {
      // The first failure in a row is worth a line; the rest of a streak goes to debug.
      if (failuresInARow === 1) core.info(`Transient error from ${this.apiHost}: ${line}`)
      else core.debug(`Transient error #${failuresInARow}: ${line}`)
    })
  }

  /**
   * Ends the connector's log with its verdict: a line, or an error annotation. A FAILURE's hint
   * is the annotation's second line, apart from the platform's reason that ends the first.
   */
  finished(result: Result): void {
    const view = viewOf(result)
    const { verdict, hint } = view
    // Annotations come at the end, ranked (see Annotations); a group says its verdict itself.
    this.annotations.verdict(view)
    if (!this.grouped) {
      if (view.passed) core.info(verdict.message)
      return
    }
    const label = connectorLabel(this.connector, view.names, true)
    core.startGroup(
      `${view.icon} ${label}: ${outcomeWords(view.outcome)} (${seconds(view.durationMs)})`
    )
    for (const line of this.pending.splice(0)) line()
    core.info(verdict.message)
    if (hint !== undefined) core.info(hint)
    for (const note of view.notes) core.info(note)
    core.endGroup()
  }

  private emit(line: () => void): void {
    if (this.grouped) this.pending.push(line)
    else line()
  }
}
