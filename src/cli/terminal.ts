import { connectorLabel, type Connector, type ConnectorNames } from '../core/connector.js'
import type {
  ConnectorReporter,
  NamesResolved,
  Plan,
  Reporter,
  StepReport
} from '../engine/contract.js'
import { systemClock, type Clock } from '../engine/contract.js'
import { Heartbeat } from '../report/heartbeat.js'
import type { TransientProblem } from '../core/problem.js'
import { closingLine, failedReason, joinedBecause, viewOf } from '../report/view.js'
import type { ResultView } from '../report/view.js'
import { outcomeWords, ranked } from '../report/counts.js'
import {
  alreadyDecided,
  IGNORED_BECAUSE,
  requestLine,
  type RequestLog,
  type ConnectionCheck,
  type Result
} from '../engine/contract.js'
import { PLAIN, renderTable } from '../report/table.js'
import { resolvedLines } from '../report/resolved.js'
import { count, oneLine, seconds } from '../core/text.js'
import { passingOutcome } from '../core/outcome.js'
import type { Outcome } from '../core/outcome.js'
import { fit, type Screen, type Span } from './screen.js'

/**
 * The terminal's report. On a terminal: a live line per connector in flight, then a compact
 * verdict table, what each connector that did not pass was told, and the verdict line. Off a
 * terminal: a line per connector as it ends, then the verdict line. --quiet: the verdict line
 * alone. Everything the engine hands over is already inert; the screen also masks the key.
 */

/** How often the elapsed times of the live lines move on. */
const TICK_MS = 100

const KIND_WIDTH = 'destination'.length

export interface TerminalOptions {
  quiet: boolean
  debug: boolean
  /** The step's clock (EngineOptions.clock), for the heartbeat off a terminal. */
  clock?: Clock | undefined
}

export const outcomeStyle = (outcome: Outcome): 'green' | 'red' =>
  passingOutcome(outcome) ? 'green' : 'red'

export class TerminalReport implements Reporter {
  private readonly inFlight = new Set<LiveConnector>()
  private total = 0
  private done = 0
  private notPassed = 0
  private workflow: { id: string; sources: number; destinations: number } | undefined
  private ticker: NodeJS.Timeout | undefined
  /** Off a terminal, where no live line shows progress, a line now and then says it goes on. */
  private readonly heartbeat: Heartbeat

  constructor(
    private readonly screen: Screen,
    private readonly options: TerminalOptions
  ) {
    this.heartbeat = new Heartbeat(options.clock ?? systemClock, '--timeout-seconds', (line) => {
      this.say([{ text: line, style: 'dim' }])
    })
    screen.onLine(() => {
      this.heartbeat.printed()
    })
  }

  secret(value: string): void {
    this.screen.secret(value)
  }

  readonly request: RequestLog = (entry) => {
    this.debug(requestLine(entry))
  }

  workflowRetrying(
    workflowId: string,
    problem: TransientProblem,
    delayMs: number,
    failuresInARow: number
  ): void {
    const line = `Reading workflow ${workflowId}: ${problem.reason}; retrying in ${seconds(delayMs)}.`
    if (failuresInARow === 1) this.say(line)
    else this.debug(line)
  }

  workflowRead(workflowId: string, sources: number, destinations: number): void {
    this.workflow = { id: workflowId, sources, destinations }
  }

  /** What each name or pattern matched, the names of what it found among them. */
  resolved({ lines }: NamesResolved): void {
    for (const line of resolvedLines(lines, (input) => `--${input}`)) {
      this.say([{ text: line, style: 'dim' }])
    }
  }

  checking(plan: Plan): void {
    if (!this.screen.isLive && !this.options.quiet) this.heartbeat.start(plan)
    const { connectors, apiHost, maxConcurrency } = plan
    this.total = connectors.length
    const [only] = connectors
    const what =
      connectors.length === 1 && only !== undefined && this.workflow === undefined
        ? connectorLabel(only)
        : `${count(connectors.length, 'connector')}${this.workflowNote()}`
    const pace = connectors.length > maxConcurrency ? `, ${maxConcurrency} at a time` : ''
    this.say([{ text: `Checking ${what} on ${apiHost}${pace}.`, style: 'dim' }])
  }

  connector(connector: Connector, elapsed: () => number): ConnectorReporter {
    const live = new LiveConnector(connector, elapsed, this)
    this.inFlight.add(live)
    this.redraw()
    if (this.screen.isLive && !this.options.quiet && this.ticker === undefined) {
      this.ticker = setInterval(() => {
        this.redraw()
      }, TICK_MS)
      // The elapsed times alone must not keep the process alive.
      this.ticker.unref()
    }
    return this.heartbeat.following(live)
  }

  /** The end of the report, once the engine is done. */
  finish(step: StepReport): void {
    this.stopLive()
    const { screen } = this
    if (step.problem !== undefined) {
      for (const text of step.problem.message.split('\n')) {
        screen.line([{ text, style: 'red' }])
      }
      return
    }
    const verdict: Span[] = [
      {
        // Above it, each connector that did not pass has its own line already, unless --quiet.
        text: closingLine(step.results, step.durationMs, this.options.quiet),
        style: step.passed ? 'green' : 'red'
      }
    ]
    if (this.options.quiet) {
      screen.line(verdict)
      return
    }
    if (screen.isLive && step.results.length > 0) {
      for (const line of verdictTable(step.results, screen.width - 1)) screen.line(line)
      for (const view of ranked(step.results.map(viewOf))) {
        for (const line of shortLines(view, screen.width - 1)) screen.line(line)
      }
    }
    screen.line(verdict)
  }

  /**
   * Stops the live lines and the heartbeat, once the engine is done (a cancellation may leave
   * checks that never report back).
   */
  stopLive(): void {
    this.heartbeat.stop()
    if (this.ticker !== undefined) clearInterval(this.ticker)
    this.ticker = undefined
    this.inFlight.clear()
    this.screen.clearLive()
  }

  // The connectors' side.

  ended(live: LiveConnector, result: Result): void {
    this.inFlight.delete(live)
    this.done += 1
    if (!viewOf(result).passed) this.notPassed += 1
    // On a terminal the verdict table comes at the end; elsewhere each verdict is said as it comes.
    if (!this.screen.isLive) for (const line of verdictLines(result)) this.say(line)
    else this.redraw()
  }

  isLive(): boolean {
    return this.screen.isLive && !this.options.quiet
  }

  say(line: Span[] | string): void {
    if (!this.options.quiet) this.screen.line(line)
  }

  debug(line: string): void {
    if (this.options.debug && !this.options.quiet) {
      this.screen.line([{ text: `debug: ${line}`, style: 'dim' }])
    }
  }

  redraw(): void {
    if (!this.screen.isLive || this.options.quiet) return
    const lines = [...this.inFlight].map((c) => c.spans())
    const room = this.screen.height - (this.total > 1 ? 1 : 0)
    const shown =
      lines.length > room ? [...lines.slice(0, room - 1), moreLine(lines.length - room + 1)] : lines
    if (this.total > 1) shown.push(this.progressLine())
    this.screen.setLive(shown)
  }

  private progressLine(): Span[] {
    const failed = this.notPassed > 0 ? `, ${this.notPassed} did not pass` : ''
    return [{ text: `  ${this.done} of ${this.total} done${failed}`, style: 'dim' }]
  }

  private workflowNote(): string {
    if (this.workflow === undefined) return ''
    const { id, sources, destinations } = this.workflow
    return ` (workflow ${id}: ${count(sources, 'source')}, ${count(destinations, 'destination')})`
  }
}

function moreLine(n: number): Span[] {
  return [{ text: `  … and ${n} more in flight`, style: 'dim' }]
}

/**
 * One connector's verdict: a line that names it and says why, and for a FAILURE whose reason
 * says enough, the likely cause under it.
 */
export function verdictLines(result: Result): Span[][] {
  const view = viewOf(result)
  const lines: Span[][] = [
    [
      { text: `${view.icon} ` },
      {
        text: oneLine(view.verdict.message),
        style: view.passed ? undefined : view.waived ? 'yellow' : 'red'
      }
    ]
  ]
  const { hint } = view
  if (hint !== undefined) lines.push([{ text: `   ${hint}`, style: 'yellow' }])
  for (const note of view.notes) lines.push([{ text: `   ${note}`, style: 'yellow' }])
  return lines
}

/**
 * What a connector that did not pass (or passed with a note) comes to, after the table: one line
 * with its name, what happened and the reason cut to the width; the likely cause under it.
 */
export function shortLines(view: ResultView, width: number): Span[][] {
  const lines: Span[][] = []
  if (!view.passed) {
    const reason = view.brief === '' ? '' : `: ${view.brief}`
    lines.push(
      fit(
        [
          { text: `${view.icon} ${view.shortName} ` },
          { text: outcomeWords(view.outcome), style: view.waived ? 'yellow' : 'red' },
          { text: reason }
        ],
        width
      )
    )
    if (view.hint !== undefined)
      lines.push(fit([{ text: `   ${view.hint}`, style: 'yellow' }], width))
  }
  for (const note of view.notes) lines.push(fit([{ text: `   ${note}`, style: 'yellow' }], width))
  return lines
}

/**
 * The verdict table, narrow enough for a terminal: each connector's outcome, name (or id),
 * status and time. Why one did not pass follows the table, in full.
 */
export function verdictTable(results: readonly Result[], width: number): Span[][] {
  const header = ['', 'OUTCOME', 'KIND', 'CONNECTOR', 'STATUS', 'TIME']
  const views = ranked(results.map(viewOf))
  const rows = views.map(({ connector, nameAndType: name, icon, outcome, status, durationMs }) => [
    icon,
    outcome,
    connector.kind,
    name === undefined ? connector.id : `${name} ${connector.id.slice(0, 8)}`,
    oneLine(status ?? '-', 24),
    seconds(durationMs)
  ])
  return renderTable(header, rows, PLAIN)
    .split('\n')
    .map((line, i): Span[] => {
      const view = views[i - 1]
      if (view === undefined) return fit([{ text: line, style: 'dim' }], width)
      // The outcome word follows the icon; it alone is coloured.
      const { outcome } = view
      const cut = line.indexOf(outcome, view.icon.length)
      const end = cut + outcome.length
      return fit(
        [
          { text: line.slice(0, cut) },
          { text: line.slice(cut, end), style: outcomeStyle(outcome) },
          { text: line.slice(end) }
        ],
        width
      )
    })
}

/** One connector in flight: its live line, and its events as lines where they matter. */
class LiveConnector implements ConnectorReporter {
  private status = 'starting'
  private name: string | undefined

  constructor(
    private readonly connector: Connector,
    private readonly elapsed: () => number,
    private readonly report: TerminalReport
  ) {}

  spans(): Span[] {
    return [
      {
        text: `  ${this.connector.kind.padEnd(KIND_WIDTH)} ${this.name ?? this.connector.id}  `
      },
      { text: this.status, style: 'yellow' },
      { text: `  ${seconds(this.elapsed())}`, style: 'dim' }
    ]
  }

  readonly request: RequestLog = (entry) => {
    this.report.debug(requestLine(entry))
  }

  named = (names: ConnectorNames): void => {
    // Short enough for a live line: the id comes with the verdict.
    if (names.name !== undefined) this.name = oneLine(names.name, 40)
  }

  started = (check: ConnectionCheck): void => {
    this.set(check.status)
    this.report.debug(`${this.label()}: started check ${check.id} (${check.status}).`)
  }

  joined: ConnectorReporter['joined'] = (check, refusal) => {
    this.set(`${check.status} (joined a running check)`)
    this.report.debug(
      `${this.label()}: the API is already checking it (${joinedBecause(refusal)}); following check ${check.id}.`
    )
  }

  finalOnArrival = (check: ConnectionCheck): void => {
    this.report.debug(
      `${this.label()}: the POST answered with check ${check.id}, ${alreadyDecided(check)}; asking once more.`
    )
  }

  statusChanged = (check: ConnectionCheck, previous: string): void => {
    this.set(check.status)
    this.report.debug(
      `Check ${check.id}: ${previous} -> ${check.status} after ${seconds(this.elapsed())}.`
    )
  }

  superseded = (previous: ConnectionCheck, newer: ConnectionCheck): void => {
    this.set(`${newer.status} (newer check)`)
    this.report.say([
      {
        text:
          `warning: a newer check ${newer.id} of ${this.label()} (created ${newer.createdAt}) ` +
          `replaced check ${previous.id}; its result decides.`,
        style: 'yellow'
      }
    ])
  }

  unknownStatus = (check: ConnectionCheck): void => {
    this.report.say([
      {
        text:
          `warning: check ${check.id} of ${this.label()} has status "${check.status}", which ` +
          'this tool does not know; it is taken as not final.',
        style: 'yellow'
      }
    ])
  }

  ignored: ConnectorReporter['ignored'] = (answer, relation) => {
    this.report.debug(
      `Ignoring check ${answer.id} (created ${answer.createdAt}, ${answer.status}): ${IGNORED_BECAUSE[relation]}.`
    )
  }

  retrying = (problem: TransientProblem, delayMs: number, failuresInARow: number): void => {
    const line = `${this.label()}: ${problem.reason}; retrying in ${seconds(delayMs)}.`
    this.set(`retrying: ${oneLine(problem.reason, 60)}`)
    // Off a terminal the first error of a streak is worth a line, or a wrong --api-url would
    // show nothing at all until the verdict; on one, the live line says it.
    if (failuresInARow === 1 && !this.report.isLive()) this.report.say(line)
    else this.report.debug(line)
  }

  notReused = (why: string): void => {
    const line = `${this.label()}: not reusing a recent check: ${why}.`
    if (this.report.isLive()) this.report.debug(line)
    else this.report.say(line)
  }

  rechecking = (failed: ConnectionCheck, pauseMs: number, n: number, max: number): void => {
    this.set(`re-check ${n} of ${max}`)
    const reason = failedReason(failed, 200)
    const line =
      `${this.label()}: check ${failed.id} failed (${reason}); a new check starts in ` +
      `${seconds(pauseMs)} (re-check ${n} of ${max}).`
    if (this.report.isLive()) this.report.debug(line)
    else this.report.say(line)
  }

  finished(result: Result): void {
    this.report.ended(this, result)
  }

  private set(status: string): void {
    this.status = status
    this.report.redraw()
  }

  private label(): string {
    return connectorLabel(this.connector)
  }
}
