export const id = 948;
export const ids = [948];
export const modules = {

/***/ 948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OUTPUTS_BUDGET_BYTES: () => (/* binding */ OUTPUTS_BUDGET_BYTES),
/* harmony export */   stepOutputs: () => (/* binding */ stepOutputs),
/* harmony export */   writeOutputs: () => (/* binding */ writeOutputs)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(79);
/* harmony import */ var _report_view_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(143);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(20);
/* harmony import */ var _core_outcome_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(411);








/** GitHub keeps at most 1 MB of step outputs per job; this leaves room for other steps' too. */
const OUTPUTS_BUDGET_BYTES = 900_000;
/**
 * What one output costs in GITHUB_OUTPUT beyond its name and value: `<<`, a delimiter of 49
 * characters twice, and line ends (103 bytes), rounded up.
 */
const OUTPUT_FRAMING_BYTES = 120;
/**
 * The step outputs (the single-check fields only when there is one connector), within
 * OUTPUTS_BUDGET_BYTES: when every entry does not fit, `results` and `check-id` hold the first
 * `kept` connectors, and the results file has them all.
 */
function stepOutputs(step, resultsFile) {
    const { results } = step;
    // Stopped before any check: there is no check, status or reason to tell of.
    if (step.problem !== undefined) {
        return {
            outputs: { outcome: step.outcome, results: '[]', 'results-file': resultsFile },
            kept: 0
        };
    }
    const outputs = {
        outcome: step.outcome,
        status: (0,_core_outcome_js__WEBPACK_IMPORTED_MODULE_6__/* .overallStatus */ .gX)(results.map((r) => (0,_report_view_js__WEBPACK_IMPORTED_MODULE_5__/* .viewOf */ .du)(r).status)),
        results: '[]',
        'results-file': resultsFile
    };
    const [only] = results;
    const single = results.length === 1 && only !== undefined;
    if (single) {
        const { check: shown, checkId } = (0,_report_view_js__WEBPACK_IMPORTED_MODULE_5__/* .viewOf */ .du)(only);
        if (checkId !== undefined)
            outputs['check-id'] = checkId;
        if (shown !== undefined) {
            outputs.reason = shown.reason ?? '';
            outputs['created-at'] = shown.createdAt;
            outputs['reported-at'] = shown.reportedAt ?? '';
        }
    }
    else
        outputs['check-id'] = '';
    let used = Object.entries(outputs).reduce((sum, [name, value]) => sum + (0,_core_text_js__WEBPACK_IMPORTED_MODULE_7__/* .bytes */ .ee)(name) + (0,_core_text_js__WEBPACK_IMPORTED_MODULE_7__/* .bytes */ .ee)(value) + OUTPUT_FRAMING_BYTES, 0);
    const entries = [];
    const checkIds = [];
    for (const result of results) {
        const view = (0,_report_view_js__WEBPACK_IMPORTED_MODULE_5__/* .viewOf */ .du)(result);
        const entry = JSON.stringify(view.entry);
        // One line per connector in results order; an empty line where no check was created.
        const checkId = single ? '' : (view.checkId ?? '');
        const cost = (0,_core_text_js__WEBPACK_IMPORTED_MODULE_7__/* .bytes */ .ee)(entry) + 1 + (single ? 0 : (0,_core_text_js__WEBPACK_IMPORTED_MODULE_7__/* .bytes */ .ee)(checkId) + 1);
        if (used + cost > OUTPUTS_BUDGET_BYTES)
            break;
        used += cost;
        entries.push(entry);
        checkIds.push(checkId);
    }
    outputs.results = `[${entries.join(',')}]`;
    if (!single)
        outputs['check-id'] = checkIds.join('\n');
    return { outputs, kept: entries.length };
}
/** Entries per write of the results file: thousands at once would be one text of megabytes. */
const FILE_CHUNK_ENTRIES = 500;
/**
 * Writes every entry, uncut, where later steps can read it: the text JSON.stringify gives the
 * list, written a chunk at a time. The path, or '' if it failed.
 */
async function writeResultsFile(step, annotations) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), `unstructured-connection-check-results-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.json`);
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'w', 0o600);
        try {
            const { results } = step;
            if (results.length === 0)
                await handle.write('[]\n');
            for (let from = 0; from < results.length; from += FILE_CHUNK_ENTRIES) {
                const chunk = results
                    .slice(from, from + FILE_CHUNK_ENTRIES)
                    .map((r) => JSON.stringify((0,_report_view_js__WEBPACK_IMPORTED_MODULE_5__/* .viewOf */ .du)(r).entry))
                    .join(',');
                const last = from + FILE_CHUNK_ENTRIES >= results.length;
                await handle.write(`${from === 0 ? '[' : ','}${chunk}${last ? ']\n' : ''}`);
            }
        }
        finally {
            await handle.close();
        }
        return file;
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        annotations.warning(`The results file could not be written (${why}).`, 'No results file');
        return '';
    }
}
/**
 * Sets every output and writes the results file. Returns what a reader of the job summary must
 * know as well: that the outputs were cut short, if they were.
 */
async function writeOutputs(step, annotations) {
    const file = await writeResultsFile(step, annotations);
    const { outputs, kept } = stepOutputs(step, file);
    for (const [name, value] of Object.entries(outputs))
        _actions_core__WEBPACK_IMPORTED_MODULE_4__/* .setOutput */ .uH(name, value);
    const total = step.results.length;
    if (kept === total)
        return [];
    const where = file === ''
        ? 'The results file could not be written.'
        : `All ${total} are in ${file} (the results-file output).`;
    const cut = `The results and check-id outputs hold the first ${kept} of ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_7__/* .count */ .U9)(total, 'connector')}: ` +
        `GitHub keeps at most 1 MB of step outputs per job. ${where}`;
    annotations.warning(cut, 'Results output cut short');
    return [cut];
}


/***/ })

};

//# sourceMappingURL=948.index.js.map