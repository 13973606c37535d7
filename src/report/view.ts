import type { CheckRun, ConnectionCheck, Result, Verdict } from '../engine/contract.js'
import { connectorLabel, type Connector, type ConnectorNames } from '../core/connector.js'
import { NO_REASON, passingOutcome, type Outcome } from '../core/outcome.js'
import type { Problem } from '../core/problem.js'
import { count, oneLine, seconds } from '../core/text.js'
import { countsInWords, outcomeWords, ranked } from './counts.js'
import { diagnose, gist, type Category, type Diagnosis } from './diagnose/diagnose.js'

/**
 * One view of a result: everything a renderer shows of a connector, decided here once (which
 * check is shown, its reason or what stands for none, the hint, the notes, the short reason),
 * so that the summary, the log, annotations, outputs, JUnit, the terminal and JSON agree and
 * none goes back into the wait loop's records.
 */
export interface ResultView {
  connector: Connector
  /** As the API told them (inert), and cut short for a cell or a list. */
  names: ConnectorNames | undefined
  shortNames: ConnectorNames | undefined
  /** "source orders (s3) 5f1e…" style label, with the short names. */
  label: string
  /** The id's first 8 characters: enough to tell connectors apart at a glance. */
  shortId: string
  /** What a reader finds it by: its name, else its id. */
  sortName: string
  /** Its name on one line (at most 60 characters), else its kind and short id. */
  shortName: string
  /** "orders (s3)" from the short names, or undefined when the name is not known. */
  nameAndType: string | undefined
  /** The same with the names whole. */
  fullNameAndType: string | undefined
  outcome: Outcome
  icon: string
  /** The outcome passes on its own (success, dry-run). */
  passed: boolean
  /** Did not pass, and on-platform-unavailable: warn keeps it from failing the step. */
  waived: boolean
  verdict: Verdict
  /** The check this step created (or joined), if any. */
  checkId: string | undefined
  /** The check that decided instead of it, when another did. */
  replacedBy: string | undefined
  /** The check whose fields are shown: the one that decided, else ours. */
  check: ConnectionCheck | undefined
  status: string | undefined
  /** For a FAILURE: the platform's reason, or what stands for none. */
  reason: string | undefined
  /** For a FAILURE: what its reason most likely means. */
  diagnosis: Diagnosis | undefined
  hint: string | undefined
  /** Why the run ended without a verdict, when it did (the last error, the signal, the queue). */
  problem: Problem | undefined
  notStarted: boolean
  flaky: boolean
  flakyNotes: string[]
  waivedNote: string | undefined
  /** What a reader must know besides the verdict, one sentence each (flaky, waived). */
  notes: string[]
  durationMs: number
  attempts: number
  reused: Result['reused']
  /** Why it did not pass in a few words, on one line ('' for a plain pass); see briefReason. */
  brief: string
  /** The result this view was built from: for the JSON entry and the outputs only. */
  entry: ResultEntry
}

const views = new WeakMap<Result, ResultView>()

/** The view of a result, built once however many renderers ask. */
export function viewOf(result: Result): ResultView {
  const known = views.get(result)
  if (known !== undefined) return known
  const view = buildView(result)
  views.set(result, view)
  return view
}

function buildView(result: Result): ResultView {
  const { connector, names, run, verdict } = result
  const check = shownCheck(run)
  const outcome = verdict.outcome
  const short = shortNames(names)
  const diagnosis = outcome === 'failure' ? diagnose(check?.reason, names?.type) : undefined
  const flakyNotes = flakyNotesOf(result)
  const waivedNote = waivedNoteOf(result)
  const view: Omit<ResultView, 'entry'> = {
    connector,
    names,
    shortNames: short,
    label: connectorLabel(connector, short),
    shortId: connector.id.slice(0, 8),
    sortName: names?.name ?? connector.id,
    shortName:
      names?.name === undefined
        ? `${connector.kind} ${connector.id.slice(0, 8)}`
        : oneLine(names.name, 60),
    nameAndType: nameAndType(short),
    fullNameAndType: nameAndType(names),
    outcome,
    icon: OUTCOME_ICON[outcome],
    passed: passingOutcome(outcome),
    waived: result.waived,
    verdict,
    checkId: run.created?.id,
    replacedBy:
      run.followed !== undefined && run.followed.id !== run.created?.id
        ? run.followed.id
        : undefined,
    check,
    status: check?.status,
    reason: outcome === 'failure' ? check?.reason?.trim() || NO_REASON : undefined,
    diagnosis,
    hint: diagnosis?.hint,
    problem: run.problem,
    notStarted: run.problem?.kind === 'not-started',
    flaky: isFlaky(result),
    flakyNotes,
    waivedNote,
    notes: [...flakyNotes, ...(waivedNote === undefined ? [] : [waivedNote])],
    durationMs: run.durationMs,
    attempts: result.attempts,
    reused: result.reused,
    brief: briefReason(result, check)
  }
  return { ...view, entry: resultEntry(result, view) }
}

/** A failed check's reason on one line of at most `limit` characters, or what stands for none. */
export function failedReason(check: ConnectionCheck, limit: number): string {
  return oneLine(check.reason?.trim() || NO_REASON, limit)
}

/** Passed on a later attempt after a FAILURE. */
function isFlaky(result: Result): boolean {
  return result.verdict.outcome === 'success' && result.failedBefore.length > 0
}

/** One sentence per FAILURE a flaky connector had before it passed, its reason inert. */
function flakyNotesOf(result: Result): string[] {
  if (!isFlaky(result)) return []
  const who = connectorLabel(result.connector, shortNames(result.names), true)
  return result.failedBefore.map(
    (failed) =>
      `${who} is flaky: check ${failed.id} failed (${failedReason(failed, 300)}) ` +
      'before a new check passed.'
  )
}

/** Why a result that did not pass does not fail the step, if it does not. */
function waivedNoteOf(result: Result): string | undefined {
  if (!result.waived) return undefined
  return (
    `The platform gave no verdict (${result.verdict.outcome}), and on-platform-unavailable is ` +
    'warn: this does not fail the step.'
  )
}

/** Why a running check was followed instead of one of this step's, in a few words. */
export function joinedBecause(refusal: { status: number } | undefined): string {
  return refusal === undefined
    ? 'the POST got no answer, and a read showed that check running'
    : `HTTP ${refusal.status}`
}

/** The check whose fields are shown: the one that decided, else ours. */
function shownCheck(run: CheckRun): ConnectionCheck | undefined {
  return run.followed ?? run.created
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

function resultEntry(result: Result, view: Omit<ResultView, 'entry'>): ResultEntry {
  const { connector, names, run, verdict } = result
  const shown = view.check
  const diagnosed = view.diagnosis
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
    flaky: view.flaky,
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
 * Why a result did not pass, in a few words, for a table cell or a list, on one line ('' for a
 * plain pass): the gist of the platform's reason for a FAILURE; for a timeout what was still undecided and
 * the last error; for a connector the queue left out, that; else what went wrong (the verdict's
 * title). A renderer cuts it to its width with oneLine().
 */
function briefReason(result: Result, shown: ConnectionCheck | undefined): string {
  const { outcome, title } = result.verdict
  const { problem } = result.run
  const lastError =
    problem?.kind === 'timeout' && problem.lastTransient !== undefined
      ? `; last error: ${problem.lastTransient}`
      : ''
  switch (outcome) {
    case 'success':
      return result.reused === undefined ? '' : oneLine(`reused ${result.reused.check.id}`)
    case 'dry-run':
      return ''
    case 'failure':
      // The words that say what went wrong, not the library's classes and lead-ins before them.
      return oneLine(gist(shown?.reason ?? '')) || NO_REASON
    case 'timeout':
      if (problem?.kind === 'not-started') return 'not started: no slot left before the deadline'
      if (shown === undefined) return oneLine(`no check started${lastError}`)
      return oneLine(`still ${shown.status} at the deadline${lastError}`)
    case 'cancelled': {
      const by = problem?.kind === 'cancelled' && problem.signal ? ` by ${problem.signal}` : ''
      return oneLine(
        shown === undefined ? `cancelled${by}` : `cancelled${by} while ${shown.status}`
      )
    }
    default:
      return oneLine(title)
  }
}

/** Most connectors named in a closing line before the rest are counted. */
const NAMED_IN_CLOSING_LINE = 10

/**
 * The step's last line: how many passed and, when `named` (nothing above said it yet), which did
 * not and why, the first few by name.
 */
export function closingLine(results: readonly Result[], durationMs: number, named = true): string {
  const all = results.map(viewOf)
  const failed = ranked(all.filter((v) => !v.passed))
  const took = seconds(durationMs)
  if (failed.length === 0 && all.some((v) => v.outcome === 'dry-run')) {
    return all.length === 1
      ? `Dry run: the connector was found in ${took}; no check was started.`
      : `Dry run: all ${all.length} connectors were found in ${took}; no check was started.`
  }
  if (failed.length === 0) {
    return all.length === 1
      ? `The connection check passed in ${took}.`
      : `All ${all.length} connection checks passed in ${took}.`
  }
  const waived = failed.filter((v) => v.waived)
  const tail =
    waived.length > 0 && waived.length === failed.length
      ? ' (on-platform-unavailable is warn: the step passes)'
      : ''
  const described = (v: ResultView): string => {
    const why = oneLine(v.brief, 200)
    return `${v.label}: ${outcomeWords(v.outcome)}${why === '' ? '' : ` (${why})`}`
  }
  const [only] = failed
  if (all.length === 1 && only !== undefined) {
    return named
      ? `The connection check did not pass after ${took}: ${described(only)}${tail}.`
      : `The connection check did not pass (${outcomeWords(only.outcome)}) after ${took}${tail}.`
  }
  const neverStarted = failed.filter((v) => v.notStarted).length
  const queue =
    neverStarted === 0
      ? ''
      : `; ${neverStarted} never started, as the queue left too little time to follow their checks`
  const counts = countsInWords(all.map((v) => v.outcome))
  const head = `${count(all.length, 'connector')} checked in ${took}: ${counts}${tail}${queue}`
  if (!named) return `${head}.`
  const list = failed.slice(0, NAMED_IN_CLOSING_LINE).map(described)
  const more = failed.length - list.length
  return `${head}. ${list.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`
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

/** Widest reason in the log's verdict table: a row must fit a log window without wrapping. */
const TABLE_REASON_CHARS = 60

/**
 * The log's verdict table, in report order: one row per connector, narrow enough not to wrap in
 * GitHub's log (the id cut to 8 characters, the reason to TABLE_REASON_CHARS; each connector's
 * group above has them whole).
 */
export function verdictRows(results: readonly Result[]): { header: string[]; rows: string[][] } {
  return {
    header: ['OUTCOME', 'CONNECTOR', 'ID', 'TIME', 'REASON'],
    rows: ranked(results.map(viewOf)).map((v) => [
      outcomeWords(v.outcome),
      oneLine(v.nameAndType ?? v.connector.kind, 40),
      v.shortId,
      seconds(v.durationMs),
      oneLine(v.brief, TABLE_REASON_CHARS) || '-'
    ])
  }
}
