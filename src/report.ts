import * as core from '@actions/core'
import type { RequestLog } from './api/client.js'
import type { ConnectionCheck } from './api/schemas.js'
import { connectorLabel, kindTitle, type Connector, type ConnectorNames } from './connector.js'
import type { CheckEvents, CheckRun } from './wait/check-run.js'
import type { IgnoredRelation } from './wait/ownership.js'
import { oneLine, seconds } from './text.js'
import { overallOutcome, overallStatus, type Outcome, type Verdict } from './verdict.js'

/**
 * Everything the user sees: log lines, annotations, step outputs and the job summary. The key
 * was masked before anything here runs, and nothing here ever receives headers or options.
 */

/** One connector's check, finished, with what the user needs to read it. */
export interface ConnectorResult {
  connector: Connector
  names: ConnectorNames | undefined
  run: CheckRun
  verdict: Verdict
}

/**
 * One connector's log. With a single connector its lines are printed as they happen; with
 * several, checks run side by side, so each one's lines are kept and printed as one collapsible
 * group when it ends, instead of interleaving.
 */
export class ConnectorLog {
  private readonly pending: (() => void)[] = []

  constructor(
    private readonly connector: Connector,
    private readonly apiHost: string,
    private readonly grouped: boolean,
    private readonly elapsed: () => number
  ) {}

  readonly events: CheckEvents = {
    started: (check) => {
      this.emit(() => {
        core.info(
          `Checking ${connectorLabel(this.connector)} on ${this.apiHost}: started check ${check.id} (${check.status}).`
        )
      })
    },
    joined: (check, refusal) => {
      const status = refusal.kind === 'rejected' ? ` (HTTP ${refusal.status})` : ''
      this.emit(() => {
        core.info(
          `Checking ${connectorLabel(this.connector)} on ${this.apiHost}: the API is already ` +
            `checking it${status}, so this step follows that check, ${check.id} (${check.status}).`
        )
      })
    },
    finalOnArrival: (check) => {
      this.emit(() => {
        core.info(
          `The API answered the POST with check ${check.id}, already ${check.status}: perhaps an ` +
            'old check, so its verdict does not count; asking once more.'
        )
      })
    },
    statusChanged: (check, previousStatus) => {
      const after = seconds(this.elapsed())
      this.emit(() => {
        core.info(`Check ${check.id}: ${previousStatus} -> ${check.status} after ${after}.`)
      })
    },
    superseded: (previous, newer) => {
      this.emit(() => {
        core.warning(
          `A newer check ${newer.id} of ${connectorLabel(this.connector)} (created ${newer.createdAt}, ` +
            `${newer.status}) replaced check ${previous.id}, perhaps from "Save and Test" in the web ` +
            'UI or a parallel run. It tests the same connector, so its result decides this step.',
          { title: 'Connection check superseded' }
        )
      })
    },
    unknownStatus: (check) => {
      this.emit(() => {
        core.warning(
          `Check ${check.id} has status "${check.status}", which this action does not know; ` +
            'it is treated as not final and the wait goes on.',
          { title: 'Unknown check status' }
        )
      })
    },
    ignored: (answer, relation) => {
      const why = IGNORED_WHY[relation]
      this.emit(() => {
        core.debug(
          `Ignoring check ${answer.id} (created ${answer.createdAt}, ${answer.status}): ${why}`
        )
      })
    },
    retrying: (problem, delayMs, failuresInARow) => {
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
  }

  readonly requests: RequestLog = (entry) => {
    const line = requestLine(entry)
    this.emit(() => {
      core.debug(line)
    })
  }

  /** Ends the connector's log with its verdict: a line, or an error annotation. */
  finish(result: ConnectorResult): void {
    const { verdict } = result
    const print = (): void => {
      if (verdict.outcome === 'success') core.info(verdict.message)
      else core.error(verdict.message, { title: verdict.title })
    }
    if (!this.grouped) {
      print()
      return
    }
    const label = connectorLabel(this.connector, result.names, true)
    core.startGroup(
      `${ICON[verdict.outcome]} ${label}: ${verdict.outcome} (${seconds(result.run.durationMs)})`
    )
    for (const line of this.pending.splice(0)) line()
    print()
    core.endGroup()
  }

  private emit(line: () => void): void {
    if (this.grouped) this.pending.push(line)
    else line()
  }
}

const IGNORED_WHY: Record<IgnoredRelation, string> = {
  older: 'it is older than ours.',
  unordered: 'same creation time as ours, another id.',
  implausible: "its creation time is more than a day from the server's own time.",
  unproven: 'it was already final when first seen, and no poll had shown ours as the latest yet.'
}

const ICON: Record<Outcome, string> = {
  success: '✅',
  failure: '❌',
  invalid: '⛔',
  unauthorized: '🔒',
  'not-found': '❓',
  timeout: '⏱️',
  cancelled: '🚫',
  error: '⚠️'
}

const STATUS_ICON = new Map([
  ['SUCCESS', '✅'],
  ['FAILURE', '❌'],
  ['SCHEDULED', '⏳']
])

/** A request as the debug log shows it: method, path, result, time; never headers. */
export function requestLine(entry: Parameters<RequestLog>[0]): string {
  return `${entry.method} ${entry.path} -> ${entry.outcome} (${Math.round(entry.elapsedMs)} ms)`
}

/** The check whose fields the outputs show: the one that decided, else ours. */
function shownCheck(run: CheckRun): ConnectionCheck | undefined {
  return run.followed ?? run.created
}

/** One entry of the `results` output. */
export function resultEntry(result: ConnectorResult): Record<string, string | number | null> {
  const { connector, names, run, verdict } = result
  const shown = shownCheck(run)
  return {
    kind: connector.kind,
    'connector-id': connector.id,
    ...(names?.name === undefined ? {} : { name: names.name }),
    ...(names?.type === undefined ? {} : { type: names.type }),
    'check-id': run.created?.id ?? null,
    status: shown?.status ?? null,
    reason: shown?.reason ?? null,
    outcome: verdict.outcome,
    'created-at': shown?.createdAt ?? null,
    'reported-at': shown?.reportedAt ?? null,
    'duration-seconds': Math.round(run.durationMs / 100) / 10
  }
}

/** The step outputs for finished checks; the single-check fields only when there is one. */
export function stepOutputs(results: readonly ConnectorResult[]): Record<string, string> {
  const outputs: Record<string, string> = {
    outcome: overallOutcome(results.map((r) => r.verdict.outcome)),
    status: overallStatus(results.map((r) => shownCheck(r.run)?.status)),
    results: JSON.stringify(results.map(resultEntry))
  }
  const [only] = results
  if (results.length === 1 && only !== undefined) {
    const shown = shownCheck(only.run)
    if (only.run.created !== undefined) outputs['check-id'] = only.run.created.id
    if (shown !== undefined) {
      outputs.reason = shown.reason ?? ''
      outputs['created-at'] = shown.createdAt
      outputs['reported-at'] = shown.reportedAt ?? ''
    }
  } else {
    // One line per connector, in results order; an empty line where no check was created.
    outputs['check-id'] = results.map((r) => r.run.created?.id ?? '').join('\n')
  }
  return outputs
}

/** Reports every connector's verdict; returns the step's outcome. */
export async function reportResults(
  results: readonly ConnectorResult[],
  apiHost: string,
  elapsedMs: number
): Promise<Outcome> {
  const outputs = stepOutputs(results)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  const outcome = overallOutcome(results.map((r) => r.verdict.outcome))
  const failed = results.filter((r) => r.verdict.outcome !== 'success')

  if (results.length > 1) {
    core.info(`\n${verdictTable(results)}`)
    core.info(
      failed.length === 0
        ? `All ${results.length} connection checks passed in ${seconds(elapsedMs)}.`
        : `${failed.length} of ${results.length} connectors did not pass (${outcome}) after ${seconds(elapsedMs)}: ` +
            failed
              .map((r) => `${connectorLabel(r.connector, r.names)}: ${shortReason(r)}`)
              .join('; ')
    )
  }
  await writeSummary(
    summaryHeading(outcome, results.length, failed.length),
    results,
    results.length === 1 ? results[0]?.verdict.message : undefined,
    apiHost
  )
  return outcome
}

/** Reports a problem that ended the step before any check (bad inputs, the workflow). */
export async function reportProblem(verdict: Verdict, apiHost: string | undefined): Promise<void> {
  core.error(verdict.message, { title: verdict.title })
  core.setOutput('outcome', verdict.outcome)
  core.setOutput('results', '[]')
  await writeSummary(
    `❌ Unstructured connection check: ${verdict.outcome}`,
    [],
    verdict.message,
    apiHost
  )
}

function shortReason(result: ConnectorResult): string {
  const reason = shownCheck(result.run)?.reason?.trim()
  return reason ? `${result.verdict.outcome} (${reason})` : result.verdict.outcome
}

function summaryHeading(outcome: Outcome, total: number, failed: number): string {
  if (total === 1) {
    return `${outcome === 'success' ? '✅' : '❌'} Unstructured connection check: ${outcome === 'success' ? 'passed' : outcome}`
  }
  return failed === 0
    ? `✅ Unstructured connection checks: all ${total} passed`
    : `❌ Unstructured connection checks: ${failed} of ${total} did not pass (${outcome})`
}

/** A plain-text table of every verdict, for the end of the log. */
export function verdictTable(results: readonly ConnectorResult[]): string {
  const rows = [
    ['OUTCOME', 'KIND', 'NAME (TYPE)', 'CONNECTOR', 'CHECK', 'STATUS', 'TIME', 'REASON'],
    ...results.map(({ connector, names, run, verdict }) => [
      verdict.outcome,
      connector.kind,
      nameAndType(names) ?? '-',
      connector.id,
      run.created?.id ?? '-',
      shownCheck(run)?.status ?? '-',
      seconds(run.durationMs),
      oneLine(shownCheck(run)?.reason ?? '', 80)
    ])
  ]
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? []
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

function nameAndType(names: ConnectorNames | undefined): string | undefined {
  if (names?.name === undefined) return undefined
  return names.type === undefined ? names.name : `${names.name} (${names.type})`
}

async function writeSummary(
  heading: string,
  results: readonly ConnectorResult[],
  message: string | undefined,
  apiHost: string | undefined
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No GITHUB_STEP_SUMMARY file: skipping the job summary.')
    return
  }
  const summary = core.summary.addHeading(heading, 3)
  if (results.length > 0) {
    summary.addTable([
      ['Kind', 'Connector', 'Check', 'Status', 'Reason', 'Duration'].map((data) => ({
        data,
        header: true
      })),
      ...results.map(({ connector, names, run }) => {
        const shown = shownCheck(run)
        const name = nameAndType(names)
        return [
          kindTitle(connector.kind),
          `${name === undefined ? '' : `${escapeHtml(name)}<br>`}<code>${escapeHtml(connector.id)}</code>`,
          checkCell(run),
          shown === undefined
            ? '—'
            : `${STATUS_ICON.get(shown.status) ?? '❔'} ${escapeHtml(shown.status)}`,
          // An empty cell would be written as a bare <td>; a dash reads better anyway.
          shown?.reason ? escapeHtml(shown.reason) : '—',
          seconds(run.durationMs)
        ]
      })
    ])
  }
  if (message !== undefined) summary.addRaw(`<p>${escapeHtml(message)}</p>`, true)
  if (apiHost !== undefined) {
    summary.addRaw(`<p>API host: <code>${escapeHtml(apiHost)}</code></p>`, true)
  }
  await summary.write()
}

function checkCell(run: CheckRun): string {
  if (run.created === undefined) return 'none'
  const ours = `<code>${escapeHtml(run.created.id)}</code>`
  const followed = run.followed
  return followed && followed.id !== run.created.id
    ? `${ours}, replaced by <code>${escapeHtml(followed.id)}</code>`
    : ours
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
