export const id = 998;
export const ids = [998];
export const modules = {

/***/ 998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderJunit: () => (/* binding */ renderJunit)
/* harmony export */ });
/* harmony import */ var _view_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(143);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20);
/* harmony import */ var _core_outcome_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(411);



/**
 * The step as JUnit XML, which GitLab, Jenkins, CircleCI and Azure Pipelines render as a test
 * report: one testcase per connector. A platform FAILURE is a <failure> with its reason as the
 * message; any other way of not passing (a timeout, a key refused) is an <error>, with the
 * verdict's title as the message and the verdict itself as the text.
 */
const SUITE = 'Unstructured connection checks';
/** XML 1.0 allows only these characters; anything else becomes U+FFFD. */
// eslint-disable-next-line no-control-regex -- the characters XML forbids are exactly the target
const NOT_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
function xml(text) {
    return (0,_core_text_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkup */ .My)(text.replace(NOT_XML, '\ufffd'));
}
const secondsAttr = (ms) => (ms / 1000).toFixed(3);
function attributes(values) {
    return Object.entries(values)
        .map(([name, value]) => ` ${name}="${xml(String(value))}"`)
        .join('');
}
function notPassed(verdict, reason, hint) {
    if (verdict.outcome === 'failure') {
        const message = reason?.trim() ? reason.trim() : _core_outcome_js__WEBPACK_IMPORTED_MODULE_2__/* .NO_REASON */ .je;
        const text = hint === undefined ? verdict.message : `${verdict.message}\n${hint}`;
        return `      <failure${attributes({ message, type: 'FAILURE' })}>${xml(text)}</failure>\n`;
    }
    return `      <error${attributes({ message: verdict.title, type: verdict.outcome })}>${xml(verdict.message)}</error>\n`;
}
/**
 * A dry run, and a connector the platform gave no verdict on that on-platform-unavailable: warn
 * lets pass, are <skipped>: neither is a check that passed.
 */
function skipped(result) {
    const note = (0,_view_js__WEBPACK_IMPORTED_MODULE_0__/* .viewOf */ .du)(result).waivedNote;
    if (note !== undefined)
        return waivedElement(result.verdict, note);
    if (result.verdict.outcome === 'dry-run') {
        return `      <skipped${attributes({ message: result.verdict.message })}/>\n`;
    }
    return undefined;
}
function testcase(result) {
    const view = (0,_view_js__WEBPACK_IMPORTED_MODULE_0__/* .viewOf */ .du)(result);
    const { connector, verdict } = view;
    const head = `    <testcase${attributes({
        classname: `unstructured.${connector.kind}`,
        name: view.label,
        time: secondsAttr(view.durationMs)
    })}`;
    const skip = skipped(result);
    if (skip !== undefined)
        return `${head}>\n${skip}    </testcase>\n`;
    if (verdict.outcome === 'success') {
        const notes = view.flakyNotes;
        return notes.length === 0
            ? `${head}/>\n`
            : `${head}>\n      <system-out>${xml(notes.join('\n'))}</system-out>\n    </testcase>\n`;
    }
    const failed = notPassed(verdict, view.check?.reason ?? undefined, view.hint);
    return `${head}>\n${failed}    </testcase>\n`;
}
/** The <skipped> of a verdict that on-platform-unavailable: warn keeps from failing the step. */
function waivedElement(verdict, note) {
    return `      <skipped${attributes({ message: `${verdict.outcome}: ${note}` })}>${xml(verdict.message)}</skipped>\n`;
}
/** A step that ended before any check (bad inputs, say) is one testcase in error. */
function stepCase(verdict) {
    const head = `    <testcase${attributes({ classname: 'unstructured', name: 'connection check', time: '0.000' })}`;
    const body = notPassed(verdict, undefined);
    return `${head}>\n${body}    </testcase>\n`;
}
function renderJunit(step) {
    const cases = step.problem === undefined ? step.results.map(testcase) : [stepCase(step.problem)];
    const kinds = step.problem === undefined
        ? step.results.map((r) => ({ outcome: r.verdict.outcome, skipped: skipped(r) !== undefined }))
        : [{ outcome: step.problem.outcome, skipped: false }];
    const counts = {
        tests: cases.length,
        failures: kinds.filter((k) => !k.skipped && k.outcome === 'failure').length,
        errors: kinds.filter((k) => !k.skipped && k.outcome !== 'failure' && k.outcome !== 'success')
            .length,
        time: secondsAttr(step.durationMs)
    };
    const skippedCount = kinds.filter((k) => k.skipped).length;
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<testsuites${attributes({ name: SUITE, ...counts })}>\n` +
        `  <testsuite${attributes({ name: SUITE, ...counts, skipped: skippedCount })}>\n` +
        cases.join('') +
        '  </testsuite>\n' +
        '</testsuites>\n');
}


/***/ })

};

//# sourceMappingURL=998.index.js.map