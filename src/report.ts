import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import type { RequestLog } from './api/client.js'
import type { ConnectionCheck } from './api/schemas.js'
import { connectorLabel, kindTitle, type Connector, type ConnectorNames } from './connector.js'
import type { RemoteText } from './remote-text.js'
import { alreadyDecided, type CheckEvents, type CheckRun } from './wait/check-run.js'
import { IGNORED_BECAUSE } from './wait/ownership.js'
import { count, oneLine, seconds } from './text.js'
import { overallOutcome, overallStatus, type Outcome, type Verdict } from './verdict.js'

/**
 * Everything the user sees: log lines, annotations, step outputs and the job summary. The key
 * was masked before anything here runs, nothing here ever receives headers or options, and
 * every piece of remote text passes through RemoteText before it is shown.
 */

/** One connector's check, finished, with what the user needs to read it (remote text inert). */
export interface ConnectorResult {
  connector: Connector
  names: ConnectorNames | undefined
  run: CheckRun
  verdict: Verdict
}

/** GitHub keeps at most 1 MB of step outputs per job; this leaves room for other steps' too. */
export const OUTPUTS_BUDGET_BYTES = 900_000
/**
 * What one output costs in GITHUB_OUTPUT beyond its name and value: `<<`, a delimiter of 49
 * characters twice, and line ends (103 bytes), rounded up.
 */
const OUTPUT_FRAMING_BYTES = 120
/** A job summary over 1 MiB is refused by the runner, so ours stays below 1 MB. */
export const SUMMARY_BUDGET_BYTES = 1_000_000
/** Kept free in the summary for the heading, the notes and the table's own markup. */
const SUMMARY_RESERVE_BYTES = 4_000
/** GitHub shows at most this many annotations of each kind per step, and drops the rest unseen. */
export const ANNOTATIONS_PER_STEP = 10
/** Connectors named in the closing line of a multi-connector log. */
const NAMED_IN_CLOSING_LINE = 10

type AnnotationKind = 'error' | 'warning'

interface Annotation {
  message: string
  title: string
}

/**
 * Error and warning annotations of one step. The first nine of each kind are annotations; later
 * ones are plain log lines where they happen, and one last annotation counts them (or, when it
 * is only one, is that one), so none is dropped without a word.
 */
export class Annotations {
  private readonly shown: Record<AnnotationKind, number> = { error: 0, warning: 0 }
  private readonly held: Record<AnnotationKind, Annotation[]> = { error: [], warning: [] }

  error(message: string, title: string): void {
    this.add('error', { message, title })
  }

  warning(message: string, title: string): void {
    this.add('warning', { message, title })
  }

  /** Emits the annotation for what was held back; call once, when nothing else will come. */
  finish(): void {
    const [error] = this.held.error
    if (this.held.error.length === 1 && error !== undefined) emit('error', error)
    else if (this.held.error.length > 1) {
      const n = this.held.error.length
      emit('error', {
        title: `${n} more connectors did not pass`,
        message:
          `${n} more connectors did not pass. GitHub shows at most ${ANNOTATIONS_PER_STEP} error ` +
          "annotations per step: each verdict is in the connector's group and in the verdict " +
          'table at the end of the log, and in the job summary.'
      })
    }
    const [warning] = this.held.warning
    if (this.held.warning.length === 1 && warning !== undefined) emit('warning', warning)
    else if (this.held.warning.length > 1) {
      const n = this.held.warning.length
      emit('warning', {
        title: `${n} more warnings`,
        message:
          `${n} more warnings are in the log. GitHub shows at most ${ANNOTATIONS_PER_STEP} ` +
          'warning annotations per step.'
      })
    }
    this.held.error = []
    this.held.warning = []
  }

  private add(kind: AnnotationKind, annotation: Annotation): void {
    if (this.shown[kind] < ANNOTATIONS_PER_STEP - 1) {
      this.shown[kind] += 1
      emit(kind, annotation)
      return
    }
    this.held[kind].push(annotation)
    core.info(`${annotation.title}: ${annotation.message}`)
  }
}

function emit(kind: AnnotationKind, { message, title }: Annotation): void {
  if (kind === 'error') core.error(message, { title })
  else core.warning(message, { title })
}

/** What reporting shares over one step. */
export interface ReportContext {
  text: RemoteText
  annotations: Annotations
  /** The API host, for log lines and the summary; undefined before the inputs are known. */
  apiHost: string | undefined
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
    private readonly report: ReportContext,
    private readonly grouped: boolean,
    private readonly elapsed: () => number
  ) {}

  private get apiHost(): string {
    return this.report.apiHost ?? ''
  }

  private inert(check: ConnectionCheck): ConnectionCheck {
    return this.report.text.check(check)
  }

  readonly events: CheckEvents = {
    started: (raw) => {
      const check = this.inert(raw)
      this.emit(() => {
        core.info(
          `Checking ${connectorLabel(this.connector)} on ${this.apiHost}: started check ${check.id} (${check.status}).`
        )
      })
    },
    joined: (raw, refusal) => {
      const check = this.inert(raw)
      const status = ` (HTTP ${refusal.status})`
      this.emit(() => {
        core.info(
          `Checking ${connectorLabel(this.connector)} on ${this.apiHost}: the API is already ` +
            `checking it${status}, so this step follows that check, ${check.id} (${check.status}).`
        )
      })
    },
    finalOnArrival: (raw) => {
      const check = this.inert(raw)
      this.emit(() => {
        core.info(
          `The API answered the POST with check ${check.id}, ${alreadyDecided(check)}: perhaps an ` +
            'old check, so its verdict does not count; asking once more.'
        )
      })
    },
    statusChanged: (raw, rawPrevious) => {
      const check = this.inert(raw)
      const previousStatus = this.report.text.clean(rawPrevious)
      const after = seconds(this.elapsed())
      this.emit(() => {
        core.info(`Check ${check.id}: ${previousStatus} -> ${check.status} after ${after}.`)
      })
    },
    superseded: (rawPrevious, rawNewer) => {
      const previous = this.inert(rawPrevious)
      const newer = this.inert(rawNewer)
      this.emit(() => {
        this.report.annotations.warning(
          `A newer check ${newer.id} of ${connectorLabel(this.connector)} (created ${newer.createdAt}, ` +
            `${newer.status}) replaced check ${previous.id}, perhaps from "Save and Test" in the web ` +
            'UI or a parallel run. It tests the same connector, so its result decides this step.',
          'Connection check superseded'
        )
      })
    },
    unknownStatus: (raw) => {
      const check = this.inert(raw)
      this.emit(() => {
        this.report.annotations.warning(
          `Check ${check.id} has status "${check.status}", which this action does not know; ` +
            'it is treated as not final and the wait goes on.',
          'Unknown check status'
        )
      })
    },
    ignored: (raw, relation) => {
      const answer = this.inert(raw)
      const why = `${IGNORED_BECAUSE[relation]}.`
      this.emit(() => {
        core.debug(
          `Ignoring check ${answer.id} (created ${answer.createdAt}, ${answer.status}): ${why}`
        )
      })
    },
    retrying: (problem, delayMs, failuresInARow) => {
      const line = `${this.report.text.clean(problem.reason)}; retrying in ${seconds(delayMs)}.`
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
    const line = requestLine(entry, this.report.text)
    this.emit(() => {
      core.debug(line)
    })
  }

  /** Ends the connector's log with its verdict: a line, or an error annotation. */
  finish(result: ConnectorResult): void {
    const { verdict } = result
    const print = (): void => {
      if (verdict.outcome === 'success') core.info(verdict.message)
      else this.report.annotations.error(verdict.message, verdict.title)
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
export function requestLine(entry: Parameters<RequestLog>[0], text: RemoteText): string {
  const outcome = text.clean(entry.outcome)
  return `${entry.method} ${entry.path} -> ${outcome} (${Math.round(entry.elapsedMs)} ms)`
}

/** The check whose fields the outputs show: the one that decided, else ours. */
function shownCheck(run: CheckRun): ConnectionCheck | undefined {
  return run.followed ?? run.created
}

export type ResultEntry = Record<string, string | number | null>

/** One entry of the `results` output. */
export function resultEntry(result: ConnectorResult): ResultEntry {
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

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * The step outputs for finished checks (the single-check fields only when there is one), within
 * OUTPUTS_BUDGET_BYTES: when every entry does not fit, `results` and `check-id` hold the first
 * `kept` connectors, and the results file has them all.
 */
export function stepOutputs(
  results: readonly ConnectorResult[],
  resultsFile: string
): { outputs: Record<string, string>; kept: number } {
  const outputs: Record<string, string> = {
    outcome: overallOutcome(results.map((r) => r.verdict.outcome)),
    status: overallStatus(results.map((r) => shownCheck(r.run)?.status)),
    results: '[]',
    'results-file': resultsFile
  }
  const [only] = results
  const single = results.length === 1 && only !== undefined
  if (single) {
    const shown = shownCheck(only.run)
    if (only.run.created !== undefined) outputs['check-id'] = only.run.created.id
    if (shown !== undefined) {
      outputs.reason = shown.reason ?? ''
      outputs['created-at'] = shown.createdAt
      outputs['reported-at'] = shown.reportedAt ?? ''
    }
  } else outputs['check-id'] = ''
  let used = Object.entries(outputs).reduce(
    (sum, [name, value]) => sum + bytes(name) + bytes(value) + OUTPUT_FRAMING_BYTES,
    0
  )
  const entries: string[] = []
  const checkIds: string[] = []
  for (const result of results) {
    const entry = JSON.stringify(resultEntry(result))
    // One line per connector in results order; an empty line where no check was created.
    const checkId = single ? '' : (result.run.created?.id ?? '')
    const cost = bytes(entry) + 1 + (single ? 0 : bytes(checkId) + 1)
    if (used + cost > OUTPUTS_BUDGET_BYTES) break
    used += cost
    entries.push(entry)
    checkIds.push(checkId)
  }
  outputs.results = `[${entries.join(',')}]`
  if (!single) outputs['check-id'] = checkIds.join('\n')
  return { outputs, kept: entries.length }
}

/** Writes every entry, uncut, where later steps can read it; the path, or '' if it failed. */
async function writeResultsFile(
  entries: readonly ResultEntry[],
  annotations: Annotations
): Promise<string> {
  const file = path.join(
    process.env.RUNNER_TEMP || tmpdir(),
    `unstructured-connection-check-results-${randomUUID()}.json`
  )
  try {
    await writeFile(file, `${JSON.stringify(entries)}\n`, { mode: 0o600 })
    return file
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    annotations.warning(`The results file could not be written (${why}).`, 'No results file')
    return ''
  }
}

/** Reports every connector's verdict; returns the step's outcome. */
export async function reportResults(
  results: readonly ConnectorResult[],
  report: ReportContext,
  elapsedMs: number
): Promise<Outcome> {
  const file = await writeResultsFile(results.map(resultEntry), report.annotations)
  const { outputs, kept } = stepOutputs(results, file)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  const outcome = overallOutcome(results.map((r) => r.verdict.outcome))
  const failed = results.filter((r) => r.verdict.outcome !== 'success')

  if (results.length > 1) {
    core.info(`\n${verdictTable(results)}`)
    core.info(
      failed.length === 0
        ? `All ${results.length} connection checks passed in ${seconds(elapsedMs)}.`
        : `${failed.length} of ${results.length} connectors did not pass (${outcome}) after ${seconds(elapsedMs)}: ` +
            closingList(failed)
    )
  }
  const notes: string[] = []
  if (kept < results.length) {
    const where =
      file === ''
        ? 'The results file could not be written.'
        : `All ${results.length} are in ${file} (the results-file output).`
    const cut =
      `The results and check-id outputs hold the first ${kept} of ${count(results.length, 'connector')}: ` +
      `GitHub keeps at most 1 MB of step outputs per job. ${where}`
    report.annotations.warning(cut, 'Results output cut short')
    notes.push(cut)
  }
  report.annotations.finish()
  await writeSummary(
    summaryHeading(outcome, results.length, failed.length),
    results,
    results.length === 1 ? results[0]?.verdict.message : undefined,
    report.apiHost,
    notes
  )
  return outcome
}

/** Reports a problem that ended the step before any check (bad inputs, the workflow). */
export async function reportProblem(verdict: Verdict, report: ReportContext): Promise<void> {
  report.annotations.error(verdict.message, verdict.title)
  core.setOutput('outcome', verdict.outcome)
  core.setOutput('results', '[]')
  core.setOutput('results-file', await writeResultsFile([], report.annotations))
  report.annotations.finish()
  await writeSummary(
    `❌ Unstructured connection check: ${verdict.outcome}`,
    [],
    verdict.message,
    report.apiHost,
    []
  )
}

/** The connectors that did not pass, for the log's last line: the first few, then a count. */
function closingList(failed: readonly ConnectorResult[]): string {
  const named = failed
    .slice(0, NAMED_IN_CLOSING_LINE)
    .map((r) => `${connectorLabel(r.connector, shortNames(r.names))}: ${shortReason(r)}`)
  const more = failed.length - named.length
  return named.join('; ') + (more > 0 ? `; and ${more} more (see the table above)` : '')
}

function shortReason(result: ConnectorResult): string {
  const reason = oneLine(shownCheck(result.run)?.reason ?? '', 200)
  return reason ? `${result.verdict.outcome} (${reason})` : result.verdict.outcome
}

/** Name and type short enough for a table cell or a list. */
function shortNames(names: ConnectorNames | undefined): ConnectorNames | undefined {
  if (names === undefined) return undefined
  return {
    name: names.name === undefined ? undefined : oneLine(names.name, 60),
    type: names.type === undefined ? undefined : oneLine(names.type, 40)
  }
}

function summaryHeading(outcome: Outcome, total: number, failed: number): string {
  if (total === 1) {
    return `${outcome === 'success' ? '✅' : '❌'} Unstructured connection check: ${outcome === 'success' ? 'passed' : outcome}`
  }
  return failed === 0
    ? `✅ Unstructured connection checks: all ${total} passed`
    : `❌ Unstructured connection checks: ${failed} of ${total} did not pass (${outcome})`
}

/** A plain-text table of every verdict, for the end of the log; long cells are shortened. */
export function verdictTable(results: readonly ConnectorResult[]): string {
  const rows = [
    ['OUTCOME', 'KIND', 'NAME (TYPE)', 'CONNECTOR', 'CHECK', 'STATUS', 'TIME', 'REASON'],
    ...results.map(({ connector, names, run, verdict }) => [
      verdict.outcome,
      connector.kind,
      nameAndType(shortNames(names)) ?? '-',
      connector.id,
      oneLine(run.created?.id ?? '-', 40),
      oneLine(shownCheck(run)?.status ?? '-', 24),
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

/** One connector's row of the summary table, as HTML cells. */
function summaryRow({ connector, names, run }: ConnectorResult): string[] {
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
}

/**
 * The rows that fit the summary: all, in results order, when they do; else those that did not
 * pass first (the annotations send readers here), with a note on what was left out.
 */
function summaryRows(
  results: readonly ConnectorResult[],
  room: number
): { rows: string[][]; note: string | undefined } {
  // <tr>, </tr> and <td>...</td> around each of the six cells.
  const rowBytes = (cells: string[]): number =>
    cells.reduce((sum, cell) => sum + bytes(cell) + 9, 9)
  const all = results.map((result) => ({ result, cells: summaryRow(result) }))
  const total = all.reduce((sum, row) => sum + rowBytes(row.cells), 0)
  if (total <= room) return { rows: all.map((row) => row.cells), note: undefined }
  const ordered = [
    ...all.filter((row) => row.result.verdict.outcome !== 'success'),
    ...all.filter((row) => row.result.verdict.outcome === 'success')
  ]
  const rows: string[][] = []
  let left = room
  for (const row of ordered) {
    const size = rowBytes(row.cells)
    if (size > left) break
    left -= size
    rows.push(row.cells)
  }
  return {
    rows,
    note:
      `The table shows ${rows.length} of ${count(results.length, 'connector')}, those that did not ` +
      'pass first: a job summary may hold at most 1 MiB. The verdict table at the end of the log ' +
      'lists them all, and the file named by the results-file output has every entry.'
  }
}

async function writeSummary(
  heading: string,
  results: readonly ConnectorResult[],
  message: string | undefined,
  apiHost: string | undefined,
  notes: readonly string[]
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No GITHUB_STEP_SUMMARY file: skipping the job summary.')
    return
  }
  const paragraphs = [
    ...(message === undefined ? [] : [escapeHtml(message)]),
    ...notes.map(escapeHtml),
    ...(apiHost === undefined ? [] : [`API host: <code>${escapeHtml(apiHost)}</code>`])
  ]
  const summary = core.summary.addHeading(heading, 3)
  if (results.length > 0) {
    const fixed =
      bytes(heading) + paragraphs.reduce((sum, p) => sum + bytes(p), 0) + SUMMARY_RESERVE_BYTES
    const { rows, note } = summaryRows(results, SUMMARY_BUDGET_BYTES - fixed)
    summary.addTable([
      ['Kind', 'Connector', 'Check', 'Status', 'Reason', 'Duration'].map((data) => ({
        data,
        header: true
      })),
      ...rows
    ])
    if (note !== undefined) summary.addRaw(`<p>${escapeHtml(note)}</p>`, true)
  }
  for (const paragraph of paragraphs) summary.addRaw(`<p>${paragraph}</p>`, true)
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
