import type { ConnectionCheck } from './api/schemas.js'
import { connectorLabel, type Connector, type ConnectorNames } from './connector.js'
import { diagnose, type Category, type Diagnosis } from './hints.js'
import { oneLine, seconds } from './text.js'
import type { CheckRun } from './wait/check-run.js'
import { NO_REASON, type Outcome, type Verdict } from './verdict.js'

/**
 * One connector's finished check, with its verdict: the one type every front end reports. Every
 * piece of remote text in it is already inert.
 */
export interface Result {
  connector: Connector
  names: ConnectorNames | undefined
  run: CheckRun
  verdict: Verdict
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
    'duration-seconds': Math.round(run.durationMs / 100) / 10
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
      return ''
    case 'failure':
      return oneLine(shown?.reason ?? '', limit) || NO_REASON
    case 'timeout':
    case 'cancelled':
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
  const failed = results.filter((r) => r.verdict.outcome !== 'success')
  const took = seconds(durationMs)
  if (failed.length === 0) {
    return results.length === 1
      ? `The connection check passed in ${took}.`
      : `All ${results.length} connection checks passed in ${took}.`
  }
  const described = (r: Result): string => {
    const why = shortReason(r, 200)
    return `${connectorLabel(r.connector, shortNames(r.names))}: ${r.verdict.outcome}${why === '' ? '' : ` (${why})`}`
  }
  const [only] = failed
  if (results.length === 1 && only !== undefined) {
    return named
      ? `The connection check did not pass after ${took}: ${described(only)}.`
      : `The connection check did not pass (${outcome}) after ${took}.`
  }
  const head = `${failed.length} of ${results.length} connectors did not pass (${outcome}) after ${took}`
  if (!named) return `${head}.`
  const list = failed.slice(0, NAMED_IN_CLOSING_LINE).map(described)
  const more = failed.length - list.length
  return `${head}: ${list.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
}

/** One symbol per outcome, for group headings, tables and the terminal. */
export const OUTCOME_ICON: Record<Outcome, string> = {
  success: '✅',
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
