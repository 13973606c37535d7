import { kindTitle } from '../core/connector.js'
import type { StepReport } from '../engine/contract.js'
import { passingOutcome } from '../core/outcome.js'
import { viewOf, type ResultView } from './view.js'
import { type Result } from '../engine/contract.js'
import { bytes, count, escapeMarkup, seconds } from '../core/text.js'
import { NO_REASON } from '../core/outcome.js'

/**
 * The job summary, as HTML that GitHub renders (and any Markdown viewer): a heading, one row
 * per connector and what a reviewer must know besides. The action appends it to the step's
 * summary file, the command line writes it where --summary-file says.
 */

/** A job summary over 1 MiB is refused by the runner, so ours stays below 1 MB. */
export const SUMMARY_BUDGET_BYTES = 1_000_000
/** Kept free for the heading, the notes and the table's own markup. */
const SUMMARY_RESERVE_BYTES = 4_000

/**
 * Past this many rows a sweep is hard to read: those that did not pass come first, the rest are
 * folded away in a <details> block.
 */
export const FOLD_ROWS_ABOVE = 20

const HEADER = ['Outcome', 'Kind', 'Connector', 'Check', 'Status', 'Reason', 'Duration']

function heading(step: StepReport): string {
  const { outcome, results, passed } = step
  const total = results.length
  const failed = results.filter((r) => !viewOf(r).passed).length
  const icon = passingOutcome(outcome) ? '✅' : passed ? '⚠️' : '❌'
  const waived = passed && !passingOutcome(outcome) ? ' (not failing the step)' : ''
  if (total <= 1) {
    const said =
      outcome === 'success' ? 'passed' : outcome === 'dry-run' ? 'dry run passed' : outcome
    return `${icon} Unstructured connection check: ${said}${waived}`
  }
  if (failed > 0) {
    return `${icon} Unstructured connection checks: ${failed} of ${total} did not pass (${outcome})${waived}`
  }
  return outcome === 'dry-run'
    ? `${icon} Unstructured connection checks: dry run, all ${total} found`
    : `${icon} Unstructured connection checks: all ${total} passed`
}

/**
 * Why the row did not pass, said once: the platform's reason for a FAILURE; for a timeout or a
 * cancellation only what the other cells do not say (the last error, the signal); for any other
 * way of not passing the verdict itself, which also says what to do.
 */
function reasonCell(view: ResultView): string {
  const notes = view.notes.map(escapeMarkup)
  const cell = outcomeCell(view)
  if (notes.length === 0) return cell
  return cell === '—' ? notes.join('<br>') : [cell, ...notes].join('<br>')
}

function outcomeCell(view: ResultView): string {
  const { problem, verdict } = view
  switch (verdict.outcome) {
    case 'success':
      return view.reused === undefined ? '—' : escapeMarkup(verdict.message)
    case 'dry-run':
      return escapeMarkup(verdict.message)
    case 'failure': {
      const reason = escapeMarkup(view.reason ?? NO_REASON)
      const { hint } = view
      return hint === undefined ? reason : `${reason}<br><em>${escapeMarkup(hint)}</em>`
    }
    case 'timeout':
      return problem?.kind === 'timeout' && problem.lastTransient
        ? escapeMarkup(`Last error: ${problem.lastTransient}.`)
        : '—'
    case 'cancelled':
      return problem?.kind === 'cancelled' && problem.signal
        ? escapeMarkup(`By ${problem.signal}.`)
        : '—'
    default:
      return escapeMarkup(verdict.message)
  }
}

function checkCell({ checkId, replacedBy }: ResultView): string {
  if (checkId === undefined) return 'none'
  const ours = `<code>${escapeMarkup(checkId)}</code>`
  return replacedBy !== undefined
    ? `${ours}, replaced by <code>${escapeMarkup(replacedBy)}</code>`
    : ours
}

function row(view: ResultView): string[] {
  const { connector, status } = view
  const name = view.fullNameAndType
  return [
    `${view.icon} ${view.outcome}`,
    kindTitle(connector.kind),
    `${name === undefined ? '' : `${escapeMarkup(name)}<br>`}<code>${escapeMarkup(connector.id)}</code>`,
    checkCell(view),
    status === undefined ? '—' : escapeMarkup(status),
    reasonCell(view),
    seconds(view.durationMs)
  ]
}

const rowHtml = (cells: readonly string[]): string =>
  `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`

/**
 * The rows that fit: all, in results order, when they do; else those that did not pass first
 * (the annotations send readers here), with a note on what was left out.
 */
interface Row {
  view: ResultView
  html: string
}

function rowsThatFit(
  results: readonly Result[],
  room: number
): { rows: Row[]; note: string | undefined } {
  const all = results.map(viewOf).map((view) => ({ view, html: rowHtml(row(view)) }))
  const total = all.reduce((sum, r) => sum + bytes(r.html) + 1, 0)
  if (total <= room) return { rows: all, note: undefined }
  const ordered = [...all.filter((r) => !r.view.passed), ...all.filter((r) => r.view.passed)]
  const rows: Row[] = []
  let left = room
  for (const r of ordered) {
    const size = bytes(r.html) + 1
    if (size > left) break
    left -= size
    rows.push(r)
  }
  return {
    rows,
    note:
      `The table shows ${rows.length} of ${count(results.length, 'connector')}, those that did not ` +
      'pass first: a job summary may hold at most 1 MiB. The log has every verdict, and the ' +
      'results (the results file, or --json) every entry.'
  }
}

/** The line that says which results do not fail the step, if any. */
function waivedLine(results: readonly Result[]): string[] {
  const waived = results.filter((r) => r.waived)
  if (waived.length === 0) return []
  const outcomes = [...new Set(waived.map((r) => r.verdict.outcome))].join(', ')
  return [
    escapeMarkup(
      `${count(waived.length, 'connector')} got no verdict from the platform (${outcomes}); ` +
        'on-platform-unavailable is warn, so they do not fail the step.'
    )
  ]
}

/** The summary of a finished step; `notes` are said below the table (an output cut short, say). */
export function renderSummary(step: StepReport, notes: readonly string[] = []): string {
  const apiHost = step.settings?.api.host
  const paragraphs = [
    // Without a table, the step's verdict is the summary's only content.
    // A message of several lines (every name that did not resolve) keeps them.
    ...(step.problem === undefined
      ? []
      : [escapeMarkup(step.problem.message).replace(/\n/g, '<br>\n')]),
    ...waivedLine(step.results),
    ...notes.map(escapeMarkup),
    ...(apiHost === undefined ? [] : [`API host: <code>${escapeMarkup(apiHost)}</code>`])
  ]
  const title = heading(step)
  const parts = [`<h3>${escapeMarkup(title)}</h3>`]
  if (step.results.length > 0) {
    const fixed =
      bytes(title) + paragraphs.reduce((sum, p) => sum + bytes(p), 0) + SUMMARY_RESERVE_BYTES
    const { rows, note } = rowsThatFit(step.results, SUMMARY_BUDGET_BYTES - fixed)
    const table = (shown: readonly Row[]): string[] => [
      '<table>',
      `<tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr>`,
      ...shown.map((r) => r.html),
      '</table>'
    ]
    if (step.results.length > FOLD_ROWS_ABOVE) {
      const passed = rows.filter((r) => r.view.passed)
      const failed = rows.filter((r) => !r.view.passed)
      if (failed.length > 0) parts.push(...table(failed))
      if (passed.length > 0) {
        // A blank line after <summary> lets Markdown viewers render the table inside.
        parts.push(
          '<details>',
          `<summary>${escapeMarkup(count(passed.length, 'connector'))} passed</summary>`,
          '',
          ...table(passed),
          '</details>'
        )
      }
    } else parts.push(...table(rows))
    if (note !== undefined) parts.push(`<p>${escapeMarkup(note)}</p>`)
  }
  for (const paragraph of paragraphs) parts.push(`<p>${paragraph}</p>`)
  return `${parts.join('\n')}\n`
}
