import type { NamesResolved, StepReport } from '../engine/contract.js'
import { passingOutcome } from '../core/outcome.js'
import { bytes, count, escapeMarkup, oneLine, seconds } from '../core/text.js'
import { countsInWords, outcomeWords, ranked } from './counts.js'
import { viewOf, type ResultView } from './view.js'

/**
 * The job summary, as HTML that GitHub renders (and any Markdown viewer). Read in five seconds:
 * a headline with counts per outcome, a line on what was checked and why the step passes or
 * fails, then one line per connector that did not pass (failures first) with its reason and
 * likely cause, what to fix for each in full, and the passes folded away. The action appends it
 * to the step's summary file, the command line writes it where --summary-file says.
 */

/** A job summary over 1 MiB is refused by the runner, so ours stays below 1 MB. */
export const SUMMARY_BUDGET_BYTES = 1_000_000
/** Kept free for the headline, the paragraphs and the tables' own markup. */
const SUMMARY_RESERVE_BYTES = 4_000
/** A reason cell's visible text, so that a row stays one line; the whole reason is below. */
const REASON_CELL_CHARS = 48
/** A name cell's visible text. */
const NAME_CELL_CHARS = 28
/** Name inputs listed one by one before the rest are counted. */
const MATCHED_LINES = 10

const HEADER = ['Outcome', 'Connector', 'Id', 'Reason', 'Cause', 'Time']

function heading(step: StepReport, views: readonly ResultView[]): string {
  const { outcome, passed, problem } = step
  const icon = passingOutcome(outcome)
    ? outcome === 'dry-run'
      ? '🔎'
      : '✅'
    : passed
      ? '⚠️'
      : '❌'
  if (problem !== undefined) return `${icon} Unstructured connection check: ${problem.title}`
  const counts = countsInWords(views.map((v) => v.outcome))
  const waived =
    passed && !passingOutcome(outcome) ? ' (the step passes: on-platform-unavailable is warn)' : ''
  const [only] = views
  if (views.length === 1 && only !== undefined) {
    const who = oneLine(only.shortName, NAME_CELL_CHARS)
    return outcome === 'dry-run'
      ? `${icon} Dry run: ${who} found; no check was started`
      : `${icon} Unstructured connection check: ${who} ${outcomeWords(only.outcome)}${waived}`
  }
  if (views.every((v) => v.outcome === 'dry-run')) {
    return `${icon} Dry run: all ${views.length} connectors found; no check was started`
  }
  if (views.every((v) => v.outcome === 'success')) {
    return `${icon} Unstructured connection checks: all ${views.length} passed`
  }
  return `${icon} Unstructured connection checks: ${counts}${waived}`
}

/** What was checked, how, and why the step passes or fails, in a sentence or three. */
function intro(step: StepReport, views: readonly ResultView[]): string[] {
  const { settings } = step
  if (settings === undefined || views.length === 0) return []
  const sources = views.filter((v) => v.connector.kind === 'source').length
  const what =
    views.length === 1
      ? `Checked 1 ${views[0]?.connector.kind ?? 'connector'}`
      : `Checked ${count(views.length, 'connector')} (${count(sources, 'source')}, ` +
        `${count(views.length - sources, 'destination')})`
  const how =
    `${what} on <code>${escapeMarkup(settings.api.host)}</code> in ${seconds(step.durationMs)}` +
    (views.length > 1 ? `, up to ${settings.maxConcurrency} at a time` : '') +
    `; deadline ${seconds(settings.timeoutMs)} (timeout-seconds).`
  const failing = views.filter((v) => !v.passed && !v.waived).length
  const waived = views.filter((v) => v.waived).length
  const why = settings.dryRun
    ? 'Dry run: each connector was read with this API key and no connection check was started, ' +
      'so this says nothing yet of their connections.'
    : failing > 0
      ? `The step fails: ${count(failing, 'connector')} did not pass.`
      : waived > 0
        ? `The step passes: the platform gave no verdict on ${count(waived, 'connector')}, and ` +
          'on-platform-unavailable is warn, which lets only that pass.'
        : 'The step passes.'
  const recheck =
    settings.recheckFailures > 0 && !settings.dryRun
      ? ` A FAILURE was checked again up to ${count(settings.recheckFailures, 'time')} ` +
        '(recheck-failures) before it counted.'
      : ''
  return [how, ...matched(step.resolved), `${why}${recheck}`]
}

/** What each name input matched: the line that says why these connectors were checked. */
function matched(resolved: NamesResolved | undefined): string[] {
  if (resolved === undefined || resolved.lines.length === 0) return []
  const lines = resolved.lines.slice(0, MATCHED_LINES).map((line) => {
    const what = line.input.replace(/-name$/, '')
    return `<code>${line.input}</code> <code>${escapeMarkup(line.name)}</code>: ${count(line.matched, what)}`
  })
  const more = resolved.lines.length - lines.length
  return [`Matched ${lines.join(', ')}${more > 0 ? `, and ${more} more names` : ''}.`]
}

const cell = (text: string, title?: string): string =>
  title === undefined || title === '' || title === text
    ? `<td>${escapeMarkup(text)}</td>`
    : `<td title="${escapeMarkup(title)}">${escapeMarkup(text)}</td>`

/** One line of the table: each cell short, the whole of it in a title (and in the details). */
function rowHtml(view: ResultView): string {
  const { connector } = view
  const reason = oneLine(view.brief)
  const cause =
    view.diagnosis !== undefined && view.diagnosis.category !== 'unknown'
      ? view.diagnosis
      : undefined
  const outcome = `${view.icon} ${outcomeWords(view.outcome)}${view.waived ? ' (waived)' : ''}`
  const name = view.names?.name ?? connector.kind
  return (
    '<tr>' +
    // Kept on one line: a wrapped outcome doubles the row's height.
    `<td>${escapeMarkup(outcome).replace(/ /g, '&nbsp;')}</td>` +
    cell(oneLine(name, NAME_CELL_CHARS), view.fullNameAndType ?? name) +
    `<td><code title="${escapeMarkup(`${connector.kind} ${connector.id}`)}">${escapeMarkup(view.shortId)}</code></td>` +
    cell(reason === '' ? '—' : oneLine(reason, REASON_CELL_CHARS), reason) +
    cell(cause?.category ?? '—', cause?.hint) +
    `<td>${seconds(view.durationMs).replace(' ', '&nbsp;')}</td>` +
    '</tr>'
  )
}

/** What to fix for one connector that did not pass: the whole verdict, the hint, the ids. */
function detail(view: ResultView): string {
  const { connector } = view
  const ids =
    `${connector.kind} <code>${escapeMarkup(connector.id)}</code>` +
    (view.checkId === undefined ? '' : `, check <code>${escapeMarkup(view.checkId)}</code>`) +
    (view.replacedBy === undefined
      ? ''
      : ` (replaced by <code>${escapeMarkup(view.replacedBy)}</code>)`) +
    (view.status === undefined ? '' : `, ${escapeMarkup(view.status)}`)
  const name = escapeMarkup(view.fullNameAndType ?? `${connector.kind} ${view.shortId}`)
  const parts = [
    `${view.icon} <b>${name}</b> (${ids}): ${escapeMarkup(view.verdict.message)}`,
    ...(view.hint === undefined ? [] : [`<em>${escapeMarkup(view.hint)}</em>`]),
    ...view.notes.map(escapeMarkup)
  ]
  return parts.join('<br>')
}

const detailHtml = (view: ResultView): string => `<li>${detail(view)}</li>`

const table = (rows: readonly string[]): string[] => [
  '<table>',
  `<tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr>`,
  ...rows,
  '</table>'
]

/** Takes items in order while they fit in `room` bytes; says how many did. */
function fitting(items: readonly string[], room: { left: number }): string[] {
  const taken: string[] = []
  for (const item of items) {
    const size = bytes(item) + 1
    if (size > room.left) break
    room.left -= size
    taken.push(item)
  }
  return taken
}

/** The summary of a finished step; `notes` are said below the table (an output cut short, say). */
export function renderSummary(step: StepReport, notes: readonly string[] = []): string {
  const views = ranked(step.results.map(viewOf))
  const paragraphs = [
    // Without a table, the step's verdict is the summary's only content; a message of several
    // lines (every name that did not resolve) keeps them.
    ...(step.problem === undefined
      ? []
      : [escapeMarkup(step.problem.message).replace(/\n/g, '<br>\n')]),
    ...intro(step, views),
    ...notes.map(escapeMarkup)
  ]
  const title = heading(step, views)
  const parts = [`<h3>${escapeMarkup(title)}</h3>`]
  for (const paragraph of paragraphs) parts.push(`<p>${paragraph}</p>`)
  if (views.length === 0) return `${parts.join('\n')}\n`

  const room = {
    left:
      SUMMARY_BUDGET_BYTES -
      SUMMARY_RESERVE_BYTES -
      parts.reduce((sum, part) => sum + bytes(part) + 1, 0)
  }
  const notPassed = views.filter((v) => !v.passed)
  const passed = views.filter((v) => v.passed)
  // In order of what a reader needs: what did not pass, what to fix, then the passes.
  const failingRows = fitting(notPassed.map(rowHtml), room)
  const details = fitting(notPassed.map(detailHtml), room)
  const passedRows = fitting(passed.map(rowHtml), room)
  if (failingRows.length > 0) parts.push(...table(failingRows))
  const [only] = views
  if (views.length === 1 && only !== undefined) {
    // One connector: its whole story, ids and all, under its row.
    parts.push(`<p>${detail(only)}</p>`)
  } else if (details.length > 0) {
    parts.push(
      '<details>',
      `<summary>What to fix: the whole verdict of each that did not pass (${details.length})</summary>`,
      '',
      '<ul>',
      ...details,
      '</ul>',
      '</details>'
    )
  }
  if (passedRows.length > 0) {
    const label = views.every((v) => v.outcome === 'dry-run') ? 'found' : 'passed'
    const folded = notPassed.length > 0 || passed.length > 5
    // A blank line after <summary> lets Markdown viewers render the table inside.
    if (folded) {
      parts.push(
        '<details>',
        `<summary>${escapeMarkup(count(passed.length, 'connector'))} ${label}</summary>`,
        '',
        ...table(passedRows),
        '</details>'
      )
    } else parts.push(...table(passedRows))
  }
  const shown = failingRows.length + passedRows.length
  if (shown < views.length || details.length < notPassed.length) {
    parts.push(
      `<p>${escapeMarkup(
        `The tables show ${shown} of ${count(views.length, 'connector')}, those that did not ` +
          'pass first: a job summary may hold at most 1 MiB. The log has every verdict, and the ' +
          'results (the results file, or --json) every entry.'
      )}</p>`
    )
  }
  return `${parts.join('\n')}\n`
}
