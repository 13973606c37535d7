import type { CheckRun, ConnectionCheck, Result } from '../engine/contract.js'

import { connectorLabel, type Connector, type ConnectorNames } from '../core/connector.js'
import { diagnose, type Category, type Diagnosis } from './diagnose/diagnose.js'
import { passingOutcome } from '../core/outcome.js'
import { oneLine, seconds } from '../core/text.js'

import { NO_REASON, type Outcome } from '../core/outcome.js'

/** A failed check's reason on one line of at most `limit` characters, or what stands for none. */
export function failedReason(check: ConnectionCheck, limit: number): string {
  return oneLine(check.reason?.trim() || NO_REASON, limit)
}

/** Passed on a later attempt after a FAILURE. */
export function isFlaky(result: Result): boolean {
  return result.verdict.outcome === 'success' && result.failedBefore.length > 0
}

/** One sentence per FAILURE a flaky connector had before it passed, its reason inert. */
export function flakyNotes(result: Result): string[] {
  if (!isFlaky(result)) return []
  const who = connectorLabel(result.connector, shortNames(result.names), true)
  return result.failedBefore.map(
    (failed) =>
      `${who} is flaky: check ${failed.id} failed (${failedReason(failed, 300)}) ` +
      'before a new check passed.'
  )
}

/** Why a result that did not pass does not fail the step, if it does not. */
export function waivedNote(result: Result): string | undefined {
  if (!result.waived) return undefined
  return (
    `The platform gave no verdict (${result.verdict.outcome}), and on-platform-unavailable is ` +
    'warn: this does not fail the step.'
  )
}

/**
 * What a reader must know of a result besides its verdict, one sentence each: a flaky pass, a
 * verdict waived. The log makes warnings of them, the summary and the terminal lines.
 */
export function resultNotes(result: Result): string[] {
  const waived = waivedNote(result)
  return [...flakyNotes(result), ...(waived === undefined ? [] : [waived])]
}

/** Why a running check was followed instead of one of this step's, in a few words. */
export function joinedBecause(refusal: { status: number } | undefined): string {
  return refusal === undefined
    ? 'the POST got no answer, and a read showed that check running'
    : `HTTP ${refusal.status}`
}

/** The check whose fields are shown: the one that decided, else ours. */
export function shownCheck(run: CheckRun): ConnectionCheck | undefined {
  return run.followed ?? run.created
}

/**
 * What a FAILURE's reason most likely means, from its words and the connector's type; undefined
 * for any other outcome, whose verdict says what went wrong itself (an `unauthorized` is the
 * Unstructured API key, never the connector's credentials).
 */
export function diagnosis(result: Result): Diagnosis | undefined {
  if (result.verdict.outcome !== 'failure') return undefined
  return diagnose(shownCheck(result.run)?.reason, result.names?.type)
}

/** One entry of the `results` output, of `--json`, and of the results file. */
export interface ResultEntry {
  kind: Connector['kind']
  'connector-id': string
  name?: string
  type?: string
  'check-id': string | null
  status: string | null
  reason: string | null
  /** For a FAILURE only. */
  category?: Category
  /** For a FAILURE whose category is known only. */
  hint?: string
  outcome: Outcome
  'created-at': string | null
  'reported-at': string | null
  'duration-seconds': number
  /** Checks started (or joined) for the connector: 0 for a reused check or a dry run. */
  attempts: number
  /** Passed after a FAILURE. */
  flaky: boolean
  /** The recent check passed on instead of a new one; null when none was. */
  reused: { 'check-id': string; 'reported-at': string | null; 'age-seconds': number } | null
}

export function resultEntry(result: Result): ResultEntry {
  const { connector, names, run, verdict } = result
  const shown = shownCheck(run)
  const diagnosed = diagnosis(result)
  return {
    kind: connector.kind,
    'connector-id': connector.id,
    ...(names?.name === undefined ? {} : { name: names.name }),
    ...(names?.type === undefined ? {} : { type: names.type }),
    'check-id': run.created?.id ?? null,
    status: shown?.status ?? null,
    reason: shown?.reason ?? null,
    ...(diagnosed === undefined ? {} : { category: diagnosed.category }),
    ...(diagnosed?.hint === undefined ? {} : { hint: diagnosed.hint }),
    outcome: verdict.outcome,
    'created-at': shown?.createdAt ?? null,
    'reported-at': shown?.reportedAt ?? null,
    'duration-seconds': Math.round(run.durationMs / 100) / 10,
    attempts: result.attempts,
    flaky: isFlaky(result),
    reused:
      result.reused === undefined
        ? null
        : {
            'check-id': result.reused.check.id,
            'reported-at': result.reused.check.reportedAt,
            'age-seconds': Math.round(result.reused.ageMs / 100) / 10
          }
  }
}

/** Name and type short enough for a table cell or a list. */
export function shortNames(names: ConnectorNames | undefined): ConnectorNames | undefined {
  if (names === undefined) return undefined
  return {
    name: names.name === undefined ? undefined : oneLine(names.name, 60),
    type: names.type === undefined ? undefined : oneLine(names.type, 40)
  }
}

/** "orders (s3)", or undefined when the name is not known. */
export function nameAndType(names: ConnectorNames | undefined): string | undefined {
  if (names?.name === undefined) return undefined
  return names.type === undefined ? names.name : `${names.name} (${names.type})`
}

/**
 * Why a result did not pass, in a few words, for a table cell or a list, or '' when the outcome
 * says it all: the platform's reason for a FAILURE, the last status for a timeout or a
 * cancellation (unless a status column shows it), else what went wrong (the verdict's title).
 */
export function shortReason(result: Result, limit: number, statusShown = false): string {
  const { outcome, title } = result.verdict
  const shown = shownCheck(result.run)
  switch (outcome) {
    case 'success':
      return result.reused === undefined ? '' : oneLine(`reused ${result.reused.check.id}`, limit)
    case 'dry-run':
      return ''
    case 'failure':
      return oneLine(shown?.reason ?? '', limit) || NO_REASON
    case 'timeout':
    case 'cancelled':
      if (result.run.problem?.kind === 'not-started')
        return 'not started: no time left in the queue'
      if (shown === undefined) return 'no check started'
      return statusShown ? '' : oneLine(`last status ${shown.status}`, limit)
    default:
      return oneLine(title, limit)
  }
}

/** Most connectors named in a closing line before the rest are counted. */
const NAMED_IN_CLOSING_LINE = 10

/**
 * The step's last line: how many passed and, when `named` (nothing above said it yet), which did
 * not and why, the first few by name.
 */
export function closingLine(
  results: readonly Result[],
  outcome: Outcome,
  durationMs: number,
  named = true
): string {
  const failed = results.filter((r) => !passingOutcome(r.verdict.outcome))
  const took = seconds(durationMs)
  if (failed.length === 0 && results.some((r) => r.verdict.outcome === 'dry-run')) {
    return results.length === 1
      ? `Dry run: the connector was found in ${took}; no check was started.`
      : `Dry run: all ${results.length} connectors were found in ${took}; no check was started.`
  }
  if (failed.length === 0) {
    return results.length === 1
      ? `The connection check passed in ${took}.`
      : `All ${results.length} connection checks passed in ${took}.`
  }
  const waived = failed.filter((r) => r.waived)
  const tail =
    waived.length > 0 && waived.length === failed.length
      ? ' (on-platform-unavailable is warn: the step passes)'
      : ''
  const described = (r: Result): string => {
    const why = shortReason(r, 200)
    return `${connectorLabel(r.connector, shortNames(r.names))}: ${r.verdict.outcome}${why === '' ? '' : ` (${why})`}`
  }
  const [only] = failed
  if (results.length === 1 && only !== undefined) {
    return named
      ? `The connection check did not pass after ${took}: ${described(only)}${tail}.`
      : `The connection check did not pass (${outcome}) after ${took}${tail}.`
  }
  const neverStarted = failed.filter((r) => r.run.problem?.kind === 'not-started').length
  const queue =
    neverStarted === 0
      ? ''
      : `; ${neverStarted} never started, as the queue left too little time to follow their checks`
  const head = `${failed.length} of ${results.length} connectors did not pass (${outcome}) after ${took}${tail}${queue}`
  if (!named) return `${head}.`
  const list = failed.slice(0, NAMED_IN_CLOSING_LINE).map(described)
  const more = failed.length - list.length
  return `${head}: ${list.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
}

/** One symbol per outcome, for group headings, tables and the terminal. */
export const OUTCOME_ICON: Record<Outcome, string> = {
  success: '✅',
  'dry-run': '🔎',
  failure: '❌',
  invalid: '⛔',
  unauthorized: '🔒',
  'not-found': '❓',
  timeout: '⏱️',
  cancelled: '🚫',
  error: '⚠️'
}

/** The verdict table of the log and the terminal: one row per connector, long cells shortened. */
export function verdictRows(results: readonly Result[]): { header: string[]; rows: string[][] } {
  return {
    header: ['OUTCOME', 'KIND', 'NAME (TYPE)', 'CONNECTOR', 'CHECK', 'STATUS', 'TIME', 'REASON'],
    rows: results.map((result) => {
      const { connector, names, run, verdict } = result
      return [
        verdict.outcome,
        connector.kind,
        nameAndType(shortNames(names)) ?? '-',
        connector.id,
        oneLine(run.created?.id ?? '-', 40),
        oneLine(shownCheck(run)?.status ?? '-', 24),
        seconds(run.durationMs),
        shortReason(result, 80, true)
      ]
    })
  }
}
