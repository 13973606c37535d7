export const id = 127;
export const ids = [127];
export const modules = {

/***/ 127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHECK: () => (/* binding */ CHECK),
  CONNECTOR: () => (/* binding */ CONNECTOR),
  CONNECTOR_LIST: () => (/* binding */ CONNECTOR_LIST),
  WORKFLOW: () => (/* binding */ WORKFLOW),
  WORKFLOW_LIST: () => (/* binding */ WORKFLOW_LIST),
  readAnswer: () => (/* binding */ readAnswer)
});

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 2 modules
var lib = __webpack_require__(855);
// EXTERNAL MODULE: ./src/core/problem.ts
var problem = __webpack_require__(652);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(20);
// EXTERNAL MODULE: ./src/api/http-status.ts
var http_status = __webpack_require__(205);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(532);
// EXTERNAL MODULE: ./src/core/ids.ts
var core_ids = __webpack_require__(921);
// EXTERNAL MODULE: ./src/api/timestamp.ts
var timestamp = __webpack_require__(624);
;// CONCATENATED MODULE: ./src/api/schemas.ts




/**
 * Response shapes from the vendor's OpenAPI document, loosened where the docs say the API may
 * grow: extra fields are accepted, and `status` is any string so a future value is seen (and
 * treated as not final) instead of making every answer unreadable.
 */
const timestampText = schemas/* string */.YjP().transform((text, ctx) => {
    const parsed = (0,timestamp/* parseTimestamp */.EH)(text);
    if (parsed)
        return { text, parsed };
    ctx.issues.push({ code: 'custom', message: 'is not an ISO 8601 timestamp', input: text });
    return core/* NEVER */.tm;
});
/** A string from the API, put on one line before anything can print it. */
const remoteText = schemas/* string */.YjP().transform(core_text/* flatten */.Bq);
const ConnectionCheckSchema = schemas/* looseObject */._H3({
    id: remoteText.pipe(schemas/* string */.YjP().min(1)),
    status: remoteText.pipe(schemas/* string */.YjP().min(1)),
    reason: remoteText.nullish(),
    created_at: timestampText,
    reported_at: remoteText.nullish()
})
    .transform((raw) => ({
    id: raw.id,
    status: raw.status,
    reason: raw.reason ?? null,
    createdAt: raw.created_at.text,
    reportedAt: raw.reported_at ?? null,
    created: raw.created_at.parsed
}));
const ValidationItemSchema = schemas/* looseObject */._H3({
    loc: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()])).optional(),
    msg: schemas/* string */.YjP()
});
/** Both official SDKs type `detail` as "a list of validation errors, or a string". */
const ErrorBodySchema = schemas/* looseObject */._H3({
    detail: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(ValidationItemSchema)])
});
/** Connector ids go into request paths, so a workflow's must be UUIDs like the inputs'. */
const connectorId = schemas/* string */.YjP()
    .regex(core_ids/* UUID */.k, 'holds an id that is not a UUID')
    .transform((id) => id.toLowerCase());
const connectorIds = schemas/* array */.YOg(connectorId, 'must be a list of connector UUIDs');
/** A workflow: only the connector lists are used, so only they are checked. */
const WorkflowConnectorsSchema = schemas/* looseObject */._H3({
    sources: connectorIds,
    destinations: connectorIds
});
/**
 * When a connector was last changed, as the API wrote it: undefined when it gave none, '' when
 * it gave something that is not text (an unreadable time, never a reason to refuse the answer).
 */
function updatedAtOf(value) {
    if (value === undefined || value === null)
        return undefined;
    return typeof value === 'string' ? (0,core_text/* flatten */.Bq)(value) : '';
}
/**
 * A connector's id, name and type, and when it was last updated (`config` is never read). Its
 * `updatedAt` is null when the API said null (never updated), undefined when it said nothing.
 */
const ConnectorInfoSchema = schemas/* looseObject */._H3({
    id: schemas/* unknown */.L5J().optional(),
    name: remoteText.nullish(),
    type: remoteText.nullish(),
    updated_at: schemas/* unknown */.L5J().optional()
})
    .transform((raw) => ({
    id: typeof raw.id === 'string' ? raw.id.toLowerCase() : undefined,
    name: raw.name ?? undefined,
    type: raw.type ?? undefined,
    updatedAt: raw.updated_at === null ? null : updatedAtOf(raw.updated_at)
}));
const isFlaw = (value) => typeof value === 'object' && value !== null && 'why' in value;
/** A text field on one line; undefined when absent, a Flaw when not a string. */
function optionalText(item, field) {
    const value = item[field];
    if (value === undefined || value === null)
        return undefined;
    return typeof value === 'string' ? (0,core_text/* flatten */.Bq)(value) : { field, why: 'must be a string' };
}
function uuids(item, field) {
    const value = item[field];
    if (!Array.isArray(value))
        return { field, why: 'must be a list of connector UUIDs' };
    const ids = [];
    for (let i = 0; i < value.length; i += 1) {
        const id = value[i];
        if (typeof id !== 'string' || !core_ids/* UUID */.k.test(id)) {
            return { field: `${field}.${i}`, why: 'holds an id that is not a UUID' };
        }
        ids.push(id.toLowerCase());
    }
    return ids;
}
// Written for a cold start, where a step spends its life: thousands of entries, each read by
// a few plain checks with no intermediate objects.
function readEntry(item, typeField) {
    const { id } = item;
    if (typeof id !== 'string' || !core_ids/* UUID */.k.test(id))
        return { field: 'id', why: 'is not a UUID' };
    const name = optionalText(item, 'name');
    if (isFlaw(name))
        return name;
    const type = optionalText(item, typeField);
    if (isFlaw(type))
        return type;
    return { id: id.toLowerCase(), name: name ?? '', type };
}
const readConnector = (item) => {
    const entry = readEntry(item, 'type');
    if (isFlaw(entry))
        return entry;
    const updatedAt = updatedAtOf(item.updated_at);
    // Set on the entry just made rather than copied: a list has thousands.
    if (updatedAt !== undefined)
        entry.updatedAt = updatedAt;
    return entry;
};
const readWorkflow = (item) => {
    const base = readEntry(item, 'workflow_type');
    if (isFlaw(base))
        return base;
    const sources = uuids(item, 'sources');
    if (isFlaw(sources))
        return sources;
    const destinations = uuids(item, 'destinations');
    if (isFlaw(destinations))
        return destinations;
    return { ...base, sources, destinations };
};
/**
 * A bare JSON array of entries, read by hand: a list holds thousands, and a zod object schema
 * per entry cost ten times the CPU on a cold start.
 * Extra fields are accepted; a wrong field is named by its path, as zod would.
 */
function listSchema(what, read) {
    return schemas/* unknown */.L5J().transform((value, ctx) => {
        if (!Array.isArray(value)) {
            ctx.issues.push({ code: 'custom', message: `must be a list of ${what}`, input: value });
            return core/* NEVER */.tm;
        }
        const entries = new Array(value.length);
        for (let i = 0; i < value.length; i += 1) {
            const item = value[i];
            if (typeof item !== 'object' || item === null || Array.isArray(item)) {
                ctx.issues.push({ code: 'custom', message: 'must be an object', input: item, path: [i] });
                return core/* NEVER */.tm;
            }
            const entry = read(item);
            if (isFlaw(entry)) {
                ctx.issues.push({ code: 'custom', message: entry.why, input: item, path: [i, entry.field] });
                return core/* NEVER */.tm;
            }
            entries[i] = entry;
        }
        return entries;
    });
}
/** The connector lists are bare arrays, with no paging. */
const ConnectorListSchema = listSchema('connectors', readConnector);
/** One page of `GET /workflows/`: a bare array too. */
const WorkflowListSchema = listSchema('workflows', readWorkflow);

;// CONCATENATED MODULE: ./src/api/classify.ts




/**
 * Gives an answer its meaning. Pure: the wall clock is passed in only to read a Retry-After
 * given as an HTTP date.
 */
function classifyResponse(response, expected, nowEpochMs) {
    const { status } = response;
    if (status >= 200 && status < 300) {
        const parsed = parseBody(response.body, expected.schema);
        if (parsed.ok)
            return { ok: true, value: parsed.value };
        const reason = `the answer was not ${expected.name} (${parsed.problem.why})`;
        // A web page where an API answer belongs (an `api-url` pointing at the web app) is no blip
        // either; an empty or cut-off body may be.
        const final = parsed.problem.json || parsed.problem.why === 'an HTML page';
        if (final && expected.shapeIsFinal === true) {
            return { ok: false, problem: { kind: 'malformed', status, reason } };
        }
        return { ok: false, problem: (0,problem/* transient */["do"])(status, reason) };
    }
    if (status >= 300 && status < 400) {
        const location = header(response, 'location');
        return { ok: false, problem: { kind: 'redirect', status, location: hostOf(location) } };
    }
    if (status === 401 || status === 403 || status === 404) {
        // A firewall, CDN or corporate proxy answers these too, with a page of its own: saying "key
        // rejected" or "connector not found" then would send the user the wrong way.
        if (errorBody(response)?.success !== true) {
            return { ok: false, problem: foreignAnswer(response) };
        }
        const detail = detailText(response);
        return {
            ok: false,
            problem: status === 404
                ? { kind: 'not-found', status, detail }
                : { kind: 'unauthorized', status, detail }
        };
    }
    if (status === 422) {
        return { ok: false, problem: { kind: 'validation', status, items: validationItems(response) } };
    }
    if (status === 408 || status === 429 || status >= 500 || status < 200) {
        const retryAfterMs = parseRetryAfter(header(response, 'retry-after'), nowEpochMs);
        return { ok: false, problem: (0,problem/* transient */["do"])(status, (0,http_status/* httpStatusText */.i)(status), retryAfterMs) };
    }
    return { ok: false, problem: { kind: 'rejected', status, detail: detailText(response) } };
}
/** The value, or a few words on why the body is not one (and whether it was JSON at all). */
function parseBody(body, schema) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        if (body.trim() === '')
            return { ok: false, problem: { why: 'empty body', json: false } };
        const why = body.trimStart().startsWith('<') ? 'an HTML page' : 'invalid JSON';
        return { ok: false, problem: { why, json: false } };
    }
    const parsed = schema.safeParse(json);
    if (parsed.success)
        return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    return {
        ok: false,
        problem: {
            why: field === '' ? 'not a JSON object' : `field '${field}' ${issue?.message ?? 'is invalid'}`,
            json: true
        }
    };
}
/** What can be told about an error answer that is not the API's: status, type, page title. */
function foreignAnswer(response) {
    const contentType = header(response, 'content-type')?.split(';')[0]?.trim();
    const title = pageTitle(response.body);
    return {
        kind: 'foreign-answer',
        status: response.status,
        contentType: contentType === '' ? undefined : contentType,
        // Whole: it is cut only once the key has been redacted from it, or a cut could split the key.
        title: title === undefined || title.trim() === '' ? undefined : decodeEntities(title)
    };
}
/** Where a page's <title> is looked for: it sits in the head, near the start. */
const TITLE_SEARCH_CHARS = 16 * 1024;
/** The text of the first <title> element near the start of a page; linear in its length. */
function pageTitle(body) {
    const head = body.slice(0, TITLE_SEARCH_CHARS);
    const lower = head.toLowerCase();
    const open = lower.indexOf('<title');
    if (open < 0)
        return undefined;
    const start = lower.indexOf('>', open);
    const end = start < 0 ? -1 : lower.indexOf('</title', start);
    return end < 0 ? undefined : head.slice(start + 1, end);
}
/** The few entities that page titles use ("Attention Required! &#124; Cloudflare"). */
function decodeEntities(text) {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity) => {
        if (entity.startsWith('#x') || entity.startsWith('#X')) {
            return safeCodePoint(Number.parseInt(entity.slice(2), 16)) ?? whole;
        }
        if (entity.startsWith('#'))
            return safeCodePoint(Number(entity.slice(1))) ?? whole;
        return named[entity.toLowerCase()] ?? whole;
    });
}
function safeCodePoint(code) {
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : undefined;
}
function header(response, name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function hostOf(location) {
    if (location === undefined)
        return undefined;
    try {
        // A relative Location stays on the same host; report it as a path then.
        return new URL(location).host || location;
    }
    catch {
        return location;
    }
}
function errorBody(response) {
    try {
        return ErrorBodySchema.safeParse(JSON.parse(response.body));
    }
    catch {
        return undefined;
    }
}
/** The string `detail` of an error body, on one line (reporting caps its length). */
function detailText(response) {
    const parsed = errorBody(response);
    if (!parsed?.success)
        return undefined;
    const { detail } = parsed.data;
    const text = typeof detail === 'string' ? detail : detail.map(formatItem).join('; ');
    return (0,core_text/* oneLine */.TN)(text);
}
/** Every item of a 422 as "loc: msg"; a plain-string detail is one item. */
function validationItems(response) {
    const parsed = errorBody(response);
    if (!parsed?.success)
        return [];
    const { detail } = parsed.data;
    if (typeof detail === 'string')
        return [(0,core_text/* oneLine */.TN)(detail)];
    return detail.map((item) => (0,core_text/* oneLine */.TN)(formatItem(item)));
}
function formatItem(item) {
    const loc = item.loc?.join('.') ?? '';
    return loc === '' ? item.msg : `${loc}: ${item.msg}`;
}
/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowEpochMs) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Number(text) * 1000;
    const at = parseHttpDate(text);
    return at === undefined ? undefined : Math.max(0, at - nowEpochMs);
}
/** The server's `Date` header as epoch ms; undefined when absent or unreadable. */
function serverDate(response) {
    const value = header(response, 'date');
    return value === undefined ? undefined : parseHttpDate(value.trim());
}
/**
 * The Age header (RFC 9111) in seconds: a cache served the answer that long after the server
 * made it. NaN when present but not a number of seconds; undefined when absent.
 */
function cacheAge(response) {
    const value = header(response, 'age')?.trim();
    if (value === undefined)
        return undefined;
    return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const DAY_NAME = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
// The three forms of RFC 9110 section 5.6.7, case-sensitive as it says: day, month, year, time.
const IMF_FIXDATE = new RegExp(`^(?:${DAY}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(?:${DAY_NAME}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^(?:${DAY}) (${MONTH}) ( \\d|\\d{2}) ${TIME} (\\d{4})$`);
/**
 * An HTTP date in one of the three forms of RFC 9110 (IMF-fixdate "Sun, 06 Nov 1994 08:49:37
 * GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT", asctime "Sun Nov  6 08:49:37 1994"), always
 * GMT. Read by hand with Date.UTC: Date.parse takes other strings too ("7", "-1") and reads a
 * zone-less one in the runner's own time zone. RFC 850's two-digit year is 19yy from 50 and 20yy
 * below (RFC 5322's rule: fixed, so the result needs no clock). The weekday is not checked.
 */
function parseHttpDate(text) {
    const fix = IMF_FIXDATE.exec(text);
    if (fix !== null) {
        const [, day, month, year, hour, minute, second] = fix;
        return utcDate(year, month, day, hour, minute, second);
    }
    const old = RFC_850.exec(text);
    if (old !== null) {
        const [, day, month, yy, hour, minute, second] = old;
        const twoDigits = Number(yy);
        const year = String(twoDigits + (twoDigits >= 50 ? 1900 : 2000));
        return utcDate(year, month, day, hour, minute, second);
    }
    const asc = ASCTIME.exec(text);
    if (asc !== null) {
        const [, month, day, hour, minute, second, year] = asc;
        return utcDate(year, month, day?.trim(), hour, minute, second);
    }
    return undefined;
}
/** Epoch ms of a date and time of day read as UTC; undefined when either is not a real one. */
function utcDate(...parts) {
    const [year, monthName, day, hour, minute, second] = parts;
    const month = MONTHS.indexOf(monthName ?? '');
    const [y, d, h, mi, s] = [year, day, hour, minute, second].map(Number);
    // The grammar allows a leap second (:60); it counts as the first second of the next minute.
    if (month < 0 || h > 23 || mi > 59 || s > 60 || d < 1)
        return undefined;
    const midnight = Date.UTC(y, month, d);
    // Date.UTC rolls 31 Feb over into March; a real date never needs that.
    if (new Date(midnight).getUTCDate() !== d)
        return undefined;
    return midnight + ((h * 60 + mi) * 60 + s) * 1000;
}

;// CONCATENATED MODULE: ./src/api/answers.ts
// What each call's answer must be, and how the outcome of a request becomes an Answer. With the
// schemas it brings in zod, so PlatformClient imports it when the first answer comes back:
// nothing before the first request needs it, and loading it cost a tenth of start-up.





/**
 * The server's Date header, for the coarse sanity bound on a newer check's age and the age of a
 * check to reuse, and the Age header that says a cache answered, not the server.
 */
function withServerDate(check, response) {
    const date = serverDate(response);
    const age = cacheAge(response);
    return {
        ...check,
        ...(date === undefined ? {} : { serverDateMs: date }),
        ...(age === undefined ? {} : { cacheAgeSeconds: age })
    };
}
/** The Age header, which says a cache answered: an updated_at it holds may be out of date. */
function withCacheAge(info, response) {
    const age = cacheAge(response);
    return age === undefined ? info : { ...info, cacheAgeSeconds: age };
}
const CHECK = {
    schema: ConnectionCheckSchema,
    name: 'a connection check',
    describe: (check) => `${check.status} (check ${check.id})`,
    annotate: withServerDate
};
const WORKFLOW = {
    schema: WorkflowConnectorsSchema,
    name: 'a workflow',
    shapeIsFinal: true
};
const CONNECTOR = {
    schema: ConnectorInfoSchema,
    name: 'a connector',
    shapeIsFinal: true,
    annotate: withCacheAge
};
const CONNECTOR_LIST = {
    schema: ConnectorListSchema,
    name: 'a list of connectors',
    describe: (list) => `${list.length} connectors`,
    shapeIsFinal: true
};
const WORKFLOW_LIST = {
    schema: WorkflowListSchema,
    name: 'a list of workflows',
    describe: (list) => `${list.length} workflows`,
    shapeIsFinal: true
};
/** What a request's outcome means: the answer read as `reading` says, or why there is none. */
function readAnswer(sent, reading, timeoutMs, now, url) {
    const result = interpret(sent, reading, timeoutMs, now, url);
    if (!result.ok || !sent.ok || reading.annotate === undefined)
        return result;
    return { ok: true, value: reading.annotate(result.value, sent.value) };
}
function interpret(sent, expected, timeoutMs, now, url) {
    if (sent.ok)
        return classifyResponse(sent.value, expected, now);
    switch (sent.problem.failure) {
        case 'aborted':
            return { ok: false, problem: { kind: 'cancelled', signal: undefined } };
        case 'timed-out': {
            const reason = `no answer within ${(0,core_text/* seconds */.YA)(timeoutMs)}`;
            // Begun but not finished in time: the host answered, and a POST may have created a check.
            if (sent.problem.answered)
                return { ok: false, problem: (0,problem/* transient */["do"])(undefined, `${reason} (cut off)`) };
            // Not counted as a host that never answered: one that is connected but slow would then be
            // given up on as a typo in api-url.
            return { ok: false, problem: { ...(0,problem/* transient */["do"])(undefined, reason), timedOut: true } };
        }
        case 'network':
            if (sent.problem.tlsCode !== undefined) {
                return {
                    ok: false,
                    problem: { kind: 'tls', code: sent.problem.tlsCode, host: new URL(url).host }
                };
            }
            if (sent.problem.proxyStatus !== undefined && refusesForGood(sent.problem.proxyStatus)) {
                return {
                    ok: false,
                    problem: {
                        kind: 'proxy-refused',
                        proxy: proxyHost(url),
                        status: sent.problem.proxyStatus
                    }
                };
            }
            return {
                ok: false,
                problem: sent.problem.answered
                    ? (0,problem/* transient */["do"])(undefined, sent.problem.reason)
                    : (0,problem/* noAnswer */.qE)(sent.problem.reason)
            };
    }
}
/** A proxy's 4xx to CONNECT is its policy (403, 407 for credentials), except 408 and 429. */
function refusesForGood(status) {
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
/** host:port of the proxy the client uses for `url`; never its credentials. */
function proxyHost(url) {
    try {
        const proxy = new URL((0,lib/* getProxyUrl */.s_)(url));
        return proxy.port === '' ? proxy.hostname : `${proxy.hostname}:${proxy.port}`;
    }
    catch {
        return 'the proxy';
    }
}


/***/ })

};

//# sourceMappingURL=127.index.js.map