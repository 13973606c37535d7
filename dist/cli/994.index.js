export const id = 994;
export const ids = [994];
export const modules = {

/***/ 994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FOLD_ROWS_ABOVE: () => (/* binding */ FOLD_ROWS_ABOVE),
/* harmony export */   SUMMARY_BUDGET_BYTES: () => (/* binding */ SUMMARY_BUDGET_BYTES),
/* harmony export */   renderSummary: () => (/* binding */ renderSummary)
/* harmony export */ });
/* harmony import */ var _core_connector_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(912);
/* harmony import */ var _core_outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(411);
/* harmony import */ var _view_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(143);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20);





/**
 * The job summary, as HTML that GitHub renders (and any Markdown viewer): a heading, one row
 * per connector and what a reviewer must know besides. The action appends it to the step's
 * summary file, the command line writes it where --summary-file says.
 */
/** A job summary over 1 MiB is refused by the runner, so ours stays below 1 MB. */
const SUMMARY_BUDGET_BYTES = 1_000_000;
/** Kept free for the heading, the notes and the table's own markup. */
const SUMMARY_RESERVE_BYTES = 4_000;
/**
 * Past this many rows a sweep is hard to read: those that did not pass come first, the rest are
 * folded away in a <details> block.
 */
const FOLD_ROWS_ABOVE = 20;
const HEADER = ['Outcome', 'Kind', 'Connector', 'Check', 'Status', 'Reason', 'Duration'];
function heading(step) {
    const { outcome, results, passed } = step;
    const total = results.length;
    const failed = results.filter((r) => !(0,_view_js__WEBPACK_IMPORTED_MODULE_1__/* .viewOf */ .du)(r).passed).length;
    const icon = (0,_core_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .passingOutcome */ .gP)(outcome) ? '✅' : passed ? '⚠️' : '❌';
    const waived = passed && !(0,_core_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .passingOutcome */ .gP)(outcome) ? ' (not failing the step)' : '';
    if (total <= 1) {
        const said = outcome === 'success' ? 'passed' : outcome === 'dry-run' ? 'dry run passed' : outcome;
        return `${icon} Unstructured connection check: ${said}${waived}`;
    }
    if (failed > 0) {
        return `${icon} Unstructured connection checks: ${failed} of ${total} did not pass (${outcome})${waived}`;
    }
    return outcome === 'dry-run'
        ? `${icon} Unstructured connection checks: dry run, all ${total} found`
        : `${icon} Unstructured connection checks: all ${total} passed`;
}
/**
 * Why the row did not pass, said once: the platform's reason for a FAILURE; for a timeout or a
 * cancellation only what the other cells do not say (the last error, the signal); for any other
 * way of not passing the verdict itself, which also says what to do.
 */
function reasonCell(view) {
    const notes = view.notes.map(_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My);
    const cell = outcomeCell(view);
    if (notes.length === 0)
        return cell;
    return cell === '—' ? notes.join('<br>') : [cell, ...notes].join('<br>');
}
function outcomeCell(view) {
    const { problem, verdict } = view;
    switch (verdict.outcome) {
        case 'success':
            return view.reused === undefined ? '—' : (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(verdict.message);
        case 'dry-run':
            return (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(verdict.message);
        case 'failure': {
            const reason = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(view.reason ?? _core_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .NO_REASON */ .je);
            const { hint } = view;
            return hint === undefined ? reason : `${reason}<br><em>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(hint)}</em>`;
        }
        case 'timeout':
            return problem?.kind === 'timeout' && problem.lastTransient
                ? (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(`Last error: ${problem.lastTransient}.`)
                : '—';
        case 'cancelled':
            return problem?.kind === 'cancelled' && problem.signal
                ? (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(`By ${problem.signal}.`)
                : '—';
        default:
            return (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(verdict.message);
    }
}
function checkCell({ checkId, replacedBy }) {
    if (checkId === undefined)
        return 'none';
    const ours = `<code>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(checkId)}</code>`;
    return replacedBy !== undefined
        ? `${ours}, replaced by <code>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(replacedBy)}</code>`
        : ours;
}
function row(view) {
    const { connector, status } = view;
    const name = view.fullNameAndType;
    return [
        `${view.icon} ${view.outcome}`,
        (0,_core_connector_js__WEBPACK_IMPORTED_MODULE_0__/* .kindTitle */ .t5)(connector.kind),
        `${name === undefined ? '' : `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(name)}<br>`}<code>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(connector.id)}</code>`,
        checkCell(view),
        status === undefined ? '—' : (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(status),
        reasonCell(view),
        (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .seconds */ .YA)(view.durationMs)
    ];
}
const rowHtml = (cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
function rowsThatFit(results, room) {
    const all = results.map(_view_js__WEBPACK_IMPORTED_MODULE_1__/* .viewOf */ .du).map((view) => ({ view, html: rowHtml(row(view)) }));
    const total = all.reduce((sum, r) => sum + (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .bytes */ .ee)(r.html) + 1, 0);
    if (total <= room)
        return { rows: all, note: undefined };
    const ordered = [...all.filter((r) => !r.view.passed), ...all.filter((r) => r.view.passed)];
    const rows = [];
    let left = room;
    for (const r of ordered) {
        const size = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .bytes */ .ee)(r.html) + 1;
        if (size > left)
            break;
        left -= size;
        rows.push(r);
    }
    return {
        rows,
        note: `The table shows ${rows.length} of ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U9)(results.length, 'connector')}, those that did not ` +
            'pass first: a job summary may hold at most 1 MiB. The log has every verdict, and the ' +
            'results (the results file, or --json) every entry.'
    };
}
/** The line that says which results do not fail the step, if any. */
function waivedLine(results) {
    const waived = results.filter((r) => r.waived);
    if (waived.length === 0)
        return [];
    const outcomes = [...new Set(waived.map((r) => r.verdict.outcome))].join(', ');
    return [
        (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(`${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U9)(waived.length, 'connector')} got no verdict from the platform (${outcomes}); ` +
            'on-platform-unavailable is warn, so they do not fail the step.')
    ];
}
/** The summary of a finished step; `notes` are said below the table (an output cut short, say). */
function renderSummary(step, notes = []) {
    const apiHost = step.settings?.api.host;
    const paragraphs = [
        // Without a table, the step's verdict is the summary's only content.
        // A message of several lines (every name that did not resolve) keeps them.
        ...(step.problem === undefined
            ? []
            : [(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(step.problem.message).replace(/\n/g, '<br>\n')]),
        ...waivedLine(step.results),
        ...notes.map(_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My),
        ...(apiHost === undefined ? [] : [`API host: <code>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(apiHost)}</code>`])
    ];
    const title = heading(step);
    const parts = [`<h3>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(title)}</h3>`];
    if (step.results.length > 0) {
        const fixed = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .bytes */ .ee)(title) + paragraphs.reduce((sum, p) => sum + (0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .bytes */ .ee)(p), 0) + SUMMARY_RESERVE_BYTES;
        const { rows, note } = rowsThatFit(step.results, SUMMARY_BUDGET_BYTES - fixed);
        const table = (shown) => [
            '<table>',
            `<tr>${HEADER.map((h) => `<th>${h}</th>`).join('')}</tr>`,
            ...shown.map((r) => r.html),
            '</table>'
        ];
        if (step.results.length > FOLD_ROWS_ABOVE) {
            const passed = rows.filter((r) => r.view.passed);
            const failed = rows.filter((r) => !r.view.passed);
            if (failed.length > 0)
                parts.push(...table(failed));
            if (passed.length > 0) {
                // A blank line after <summary> lets Markdown viewers render the table inside.
                parts.push('<details>', `<summary>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)((0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .count */ .U9)(passed.length, 'connector'))} passed</summary>`, '', ...table(passed), '</details>');
            }
        }
        else
            parts.push(...table(rows));
        if (note !== undefined)
            parts.push(`<p>${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkup */ .My)(note)}</p>`);
    }
    for (const paragraph of paragraphs)
        parts.push(`<p>${paragraph}</p>`);
    return `${parts.join('\n')}\n`;
}


/***/ })

};

//# sourceMappingURL=994.index.js.map