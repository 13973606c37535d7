import { createRequire as __registerRequire } from 'node:module';__registerRequire(import.meta.url)('./sourcemap-register.cjs');import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 205:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ httpStatusText)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(67);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);

/** A status as messages name it: `HTTP 503 Service Unavailable`, or `HTTP 599` for one unnamed. */
function httpStatusText(status) {
    const text = node_http__WEBPACK_IMPORTED_MODULE_0__.STATUS_CODES[status];
    return text ? `HTTP ${status} ${text}` : `HTTP ${status}`;
}


/***/ }),

/***/ 624:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ compareTimestamps),
/* harmony export */   EH: () => (/* binding */ parseTimestamp),
/* harmony export */   oe: () => (/* binding */ parseZonedTimestamp)
/* harmony export */ });
// Timestamps as the API writes them, read without zod: the wait compares them from the first
// answer on, and what reads answers (zod and the schemas) is loaded only then.
// Written by whatever the platform runs on: ISO 8601 with `T` or PostgreSQL's text form with a
// space; an offset of `Z`, `+00`, `+0000` or `+00:00`, or none; any number of fraction digits.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))? ?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/**
 * Parses a timestamp as the API may write it. One without an offset is read as UTC (Python's
 * habit); it may really be local time hours away, which is harmless because timestamps are only
 * compared with each other, and the one sanity bound against the server's Date allows a day.
 * Where a timestamp is compared with Date to tell an age, parseZonedTimestamp refuses such.
 */
function parseTimestamp(text) {
    return readTimestamp(text)?.timestamp;
}
/**
 * Parses a timestamp only when it says its offset from UTC (`Z`, `+00` ...): one without may be
 * local time hours away, which matters wherever it is compared with a clock other than the
 * platform's own (the server's Date header).
 */
function parseZonedTimestamp(text) {
    const read = readTimestamp(text);
    return read?.zoned === true ? read.timestamp : undefined;
}
function readTimestamp(text) {
    const match = TIMESTAMP.exec(text.trim());
    if (match === null)
        return undefined;
    const zoned = match[8] !== undefined;
    const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = match;
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
    const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
    const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
    const back = new Date(local);
    // Date.UTC rolls 2026-02-30 over into March; a real timestamp never needs that.
    if (back.getUTCFullYear() !== year ||
        back.getUTCMonth() !== month - 1 ||
        back.getUTCDate() !== day ||
        hour > 23 ||
        minute > 59 ||
        second > 59) {
        return undefined;
    }
    const offsetMinutes = parseOffset(zone);
    if (offsetMinutes === undefined)
        return undefined;
    const subMsNanos = Number(fraction.slice(3, 9).padEnd(6, '0'));
    return { timestamp: { epochMs: local - offsetMinutes * 60_000, subMsNanos }, zoned };
}
/** Minutes east of UTC for `Z`, `+05`, `-0530`, `+05:30`; undefined when out of range. */
function parseOffset(zone) {
    if (zone.toUpperCase() === 'Z')
        return 0;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (hours > 18 || minutes > 59)
        return undefined;
    return sign * (hours * 60 + minutes);
}
/** Negative when a is earlier than b, positive when later, 0 when the same instant. */
function compareTimestamps(a, b) {
    return a.epochMs - b.epochMs || a.subMsNanos - b.subMsNanos;
}


/***/ }),

/***/ 912:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kx: () => (/* binding */ listPath),
/* harmony export */   ME: () => (/* binding */ uniqueConnectors),
/* harmony export */   f: () => (/* binding */ connectorPath),
/* harmony export */   oc: () => (/* binding */ connectorLabel),
/* harmony export */   t5: () => (/* binding */ kindTitle),
/* harmony export */   wv: () => (/* binding */ connectionCheckPath)
/* harmony export */ });
const PATH_SEGMENT = {
    source: 'sources',
    destination: 'destinations'
};
/** "Source" / "Destination", for the start of a sentence or a table cell. */
function kindTitle(kind) {
    return kind === 'source' ? 'Source' : 'Destination';
}
/**
 * How a connector reads in a sentence: `source "orders-s3" (s3, 5f1e...)` when its name is
 * known, else `source connector 5f1e...`. `capital` starts it with a capital letter.
 */
function connectorLabel(connector, names, capital = false) {
    const kind = capital ? kindTitle(connector.kind) : connector.kind;
    if (names?.name === undefined)
        return `${kind} connector ${connector.id}`;
    const type = names.type === undefined ? '' : `${names.type}, `;
    return `${kind} "${names.name}" (${type}${connector.id})`;
}
/** Each connector once, in the order first named: the inputs and a workflow may repeat one. */
function uniqueConnectors(connectors) {
    const seen = new Set();
    return connectors.filter((connector) => {
        const key = `${connector.kind}:${connector.id}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function connectorPath(connector) {
    // Ids are validated as UUIDs; encoding them as well keeps a path a path whatever happens.
    return `/${PATH_SEGMENT[connector.kind]}/${encodeURIComponent(connector.id)}`;
}
/** The list of one kind, with the slash the API's routes end in: without it, a 307 answers. */
function listPath(kind) {
    return `/${PATH_SEGMENT[kind]}/`;
}
function connectionCheckPath(connector) {
    return `${connectorPath(connector)}/connection-check`;
}


/***/ }),

/***/ 921:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ isUuid),
/* harmony export */   k: () => (/* binding */ UUID)
/* harmony export */ });
/** The id format of connectors, workflows and checks on the Platform API. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(text) {
    return UUID.test(text);
}


/***/ }),

/***/ 411:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gP: () => (/* binding */ passingOutcome),
/* harmony export */   gX: () => (/* binding */ overallStatus),
/* harmony export */   iB: () => (/* binding */ overallOutcome),
/* harmony export */   je: () => (/* binding */ NO_REASON),
/* harmony export */   sG: () => (/* binding */ outcomeOf)
/* harmony export */ });
/* unused harmony export OUTCOME_PRECEDENCE */
/** What a FAILURE without a reason says instead, wherever it is shown. */
const NO_REASON = 'the platform gave no reason';
/** Outcomes that pass the step on their own. */
function passingOutcome(outcome) {
    return outcome === 'success' || outcome === 'dry-run';
}
/** Most severe first: the step's outcome is the first of these that any connector has. */
const OUTCOME_PRECEDENCE = [
    'cancelled',
    'unauthorized',
    'invalid',
    'not-found',
    'failure',
    'timeout',
    'error',
    'dry-run',
    'success'
];
function overallOutcome(outcomes) {
    return OUTCOME_PRECEDENCE.find((outcome) => outcomes.includes(outcome)) ?? 'error';
}
/**
 * SUCCESS only if every connector succeeded, else FAILURE if any failed, else SCHEDULED; empty
 * when no check was created at all.
 */
function overallStatus(statuses) {
    if (statuses.every((status) => status === undefined))
        return '';
    if (statuses.every((status) => status === 'SUCCESS'))
        return 'SUCCESS';
    return statuses.includes('FAILURE') ? 'FAILURE' : 'SCHEDULED';
}
/** The single place where a kind of problem becomes an outcome. */
function outcomeOf(problem) {
    switch (problem.kind) {
        case 'invalid-input':
        case 'validation':
            return 'invalid';
        case 'unauthorized':
            return 'unauthorized';
        case 'not-found':
            return 'not-found';
        case 'timeout':
        case 'not-started':
            return 'timeout';
        case 'cancelled':
            return 'cancelled';
        case 'unresolved-names':
            // A name that several share needs the user to choose; one that matches nothing, a fix.
            return problem.items.some((item) => item.match === 'several') ? 'invalid' : 'not-found';
        case 'redirect':
        case 'rejected':
        case 'foreign-answer':
        case 'tls':
        case 'proxy-refused':
        case 'unreachable':
        case 'stale-answer':
        case 'unusable-answers':
        case 'malformed':
        case 'transient':
            return 'error';
    }
}


/***/ }),

/***/ 652:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ik: () => (/* binding */ HOST_NAME_NOT_FOUND),
/* harmony export */   "do": () => (/* binding */ transient),
/* harmony export */   qE: () => (/* binding */ noAnswer)
/* harmony export */ });
/**
 * Everything that can stop a check short of a platform verdict, as plain values with a kind.
 * They are created where the facts are known (input parsing, response classification, the wait
 * loop) and turned into words and an outcome in one place: verdict.ts.
 */
/**
 * How a network error says that DNS has no such host name (ENOTFOUND): a wrong `api-url`
 * rather than an outage.
 */
const HOST_NAME_NOT_FOUND = 'host name not found (DNS)';
/** A transient problem; `retryAfterMs` only where the server said when to come back. */
function transient(status, reason, retryAfterMs) {
    return { kind: 'transient', status, reason, retryAfterMs };
}
/** A transient failure in which the host gave no answer at all. */
function noAnswer(reason) {
    return { kind: 'transient', status: undefined, reason, retryAfterMs: undefined, noAnswer: true };
}


/***/ }),

/***/ 20:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ flatten),
/* harmony export */   My: () => (/* binding */ escapeMarkup),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   ee: () => (/* binding */ bytes)
/* harmony export */ });
/** Small text helpers shared by the API layer and reporting. */
/**
 * Text from the API (ids, statuses, reasons, names) on one line: a line break in it could
 * otherwise start a workflow command (`::warning::...`) in the log. Nothing else changes, not
 * even surrounding spaces: a status of "SUCCESS " is not SUCCESS and must not become it.
 */
function flatten(text) {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
/** One line of at most `limit` characters, whitespace runs folded. */
function oneLine(text, limit = Number.POSITIVE_INFINITY) {
    const flat = flatten(text).replace(/\s+/g, ' ').trim();
    return flat.length > limit ? `${flat.slice(0, limit - 3)}...` : flat;
}
/** A duration for people: "4.2 s". */
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** "1 source", "2 sources". */
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
/** Bytes of UTF-8: what GitHub's size limits count. */
function bytes(text) {
    return Buffer.byteLength(text, 'utf8');
}
/** Text safe inside HTML or XML, in an element or a quoted attribute. */
function escapeMarkup(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


/***/ }),

/***/ 132:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pe: () => (/* binding */ countsInWords),
/* harmony export */   ad: () => (/* binding */ ranked),
/* harmony export */   wX: () => (/* binding */ outcomeWords)
/* harmony export */ });
/* unused harmony exports OUTCOME_ORDER, tally */
/**
 * The order every report lists results in: failures first, then the other ways of not passing
 * (timeouts, then what the platform or the inputs got wrong), then what passed.
 */
const OUTCOME_ORDER = [
    'failure',
    'timeout',
    'error',
    'not-found',
    'invalid',
    'unauthorized',
    'cancelled',
    'dry-run',
    'success'
];
/** How a count of each outcome reads: "10 failed", "6 timed out". */
const COUNTED = {
    failure: 'failed',
    timeout: 'timed out',
    error: 'errored',
    'not-found': 'not found',
    invalid: 'invalid',
    unauthorized: 'unauthorized',
    cancelled: 'cancelled',
    'dry-run': 'found',
    success: 'passed'
};
/** What happened to one connector, in a few words: "failed", "timed out". */
function outcomeWords(outcome) {
    return COUNTED[outcome];
}
/** How many of each outcome, in report order; outcomes with none are left out. */
function tally(outcomes) {
    const counts = new Map();
    for (const outcome of outcomes)
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    return OUTCOME_ORDER.flatMap((outcome) => {
        const n = counts.get(outcome) ?? 0;
        return n === 0 ? [] : [[outcome, n]];
    });
}
/** "10 failed, 6 timed out, 21 passed": counts per outcome, failures first, zeros left out. */
function countsInWords(outcomes) {
    return tally(outcomes)
        .map(([outcome, n]) => `${n} ${COUNTED[outcome]}`)
        .join(', ');
}
/**
 * Results in report order: by outcome (OUTCOME_ORDER), those that fail the step before those
 * waived, then by name, so that a person finds a connector where they expect it.
 */
function ranked(items) {
    const rank = (item) => OUTCOME_ORDER.indexOf(item.outcome) * 2 + (item.waived ? 1 : 0);
    return items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => rank(a.item) - rank(b.item) ||
        a.item.sortName.localeCompare(b.item.sortName, 'en') ||
        a.index - b.index)
        .map(({ item }) => item);
}


/***/ }),

/***/ 143:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oM: () => (/* binding */ closingLine),
  Kw: () => (/* binding */ failedReason),
  IR: () => (/* binding */ joinedBecause),
  Vt: () => (/* binding */ verdictRows),
  du: () => (/* binding */ viewOf)
});

// UNUSED EXPORTS: OUTCOME_ICON, nameAndType, shortNames

// EXTERNAL MODULE: ./src/core/connector.ts
var core_connector = __nccwpck_require__(912);
// EXTERNAL MODULE: ./src/core/outcome.ts
var core_outcome = __nccwpck_require__(411);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(20);
// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __nccwpck_require__(132);
;// CONCATENATED MODULE: ./src/report/diagnose/categories.ts
/** What a FAILURE's reason most likely means: the names of `results[].category`. */
const CATEGORIES = (/* unused pure expression or super */ null && ([
    'credentials',
    'permissions',
    'network',
    'tls',
    'not-found',
    'configuration',
    'quota',
    'outage',
    'unknown'
]));
/** Connector types as the API spells them (lower case, `-` and `_` dropped), by service. */
const SERVICE_OF_TYPE = new Map(Object.entries({
    s3: 's3',
    deltatable: 's3',
    azure: 'azure-storage',
    azureaisearch: 'azure-ai-search',
    gcs: 'gcs',
    googledrive: 'google-drive',
    postgres: 'postgres',
    postgresql: 'postgres',
    snowflake: 'snowflake',
    pinecone: 'pinecone',
    elasticsearch: 'elasticsearch',
    opensearch: 'elasticsearch',
    mongodb: 'mongodb',
    databricksvolumes: 'databricks',
    databricksvolumedeltatables: 'databricks',
    sharepoint: 'microsoft-365',
    onedrive: 'microsoft-365',
    outlook: 'microsoft-365',
    confluence: 'atlassian',
    jira: 'atlassian',
    salesforce: 'salesforce',
    box: 'box',
    dropbox: 'dropbox',
    weaviate: 'weaviate',
    weaviatecloud: 'weaviate',
    qdrant: 'qdrant',
    qdrantcloud: 'qdrant',
    slack: 'slack',
    zendesk: 'zendesk',
    kafka: 'kafka',
    kafkacloud: 'kafka',
    astradb: 'astradb',
    couchbase: 'couchbase',
    milvus: 'milvus',
    motherduck: 'motherduck',
    neo4j: 'neo4j',
    redis: 'redis',
    ibmwatsonxs3: 'ibm-watsonx'
}));

;// CONCATENATED MODULE: ./src/report/diagnose/hints.ts
/**
 * The hints: one line of our own per category, and per service where its fix is known well
 * enough to name (data; diagnose.ts picks one). Fixed text: a hint never quotes the reason.
 */
const GENERIC_HINTS = {
    credentials: "the credentials in the connector's settings (not the Unstructured API key) are wrong, " +
        'expired or revoked; update them in the connector and re-run.',
    permissions: "the connector's credentials are accepted but lack a permission the check needs on the " +
        'remote system; grant it to that user, role or app.',
    network: 'the platform cannot reach the remote system: a wrong host or port, DNS, or a firewall or ' +
        'IP allow-list that blocks the platform.',
    tls: 'the TLS connection to the remote system failed: its certificate is self-signed, expired ' +
        'or for another host name, or TLS is used on a port that does not speak it (or not on one ' +
        'that requires it).',
    'not-found': 'the bucket, container, index, table, database or path that the connector names does not ' +
        'exist, or the URL is wrong; check the name, its case, and the account or region.',
    configuration: 'a setting of the connector is invalid or does not match the remote system (a URL, ' +
        "region, endpoint or required field); review the connector's settings.",
    quota: "the remote system's rate limit, quota or plan limit was reached; wait and re-run, or " +
        'raise the limit with its provider.',
    outage: 'the remote service had an error of its own or is unavailable; nothing in the connector ' +
        "needs to change: re-run later, and check the provider's status page if it persists."
};
const SERVICE_HINTS = {
    s3: {
        credentials: 'the AWS access key ID or secret access key is wrong or inactive, or a session token has ' +
            'expired; put a current key pair in the connector.',
        permissions: 'the IAM user or role lacks S3 permissions on the bucket (s3:ListBucket on it, ' +
            's3:GetObject to read, s3:PutObject to write), or a bucket policy or SCP denies them.',
        'not-found': "the bucket in the connector's s3:// URL does not exist or is spelled differently " +
            '(bucket names are global and lower case).',
        network: 'the S3 endpoint cannot be reached: a wrong region or custom endpoint URL, or a network ' +
            'that blocks it.',
        configuration: "the connector's URL or endpoint does not match the bucket: use an s3:// URL, and the " +
            "bucket's own region or endpoint URL.",
        quota: 'S3 is throttling requests to this bucket or prefix (SlowDown); re-run later.'
    },
    'azure-storage': {
        credentials: 'the storage account key, SAS token or connection string is wrong or expired, or the ' +
            "service principal's tenant ID, client ID or secret is wrong.",
        permissions: 'the identity lacks a data role on the storage account or container (Storage Blob Data ' +
            "Reader to read, Contributor to write), the SAS lacks a permission, or the account's " +
            'firewall blocks the platform.',
        'not-found': "the container in the connector's az:// URL does not exist in that storage account, or " +
            'the account name is wrong.',
        network: 'the storage account cannot be reached: a wrong account name, or a firewall or private ' +
            'endpoint that does not allow the platform.',
        configuration: 'the account name, connection string or az:// URL is malformed, or the tenant ID of the ' +
            'service principal is wrong.'
    },
    'azure-ai-search': {
        credentials: 'the admin API key or the endpoint of the search service is wrong.',
        'not-found': 'the index that the connector names does not exist in that search service.'
    },
    gcs: {
        credentials: 'the service account key JSON is wrong or malformed, or its key was deleted or disabled; ' +
            'paste a current key into the connector.',
        permissions: 'the service account lacks a role on the bucket (Storage Object Viewer to read, Storage ' +
            'Object Admin to write).',
        'not-found': "the bucket in the connector's gs:// URL does not exist or is spelled differently."
    },
    'google-drive': {
        credentials: 'the service account key JSON is wrong or malformed, or its key was deleted or disabled.',
        permissions: "the folder or file is not shared with the service account's email address, or the share " +
            'gives too little access.',
        'not-found': "the drive or folder ID does not exist, or is not shared with the service account's email " +
            'address, which then cannot see it.',
        configuration: "the Google Drive API is not enabled in the service account's Google Cloud project."
    },
    postgres: {
        credentials: 'the PostgreSQL user name or password is wrong, or that role does not exist; check them ' +
            'in the connector.',
        permissions: "the database user lacks privileges on the table (GRANT SELECT or INSERT), or the server's " +
            "pg_hba.conf rejects the platform's address, user or database (SSL settings included).",
        network: 'the PostgreSQL host or port is wrong, or the server does not accept connections from the ' +
            'platform (firewall, security group, listen_addresses), or its SSL settings differ.',
        'not-found': 'the database or table that the connector names does not exist (names created in quotes ' +
            'are case-sensitive).',
        configuration: 'the table lacks the columns the connector writes, or the pgvector extension is missing; ' +
            'create the table with the expected schema.',
        tls: "the server's SSL settings do not match the connector's: the server does not offer SSL, " +
            'or its certificate is not trusted.',
        outage: 'the PostgreSQL server is starting up or shutting down; re-run when it is up.',
        quota: 'the server has no connection slots left (max_connections); close idle connections or ' +
            'raise the limit.'
    },
    snowflake: {
        credentials: 'the Snowflake user, password or private key is wrong, or the user is locked or disabled.',
        permissions: 'the Snowflake role lacks privileges (USAGE on the warehouse, database and schema; SELECT ' +
            "or INSERT on the table), is not granted to the user, or a network policy blocks the platform's IP.",
        'not-found': "the database, schema, warehouse or table does not exist, or the connector's role cannot " +
            'see it: Snowflake says "does not exist or not authorized" for both.',
        network: 'the account identifier is wrong (orgname-accountname, the part before ' +
            '.snowflakecomputing.com), or Snowflake cannot be reached from the platform.',
        configuration: 'the connector names no usable warehouse, database, schema or role, or the account ' +
            'identifier (orgname-accountname) is wrong.'
    },
    pinecone: {
        credentials: 'the Pinecone API key is wrong or was deleted, or it belongs to another project than the index.',
        'not-found': "no index of that name exists in the API key's Pinecone project.",
        quota: 'the Pinecone project reached a limit of its plan (indexes, storage or request rate); ' +
            'upgrade the plan or free capacity.',
        configuration: 'the index does not match what the connector writes (its dimension or metric), or its ' +
            'name is malformed.'
    },
    elasticsearch: {
        credentials: 'the user name and password, or the API key, are wrong or expired.',
        permissions: 'the user or API key lacks privileges on the index (read to read; create_index and write, ' +
            'or create_doc, to write).',
        'not-found': 'the index does not exist (index names are lower case).',
        network: 'the host URL is wrong (its scheme and port, such as https and 443 or 9200), the cluster ' +
            'does not accept connections from the platform.',
        tls: "the cluster's TLS certificate is self-signed or for another host name, or the URL says " +
            'https for a port that serves http (or the other way round).'
    },
    mongodb: {
        credentials: 'the user or password in the connection URI is wrong (special characters must be ' +
            'URL-encoded), or authSource names the wrong database.',
        permissions: 'the database user lacks a role on the database or collection, such as readWrite.',
        network: "the host in the URI is wrong, or the cluster's IP access list does not allow the platform's addresses.",
        'not-found': 'the database or collection that the connector names does not exist.',
        configuration: 'the connection URI is malformed: it must start with mongodb:// or mongodb+srv://.'
    },
    databricks: {
        credentials: "the personal access token, or the service principal's client ID and secret, are wrong " +
            'or expired.',
        permissions: 'the user or service principal lacks Unity Catalog privileges on the volume (USE CATALOG, ' +
            'USE SCHEMA, and READ VOLUME or WRITE VOLUME).',
        'not-found': "the catalog, schema or volume does not exist, or the host is another workspace's.",
        network: 'the workspace host URL is wrong, or an IP access list does not allow the platform.'
    },
    'microsoft-365': {
        credentials: "the Microsoft Entra app's tenant ID, client ID or client secret is wrong, or the secret " +
            "has expired (use the secret's value, not its ID).",
        permissions: 'the Entra app lacks Microsoft Graph application permissions (such as Sites.Read.All or ' +
            'Files.ReadWrite.All), or admin consent was not granted.',
        'not-found': 'the site URL, user or path does not exist, or the app cannot see it.',
        configuration: "the tenant ID is wrong: use the directory (tenant) ID of the app's Microsoft Entra " +
            'tenant, or its domain.',
        outage: 'Microsoft Entra ID or Microsoft Graph had a transient error; re-run in a few minutes.'
    },
    atlassian: {
        credentials: 'the user email and API token (or the personal access token) are wrong or revoked; ' +
            'Atlassian Cloud takes an API token, not the account password.',
        permissions: 'the user cannot see the space or project, or lacks the permission needed.',
        'not-found': 'the space or project key, or the site URL, is wrong.'
    },
    salesforce: {
        credentials: 'the user name, consumer key or private key is wrong, or the connected app is not ' +
            'approved for the user.',
        permissions: "the user's profile or permission sets lack access to the objects the connector reads.",
        quota: "the org reached its daily API request limit; wait, or raise the org's limit."
    },
    box: {
        credentials: "the Box app's JWT configuration is wrong or its keys were revoked, or the app is not " +
            'authorized in the Box Admin Console.',
        permissions: "the folder is not shared with the app's service account.",
        'not-found': "the folder in the box:// URL does not exist, or is not shared with the app's service account."
    },
    dropbox: {
        credentials: 'the Dropbox access token is wrong or has expired (short-lived tokens last hours); use a ' +
            'refresh token or a new access token.',
        permissions: 'the Dropbox app lacks a scope the connector needs (such as files.content.read); add it ' +
            'and issue a new token.',
        'not-found': "the path in the dropbox:// URL does not exist in the app's folder or account."
    },
    weaviate: {
        credentials: 'the Weaviate API key is wrong, or the cluster requires one and none is set.',
        network: 'the cluster URL is wrong, or the cluster is not running.',
        'not-found': 'the collection that the connector names does not exist.'
    },
    qdrant: {
        credentials: 'the Qdrant API key is wrong, or missing for this cluster (Qdrant Cloud answers a wrong key ' +
            'with 403).',
        network: 'the Qdrant URL is wrong, or the cluster is not reachable from the platform.',
        'not-found': 'the collection that the connector names does not exist.'
    },
    slack: {
        credentials: 'the Slack token is wrong, revoked or expired (a rotated token must be refreshed), or the ' +
            'app was uninstalled from the workspace.',
        permissions: 'the Slack app lacks a scope (such as channels:history or channels:join); add it and ' +
            'reinstall the app, or invite the bot to the channel.',
        'not-found': 'a channel ID is wrong, or the channel is private and the bot was not invited to it.',
        configuration: 'a channel is archived, and Slack gives apps no access to it; unarchive it or remove it.'
    },
    zendesk: {
        credentials: 'the Zendesk email and API token are wrong, or the token was deleted or disabled.',
        'not-found': 'the Zendesk subdomain is wrong.'
    },
    kafka: {
        credentials: 'the Kafka API key and secret (SASL user name and password) are wrong or were deleted.',
        permissions: "the API key's service account lacks an ACL on the topic (READ or WRITE) or on the consumer group.",
        'not-found': 'the topic does not exist in the cluster (topic names are case-sensitive).',
        network: 'the bootstrap server or port is wrong, or the cluster is not reachable from the platform ' +
            '(a wrong API key can also end in a timeout here).'
    },
    astradb: {
        credentials: 'the Astra DB application token is wrong, expired or revoked.',
        'not-found': 'the collection or keyspace does not exist in that database.',
        network: 'the API endpoint is wrong, or the database is hibernated or not yet active.'
    },
    couchbase: {
        credentials: 'the Couchbase user name or password is wrong.',
        'not-found': 'the bucket, scope or collection that the connector names does not exist.',
        network: "the connection string is wrong, or the cluster's allowed IP addresses do not include the " +
            'platform (Capella).'
    },
    milvus: {
        credentials: 'the Milvus user and password, or the Zilliz Cloud API key, are wrong.',
        'not-found': 'the collection or database that the connector names does not exist.',
        network: 'the Milvus URI or port is wrong, or the cluster is stopped or not reachable from the platform.'
    },
    motherduck: {
        credentials: 'the MotherDuck token is wrong, expired or revoked.',
        'not-found': 'the database, schema or table that the connector names does not exist.'
    },
    neo4j: {
        credentials: 'the Neo4j user name or password is wrong.',
        'not-found': 'the database that the connector names does not exist.',
        network: 'the Neo4j URI is wrong (its scheme, such as neo4j+s:// for Aura, its host or its port), ' +
            'or the instance is paused or not reachable.'
    },
    redis: {
        credentials: 'the Redis user name or password is wrong, or the user is disabled.',
        network: 'the Redis host or port is wrong, or the database does not accept connections from the platform.',
        tls: 'the TLS setting does not match the Redis endpoint: turn SSL on or off to match the database.'
    },
    'ibm-watsonx': {
        credentials: 'the IBM Cloud API key is wrong or was deleted.',
        'not-found': 'the namespace or table that the connector names does not exist in the catalog.'
    }
};

;// CONCATENATED MODULE: ./src/report/diagnose/rules.ts
const rules_status = (...codes) => codes.map((code) => `status=${code}`);
/** How libraries write an HTTP status in their own text. */
const statusWords = (...codes) => codes.flatMap((code) => [
    `http ${code}`,
    `status code ${code}`,
    `${code} client error`,
    `${code} server error`,
    `http error ${code}`,
    `unexpected response ${code}`
]);
const SERVER_ERRORS = [500, 502, 503, 504];
/**
 * The library's error classes and the sentences they put in front (`Error in connecting to
 * downstream data source: …`), with what each means; `undefined` for the generic ones, which
 * say nothing about the cause. A meaningful class decides only when the rest says nothing.
 */
const CLASS_MEANING = new Map([
    ['UserAuthError', 'credentials'],
    ['User authentication error', 'credentials'],
    ['NotFoundError', 'not-found'],
    ['Not found error', 'not-found'],
    ['RateLimitError', 'quota'],
    ['Rate limit error', 'quota'],
    ['QuotaError', 'quota'],
    ['Quota error', 'quota'],
    ['UserError', 'configuration'],
    ['User error', 'configuration'],
    ['ProviderError', 'outage'],
    ['Provider error', 'outage'],
    ['SourceConnectionNetworkError', 'network'],
    ['Error in connecting to upstream data source', 'network'],
    ['TimeoutError', 'network'],
    ['Timeout error', 'network'],
    ['SourceConnectionError', undefined],
    ['Error in getting data from upstream data source', undefined],
    ['DestinationConnectionError', undefined],
    ['Error in connecting to downstream data source', undefined],
    ['ConnectionError', undefined],
    ['Connection error', undefined],
    ['EmbeddingEncoderConnectionError', undefined],
    ['Error in connecting to the embedding model provider', undefined],
    ['UnstructuredIngestError', undefined],
    ['WriteError', undefined],
    ['Error in writing to downstream data source', undefined],
    ['ResponseError', undefined],
    ['Response error', undefined],
    ['ValueError', undefined],
    ['Value error', undefined],
    ['ValidationError', undefined],
    ['Validation error', undefined],
    ['KeyError', undefined],
    ['Key error', undefined],
    ['TypeError', undefined],
    ['Type error', undefined],
    ['RuntimeError', undefined],
    ['Exception', undefined]
]);
/**
 * Words that only wrap the cause: the connectors' own lead-ins and the generic classes' names
 * anywhere in the text. They are taken out before the rules read it, so that "connect" in
 * "Failed to connect to Jira: …" or "connection error" in "DestinationConnectionError" decides
 * nothing.
 */
const WRAPPERS = [
    'destination connection error',
    'source connection network error',
    'source connection error',
    'unstructured ingest error',
    'failed to validate connection',
    'failed to validate sharepoint connection',
    'failed to connect to confluence',
    'failed to connect to find any confluence space',
    'failed to connect to jira',
    'failed to precheck milvus',
    'failed to check if astra collection exists',
    'precheck failed'
];
const RULES = [
    // Said in so many words to mean "we do not know".
    { category: 'unknown', words: ['unreachable for an unknown reason'] },
    // Microsoft Entra ID codes first: the same message says "Authentication failed" whatever the
    // code, and some codes are a tenant, a consent or a transient problem.
    {
        category: 'outage',
        services: ['microsoft-365', 'azure-storage'],
        codes: ['AADSTS90033', 'AADSTS50196', 'AADSTS90006', 'AADSTS50001'],
        words: ['temporarily unavailable']
    },
    { category: 'quota', services: ['microsoft-365', 'azure-storage'], codes: ['AADSTS90055'] },
    {
        category: 'configuration',
        services: ['microsoft-365', 'azure-storage'],
        codes: [
            'AADSTS90002',
            'AADSTS900023',
            'AADSTS50059',
            'AADSTS90019',
            'AADSTS70011',
            'AADSTS1002012'
        ]
    },
    {
        category: 'permissions',
        services: ['microsoft-365', 'azure-storage'],
        codes: [
            'AADSTS65001',
            'AADSTS650057',
            'AADSTS500011',
            'AADSTS50105',
            'AADSTS53003',
            'AADSTS50020'
        ]
    },
    {
        category: 'credentials',
        services: ['microsoft-365', 'azure-storage'],
        codes: [
            'AADSTS7000215',
            'AADSTS7000222',
            'AADSTS700016',
            'AADSTS7000218',
            'AADSTS700027',
            'AADSTS700024',
            'AADSTS7000112',
            'AADSTS50034',
            'AADSTS50126',
            'AADSTS50053',
            'AADSTS50057',
            'AADSTS50055',
            'AADSTS50173',
            'AADSTS70002'
        ]
    },
    { category: 'unknown', codes: ['AADSTS*'] },
    // Quota: a plan's limit often comes as a 403, and a throttle as a connection error.
    { category: 'quota', services: ['pinecone'], words: ['reached the max', 'upgrade your plan'] },
    { category: 'quota', services: ['s3'], codes: ['SlowDown'] },
    { category: 'quota', services: ['salesforce'], codes: ['REQUEST_LIMIT_EXCEEDED'] },
    {
        category: 'quota',
        services: ['postgres'],
        codes: ['TooManyConnections'],
        fields: ['sqlstate=53300'],
        words: ['too many clients', 'remaining connection slots are reserved']
    },
    {
        category: 'quota',
        codes: [
            'ThrottlingException',
            'Throttling',
            'RequestLimitExceeded',
            'TooManyRequestsException',
            'ProvisionedThroughputExceededException',
            'RESOURCE_EXHAUSTED',
            'RateLimitError',
            'ratelimited'
        ],
        fields: rules_status(429),
        words: [
            ...statusWords(429),
            'too many requests',
            'too many connections',
            'rate limit',
            'rate limited',
            'reduce your request rate',
            'quota',
            'request limit exceeded',
            'usage limit',
            'throttled'
        ]
    },
    // What one service says, word for word; a phrase before any that it contains ("role … does
    // not exist or not authorized" before "role … does not exist").
    {
        category: 'permissions',
        services: ['snowflake'],
        fields: ['errno=390189', 'errno=390422'],
        words: ['role … does not exist or not authorized', 'is not allowed to access snowflake']
    },
    {
        category: 'not-found',
        services: ['snowflake'],
        fields: ['errno=2003', 'errno=390201'],
        words: ['does not exist or not authorized']
    },
    {
        category: 'credentials',
        services: ['snowflake'],
        fields: ['errno=390100', 'errno=390144', 'errno=390102', 'errno=390318'],
        words: [
            'incorrect username or password was specified',
            'jwt token is invalid',
            'user temporarily locked',
            'your user account has been temporarily locked'
        ]
    },
    {
        category: 'configuration',
        services: ['snowflake'],
        fields: ['errno=606', 'errno=251005', 'errno=251006'],
        words: ['no active warehouse selected', '404 not found … snowflakecomputing']
    },
    {
        category: 'configuration',
        services: ['postgres'],
        codes: ['UndefinedColumn'],
        fields: ['sqlstate=42703', 'sqlstate=42704'],
        words: ['column … does not exist', 'type vector does not exist']
    },
    {
        category: 'outage',
        services: ['postgres'],
        fields: ['sqlstate=57P03', 'sqlstate=57P01'],
        words: ['the database system is starting up', 'the database system is shutting down']
    },
    {
        category: 'configuration',
        services: ['google-drive', 'gcs'],
        codes: ['SERVICE_DISABLED', 'accessNotConfigured'],
        words: ['has not been used in project', 'api has not been enabled', 'api is not enabled']
    },
    {
        category: 'credentials',
        services: ['qdrant'],
        only: true,
        fields: rules_status(401, 403),
        words: ["key doesn't exist", 'key does not exist', 'invalid api key', ...statusWords(403)]
    },
    {
        category: 'credentials',
        services: ['azure-ai-search'],
        only: true,
        fields: rules_status(401, 403),
        words: ['forbidden', ...statusWords(403)]
    },
    {
        category: 'credentials',
        services: ['mongodb'],
        only: true,
        fields: ['code=18', 'code=8000']
    },
    { category: 'permissions', services: ['mongodb'], only: true, fields: ['code=13'] },
    { category: 'not-found', services: ['mongodb'], only: true, fields: ['code=26'] },
    { category: 'credentials', services: ['milvus'], only: true, fields: ['code=1800', 'code=1100'] },
    { category: 'network', services: ['milvus'], only: true, fields: ['code=2'] },
    { category: 'not-found', services: ['milvus'], only: true, fields: ['code=100', 'code=800'] },
    { category: 'not-found', services: ['motherduck'], only: true, codes: ['CatalogException'] },
    {
        category: 'network',
        services: ['neo4j'],
        only: true,
        codes: ['ServiceUnavailable'],
        words: ['unable to retrieve routing information']
    },
    { category: 'network', services: ['qdrant'], only: true, codes: ['ResponseHandlingException'] },
    {
        category: 'network',
        services: ['weaviate'],
        codes: ['WeaviateStartUpError'],
        words: ['is weaviate running', 'failed to connect to weaviate']
    },
    {
        category: 'configuration',
        services: ['weaviate'],
        words: ['requires an explicit collection name', 'is missing required property']
    },
    {
        category: 'not-found',
        services: ['slack'],
        codes: ['channel_not_found'],
        words: ['not found or not accessible']
    },
    {
        category: 'configuration',
        services: ['slack'],
        codes: ['is_archived'],
        words: ['is archived', 'are archived']
    },
    {
        category: 'permissions',
        services: ['slack'],
        codes: ['missing_scope', 'no_permission'],
        words: ['is missing the … scope', 'bot does not have permission']
    },
    { category: 'not-found', services: ['kafka'], words: ['expected topic … not detected'] },
    {
        category: 'credentials',
        services: ['kafka'],
        codes: ['_AUTHENTICATION', 'SASL_AUTHENTICATION_FAILED']
    },
    {
        category: 'credentials',
        services: ['s3'],
        codes: [
            'NoCredentialsError',
            'PartialCredentialsError',
            'CredentialRetrievalError',
            'InvalidAccessKeyId',
            'SignatureDoesNotMatch',
            'InvalidClientTokenId',
            'UnrecognizedClientException',
            'ExpiredToken',
            'ExpiredTokenException'
        ],
        words: [
            'unable to locate credentials',
            'access key id you provided does not exist',
            'security token included in the request is invalid',
            'request signature we calculated does not match'
        ]
    },
    {
        category: 'credentials',
        services: ['azure-storage', 'microsoft-365', 'azure-ai-search', 'databricks'],
        codes: ['ClientAuthenticationError', 'CredentialUnavailableError'],
        words: ['failed to retrieve a token']
    },
    {
        category: 'credentials',
        services: ['azure-storage'],
        codes: ['AuthenticationFailed', 'InvalidAuthenticationInfo', 'NoAuthenticationInformation'],
        words: ['server failed to authenticate the request']
    },
    {
        category: 'credentials',
        services: ['microsoft-365'],
        codes: ['InvalidAuthenticationToken', 'unauthorized_client']
    },
    {
        category: 'credentials',
        services: ['gcs', 'google-drive'],
        codes: ['DefaultCredentialsError', 'RefreshError'],
        words: ['default credentials were not found', 'could not automatically determine credentials']
    },
    {
        category: 'credentials',
        services: ['postgres'],
        codes: ['InvalidPassword', 'InvalidAuthorizationSpecification', '28P01'],
        fields: ['sqlstate=28P01', 'sqlstate=28000'],
        words: [
            'password authentication failed',
            'no password supplied',
            'role … does not exist',
            'fe sendauth'
        ]
    },
    {
        category: 'credentials',
        services: ['salesforce'],
        codes: ['INVALID_LOGIN', 'INVALID_SESSION_ID', 'SalesforceAuthenticationFailed'],
        words: ["user hasn't approved this consumer", 'invalid client id']
    },
    {
        category: 'credentials',
        services: ['dropbox'],
        codes: ['expired_access_token', 'invalid_access_token']
    },
    {
        category: 'credentials',
        services: ['weaviate'],
        codes: ['AuthenticationFailedError'],
        words: ['anonymous access not enabled', 'anonymous access is not enabled']
    },
    { category: 'credentials', services: ['mongodb'], words: ['bad auth'] },
    {
        category: 'credentials',
        services: ['databricks'],
        words: ['cannot configure default credentials']
    },
    { category: 'credentials', services: ['box'], codes: ['BoxOAuthException'] },
    {
        category: 'credentials',
        services: ['atlassian'],
        words: ['basic authentication with passwords is deprecated']
    },
    {
        category: 'credentials',
        services: ['redis'],
        codes: ['WRONGPASS', 'NOAUTH'],
        words: ['invalid username password pair']
    },
    {
        category: 'permissions',
        services: ['microsoft-365'],
        codes: [
            'Authorization_RequestDenied',
            'UnauthorizedAccessException',
            'ErrorAccessDenied',
            'accessDenied'
        ]
    },
    {
        category: 'permissions',
        services: ['azure-storage'],
        codes: [
            'AuthorizationPermissionMismatch',
            'AuthorizationFailure',
            'AuthorizationSourceIPMismatch'
        ],
        words: ['this request is not authorized to perform this operation']
    },
    {
        category: 'permissions',
        services: ['s3'],
        codes: ['AccessDenied', 'AccessDeniedException', 'AllAccessDisabled']
    },
    {
        category: 'permissions',
        services: ['elasticsearch'],
        codes: ['AuthorizationException'],
        words: ['is unauthorized for user', 'no permissions for']
    },
    {
        category: 'permissions',
        services: ['postgres'],
        codes: ['InsufficientPrivilege'],
        fields: ['sqlstate=42501'],
        words: ['no pg hba conf entry', 'permission denied for', 'must be owner of']
    },
    { category: 'permissions', services: ['mongodb'], words: ['not authorized on … to execute'] },
    { category: 'permissions', services: ['dropbox'], codes: ['missing_scope'] },
    {
        category: 'permissions',
        services: ['google-drive', 'gcs'],
        codes: ['insufficientPermissions', 'insufficientFilePermissions'],
        words: ['does not have … access to', 'does not have sufficient permissions']
    },
    {
        category: 'permissions',
        services: ['kafka'],
        codes: ['TOPIC_AUTHORIZATION_FAILED', 'GROUP_AUTHORIZATION_FAILED']
    },
    {
        category: 'not-found',
        services: ['atlassian'],
        words: ['no space with key', 'no project could be found']
    },
    {
        category: 'credentials',
        codes: [
            'invalid_grant',
            'invalid_client',
            'invalid_token',
            'invalid_auth',
            'not_authed',
            'account_inactive',
            'token_revoked',
            'token_expired',
            'UNAUTHENTICATED',
            'API_KEY_INVALID'
        ],
        fields: rules_status(401),
        words: [
            ...statusWords(401),
            'access denied for user … using password',
            'permission denied publickey',
            'sasl authentication failed',
            'invalid username password pair'
        ]
    },
    {
        category: 'permissions',
        codes: ['PERMISSION_DENIED'],
        fields: rules_status(403),
        words: [
            ...statusWords(403),
            'forbidden for url',
            'insufficient privileges',
            'insufficient access',
            'insufficient scope',
            'public access is not permitted',
            'topic authorization failed',
            'user does not have'
        ]
    },
    // The certificate or protocol between the platform and the remote system.
    {
        category: 'tls',
        codes: [
            'SSLError',
            'SSLCertVerificationError',
            'TlsError',
            'CERT_HAS_EXPIRED',
            'DEPTH_ZERO_SELF_SIGNED_CERT',
            'SELF_SIGNED_CERT_IN_CHAIN',
            'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
            'ERR_TLS_CERT_ALTNAME_INVALID',
            'CERTIFICATE_VERIFY_FAILED',
            'WRONG_VERSION_NUMBER'
        ],
        words: [
            'certificate verify failed',
            'self signed certificate',
            'certificate has expired',
            'hostname mismatch',
            'tls handshake',
            'ssl handshake',
            'wrong version number',
            'server does not support ssl'
        ]
    },
    {
        category: 'network',
        services: ['s3'],
        codes: ['EndpointConnectionError'],
        words: ['could not connect to the endpoint url']
    },
    {
        category: 'network',
        services: ['postgres'],
        words: [
            'could not translate host name',
            'is the server running',
            'server closed the connection unexpectedly',
            'ssl syscall error'
        ]
    },
    {
        category: 'network',
        services: ['mongodb'],
        codes: ['ServerSelectionTimeoutError', 'NetworkTimeout', 'AutoReconnect'],
        words: ['dns query name does not exist', 'dns operation timed out']
    },
    {
        category: 'network',
        services: ['snowflake'],
        words: ['could not connect to snowflake backend']
    },
    {
        category: 'network',
        codes: [
            'gaierror',
            'ENOTFOUND',
            'EAI_AGAIN',
            'ECONNREFUSED',
            'ECONNRESET',
            'ETIMEDOUT',
            'EHOSTUNREACH',
            'ENETUNREACH',
            'ConnectTimeoutError',
            'ReadTimeoutError',
            'ConnectTimeout',
            'ReadTimeout',
            'ConnectError',
            'NewConnectionError',
            'ServiceRequestError',
            'ServiceResponseError',
            'ConnectionTimeout',
            'ProxyError',
            '_TRANSPORT',
            '_RESOLVE',
            '_TIMED_OUT',
            '_ALL_BROKERS_DOWN'
        ],
        fields: rules_status(407),
        words: [
            'name or service not known',
            'nodename nor servname provided',
            'temporary failure in name resolution',
            'no address associated with hostname',
            'could not resolve host',
            'failed to resolve',
            'getaddrinfo',
            'host not found',
            'unknown host',
            'failed to establish a new connection',
            'connection refused',
            'connection reset',
            'connection aborted',
            'connection timed out',
            'network is unreachable',
            'no route to host',
            'host is unreachable',
            "can't connect to mysql server",
            'broker transport failure'
        ]
    },
    // The remote service is down: try again later.
    {
        category: 'outage',
        codes: [
            'ServerBusy',
            'ServiceUnavailable',
            'InternalServerError',
            'BadGateway',
            'GatewayTimeout'
        ],
        fields: rules_status(...SERVER_ERRORS),
        words: [
            ...statusWords(...SERVER_ERRORS),
            'service unavailable',
            'service is unavailable',
            'bad gateway',
            'gateway timeout',
            'server is currently unable to receive requests'
        ]
    },
    {
        category: 'not-found',
        services: ['s3', 'gcs'],
        codes: ['NoSuchBucket', 'NoSuchKey'],
        words: ['specified bucket does not exist']
    },
    {
        category: 'not-found',
        services: ['azure-storage'],
        codes: ['ContainerNotFound', 'BlobNotFound'],
        words: ['specified container does not exist']
    },
    {
        category: 'not-found',
        services: ['azure-storage', 'azure-ai-search'],
        codes: ['ResourceNotFound', 'ResourceNotFoundError']
    },
    {
        category: 'not-found',
        services: ['postgres'],
        codes: ['InvalidCatalogName', 'UndefinedTable', '3D000', '42P01'],
        fields: ['sqlstate=3D000', 'sqlstate=42P01', 'sqlstate=3F000'],
        words: ['relation … does not exist']
    },
    {
        category: 'not-found',
        services: ['elasticsearch'],
        words: ['index not found exception', 'no such index']
    },
    {
        category: 'not-found',
        services: ['microsoft-365'],
        codes: ['itemNotFound', 'Request_ResourceNotFound']
    },
    {
        category: 'not-found',
        codes: [
            'FileNotFoundError',
            'UNKNOWN_TOPIC_OR_PART',
            'RESOURCE_DOES_NOT_EXIST',
            'COLLECTION_NOT_EXIST'
        ],
        fields: rules_status(404),
        words: [
            ...statusWords(404),
            'database … does not exist',
            'table … does not exist',
            'unknown database',
            'no such file or directory'
        ]
    },
    {
        category: 'configuration',
        services: ['s3'],
        codes: [
            'PermanentRedirect',
            'AuthorizationHeaderMalformed',
            'IllegalLocationConstraintException',
            'InvalidBucketName',
            'ParamValidationError'
        ],
        words: [
            'must be addressed using the specified endpoint',
            'invalid bucket name',
            'wrong aws region'
        ]
    },
    {
        category: 'configuration',
        services: ['pinecone'],
        words: ['vector dimension', 'dimension mismatch', 'does not match the dimension']
    },
    {
        category: 'configuration',
        services: ['azure-storage'],
        codes: ['InvalidResourceName'],
        words: ['connection string is either blank or malformed']
    },
    { category: 'configuration', services: ['mongodb'], codes: ['InvalidURI'] },
    {
        category: 'configuration',
        codes: ['MissingSchema', 'InvalidSchema', 'InvalidURL', 'ImproperlyConfigured'],
        words: [
            'validation error for',
            'validation errors for',
            'no connection adapters were found',
            'no scheme supplied',
            'invalid uri',
            'invalid url',
            'method not allowed'
        ]
    },
    // Generic words, in an order that settles the usual mixtures: "Forbidden: invalid API key" is
    // the key, "timed out" after "not found" is the name.
    {
        category: 'credentials',
        codes: ['AuthError', 'authError'],
        words: [
            'unauthorized',
            'unauthenticated',
            'not authenticated',
            'authentication failed',
            'authentication failure',
            'authentication error',
            'authentication exception',
            'authentication required',
            'authentication is required',
            'requires authentication',
            'failed to authenticate',
            'unable to authenticate',
            'could not authenticate',
            'cannot authenticate',
            'invalid credentials',
            'invalid credential',
            'bad credentials',
            'wrong credentials',
            'incorrect credentials',
            'credentials are invalid',
            'credentials may be invalid',
            'no credentials',
            'missing credentials',
            'invalid api key',
            'api key is invalid',
            'api key not valid',
            'incorrect api key',
            'invalid api token',
            'invalid token',
            'invalid access token',
            'invalid auth token',
            'token is invalid',
            'token expired',
            'token has expired',
            'expired token',
            'invalid password',
            'wrong password',
            'incorrect password',
            'password is incorrect',
            'password incorrect',
            'password expired',
            'invalid username or password',
            'incorrect username or password',
            'invalid user name or password',
            'username or password is incorrect',
            'user name or password is incorrect',
            'login failed',
            'login failure',
            'invalid login',
            'auth failed',
            'invalid signature',
            'invalid jwt',
            'invalid client secret'
        ]
    },
    {
        category: 'permissions',
        words: [
            'access denied',
            'access is denied',
            'permission denied',
            'forbidden',
            'not authorized',
            'not permitted',
            'not allowed',
            'insufficient permission',
            'insufficient permissions',
            'missing permission',
            'missing permissions',
            'no permission',
            'do not have permission',
            'does not have permission',
            "doesn't have permission",
            'lacks permission'
        ]
    },
    {
        category: 'not-found',
        words: [
            'not found',
            'does not exist',
            "doesn't exist",
            'do not exist',
            'no such',
            'could not find',
            "couldn't find",
            'cannot find',
            "can't find",
            'unable to find'
        ]
    },
    {
        category: 'configuration',
        words: [
            'invalid configuration',
            'configuration is invalid',
            'misconfigured',
            'malformed',
            'invalid value',
            'invalid parameter',
            'invalid argument',
            'invalid format',
            'field required',
            'missing required',
            'input should be a valid',
            'not a valid',
            'invalid region',
            'wrong region'
        ]
    },
    {
        category: 'network',
        words: [
            'could not connect',
            'cannot connect',
            "can't connect",
            "couldn't connect",
            'unable to connect',
            'fail connecting',
            'failed connecting',
            'max retries exceeded',
            'remote end closed connection',
            'broken pipe',
            'timed out',
            'timeout',
            'unreachable'
        ]
    },
    { category: 'tls', words: ['certificate'] },
    // Names that wrap errors of one kind and say little besides: the last resort.
    { category: 'network', words: ['connection error'] },
    { category: 'configuration', words: ['configuration error', 'validation error', 'bad request'] }
];

;// CONCATENATED MODULE: ./src/report/diagnose/diagnose.ts
/**
 * What a FAILURE's reason most likely means, and the likely fix: a category from the reason's
 * words, codes and fields and the connector's type, and a one-line hint of our own. Pure, and
 * safe on hostile text: it reads at most READ_LIMIT characters, turns them into words,
 * identifiers and `name=value` fields in one pass each, and looks for fixed phrases with
 * indexOf (no regular expression on the reason, so nothing to backtrack); the hint is fixed
 * text that never quotes the reason.
 */




/** Characters of a reason that are read: the words that say what went wrong come early. */
const READ_LIMIT = 4000;
/** Most characters between two parts of a phrase with `…`: a name or two. */
const GAP = 80;
/** Occurrences of a phrase's first part that are tried: bounds the work per phrase. */
const TRIES = 8;
/** Classes in front of the reason that are read (`UserAuthError: Not found error: …`). */
const FRONT_CLASSES = 3;
/** Longest class name or lead-in sentence in front. */
const FRONT_LENGTH = 64;
function kindOf(code) {
    if (code >= 97 && code <= 122)
        return 'lower';
    if (code >= 65 && code <= 90)
        return 'upper';
    if (code >= 48 && code <= 57)
        return 'digit';
    return 'other';
}
const isIdentifierChar = (code) => code === 95 || kindOf(code) !== 'other';
/**
 * The text as lower-case words between single spaces, with a space at each end, so that
 * `ErrorCode:AuthorizationPermissionMismatch` reads ` error code authorization permission
 * mismatch `: camel case is split (`SSLError` is `ssl error`), and anything but an ASCII letter
 * or digit separates. One pass over at most `limit` characters.
 */
function words(text, limit) {
    const end = Math.min(text.length, limit);
    let out = ' ';
    let spaced = true;
    let previous = 'other';
    for (let i = 0; i < end; i += 1) {
        const code = text.charCodeAt(i);
        const kind = kindOf(code);
        if (kind === 'other') {
            if (!spaced)
                out += ' ';
            spaced = true;
            previous = kind;
            continue;
        }
        const split = kind === 'upper' &&
            (previous === 'lower' ||
                previous === 'digit' ||
                (previous === 'upper' && i + 1 < end && kindOf(text.charCodeAt(i + 1)) === 'lower'));
        if (split && !spaced)
            out += ' ';
        out += kind === 'upper' ? String.fromCharCode(code + 32) : text.charAt(i);
        spaced = false;
        previous = kind;
    }
    return spaced ? out : `${out} `;
}
/** The identifiers in the text as written: runs of ASCII letters, digits and `_`. */
function identifiers(text) {
    const found = new Set();
    let start = -1;
    for (let i = 0; i <= text.length; i += 1) {
        const inside = i < text.length && isIdentifierChar(text.charCodeAt(i));
        if (inside && start < 0)
            start = i;
        else if (!inside && start >= 0) {
            found.add(text.slice(start, i));
            start = -1;
        }
    }
    return found;
}
/** Field names of the stripped form, by the name the rules use. */
const FIELD_NAMES = new Map([
    ['status_code', 'status'],
    ['status', 'status'],
    ['response_code', 'status'],
    ['sqlstate', 'sqlstate'],
    ['pgcode', 'sqlstate'],
    ['code', 'code'],
    ['error_code', 'error_code'],
    ['errno', 'errno'],
    ['error', 'error']
]);
const isValueChar = (code) => isIdentifierChar(code) || code === 45 || code === 46;
/**
 * The `name=value` fields in the text, as `name=value` under the rules' names; a `code` that is
 * an HTTP error status counts as a status too. One pass: at each `=`, the identifier before it
 * and at most 64 value characters after it.
 */
function fields(text) {
    const found = new Set();
    for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', at + 1)) {
        let start = at;
        while (start > 0 && at - start < 16 && isIdentifierChar(text.charCodeAt(start - 1)))
            start -= 1;
        const name = FIELD_NAMES.get(text.slice(start, at).toLowerCase());
        if (name === undefined)
            continue;
        let end = at + 1;
        while (end < text.length && end - at <= 64 && isValueChar(text.charCodeAt(end)))
            end += 1;
        const value = text.slice(at + 1, end);
        if (value === '')
            continue;
        found.add(`${name}=${value}`);
        if (name === 'code' && value.length === 3 && value >= '400' && value <= '599') {
            found.add(`status=${value}`);
        }
    }
    return found;
}
/**
 * The library's classes in front of the reason, taken off: `UserAuthError: …`, a dotted
 * `module.UserAuthError: …`, or the sentence a class puts in front (`User error: …`). Returns
 * the rest and the first meaningful class's category. An unknown name stays: it is the text's.
 */
function frontClasses(reason) {
    let rest = reason.trimStart();
    let meaning;
    for (let n = 0; n < FRONT_CLASSES; n += 1) {
        const colon = rest.slice(0, FRONT_LENGTH + 1).indexOf(': ');
        if (colon <= 0)
            break;
        const head = rest.slice(0, colon);
        const name = head.slice(head.lastIndexOf('.') + 1);
        if (!CLASS_MEANING.has(name))
            break;
        meaning ??= CLASS_MEANING.get(name);
        rest = rest.slice(colon + 2).trimStart();
    }
    return { rest, meaning };
}
/**
 * The wrappers' words and the rules ready to match, made by the first diagnosis rather than when
 * the module loads: start-up is spent before the first request, and most steps see no FAILURE.
 */
let prepared;
function preparedRules() {
    prepared ??= {
        wrapperWords: WRAPPERS.map((wrapper) => words(wrapper, wrapper.length)),
        rules: RULES.map(compile)
    };
    return prepared;
}
function compile(rule) {
    const codes = rule.codes ?? [];
    return {
        rule,
        codes: codes.filter((code) => !code.endsWith('*')),
        prefixes: codes.filter((code) => code.endsWith('*')).map((code) => code.slice(0, -1)),
        phrases: (rule.words ?? []).map((phrase) => {
            const parts = phrase.split('…').map((part) => words(part, part.length));
            return {
                parts,
                words: parts
                    .join(' ')
                    .split(' ')
                    .filter((word) => word !== '')
            };
        })
    };
}
/**
 * Whether the parts occur in order, each within GAP characters of the one before. Each part
 * starts and ends with a space, which the next part may share.
 */
function hasPhrase(text, parts) {
    const [first, ...rest] = parts;
    if (first === undefined)
        return false;
    let from = 0;
    for (let tries = 0; tries < TRIES; tries += 1) {
        const at = text.indexOf(first, from);
        if (at < 0)
            return false;
        let end = at + first.length - 1;
        let all = true;
        for (const part of rest) {
            const next = text.slice(end, end + GAP + part.length).indexOf(part);
            if (next < 0) {
                all = false;
                break;
            }
            end += next + part.length - 1;
        }
        if (all)
            return true;
        from = at + 1;
    }
    return false;
}
function matches(compiled, reading) {
    const { text, words, ids } = reading;
    for (const code of compiled.codes)
        if (ids.has(code))
            return true;
    if (compiled.prefixes.length > 0) {
        for (const id of ids)
            if (compiled.prefixes.some((prefix) => id.startsWith(prefix)))
                return true;
    }
    if (compiled.rule.fields?.some((field) => reading.fields.has(field)) === true)
        return true;
    return compiled.phrases.some((phrase) => phrase.words.every((word) => words.has(word)) && hasPhrase(text, phrase.parts));
}
/** Whether a rule speaks for this connector: one with `only` for its own services' alone. */
function applies(rule, typed) {
    return rule.only !== true || (typed !== undefined && rule.services?.includes(typed) === true);
}
/** The service of a connector type; undefined for a type without known fixes. */
function serviceOf(type) {
    return SERVICE_OF_TYPE.get(words(type, 64).replace(/ /g, ''));
}
function read(rest) {
    let text = words(rest, READ_LIMIT);
    for (const wrapper of preparedRules().wrapperWords) {
        if (text.includes(wrapper))
            text = text.split(wrapper).join(' ');
    }
    return {
        text,
        words: new Set(text.split(' ')),
        ids: identifiers(rest),
        fields: fields(rest)
    };
}
/**
 * What a FAILURE's reason says once the library's classes and lead-ins in front are taken off
 * (`DestinationConnectionError: failed to validate connection: password authentication failed`
 * → `password authentication failed`): the words a table cell has room for. The reason itself
 * when nothing is left.
 */
function gist(reason) {
    let rest = reason.trim();
    for (let n = 0; n < FRONT_CLASSES; n += 1) {
        const before = rest;
        rest = frontClasses(rest).rest;
        const lower = rest.toLowerCase();
        const lead = WRAPPERS.find((wrapper) => lower.startsWith(wrapper));
        if (lead !== undefined)
            rest = rest.slice(lead.length).replace(/^\s*[:\-–]\s*/, '');
        if (rest === before)
            break;
    }
    return rest.trim() === '' ? reason.trim() : rest.trim();
}
/**
 * The category of a FAILURE's reason, and its hint. `type` is the connector's type when the API
 * told it: it picks the service's own hint and the rules that hold for it alone; without it, the
 * reason's words may name the service. A generic class in front (`DestinationConnectionError:`)
 * says nothing; a meaningful one (`UserAuthError:`) decides when the rest says nothing. An empty
 * reason, or one that no rule matches, is `unknown`, with no hint.
 */
function diagnose(reason, type) {
    const { rest, meaning } = frontClasses((reason ?? '').slice(0, READ_LIMIT));
    const typed = type === undefined ? undefined : serviceOf(type);
    const reading = read(rest);
    const found = preparedRules().rules.find((compiled) => applies(compiled.rule, typed) && matches(compiled, reading))?.rule;
    const category = found === undefined ? meaning : found.category;
    if (category === undefined || category === 'unknown')
        return { category: 'unknown', hint: undefined };
    const services = found?.services;
    // Another service's words, or a type without known fixes: only the generic hint is safe.
    const service = type === undefined
        ? services?.[0]
        : services === undefined || (typed !== undefined && services.includes(typed))
            ? typed
            : undefined;
    const hint = (service === undefined ? undefined : SERVICE_HINTS[service][category]) ??
        GENERIC_HINTS[category];
    return { category, hint: `Likely cause: ${hint}` };
}

;// CONCATENATED MODULE: ./src/report/view.ts





const views = new WeakMap();
/** The view of a result, built once however many renderers ask. */
function viewOf(result) {
    const known = views.get(result);
    if (known !== undefined)
        return known;
    const view = buildView(result);
    views.set(result, view);
    return view;
}
function buildView(result) {
    const { connector, names, run, verdict } = result;
    const check = shownCheck(run);
    const outcome = verdict.outcome;
    const short = shortNames(names);
    const diagnosis = outcome === 'failure' ? diagnose(check?.reason, names?.type) : undefined;
    const flakyNotes = flakyNotesOf(result);
    const waivedNote = waivedNoteOf(result);
    const view = {
        connector,
        names,
        shortNames: short,
        label: (0,core_connector/* connectorLabel */.oc)(connector, short),
        shortId: connector.id.slice(0, 8),
        sortName: names?.name ?? connector.id,
        shortName: names?.name === undefined
            ? `${connector.kind} ${connector.id.slice(0, 8)}`
            : (0,core_text/* oneLine */.TN)(names.name, 60),
        nameAndType: nameAndType(short),
        fullNameAndType: nameAndType(names),
        outcome,
        icon: OUTCOME_ICON[outcome],
        passed: (0,core_outcome/* passingOutcome */.gP)(outcome),
        waived: result.waived,
        verdict,
        checkId: run.created?.id,
        replacedBy: run.followed !== undefined && run.followed.id !== run.created?.id
            ? run.followed.id
            : undefined,
        check,
        status: check?.status,
        reason: outcome === 'failure' ? check?.reason?.trim() || core_outcome/* NO_REASON */.je : undefined,
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
    };
    return { ...view, entry: resultEntry(result, view) };
}
/** A failed check's reason on one line of at most `limit` characters, or what stands for none. */
function failedReason(check, limit) {
    return (0,core_text/* oneLine */.TN)(check.reason?.trim() || core_outcome/* NO_REASON */.je, limit);
}
/** Passed on a later attempt after a FAILURE. */
function isFlaky(result) {
    return result.verdict.outcome === 'success' && result.failedBefore.length > 0;
}
/** One sentence per FAILURE a flaky connector had before it passed, its reason inert. */
function flakyNotesOf(result) {
    if (!isFlaky(result))
        return [];
    const who = (0,core_connector/* connectorLabel */.oc)(result.connector, shortNames(result.names), true);
    return result.failedBefore.map((failed) => `${who} is flaky: check ${failed.id} failed (${failedReason(failed, 300)}) ` +
        'before a new check passed.');
}
/** Why a result that did not pass does not fail the step, if it does not. */
function waivedNoteOf(result) {
    if (!result.waived)
        return undefined;
    return (`The platform gave no verdict (${result.verdict.outcome}), and on-platform-unavailable is ` +
        'warn: this does not fail the step.');
}
/** Why a running check was followed instead of one of this step's, in a few words. */
function joinedBecause(refusal) {
    return refusal === undefined
        ? 'the POST got no answer, and a read showed that check running'
        : `HTTP ${refusal.status}`;
}
/** The check whose fields are shown: the one that decided, else ours. */
function shownCheck(run) {
    return run.followed ?? run.created;
}
function resultEntry(result, view) {
    const { connector, names, run, verdict } = result;
    const shown = view.check;
    const diagnosed = view.diagnosis;
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
        reused: result.reused === undefined
            ? null
            : {
                'check-id': result.reused.check.id,
                'reported-at': result.reused.check.reportedAt,
                'age-seconds': Math.round(result.reused.ageMs / 100) / 10
            }
    };
}
/** Name and type short enough for a table cell or a list. */
function shortNames(names) {
    if (names === undefined)
        return undefined;
    return {
        name: names.name === undefined ? undefined : (0,core_text/* oneLine */.TN)(names.name, 60),
        type: names.type === undefined ? undefined : (0,core_text/* oneLine */.TN)(names.type, 40)
    };
}
/** "orders (s3)", or undefined when the name is not known. */
function nameAndType(names) {
    if (names?.name === undefined)
        return undefined;
    return names.type === undefined ? names.name : `${names.name} (${names.type})`;
}
/**
 * Why a result did not pass, in a few words, for a table cell or a list, on one line ('' for a
 * plain pass): the gist of the platform's reason for a FAILURE; for a timeout what was still undecided and
 * the last error; for a connector the queue left out, that; else what went wrong (the verdict's
 * title). A renderer cuts it to its width with oneLine().
 */
function briefReason(result, shown) {
    const { outcome, title } = result.verdict;
    const { problem } = result.run;
    const lastError = problem?.kind === 'timeout' && problem.lastTransient !== undefined
        ? `; last error: ${problem.lastTransient}`
        : '';
    switch (outcome) {
        case 'success':
            return result.reused === undefined ? '' : (0,core_text/* oneLine */.TN)(`reused ${result.reused.check.id}`);
        case 'dry-run':
            return '';
        case 'failure':
            // The words that say what went wrong, not the library's classes and lead-ins before them.
            return (0,core_text/* oneLine */.TN)(gist(shown?.reason ?? '')) || core_outcome/* NO_REASON */.je;
        case 'timeout':
            if (problem?.kind === 'not-started')
                return 'not started: no slot left before the deadline';
            if (shown === undefined)
                return (0,core_text/* oneLine */.TN)(`no check started${lastError}`);
            return (0,core_text/* oneLine */.TN)(`still ${shown.status} at the deadline${lastError}`);
        case 'cancelled': {
            const by = problem?.kind === 'cancelled' && problem.signal ? ` by ${problem.signal}` : '';
            return (0,core_text/* oneLine */.TN)(shown === undefined ? `cancelled${by}` : `cancelled${by} while ${shown.status}`);
        }
        default:
            return (0,core_text/* oneLine */.TN)(title);
    }
}
/** Most connectors named in a closing line before the rest are counted. */
const NAMED_IN_CLOSING_LINE = 10;
/**
 * The step's last line: how many passed and, when `named` (nothing above said it yet), which did
 * not and why, the first few by name.
 */
function closingLine(results, durationMs, named = true) {
    const all = results.map(viewOf);
    const failed = (0,report_counts/* ranked */.ad)(all.filter((v) => !v.passed));
    const took = (0,core_text/* seconds */.YA)(durationMs);
    if (failed.length === 0 && all.some((v) => v.outcome === 'dry-run')) {
        return all.length === 1
            ? `Dry run: the connector was found in ${took}; no check was started.`
            : `Dry run: all ${all.length} connectors were found in ${took}; no check was started.`;
    }
    if (failed.length === 0) {
        return all.length === 1
            ? `The connection check passed in ${took}.`
            : `All ${all.length} connection checks passed in ${took}.`;
    }
    const waived = failed.filter((v) => v.waived);
    const tail = waived.length > 0 && waived.length === failed.length
        ? ' (on-platform-unavailable is warn: the step passes)'
        : '';
    const described = (v) => {
        const why = (0,core_text/* oneLine */.TN)(v.brief, 200);
        return `${v.label}: ${(0,report_counts/* outcomeWords */.wX)(v.outcome)}${why === '' ? '' : ` (${why})`}`;
    };
    const [only] = failed;
    if (all.length === 1 && only !== undefined) {
        return named
            ? `The connection check did not pass after ${took}: ${described(only)}${tail}.`
            : `The connection check did not pass (${(0,report_counts/* outcomeWords */.wX)(only.outcome)}) after ${took}${tail}.`;
    }
    const neverStarted = failed.filter((v) => v.notStarted).length;
    const queue = neverStarted === 0
        ? ''
        : `; ${neverStarted} never started, as the queue left too little time to follow their checks`;
    const counts = (0,report_counts/* countsInWords */.Pe)(all.map((v) => v.outcome));
    const head = `${(0,core_text/* count */.U9)(all.length, 'connector')} checked in ${took}: ${counts}${tail}${queue}`;
    if (!named)
        return `${head}.`;
    const list = failed.slice(0, NAMED_IN_CLOSING_LINE).map(described);
    const more = failed.length - list.length;
    return `${head}. ${list.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}
/** One symbol per outcome, for group headings, tables and the terminal. */
const OUTCOME_ICON = {
    success: '✅',
    'dry-run': '🔎',
    failure: '❌',
    invalid: '⛔',
    unauthorized: '🔒',
    'not-found': '❓',
    timeout: '⏱️',
    cancelled: '🚫',
    error: '⚠️'
};
/** Widest reason in the log's verdict table: a row must fit a log window without wrapping. */
const TABLE_REASON_CHARS = 60;
/**
 * The log's verdict table, in report order: one row per connector, narrow enough not to wrap in
 * GitHub's log (the id cut to 8 characters, the reason to TABLE_REASON_CHARS; each connector's
 * group above has them whole).
 */
function verdictRows(results) {
    return {
        header: ['OUTCOME', 'CONNECTOR', 'ID', 'TIME', 'REASON'],
        rows: (0,report_counts/* ranked */.ad)(results.map(viewOf)).map((v) => [
            (0,report_counts/* outcomeWords */.wX)(v.outcome),
            (0,core_text/* oneLine */.TN)(v.nameAndType ?? v.connector.kind, 40),
            v.shortId,
            (0,core_text/* seconds */.YA)(v.durationMs),
            (0,core_text/* oneLine */.TN)(v.brief, TABLE_REASON_CHARS) || '-'
        ])
    };
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 79:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  yU: () => (/* binding */ ExitCode),
  Yz: () => (/* binding */ core_debug),
  N4: () => (/* binding */ endGroup),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  Oh: () => (/* binding */ startGroup),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: addPath, exportVariable, getBooleanInput, getIDToken, getMultilineInput, getState, group, markdownSummary, notice, platform, saveState, setCommandEcho, setFailed, summary, toPlatformPath, toPosixPath, toWin32Path

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 2 modules
var lib = __nccwpck_require__(855);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 855:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient),
  s_: () => (/* binding */ lib_getProxyUrl)
});

// UNUSED EXPORTS: Headers, HttpClientError, HttpClientResponse, HttpCodes, MediaTypes, isHttps

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./src/api/undici-stub.ts
// What the bundles get for `undici` (tsconfig.json maps the name here; ncc resolves through that
// map). @actions/http-client imports undici for one thing, ProxyAgent, which only its
// getAgentDispatcher() builds: a dispatcher for fetch(), which neither front end uses (our
// requests go through HttpClient.request, and behind a proxy through TunnelAgent). undici itself
// is CommonJS, so the bundler cannot drop it, and loading it was the largest part of start-up.
/** Throws: nothing in this program asks @actions/http-client for a fetch() dispatcher. */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- stands in for undici's class
class ProxyAgent {
    constructor() {
        throw new Error('undici is not bundled: HttpClient.getAgentDispatcher() is not available');
    }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 19 modules
var lib_core = __nccwpck_require__(79);
;// CONCATENATED MODULE: ./src/core/cancellation.ts
/**
 * Runners cancel a job by sending SIGINT, then SIGTERM a few seconds later. Either one aborts
 * the returned signal (its reason is the signal's name), so the wait stops at once and the
 * outputs known so far are still written.
 */
function cancelOnSignals(signals = ['SIGINT', 'SIGTERM']) {
    // run() lifts the listener limit on whatever signal it is given; that is not repeated here.
    const controller = new AbortController();
    const handlers = signals.map((name) => {
        const handler = () => {
            controller.abort(name);
        };
        process.on(name, handler);
        return [name, handler];
    });
    return {
        signal: controller.signal,
        dispose: () => {
            for (const [name, handler] of handlers)
                process.off(name, handler);
        }
    };
}

;// CONCATENATED MODULE: ./src/core/exit.ts
/** How long a slow reader of a pipe may take to read what is left once the verdict is written. */
const FLUSH_LIMIT_MS = 10_000;
/**
 * Exits with `code` once stdout and stderr have handed over everything written so far:
 * process.exit() drops what a pipe's reader has not taken yet. Then exits all the same, since a
 * socket left open (behind a proxy, say) must not keep the process alive after the verdict, and
 * a reader that stopped reading gets a bounded wait, not the rest of time.
 */
async function exitWhenFlushed(code) {
    process.exitCode = code;
    const limit = new Promise((resolve) => setTimeout(resolve, FLUSH_LIMIT_MS).unref());
    await Promise.race([Promise.all([flushed(process.stdout), flushed(process.stderr)]), limit]);
    process.exit(code);
}
/** Resolves once everything written to the stream so far has left the process (or failed to). */
function flushed(stream) {
    return new Promise((resolve) => {
        // Writes complete in order, so an empty one completes after all that came before it.
        stream.write('', () => {
            resolve();
        });
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: ./src/engine/inert.ts
function inertCheck(text, check) {
    return {
        ...check,
        id: text.clean(check.id),
        status: text.clean(check.status),
        reason: check.reason === null ? null : text.clean(check.reason),
        createdAt: text.clean(check.createdAt),
        reportedAt: check.reportedAt === null ? null : text.clean(check.reportedAt)
    };
}
/** A finished check run with every piece of remote text in it made inert. */
function inertRun(text, run) {
    const check = (c) => c === undefined ? undefined : inertCheck(text, c);
    return {
        ...run,
        created: check(run.created),
        followed: check(run.followed),
        lastIgnored: run.lastIgnored === undefined
            ? undefined
            : { ...run.lastIgnored, check: inertCheck(text, run.lastIgnored.check) },
        problem: run.problem === undefined ? undefined : text.problem(run.problem)
    };
}
function inertTransient(problem, text) {
    return { ...problem, reason: text.clean(problem.reason) };
}
function inertRequests(log, text) {
    return (entry) => {
        log({ ...entry, outcome: text.clean(entry.outcome) });
    };
}
/** The check's events with every piece of remote text in them made inert. */
function inertEvents(to, text) {
    const check = (raw) => inertCheck(text, raw);
    return {
        started: (raw) => {
            to.started(check(raw));
        },
        joined: (raw, refusal) => {
            const detail = refusal?.detail === undefined ? undefined : text.clean(refusal.detail);
            to.joined(check(raw), refusal === undefined ? undefined : { ...refusal, detail });
        },
        finalOnArrival: (raw) => {
            to.finalOnArrival(check(raw));
        },
        statusChanged: (raw, previous) => {
            to.statusChanged(check(raw), text.clean(previous));
        },
        superseded: (previous, newer) => {
            to.superseded(check(previous), check(newer));
        },
        unknownStatus: (raw) => {
            to.unknownStatus(check(raw));
        },
        ignored: (raw, relation) => {
            to.ignored(check(raw), relation);
        },
        retrying: (problem, delayMs, failuresInARow) => {
            to.retrying(inertTransient(problem, text), delayMs, failuresInARow);
        }
    };
}

// EXTERNAL MODULE: ./src/core/connector.ts
var core_connector = __nccwpck_require__(912);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = /*#__PURE__*/JSON.parse('{"UU":"unstructured-connection-check","rE":"1.0.0"}');
;// CONCATENATED MODULE: ./src/core/version.ts

// Sent in the user-agent header and shown by --version: package.json says which release this is.
const ACTION_NAME = package_namespaceObject.UU;
const ACTION_VERSION = package_namespaceObject.rE;

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 2 modules
var lib = __nccwpck_require__(855);
// EXTERNAL MODULE: ./src/core/problem.ts
var core_problem = __nccwpck_require__(652);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(67);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: ./src/api/tunnel-agent.ts


/** The proxy for an HTTPS_PROXY value as getProxyUrl returns it; undefined for none. */
function proxyEndpoint(proxyUrl) {
    if (proxyUrl === '')
        return undefined;
    let url;
    try {
        url = new URL(proxyUrl);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return undefined;
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    return {
        protocol: url.protocol,
        // A literal IPv6 address comes bracketed in a URL, and unbracketed to connect().
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
        authorization: user === '' && password === ''
            ? undefined
            : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
    };
}
class TunnelAgent extends external_node_https_namespaceObject.Agent {
    proxy;
    /** CONNECTs not yet answered: destroy() must cut those off too. */
    pending = new Set();
    constructor(proxy) {
        super({ keepAlive: true });
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        const done = callback ?? (() => undefined);
        const host = options.hostname ?? options.host ?? 'localhost';
        const port = Number(options.port ?? 443);
        const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
        const send = this.proxy.protocol === 'https:' ? external_node_https_namespaceObject.request : external_node_http_.request;
        const connect = send({
            host: this.proxy.host,
            port: this.proxy.port,
            method: 'CONNECT',
            path: target,
            // A socket of its own, never one of this agent's pool.
            agent: false,
            setHost: false,
            headers: {
                host: target,
                ...(this.proxy.authorization === undefined
                    ? {}
                    : { 'proxy-authorization': this.proxy.authorization })
            }
        });
        this.pending.add(connect);
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            this.pending.delete(connect);
            done(error, undefined);
        };
        connect.once('connect', (response, socket, head) => {
            this.pending.delete(connect);
            if (response.statusCode !== 200) {
                socket.destroy();
                // Worded as the `tunnel` package words it, which describeNetworkError reads.
                fail(new Error(`tunneling socket could not be established, statusCode=${response.statusCode ?? 0}`));
                return;
            }
            settled = true;
            // Bytes the proxy passed on after its answer belong to the tunnel.
            if (head.length > 0)
                socket.unshift(head);
            // https.Agent's own TLS connection (its session cache included), over the tunnel.
            const tls = super.createConnection({ ...options, socket });
            done(null, tls);
        });
        connect.once('response', (response) => {
            // Not an answer to CONNECT a proxy may give; read as a refusal.
            response.resume();
            fail(new Error(`tunneling socket could not be established, statusCode=${response.statusCode ?? 0}`));
        });
        connect.once('error', (error) => {
            fail(new Error(`tunneling socket could not be established, cause=${error.message}`));
        });
        connect.end();
        return undefined;
    }
    destroy() {
        for (const connect of this.pending)
            connect.destroy();
        this.pending.clear();
        super.destroy();
    }
}

;// CONCATENATED MODULE: ./src/api/transport.ts



const BODY_LIMIT_BYTES = 1024 * 1024;
/** Connections idle longer than this are not reused (uvicorn's keep-alive timeout is 5 s). */
const IDLE_REUSE_LIMIT_MS = 4_000;
/**
 * HTTP for one API host, on @actions/http-client (which honours the runner's proxy settings).
 *
 * The client takes no AbortSignal and its socket timer is an inactivity timer, so the per-request
 * timeout and cancellation are enforced here: the request races a timer and the signal, and the
 * loser's client is disposed and replaced, so its late answer is never read. Behind HTTPS_PROXY
 * (as the client decides it: NO_PROXY and loopback hosts go direct) the connections come from a
 * TunnelAgent of our own, which keeps tunnels alive where the client's opens one per request;
 * disposing destroys it with the client. Redirects are never followed: the client only strips
 * `authorization` on a cross-host redirect, and our key travels in another header. Every URL is
 * checked against the configured origin before it is sent.
 */
class Transport {
    headers;
    userAgent;
    client;
    /** The tunnel agent of each client behind a proxy. */
    agents = new Map();
    origin;
    proxy;
    lastUsedAt = Number.NEGATIVE_INFINITY;
    constructor(apiBase, headers, userAgent) {
        this.headers = headers;
        this.userAgent = userAgent;
        this.origin = new URL(apiBase).origin;
        this.proxy =
            new URL(apiBase).protocol === 'https:' ? proxyEndpoint((0,lib/* getProxyUrl */.s_)(apiBase)) : undefined;
        this.client = this.newClient();
    }
    async send(method, url, options) {
        if (new URL(url).origin !== this.origin) {
            // A programming error, not a runtime condition: the key must only go to the API host.
            throw new Error('refusing to send a request outside the configured API host');
        }
        if (options.signal.aborted)
            return { ok: false, problem: { failure: 'aborted', answered: false } };
        this.dropIdleConnections();
        const client = this.client;
        // Whether a status line came back: a host that answered once is known to be there.
        let answered = false;
        const attempt = (async () => {
            // An empty string body makes the client send Content-Length: 0 on the POST.
            const response = await client.request(method, url, method === 'POST' ? '' : null, {
                ...this.headers
            });
            answered = true;
            const body = await readBody(response.message, options.bodyLimitBytes ?? BODY_LIMIT_BYTES);
            return {
                ok: true,
                value: {
                    status: response.message.statusCode ?? 0,
                    headers: response.message.headers,
                    body
                }
            };
        })().catch((error) => {
            if (error instanceof AnswerTooLarge) {
                return { ok: false, problem: { failure: 'network', answered, reason: error.message } };
            }
            const described = describeNetworkError(error);
            // After the status line, whatever went wrong cut the answer short.
            const reason = answered ? `the answer was cut off (${described.reason})` : described.reason;
            return { ok: false, problem: { failure: 'network', answered, ...described, reason } };
        });
        let timer;
        let onAbort;
        const stop = new Promise((resolve) => {
            timer = setTimeout(() => {
                resolve({ ok: false, problem: { failure: 'timed-out', answered } });
            }, Math.max(0, options.timeoutMs));
            onAbort = () => {
                resolve({ ok: false, problem: { failure: 'aborted', answered } });
            };
            options.signal.addEventListener('abort', onAbort, { once: true });
        });
        try {
            const result = await Promise.race([attempt, stop]);
            if (!result.ok && result.problem.failure !== 'network') {
                // The request lost the race: drop its client (and with it a direct socket), so a late
                // answer is never read.
                this.dispose(client);
                if (this.client === client)
                    this.client = this.newClient();
            }
            return result;
        }
        finally {
            this.lastUsedAt = performance.now();
            clearTimeout(timer);
            if (onAbort)
                options.signal.removeEventListener('abort', onAbort);
        }
    }
    close() {
        this.dispose(this.client);
    }
    /**
     * Servers close idle keep-alive connections (uvicorn after 5 s), and a request written just as
     * that happens is lost. Past a few idle seconds, a fresh connection is cheaper than the risk.
     */
    dropIdleConnections() {
        if (performance.now() - this.lastUsedAt < IDLE_REUSE_LIMIT_MS)
            return;
        if (this.lastUsedAt === Number.NEGATIVE_INFINITY)
            return;
        this.dispose(this.client);
        this.client = this.newClient();
    }
    /** Drops a client with its sockets, tunnels included (each client has its own agent). */
    dispose(client) {
        client.dispose();
        const tunnels = this.agents.get(client);
        tunnels?.destroy();
        this.agents.delete(client);
    }
    newClient() {
        const handlers = [];
        let tunnels;
        if (this.proxy !== undefined) {
            tunnels = new TunnelAgent(this.proxy);
            const agent = tunnels;
            handlers.push({
                // The client has chosen its `tunnel` agent by now; ours replaces it.
                prepareRequest: (options) => {
                    options.agent = agent;
                },
                canHandleAuthentication: () => false,
                handleAuthentication: () => Promise.reject(new Error('not an authentication handler'))
            });
        }
        const client = new lib/* HttpClient */.Qq(this.userAgent, handlers, {
            allowRedirects: false,
            allowRetries: false,
            keepAlive: true
        });
        if (tunnels !== undefined)
            this.agents.set(client, tunnels);
        return client;
    }
}
/** An answer longer than any the API sends: refused rather than read into memory. */
class AnswerTooLarge extends Error {
    constructor(limit) {
        super(`answer larger than ${Math.round(limit / 1024 / 1024)} MiB`);
    }
}
/** Reads the whole body; rejects when the connection drops mid-answer (readBody() would hang). */
function readBody(message, limit) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit) {
                message.destroy(new AnswerTooLarge(limit));
                return;
            }
            chunks.push(chunk);
        });
        message.on('end', () => {
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
        message.on('error', reject);
        message.on('close', () => {
            if (!message.complete)
                reject(new Error('connection closed in the middle of the answer'));
        });
    });
}
const NETWORK_REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection reset',
    ECONNABORTED: 'connection aborted',
    ETIMEDOUT: 'connection timed out',
    ENOTFOUND: core_problem/* HOST_NAME_NOT_FOUND */.Ik,
    EAI_AGAIN: 'DNS lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable'
};
/**
 * Failures that waiting cannot fix: the certificate (untrusted, expired, another name) and a port
 * that does not speak TLS at all. Other TLS alerts can be blips on a connection, and are retried.
 */
function isFatalTlsCode(code) {
    return (/CERT|^UNABLE_TO_(GET|VERIFY)_|^DEPTH_ZERO_|^HOSTNAME_MISMATCH$/.test(code) ||
        /^ERR_SSL_(WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST)$/.test(code));
}
/** A few log-safe words; never the request options, which hold the key. */
function describeNetworkError(error) {
    // Duck-typed, not `instanceof Error`: errors from another realm (a VM context) fail that test.
    if (typeof error !== 'object' || error === null || !('message' in error)) {
        return { reason: 'network error' };
    }
    const { message, code } = error;
    if (typeof message !== 'string')
        return { reason: 'network error' };
    const errorCode = typeof code === 'string' ? code : undefined;
    // A tunnel agent (ours, and the `tunnel` package) words a refused CONNECT like this.
    const refused = /tunneling socket could not be established, statusCode=(\d+)/.exec(message);
    if (refused?.[1] !== undefined) {
        const proxyStatus = Number(refused[1]);
        return { reason: `the proxy refused the tunnel (HTTP ${proxyStatus})`, proxyStatus };
    }
    if (message.startsWith('tunneling socket could not be established')) {
        const cause = /cause=(.*)$/.exec(message)?.[1] ?? '';
        return { reason: `could not reach the proxy (${describe(cause, undefined).slice(0, 120)})` };
    }
    // Node words a port that does not speak TLS, or a server with only TLS 1.0/1.1, as EPROTO.
    if (errorCode === 'EPROTO') {
        const found = /wrong version number|unsupported protocol|alert protocol version|packet length too long|http request/i
            .exec(message)?.[0]
            ?.toLowerCase();
        // Either side refusing the other's versions is the same fix: no version in common.
        const mismatch = found === 'alert protocol version' ? 'unsupported protocol' : found;
        if (mismatch !== undefined) {
            return { reason: `TLS error (EPROTO: ${mismatch})`, tlsCode: `EPROTO: ${mismatch}` };
        }
    }
    if (errorCode !== undefined && isFatalTlsCode(errorCode)) {
        return { reason: `TLS error (${errorCode})`, tlsCode: errorCode };
    }
    if (errorCode !== undefined && /^ERR_(SSL|TLS)_/.test(errorCode)) {
        return { reason: `TLS error (${errorCode})` };
    }
    return { reason: describe(message, errorCode) };
}
function describe(message, code) {
    if (message === 'socket hang up')
        return 'connection closed before an answer';
    if (code !== undefined && code in NETWORK_REASONS)
        return NETWORK_REASONS[code] ?? code;
    if (message.startsWith('Request timeout'))
        return 'socket timed out';
    if (code !== undefined)
        return `network error (${code})`;
    const known = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH)\b/.exec(message);
    if (known?.[1] !== undefined)
        return NETWORK_REASONS[known[1]] ?? known[1];
    return message.replace(/\s+/g, ' ').slice(0, 200);
}

;// CONCATENATED MODULE: ./src/api/client.ts



/** A request as a debug log shows it: method, path, result, time; never headers. */
function requestLine(entry) {
    return `${entry.method} ${entry.path} -> ${entry.outcome} (${Math.round(entry.elapsedMs)} ms)`;
}
/**
 * What reads answers (answers.ts, with zod and the schemas), loaded when the first answer comes
 * back rather than at start-up; once loaded it is used without a wait.
 */
let loadedAnswers;
async function loadAnswers() {
    loadedAnswers = await Promise.all(/* import() */[__nccwpck_require__.e(691), __nccwpck_require__.e(127)]).then(__nccwpck_require__.bind(__nccwpck_require__, 127));
    return loadedAnswers;
}
/**
 * A list is as long as the workspace: thousands of connectors with their configs are a few MB.
 * The cap only keeps an answer that never ends out of memory.
 */
const LIST_BODY_LIMIT_BYTES = 32 * 1024 * 1024;
/**
 * The Platform API calls this action makes. Each client has its own connection pool: a request
 * that overruns its time is cut off by closing the pool, which must not take other connectors'
 * requests down with it.
 */
class PlatformClient {
    apiBase;
    epochNow;
    log;
    transport;
    constructor(apiBase, apiKey, epochNow, log = () => undefined) {
        this.apiBase = apiBase;
        this.epochNow = epochNow;
        this.log = log;
        this.transport = new Transport(apiBase, 
        // no-cache: a cache (a CDN) in front of the API must ask it again, or a latest check and
        // its Date could be an old answer's.
        { 'unstructured-api-key': apiKey, accept: 'application/json', 'cache-control': 'no-cache' }, `${ACTION_NAME}/${ACTION_VERSION}`);
    }
    startCheck(connector, options) {
        return this.call('POST', (0,core_connector/* connectionCheckPath */.wv)(connector), (a) => a.CHECK, options);
    }
    latestCheck(connector, options) {
        return this.call('GET', (0,core_connector/* connectionCheckPath */.wv)(connector), (a) => a.CHECK, options);
    }
    /** The connector read by id: only an answer that is that connector counts. */
    async connectorInfo(connector, options) {
        const answer = await this.call('GET', (0,core_connector/* connectorPath */.f)(connector), (a) => a.CONNECTOR, options);
        if (!answer.ok || answer.value.id === connector.id.toLowerCase())
            return answer;
        const given = answer.value.id === undefined ? 'it has no id' : `its id is ${answer.value.id}`;
        const reason = `the answer was not connector ${connector.id} (${given})`;
        return { ok: false, problem: { kind: 'malformed', status: 200, reason } };
    }
    workflow(id, options) {
        return this.call('GET', `/workflows/${encodeURIComponent(id)}`, (a) => a.WORKFLOW, options);
    }
    /** Every connector of one kind: the list takes no paging parameters. */
    listConnectors(kind, options) {
        return this.call('GET', (0,core_connector/* listPath */.Kx)(kind), (a) => a.CONNECTOR_LIST, {
            ...options,
            bodyLimitBytes: LIST_BODY_LIMIT_BYTES
        });
    }
    /** One page of workflows, pages counted from 1. */
    listWorkflows(page, pageSize, options) {
        const path = `/workflows/?page=${page}&page_size=${pageSize}`;
        return this.call('GET', path, (a) => a.WORKFLOW_LIST, {
            ...options,
            bodyLimitBytes: LIST_BODY_LIMIT_BYTES
        });
    }
    close() {
        this.transport.close();
    }
    async call(method, path, 
    /** What the answer must be, from the module that reads answers. */
    readingOf, options) {
        const started = performance.now();
        const url = `${this.apiBase}${path}`;
        const sent = await this.transport.send(method, url, options);
        const answers = loadedAnswers ?? (await loadAnswers());
        const reading = readingOf(answers);
        const result = answers.readAnswer(sent, reading, options.timeoutMs, this.epochNow(), url);
        this.log({
            method,
            path,
            outcome: describeResult(sent, result, reading),
            elapsedMs: performance.now() - started
        });
        return result;
    }
}
function describeResult(sent, result, expected) {
    const status = sent.ok ? `${sent.value.status} ` : '';
    if (result.ok)
        return `${status}${expected.describe?.(result.value) ?? 'ok'}`;
    const { problem } = result;
    return `${status}${problem.kind === 'transient' ? problem.reason : problem.kind}`;
}

;// CONCATENATED MODULE: ./src/engine/context.ts
// What every part of one step shares, and the one way it reaches the platform.


/** The platform over HTTP: what a step uses unless it is given another way in. */
const connectOverHttp = ({ base, apiKey, epochNow, log }) => new PlatformClient(base, apiKey, epochNow, log);
/** A client of the step's API, its requests logged inert; each has its own connections. */
function stepClient(step, log) {
    const { settings, pacing, text } = step;
    return step.connect({
        base: settings.api.base,
        apiKey: settings.apiKey,
        epochNow: () => pacing.clock.epochNow(),
        log: inertRequests(log, text)
    });
}

// EXTERNAL MODULE: ./src/core/outcome.ts
var core_outcome = __nccwpck_require__(411);
// EXTERNAL MODULE: ./src/api/timestamp.ts
var timestamp = __nccwpck_require__(624);
;// CONCATENATED MODULE: ./src/api/status.ts
/** The statuses a connection check may have, and which of them end the wait. */
const KNOWN_STATUSES = ['SCHEDULED', 'SUCCESS', 'FAILURE'];
function isKnownStatus(status) {
    return KNOWN_STATUSES.includes(status);
}
/** Only SUCCESS and FAILURE end the wait; SCHEDULED and any value we do not know keep it going. */
function isFinal(status) {
    return status === 'SUCCESS' || status === 'FAILURE';
}

// EXTERNAL MODULE: ./src/core/ids.ts
var core_ids = __nccwpck_require__(921);
;// CONCATENATED MODULE: ./src/wait/ownership.ts


/** Why an answer under each relation is passed over, as the end of a sentence about it. */
const IGNORED_BECAUSE = {
    older: 'created before ours',
    unordered: 'created at the same moment as ours, so the two cannot be ordered',
    implausible: "stamped more than a day from the server's own time",
    unproven: 'already decided when first seen, perhaps before the step began'
};
/** How far a newer check's created_at may lie from the server's Date (either way). */
const PLAUSIBLE_SPAN_MS = 24 * 60 * 60 * 1000;
/**
 * How a poll's answer relates to the check being followed. `followedSeenAsLatest`: a poll has
 * answered with the followed check itself, so it was the connector's latest during the step.
 */
function relationTo(followed, answer, followedSeenAsLatest) {
    if (answer.id === followed.id)
        return 'same';
    const order = (0,timestamp/* compareTimestamps */.B_)(answer.created, followed.created);
    if (order < 0)
        return 'older';
    if (order === 0)
        return 'unordered';
    if (!plausiblyNewer(followed, answer))
        return 'implausible';
    return !isUnfinished(answer) && !followedSeenAsLatest ? 'unproven' : 'newer';
}
/**
 * The one place where a platform timestamp meets a clock of another kind, and only as a coarse
 * bound: a day either way of the answer's Date header absorbs any clock skew or time zone. With
 * no readable Date, the bound is a day after the check it is newer than, if any.
 */
function plausiblyNewer(than, answer) {
    const created = answer.created.epochMs;
    if (answer.serverDateMs !== undefined) {
        return Math.abs(created - answer.serverDateMs) <= PLAUSIBLE_SPAN_MS;
    }
    return than === undefined || created - than.created.epochMs <= PLAUSIBLE_SPAN_MS;
}
/**
 * How far the platform's clocks (the one that writes created_at, and the server's Date) may
 * disagree before an age read from them is not trusted: Date has whole seconds, and a load
 * balancer's clock may drift a little.
 */
const CLOCK_TOLERANCE_MS = 5000;
/**
 * Whether a check shows that it was created before the read of the connector's latest check
 * made during the step (the baseline), and so cannot be one this step started: it is the
 * baseline's own check, or created no later than it (the platform's timestamps compared with each
 * other). After a 404, or a read that failed, nothing shows it.
 */
function createdBeforeBaseline(baseline, check) {
    if (baseline.kind !== 'check')
        return false;
    return (check.id === baseline.check.id || (0,timestamp/* compareTimestamps */.B_)(check.created, baseline.check.created) <= 0);
}
/**
 * Whether a check was created after the baseline, and so decided after the step began, whatever
 * its status. A verdict rests on it, so it asks for proof: the baseline was read (a check, or a
 * 404) and not from a cache; the check is not older than the baseline's; and its age by the Date
 * of the answer that carries it (the platform's own clock, against a created_at with a UTC
 * offset) is no more than the time since that read, on the step's clock, and
 * CLOCK_TOLERANCE_MS: an old check served after the read is not new. `now` is the step's clock
 * time.
 */
function isNewSince(baseline, check, now) {
    if (baseline.kind === 'unknown' || fromCache(check))
        return false;
    if (baseline.kind === 'check' && fromCache(baseline.check))
        return false;
    if (createdBeforeBaseline(baseline, check))
        return false;
    const ageMs = ageByDate(check);
    // A created_at ahead of Date by more than the tolerance: the clocks disagree, age unknown.
    return (ageMs !== undefined &&
        ageMs >= -CLOCK_TOLERANCE_MS &&
        ageMs <= now - baseline.at + CLOCK_TOLERANCE_MS);
}
/**
 * A check's age by the Date of the answer that carried it: the platform's own clock against a
 * created_at with a UTC offset. Undefined without either, or from a cache (an Age header: its
 * Date is an old answer's).
 */
function ageByDate(check) {
    if (check.serverDateMs === undefined || fromCache(check))
        return undefined;
    if ((0,timestamp/* parseZonedTimestamp */.oe)(check.createdAt) === undefined)
        return undefined;
    return check.serverDateMs - check.created.epochMs;
}
/** Whether a check's age by Date shows it older than `spanMs` (and CLOCK_TOLERANCE_MS). */
function agedBeyond(check, spanMs) {
    const ageMs = ageByDate(check);
    return ageMs !== undefined && ageMs > spanMs + CLOCK_TOLERANCE_MS;
}
function fromCache(check) {
    return check.cacheAgeSeconds !== undefined && check.cacheAgeSeconds !== 0;
}
/**
 * The platform shows the check as not yet decided: a status that is not final and no
 * `reported_at`. Only such a sighting proves that its verdict, when it comes, comes later; an
 * unknown status on a check that has already reported proves nothing (an old check, or a status
 * mangled on the way).
 */
function isUnfinished(check) {
    return !isFinal(check.status) && check.reportedAt === null;
}

;// CONCATENATED MODULE: ./src/engine/policy.ts





/**
 * The gate's policies, as pure decisions: whether a platform that gave no verdict fails the
 * step, whether a FAILURE is checked again, whether a recent SUCCESS is passed on, and from
 * these whether the step passes. The user opts into each; by default none changes a verdict.
 */
/** The pause before a new check after a FAILURE: a remote blip gets a moment to pass. */
const RECHECK_PAUSE_MS = 2000;
/** The least time a new check is given after the pause, however quick the failed one was. */
const RECHECK_MIN_LEFT_MS = 1000;
/** How far a check's reported_at may lie ahead of the server's Date (see ownership.ts). */

/**
 * Whether a connector's run may be waived: a check was started (or joined) during the step, and
 * then the platform gave no verdict on it: the deadline passed while the check was still
 * undecided, or while 5xx, 429 or dropped connections went on (both end as a timeout). Nothing
 * else is: a check never started (the queue left no time, every POST failed), a host that never
 * answered (a wrong `api-url`, DNS, TLS), a FAILURE, a key refused (401, 403), a 404, a 422, bad
 * inputs, a page that is not the API's and a cancellation each need someone to act.
 */
function platformGaveNoVerdict(run) {
    return run.started && run.problem?.kind === 'timeout';
}
/** Whether a connector's run does not fail the step under `policy`. */
function waives(policy, run) {
    return policy === 'warn' && platformGaveNoVerdict(run);
}
/**
 * Whether the step passes: the one place this is decided. A step problem (bad inputs, an
 * unreadable workflow) never passes: no check was started, so nothing can be waived; otherwise
 * every connector must pass or be waived.
 */
function stepPassed(problem, results) {
    if (problem !== undefined)
        return false;
    return results.length > 0 && results.every((r) => r.waived || (0,core_outcome/* passingOutcome */.gP)(r.outcome));
}
/**
 * Whether a connector whose latest attempt ended in FAILURE gets another check: while fewer
 * than `max` re-checks were made, and the pause and a new check as long as the failed one
 * (`failedMs`, at least RECHECK_MIN_LEFT_MS) fit before the deadline: one that the deadline
 * would cut off only turns a FAILURE into a timeout.
 */
function mayRecheck(options) {
    const { outcome, rechecks, max, now, deadline, failedMs } = options;
    const needed = RECHECK_PAUSE_MS + Math.max(failedMs, RECHECK_MIN_LEFT_MS);
    return outcome === 'failure' && rechecks < max && now + needed <= deadline;
}
/**
 * Passes on the latest check only when it is a SUCCESS reported at most `maxAgeMs` before the
 * server's Date header of the answer that carried it: the platform's timestamp compared with the
 * platform's own clock, never with ours. A reported_at ahead of Date by more than
 * CLOCK_TOLERANCE_MS means the two clocks disagree, so its age is unknown; within it, the age is
 * taken as 0. Anything else starts a check: no check, not final, a FAILURE, an id that is not
 * the API's (no UUID), a timestamp without a UTC offset (it may be local time, hours from Date's
 * GMT), one reported before it was created, no Date, an answer a cache served (an Age header:
 * its Date is the old answer's), too old.
 */
function reuseDecision(latest, maxAgeMs) {
    if (latest === undefined)
        return { ok: false, problem: 'the connector has no check to reuse' };
    if (!isFinal(latest.status) || latest.reportedAt === null) {
        return { ok: false, problem: `its latest check ${latest.id} is not final (${latest.status})` };
    }
    if (latest.status !== 'SUCCESS') {
        return { ok: false, problem: `its latest check ${latest.id} is a ${latest.status}` };
    }
    if (!(0,core_ids/* isUuid */.O)(latest.id)) {
        return {
            ok: false,
            problem: `the id of its latest check, ${latest.id}, is not a UUID: the answer is not the API's`
        };
    }
    const reported = (0,timestamp/* parseTimestamp */.EH)(latest.reportedAt);
    if (reported === undefined) {
        return { ok: false, problem: `the reported_at of check ${latest.id} is not a timestamp` };
    }
    for (const [field, text] of [
        ['created_at', latest.createdAt],
        ['reported_at', latest.reportedAt]
    ]) {
        if ((0,timestamp/* parseZonedTimestamp */.oe)(text) === undefined) {
            return {
                ok: false,
                problem: `the ${field} of check ${latest.id} has no UTC offset, so it may be local time and ` +
                    "cannot be compared with the server's Date"
            };
        }
    }
    if ((0,timestamp/* compareTimestamps */.B_)(reported, latest.created) < 0) {
        return { ok: false, problem: `check ${latest.id} was reported before it was created` };
    }
    if (latest.serverDateMs === undefined) {
        return { ok: false, problem: 'the answer had no Date header to tell its age by' };
    }
    if (latest.cacheAgeSeconds !== undefined && latest.cacheAgeSeconds !== 0) {
        return {
            ok: false,
            problem: "the answer came from a cache (it had an Age header), so its Date is not the server's now"
        };
    }
    const ageMs = latest.serverDateMs - reported.epochMs;
    if (ageMs < -CLOCK_TOLERANCE_MS) {
        return {
            ok: false,
            problem: `check ${latest.id} was reported ${Math.round(-ageMs / 1000)} s after the server's ` +
                "Date: the platform's clocks disagree, so its age is unknown"
        };
    }
    if (ageMs > maxAgeMs) {
        return {
            ok: false,
            problem: `check ${latest.id} was reported ${Math.round(ageMs / 1000)} s before the server's ` +
                `Date, longer ago than ${maxAgeMs / 1000} s`
        };
    }
    return { ok: true, value: { check: latest, ageMs: Math.max(0, ageMs) } };
}
/**
 * A reuse that stands only if the connector was not changed since the check began: a SUCCESS of
 * the previous config says nothing of the new one. `connector` is what a read of it by id told
 * (undefined when none answered, or the answer was not that connector); an `updated_at` at or
 * after the check's created_at (both the platform's timestamps), unreadable, or not given at all
 * refuses the reuse. An `updated_at` of null (never updated) lets it stand.
 */
function reuseAfterUpdate(decision, connector) {
    if (!decision.ok)
        return decision;
    const { check } = decision.value;
    if (connector === undefined) {
        return {
            ok: false,
            problem: `the connector could not be read to tell whether it changed since check ${check.id}`
        };
    }
    if (connector.cacheAgeSeconds !== undefined && connector.cacheAgeSeconds !== 0) {
        return { ok: false, problem: 'the connector was read from a cache (an Age header)' };
    }
    if (connector.updatedAt === undefined) {
        return {
            ok: false,
            problem: 'the connector read did not say when the connector was last updated (no updated_at)'
        };
    }
    if (connector.updatedAt === null)
        return decision;
    // Offsetless, it could be any zone's local time, and so before or after the check.
    const updated = (0,timestamp/* parseZonedTimestamp */.oe)(connector.updatedAt);
    if (updated === undefined) {
        return {
            ok: false,
            problem: "the connector's updated_at is not a timestamp with a UTC offset"
        };
    }
    // Within the tolerance of the check's start: another service's clock, or whole seconds, may
    // put an update just after it a little before.
    const margin = { epochMs: check.created.epochMs - CLOCK_TOLERANCE_MS, subMsNanos: 0 };
    if ((0,timestamp/* compareTimestamps */.B_)(updated, margin) >= 0) {
        return {
            ok: false,
            problem: `the connector was updated since check ${check.id} began, which may have checked its previous config`
        };
    }
    return decision;
}

;// CONCATENATED MODULE: ./src/wait/schedule.ts
/**
 * When to poll. Pure functions of elapsed time, the poll cap, a random number in [0, 1) and,
 * optionally, a prior: how long the connector's previous check took.
 *
 * Without a prior the gap after a poll made s ms after the POST is
 *     min(cap, 420 ms + 0.255 * s) * j,   j drawn from [0.96, 0.98]
 * Why these numbers (BENCHMARKS.md compares them with other candidates):
 * - Lag. A check that turns final T s after the POST, just after a poll, is seen one gap later,
 *   so the gap must stay under 0.5 s + 0.25 * T. With j <= 0.98 the gap is at most
 *   0.412 s + 0.2499 * s: about 88 ms spare at every T for the request and the process exit.
 * - Cost. Growth of about 25 % per poll reaches the cap (10 s by default) near s = 38 s. Even at
 *   the low end of the jitter it takes 14 polls to pass 30 s (a fixed 2 s poller needs 15) and
 *   20 to pass 90 s (a fixed 5 s poller needs 18; 1.2x of its 19 requests is 22.8, and ours,
 *   with the POST and the connector's name lookup, are 22).
 * - Jitter only shortens the gap, so the lag bound holds for every draw; it keeps parallel jobs
 *   that started together from polling in lockstep. A wider band would cost requests or spare.
 * The first poll comes 0.40 to 0.41 s after the POST.
 */
const POLL_SCHEDULE = {
    firstGapMs: 420,
    growth: 0.255,
    jitterLow: 0.96,
    jitterHigh: 0.98
};
/**
 * The window of dense polls around a prior D: from 0.8 D to 1.25 D the nominal gap shrinks to
 * 22 % of the gap above, but to no less than 3 % of D and 0.25 s after jitter.
 * - A connector's checks tend to take about as long as its previous one, so the verdict is
 *   likely in the window, where a gap of a fifth or so cuts the lag to about as much. The
 *   window reaches 25 % past D for checks a little slower. Its first poll comes one window gap
 *   after 0.8 D: a poll at 0.8 D itself would only serve checks faster than that.
 * - The gap is a share of the gap above rather than of D alone: a fixed 5 % of D would poll a
 *   5 s check every 0.25 s (1.5x the calls) yet a 90 s check every 4.5 s (0.44x the lag).
 *   The floor of 3 % of D bounds the calls a long check's window adds to about 15.
 * - Each gap is the smaller of this one and the one above, with the same jitter, so every
 *   gap is at most the one above at the same moment: the lag bound holds whatever the prior
 *   says, and a wrong prior costs only the window's polls. BENCHMARKS.md has the candidates.
 */
const PRIOR_WINDOW = {
    startShare: 0.8,
    endShare: 1.25,
    gapShareOfRegular: 0.22,
    gapShareOfPrior: 0.03,
    minGapMs: 250
};
/**
 * The gap to wait after a poll sent `sincePostMs` after the POST. With no usable prior (none,
 * or not a positive finite number) it is exactly the gap of the schedule above.
 */
function pollGap(sincePostMs, capMs, random, priorMs) {
    const { firstGapMs, growth, jitterLow, jitterHigh } = POLL_SCHEDULE;
    const regular = Math.min(capMs, firstGapMs + growth * Math.max(0, sincePostMs));
    const nominal = Math.min(regular, windowGap(sincePostMs, regular, priorMs));
    return nominal * (jitterHigh - (jitterHigh - jitterLow) * random);
}
/** A prior the schedule can aim at: a positive, finite duration. */
function usablePrior(priorMs) {
    return priorMs !== undefined && Number.isFinite(priorMs) && priorMs > 0;
}
/**
 * The window's nominal gap after a poll at `sincePostMs`: Infinity past it (and without a
 * prior); before it, the time to its first poll, one window gap after its start.
 */
function windowGap(sincePostMs, regularMs, priorMs) {
    if (!usablePrior(priorMs))
        return Infinity;
    const { startShare, endShare, gapShareOfRegular, gapShareOfPrior, minGapMs } = PRIOR_WINDOW;
    if (sincePostMs >= endShare * priorMs)
        return Infinity;
    const dense = Math.max(gapShareOfRegular * regularMs, gapShareOfPrior * priorMs, minGapMs / POLL_SCHEDULE.jitterLow);
    return dense + Math.max(0, startShare * priorMs - sincePostMs);
}
/** The first retry's wait; it doubles with each failure in a row. */
const RETRY_BASE_MS = 500;
/**
 * Back-off after the n-th failure in a row (n >= 1): 0.5 s, 1 s, 2 s ... up to the cap, with the
 * same downward jitter. A Retry-After from the server can only lengthen it: the request is never
 * retried sooner, even past the cap, but a Retry-After of 0, or a date the runner's clock has
 * already passed (a clock a little fast is enough), does not make it retry at once. Otherwise a
 * POST answered so again and again was re-sent once per round trip until the deadline.
 */
function retryGap(failuresInARow, capMs, random, retryAfterMs) {
    const { jitterLow, jitterHigh } = POLL_SCHEDULE;
    const exponent = Math.min(Math.max(failuresInARow, 1) - 1, 20);
    const nominal = Math.min(capMs, RETRY_BASE_MS * 2 ** exponent);
    const backOff = nominal * (jitterHigh - (jitterHigh - jitterLow) * random);
    return Math.max(retryAfterMs ?? 0, backOff);
}
/** Kept free at the end for writing outputs and the summary and exiting. */
const EXIT_RESERVE_MS = 100;
/** No single request may take longer, so a hung connection costs one slot, not the deadline. */
const REQUEST_TIMEOUT_CAP_MS = 15_000;
/** A 404 on the GET this soon after the POST is taken as the check not being visible yet. */
const GET_NOT_FOUND_GRACE_MS = 10_000;
/**
 * How long before the deadline the last poll is sent: time for its answer (twice the slowest
 * answer seen so far, 0.1 to 1 s) plus the exit reserve. Adapting to the measured latency lets
 * the last poll come as late as it usefully can, close to the deadline but not past it.
 */
function lastPollLead(slowestAnswerMs) {
    return EXIT_RESERVE_MS + Math.min(1000, Math.max(100, 2 * slowestAnswerMs));
}
/**
 * When the next poll should be sent (clock ms), or undefined when the last useful poll has
 * already been made: that is, the next one would land after the deadline's last slot.
 */
function nextPollAt(options) {
    const lastSlot = options.deadline - lastPollLead(options.slowestAnswerMs);
    if (options.desiredAt <= lastSlot)
        return options.desiredAt;
    return options.lastPollAt < lastSlot ? lastSlot : undefined;
}

;// CONCATENATED MODULE: ./src/wait/pacer.ts

/** Until an answer has been timed, one is assumed to take this long. */
const ASSUMED_ANSWER_MS = 200;
/**
 * Sends one thread of requests within the step's deadline: it gives each request the time left,
 * holds back while the shared rate-limit gate is closed or its pace says wait, times answers so
 * the last request can be aimed just before the deadline, and remembers the last transient
 * error for the timeout message. Requests for one connector (or the workflow) go through one pacer.
 */
class Pacer {
    options;
    lastTransient;
    /** The last error that came with an answer (a status line), and when. */
    lastAnswer;
    slowestAnswerMs;
    /** The gate's slot taken by waitForSlot for the request that send() sends next. */
    claimed;
    constructor(options) {
        this.options = options;
    }
    /** A function, not a property read: TypeScript would narrow `signal.aborted` across awaits. */
    aborted() {
        return this.options.signal.aborted;
    }
    cancelled() {
        const reason = this.options.signal.reason;
        return { kind: 'cancelled', signal: typeof reason === 'string' ? reason : undefined };
    }
    /** The deadline passed: a timeout, unless the host never answered at all. */
    timedOut() {
        const { lastAnswer } = this;
        return (this.neverAnswered() ?? {
            kind: 'timeout',
            lastTransient: this.lastTransient,
            ...(lastAnswer === undefined
                ? {}
                : {
                    lastAnswer: {
                        reason: lastAnswer.reason,
                        beforeDeadlineMs: Math.max(0, this.options.deadline - lastAnswer.at)
                    }
                })
        });
    }
    /** Why to stop when the host has not answered once since the step began, else undefined. */
    neverAnswered() {
        return this.options.reach.gaveUp(this.options.clock.now());
    }
    /** Records a transient failure that the caller decided on (e.g. an early 404). */
    noteTransient(problem) {
        this.lastTransient = problem.reason;
    }
    /**
     * When to send a request wanted at `desiredAt`: no earlier than the shared gate allows, and
     * pulled in to the deadline's last slot. Undefined when that slot was already used.
     */
    slot(lastSentAt, desiredAt) {
        const { gate } = this.options;
        const at = nextPollAt({
            lastPollAt: lastSentAt,
            desiredAt: Math.max(desiredAt, gate.notBefore()),
            deadline: this.options.deadline,
            slowestAnswerMs: this.slowestAnswerMs ?? ASSUMED_ANSWER_MS
        });
        // The last slot may come before the gate opens, but never within the floor after a 429.
        return at !== undefined && at >= gate.floor() ? at : undefined;
    }
    /**
     * Waits for the slot of a request wanted at `desiredAt`; false when no slot is left before the
     * deadline. The shared gate can close while this waits (another check got a 429), so it is
     * looked at again on waking: the request then waits for the gate, unless this was the last slot.
     */
    async waitForSlot(lastSentAt, desiredAt) {
        const { clock, signal, gate } = this.options;
        let at = this.slot(lastSentAt, desiredAt);
        while (at !== undefined) {
            await clock.sleep(at - clock.now(), signal);
            if (this.aborted())
                return true;
            if (!gate.hasRoom()) {
                await this.settling();
                at = this.slot(lastSentAt, Math.max(desiredAt, clock.now()));
                continue;
            }
            if (gate.notBefore() <= clock.now())
                return this.claim();
            const later = this.slot(lastSentAt, gate.notBefore());
            // No later slot: this one was the deadline's last, taken unless a 429 came just now.
            if (later === undefined)
                return clock.now() >= gate.floor() && this.claim();
            if (later <= clock.now())
                return this.claim();
            at = later;
        }
        return false;
    }
    /**
     * Takes the slot for the request about to be sent, as the wait ends: the check and the taking
     * happen at once, so no other request can see the same slot free in between (several waits
     * can end in one turn of the event loop, before any of their requests is sent).
     */
    claim() {
        const { gate, clock } = this.options;
        if (this.claimed !== undefined)
            gate.settled();
        this.claimed = gate.sent(clock.now());
        return true;
    }
    /** Waits until a request on its way settles, or the signal fires. */
    async settling() {
        const { signal, gate } = this.options;
        if (signal.aborted)
            return;
        let onAbort = () => undefined;
        const aborted = new Promise((resolve) => {
            onAbort = () => {
                resolve();
            };
            signal.addEventListener('abort', onAbort, { once: true });
        });
        await Promise.race([gate.whenSettled(), aborted]);
        signal.removeEventListener('abort', onAbort);
    }
    /** Sends one request now, or says why it cannot (cancelled, or no time left). Never throws. */
    async send(call) {
        const { clock, signal, deadline, gate, reach } = this.options;
        const claimed = this.claimed;
        this.claimed = undefined;
        const sentAt = clock.now();
        const left = deadline - EXIT_RESERVE_MS - sentAt;
        // A host that never answered gets no more time than its window has left.
        const giveUpAt = reach.giveUpAt();
        const windowLeft = giveUpAt === undefined ? left : giveUpAt - sentAt;
        if (this.aborted() || left <= 0 || windowLeft <= 0) {
            if (claimed !== undefined)
                gate.settled();
            return { ok: false, problem: this.aborted() ? this.cancelled() : this.timedOut() };
        }
        const timeoutMs = Math.min(left, REQUEST_TIMEOUT_CAP_MS, windowLeft);
        const request = claimed ?? gate.sent(sentAt);
        let result;
        try {
            result = await call({ timeoutMs, signal });
        }
        finally {
            gate.settled();
        }
        this.slowestAnswerMs = Math.max(this.slowestAnswerMs ?? 0, clock.now() - sentAt);
        if (result.ok) {
            reach.answered();
            gate.answered(request);
            // The last error is reported on a timeout only if nothing has answered since.
            this.lastTransient = undefined;
            this.lastAnswer = undefined;
            return result;
        }
        const { problem } = result;
        if (problem.kind === 'cancelled')
            return { ok: false, problem: this.cancelled() };
        if (problem.kind === 'transient' && problem.noAnswer === true) {
            this.lastTransient = problem.reason;
            const unreachable = reach.noAnswer(clock.now(), problem.reason);
            return unreachable === undefined ? result : { ok: false, problem: unreachable };
        }
        if (problem.kind === 'tls' || problem.kind === 'proxy-refused')
            return result;
        if (problem.kind === 'transient' && problem.timedOut === true) {
            this.lastTransient = problem.reason;
            return result;
        }
        reach.answered();
        if (problem.kind === 'transient') {
            this.lastTransient = problem.reason;
            if (problem.status !== undefined)
                this.lastAnswer = { reason: problem.reason, at: clock.now() };
            if (problem.status === 429)
                gate.rateLimited(clock.now(), problem.retryAfterMs, request);
            else
                gate.heardFrom();
        }
        else {
            gate.answered(request);
        }
        return result;
    }
    /** Sends one request once the shared gate is open (or at the deadline's last slot). */
    async sendWhenAllowed(call) {
        if (!(await this.waitForSlot(Number.NEGATIVE_INFINITY, this.options.clock.now()))) {
            return { ok: false, problem: this.aborted() ? this.cancelled() : this.timedOut() };
        }
        return this.send(call);
    }
    /**
     * Sends until the answer is not transient, backing off in between: for calls that must
     * succeed before anything else can happen (starting a check, reading a workflow).
     */
    async retry(call, onRetry, retryable = () => true) {
        const { clock } = this.options;
        // A slot already taken (by backOff just before) is this request's: no second wait.
        const ready = this.claimed !== undefined;
        if (!ready && !(await this.waitForSlot(Number.NEGATIVE_INFINITY, clock.now()))) {
            const problem = this.aborted() ? this.cancelled() : this.timedOut();
            return { ok: false, problem, sentAt: clock.now() };
        }
        for (let failures = 1;; failures += 1) {
            const sentAt = clock.now();
            const result = await this.send(call);
            if (result.ok || result.problem.kind !== 'transient' || !retryable(result.problem)) {
                return { ...result, sentAt };
            }
            if (!(await this.backOff(sentAt, failures, result.problem, onRetry))) {
                return { ok: false, problem: this.timedOut(), sentAt };
            }
        }
    }
    /**
     * A request's own wait after the n-th failure in a row. None for a 429: waiting is the shared
     * gate's (its floor, Retry-After and pace), and a back-off of each request's own on top would
     * leave the pace's turns unused while the limit allows them.
     */
    retryGap(failures, problem) {
        if (problem.status === 429)
            return 0;
        const { random, pollIntervalMs } = this.options;
        return retryGap(failures, pollIntervalMs, random(), problem.retryAfterMs);
    }
    /**
     * Waits out the back-off after the n-th failure in a row of a request sent at `sentAt`; false
     * when no slot is left before the deadline.
     */
    async backOff(sentAt, failures, problem, onRetry) {
        const { clock, reach } = this.options;
        const desiredAt = clock.now() + this.retryGap(failures, problem);
        // A host that never answered is given up on when the next try would come after its window.
        const giveUpAt = reach.giveUpAt();
        if (problem.noAnswer === true && giveUpAt !== undefined && desiredAt >= giveUpAt)
            return false;
        const at = this.slot(sentAt, desiredAt);
        if (at === undefined)
            return false;
        onRetry(problem, at - clock.now(), failures);
        return this.waitForSlot(sentAt, desiredAt);
    }
}

;// CONCATENATED MODULE: ./src/wait/latest.ts


/**
 * How long reading a connector's latest check may hold up its POST: the read only informs (a
 * prior, a reuse), so a slow answer must not cost the check its time.
 */
const LATEST_READ_LIMIT_MS = 1000;
/**
 * One read that only informs: sent and retried on the step's pacing (its rate-limit gate and
 * host reach), but with a deadline of its own `limitMs` away, so that no request or retry of it
 * outlasts that. Never throws.
 */
async function readBounded(send, { pacing, retrying, limitMs = LATEST_READ_LIMIT_MS }) {
    // The pacer keeps EXIT_RESERVE_MS before its deadline free, which here is not needed.
    const deadline = Math.min(pacing.deadline, pacing.clock.now() + limitMs + EXIT_RESERVE_MS);
    const pacer = new Pacer({ ...pacing, deadline });
    try {
        return await pacer.retry(send, retrying);
    }
    catch {
        return undefined;
    }
}
const UNKNOWN_LATEST = { kind: 'unknown' };
/** The check a read found, if it found one. */
function latestCheckOf(latest) {
    return latest.kind === 'check' ? latest.check : undefined;
}
/** The connector's latest check, read before a new one is started (or between POSTs). */
async function readLatest(connector, options) {
    const answer = await readBounded((call) => options.api.latestCheck(connector, call), options);
    const at = options.pacing.clock.now();
    if (answer?.ok === true)
        return { kind: 'check', check: answer.value, at };
    return answer?.problem.kind === 'not-found' ? { kind: 'none', at } : UNKNOWN_LATEST;
}
/**
 * The connector itself, read after its latest check, so that an update made before that read
 * shows in its updated_at: undefined when the read failed.
 */
async function readConnector(connector, options) {
    const answer = await readBounded((call) => options.api.connectorInfo(connector, call), options);
    return answer?.ok === true ? answer.value : undefined;
}

;// CONCATENATED MODULE: ./src/wait/queue.ts
/**
 * The sweep's queue, as pure decisions: whether a check may still start when its turn comes,
 * and how long the queue needs (turns.ts gives the turns, longest first). A check started when too
 * little time is left cannot be followed to a verdict: the platform runs it for nothing and the
 * report blames the connector for the step's deadline.
 */
/** With no prior, no check starts in the last this-many ms before the deadline. */
const NO_PRIOR_MARGIN_MS = 2000;
/**
 * Whether a check may start now: the time left covers the connector's prior (its last check's
 * run time), or, with none, NO_PRIOR_MARGIN_MS. The margin never exceeds half the step's
 * timeout, so that a short timeout still starts its first checks.
 */
function mayStartCheck(options) {
    return options.now <= lastStartAt(options);
}
/** The latest clock time at which a check may start (see mayStartCheck). */
function lastStartAt(options) {
    const { deadline, timeoutMs, priorMs } = options;
    return deadline - (priorMs ?? Math.min(NO_PRIOR_MARGIN_MS, timeoutMs / 2));
}
/**
 * How long `slots` slots need for checks of these durations, started longest first: an estimate
 * for messages. A missing duration counts as the mean of the known ones; with none known, there
 * is no estimate.
 */
function queueMakespan(priors, slots) {
    const known = priors.filter((p) => p !== undefined);
    if (known.length === 0)
        return undefined;
    const mean = known.reduce((sum, p) => sum + p, 0) / known.length;
    const durations = priors.map((p) => p ?? mean).sort((a, b) => b - a);
    // Each next check goes to the slot that frees first; slots are few, so a scan is enough.
    const ends = new Array(Math.max(1, Math.min(slots, durations.length))).fill(0);
    for (const duration of durations) {
        let first = 0;
        for (let i = 1; i < ends.length; i += 1)
            if ((ends[i] ?? 0) < (ends[first] ?? 0))
                first = i;
        ends[first] = (ends[first] ?? 0) + duration;
    }
    return Math.max(...ends);
}

;// CONCATENATED MODULE: ./src/wait/start-check.ts




// Starting one check: the POSTs, what each answer means against the baseline, and when to stop.
/** POSTs that may be sent to start one check, whatever the answers: never a loop of them. */
const MAX_POSTS = 3;
/** A POST's back-off skips this many doublings of the retry gap: it starts at 2 s, not 0.5 s. */
const POST_BACKOFF_STEPS = 2;
/** Answers to a POST that did arrive, yet started nothing to follow: at most this many. */
const ANSWERED_POSTS = 2;
/**
 * A POST whose answer never arrived (no status line at all, or none in time; 5xx, 429, 408): it
 * may have started nothing. An answer cut off after its status line did arrive.
 */
function unanswered(problem) {
    const { status } = problem;
    if (status === undefined)
        return problem.noAnswer === true || problem.timedOut === true;
    return status === 408 || status === 429 || status >= 500;
}
function isBusy(problem) {
    return problem.kind === 'rejected' && (problem.status === 409 || problem.status === 423);
}
/** A SUCCESS or FAILURE created since the baseline: a verdict given after the step began. */
function isVerdictSince(baseline, check, now) {
    return isFinal(check.status) && isNewSince(baseline, check, now);
}
/**
 * Sends the POST and decides what to follow. A check's status and id are weighed, and its
 * created_at only against the baseline's (the platform's timestamps with each other):
 * - a check the platform shows as undecided (a status that is not final, no reported_at), ours
 *   or one the API was already running, is followed: any verdict it reaches comes later;
 * - a decided check created since the baseline was decided after the step began: it is the
 *   verdict. Any other decided check may be an old one; one more POST tells, and a decided one
 *   again ends the step, for no pass can rest on it;
 * - 409 or 423 ("a check is in progress"): the connector's running check is followed; with none
 *   running, the POST is sent once more after a back-off;
 * - no answer, or a 5xx or a cut-off one: the POST may have started a check all the same, so the
 *   latest check is read before any new POST, and one created since the baseline is taken as
 *   above. (After a 429 nothing started.)
 * At most MAX_POSTS POSTs are sent, whatever the answers: a confused API never makes this start
 * checks in a loop.
 */
async function startCheck(connector, starting) {
    const { pacer, pacing, api, post, retrying, baseline, lastStartAt } = starting;
    const { clock } = pacing;
    const attemptStartedAt = clock.now();
    const answers = [];
    const started = (check, sentAt, how = {}) => ({
        ok: true,
        check,
        joined: how.joined === true || how.refusal !== undefined,
        refusal: how.refusal,
        decided: isFinal(check.status),
        seenAsLatest: how.seenAsLatest ?? false,
        sentAt
    });
    /**
     * An undecided check older than the baseline is none of ours; the baseline's own one, still
     * running, is what a platform that dedupes POSTs answers.
     */
    const olderThanBaseline = (check) => createdBeforeBaseline(baseline, check) &&
        !(baseline.kind === 'check' && baseline.check.id === check.id);
    /** What a read of the latest check shows to follow, or undefined. */
    const readFollows = async (sentAt) => {
        const latest = await readLatest(connector, { api, pacing, retrying });
        if (latest.kind !== 'check')
            return undefined;
        const { check } = latest;
        const now = clock.now();
        if (isVerdictSince(baseline, check, now))
            return started(check, sentAt, { seenAsLatest: true });
        if (!isUnfinished(check))
            return undefined;
        // The baseline's own check, still running: joined.
        if (baseline.kind === 'check' && baseline.check.id === check.id) {
            return started(check, sentAt, { seenAsLatest: true, joined: true });
        }
        // Undecided, so any verdict it reaches comes later; but not one older than the baseline,
        // which is no check of this step's, and only a new one's having been the latest counts.
        if (createdBeforeBaseline(baseline, check))
            return undefined;
        // Older, by its Date, than this attempt: running before the step's POST, so joined.
        const joined = agedBeyond(check, now - attemptStartedAt);
        return started(check, sentAt, { seenAsLatest: isNewSince(baseline, check, now), joined });
    };
    let lastSentAt = Number.NEGATIVE_INFINITY;
    for (;;) {
        const mayPost = await pacer.waitForSlot(lastSentAt, clock.now());
        // The first POST was allowed by the caller when it began; any POST, once time has passed
        // since (a wait at the shared gate, a back-off), only while a check could still be followed.
        const waited = answers.length > 0 || clock.now() > attemptStartedAt;
        if (!mayPost || (waited && clock.now() > lastStartAt)) {
            const problem = pacer.aborted() ? pacer.cancelled() : pacer.timedOut();
            return { ok: false, problem: endedAfter(answers, problem) };
        }
        const sentAt = clock.now();
        lastSentAt = sentAt;
        const sent = await pacer.send(post);
        let answer;
        if (sent.ok) {
            const check = sent.value;
            const now = clock.now();
            // An undecided check older than the baseline is none of ours; the baseline's own one,
            // still running, is what a platform that dedupes POSTs answers.
            if ((isUnfinished(check) && !olderThanBaseline(check)) ||
                isVerdictSince(baseline, check, now)) {
                return started(check, sentAt);
            }
            answer = isUnfinished(check) ? { kind: 'old', check } : { kind: 'final', check };
        }
        else if (isBusy(sent.problem)) {
            const running = await pacer.retry((call) => api.latestCheck(connector, call), retrying);
            if (running.ok && isUnfinished(running.value) && !olderThanBaseline(running.value)) {
                return started(running.value, running.sentAt, { refusal: sent.problem, seenAsLatest: true });
            }
            if (!running.ok && running.problem.kind !== 'not-found') {
                return { ok: false, problem: running.problem };
            }
            answer = { kind: 'busy', refusal: sent.problem };
        }
        else if (sent.problem.kind === 'transient') {
            answer = { kind: 'not-a-check', problem: sent.problem };
        }
        else {
            return { ok: false, problem: endedAfter(answers, sent.problem) };
        }
        answers.push(answer);
        const answered = answers.filter((a) => a.kind !== 'not-a-check' || !unanswered(a.problem));
        if (answers.length >= MAX_POSTS || answered.length >= ANSWERED_POSTS) {
            return { ok: false, problem: pacer.neverAnswered() ?? noCheckToFollow(answers) };
        }
        if (answer.kind === 'final')
            starting.finalOnArrival(answer.check);
        const failed = answer.kind === 'not-a-check' ? answer.problem : undefined;
        const why = failed ?? (0,core_problem/* transient */["do"])(undefined, describeAnswer(answer));
        const onRetry = answer.kind === 'final'
            ? () => undefined
            : (problem, delayMs) => {
                retrying(problem, delayMs, answers.length);
            };
        // With only MAX_POSTS to spend, those after a failure are spread out (2 s, then 4 s, up to
        // the poll interval), so that a blip of a few seconds does not use them all up.
        const steps = answers.length + (failed === undefined ? 0 : POST_BACKOFF_STEPS);
        if (!(await pacer.backOff(sentAt, steps, why, onRetry))) {
            return { ok: false, problem: endedAfter(answers, pacer.timedOut()) };
        }
        if (failed !== undefined && failed.status !== 429) {
            const found = await readFollows(sentAt);
            if (found !== undefined)
                return found;
        }
    }
}
/**
 * Why starting a check ended, given the answers before: out of time after a final answer, the
 * platform did give a verdict, only not one of this step's, so it ends as that old verdict and
 * no policy may take the end for "no verdict".
 */
function endedAfter(answers, problem) {
    const decided = problem.kind === 'timeout' && answers.some((a) => a.kind === 'final');
    return decided ? noCheckToFollow(answers) : problem;
}
/** "already SUCCESS", or for a status not known to be final, when the check says it reported. */
function alreadyDecided(check) {
    return isFinal(check.status)
        ? `already ${check.status}`
        : `already reported at ${check.reportedAt ?? 'an unknown time'} (status "${check.status}")`;
}
function describeAnswer(answer) {
    switch (answer.kind) {
        case 'final':
            return `check ${answer.check.id}, ${alreadyDecided(answer.check)}`;
        case 'old':
            return `check ${answer.check.id}, created before the connector's latest check (${answer.check.status})`;
        case 'busy': {
            const { status, detail } = answer.refusal;
            return `HTTP ${status}${detail === undefined ? '' : ` (${detail})`} with no check running`;
        }
        case 'not-a-check':
            return answer.problem.reason;
    }
}
/** Why the step ends after every answered POST it may send started nothing to follow. */
function noCheckToFollow(answers) {
    const finals = answers.flatMap((a) => (a.kind === 'final' ? [a.check] : []));
    const last = answers.at(-1);
    const first = finals[0];
    if (finals.length === answers.length && last?.kind === 'final' && first !== undefined) {
        const { check } = last;
        return {
            kind: 'stale-answer',
            checkId: check.id,
            status: check.status,
            reportedAt: check.reportedAt,
            answers: finals.length,
            ...(first.id === check.id ? {} : { firstCheckId: first.id })
        };
    }
    // The API's own words on why it would not start one, when it refused every time.
    if (answers.every((a) => a.kind === 'busy') && last?.kind === 'busy')
        return last.refusal;
    return { kind: 'unusable-answers', answers: answers.map(describeAnswer) };
}

;// CONCATENATED MODULE: ./src/wait/check-run.ts








/**
 * Starts a connection check and follows it until it is final, the deadline passes, the signal
 * fires, or the API answers with something that retrying cannot fix.
 */
async function runCheck(connector, options) {
    const { api, clock, random, pollIntervalMs, events } = options;
    const pacer = new Pacer(options);
    const startedAt = clock.now();
    let posts = 0;
    let followed;
    let lastIgnored;
    const finish = (created, joined, problem) => ({
        connector,
        created,
        joined,
        followed,
        problem,
        lastIgnored,
        posts,
        durationMs: clock.now() - startedAt
    });
    const retrying = (problem, delayMs, failures) => {
        events.retrying(problem, delayMs, failures);
    };
    const post = (call) => {
        posts += 1;
        return api.startCheck(connector, call);
    };
    const start = await startCheck(connector, {
        pacer,
        pacing: options,
        api,
        post,
        retrying,
        finalOnArrival: (check) => {
            events.finalOnArrival(check);
        },
        baseline: options.baseline ?? UNKNOWN_LATEST,
        lastStartAt: options.lastStartAt ?? options.deadline - (options.priorMs ?? NO_PRIOR_MARGIN_MS)
    });
    if (!start.ok)
        return finish(undefined, false, start.problem);
    const { check: created, refusal, joined } = start;
    followed = created;
    if (joined)
        events.joined(created, refusal);
    else
        events.started(created);
    if (start.decided)
        return finish(created, joined);
    const seenStatuses = new Set([created.status]);
    if (!isKnownStatus(created.status))
        events.unknownStatus(created);
    // Follow it. Gaps count from when each poll was sent, so slow answers do not stretch them.
    const postSentAt = start.sentAt;
    // A joined check began before the POST, by how much no clock of ours can tell: no window.
    const priorMs = joined ? undefined : options.priorMs;
    let lastPollAt = postSentAt;
    let desiredAt = postSentAt + pollGap(0, pollIntervalMs, random(), priorMs);
    let failuresInARow = 0;
    let seenAsLatest = start.seenAsLatest;
    for (;;) {
        if (!(await pacer.waitForSlot(lastPollAt, desiredAt))) {
            return finish(created, joined, pacer.timedOut());
        }
        lastPollAt = clock.now();
        const result = await pacer.send((call) => api.latestCheck(connector, call));
        const regularAt = lastPollAt + pollGap(lastPollAt - postSentAt, pollIntervalMs, random(), priorMs);
        if (result.ok) {
            failuresInARow = 0;
            desiredAt = regularAt;
            const answer = result.value;
            const baseline = options.baseline ?? UNKNOWN_LATEST;
            // A check created before the latest one read before the POST was decided, if at all,
            // before the step began: never ours, however it relates to the one followed.
            const relation = answer.id !== followed.id && createdBeforeBaseline(baseline, answer)
                ? 'older'
                : relationTo(followed, answer, seenAsLatest);
            if (relation !== 'same' && relation !== 'newer') {
                lastIgnored = { check: answer, relation };
                events.ignored(answer, relation);
                continue;
            }
            // Either way, a poll has now shown the check we follow as the connector's latest.
            seenAsLatest = true;
            if (relation === 'newer')
                events.superseded(followed, answer);
            else if (answer.status !== followed.status)
                events.statusChanged(answer, followed.status);
            followed = answer;
            if (isFinal(answer.status))
                return finish(created, joined);
            if (!isKnownStatus(answer.status) && !seenStatuses.has(answer.status)) {
                events.unknownStatus(answer);
            }
            seenStatuses.add(answer.status);
            continue;
        }
        let problem = result.problem;
        if (problem.kind === 'not-found' && lastPollAt - postSentAt < GET_NOT_FOUND_GRACE_MS) {
            // Right after the POST the new check may not be visible to the GET yet.
            problem = (0,core_problem/* transient */["do"])(404, 'HTTP 404 Not Found (the new check is not visible yet)');
            pacer.noteTransient(problem);
        }
        if (problem.kind !== 'transient')
            return finish(created, joined, problem);
        failuresInARow += 1;
        const backoff = pacer.retryGap(failuresInARow, problem);
        desiredAt = Math.max(regularAt, clock.now() + backoff);
        // The wait as it will be: the shared gate's (a 429's) included.
        const retryAt = pacer.slot(lastPollAt, desiredAt) ?? desiredAt;
        events.retrying(problem, retryAt - clock.now(), failuresInARow);
    }
}

;// CONCATENATED MODULE: ./src/wait/prior.ts


/**
 * How long a connector's latest check took, as a prior for the poll schedule: its
 * `reported_at - created_at` in ms, both the platform's own timestamps (compared only with each
 * other). Undefined when there is no check, when it is not final, when either timestamp is
 * unreadable, and when the duration is not positive or longer than `timeoutMs` (the time the
 * step may wait for its check): a window that can never be reached only costs polls.
 */
function priorFrom(check, timeoutMs) {
    if (check === undefined || !isFinal(check.status) || check.reportedAt === null)
        return undefined;
    const reported = (0,timestamp/* parseTimestamp */.EH)(check.reportedAt);
    if (reported === undefined)
        return undefined;
    const durationMs = reported.epochMs -
        check.created.epochMs +
        (reported.subMsNanos - check.created.subMsNanos) / 1e6;
    // NaN fails both comparisons, so an unusable timeout gives no prior either.
    return Number.isFinite(durationMs) && durationMs > 0 && durationMs <= timeoutMs
        ? durationMs
        : undefined;
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(20);
;// CONCATENATED MODULE: ./src/engine/subject.ts
// What a verdict is about, and how its sentences name it.

const PLURAL = {
    source: 'sources',
    destination: 'destinations',
    workflow: 'workflows'
};
/** Most lines of an unresolved-names message, and ids named in one line, before a count. */
function label(subject, capital) {
    switch (subject.kind) {
        case 'connector':
            return (0,core_connector/* connectorLabel */.oc)(subject.connector, subject.names, capital);
        case 'workflow':
            return `${capital ? 'Workflow' : 'workflow'} ${subject.id}`;
        case 'list':
            return `${capital ? 'The' : 'the'} list of ${PLURAL[subject.target]}`;
        case 'inputs':
            return capital ? 'The inputs' : 'the inputs';
    }
}
function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: ./src/api/http-status.ts
var http_status = __nccwpck_require__(205);
;// CONCATENATED MODULE: ./src/engine/problem-verdict.ts







/** The verdict when a problem ended the work on a subject (and on `run`, for a connector). */
function problemVerdict(problem, context, subject, run) {
    const outcome = (0,core_outcome/* outcomeOf */.sG)(problem);
    const who = label(subject, false);
    const status = run?.followed?.status;
    const checkId = run?.created?.id;
    const owner = subject.kind === 'workflow'
        ? 'the workflow'
        : subject.kind === 'list'
            ? `the ${PLURAL[subject.target]}`
            : 'the connector';
    // Reading a workflow or a list starts no check: its timeout and cancellation say so.
    const reading = subject.kind === 'workflow' ||
        subject.kind === 'list' ||
        (subject.kind === 'connector' && subject.reading === true);
    const { names } = context;
    const apiUrl = names.ref('api-url');
    const withDetail = (status, detail) => detail ? `${status}: ${detail}` : (0,http_status/* httpStatusText */.i)(status);
    switch (problem.kind) {
        case 'invalid-input':
            return { outcome, title: 'Invalid input', message: problem.message };
        case 'unresolved-names':
            return { outcome, ...unresolvedNames(problem.items, names) };
        case 'validation': {
            const items = problem.items.length > 0 ? problem.items.join('; ') : 'no details given';
            return {
                outcome,
                title: 'Request rejected as invalid',
                message: `The API rejected the request for ${who} as invalid (${problem.status}): ${items}`
            };
        }
        case 'unauthorized':
            return {
                outcome,
                title: 'API key rejected',
                message: problem.status === 403
                    ? `The API key may not read ${who} (${withDetail(problem.status, problem.detail)}). ` +
                        `Each key works with one workspace: put a key from the workspace that owns ${owner} in ${names.ref('api-key')}.`
                    : `The API refused the key (${withDetail(problem.status, problem.detail)}). ` +
                        `Check that ${names.key} holds a current Unstructured API key from the workspace ` +
                        `that owns ${who}.`
            };
        case 'not-found':
            if (checkId !== undefined) {
                // The POST worked, so the connector existed a moment ago.
                return {
                    outcome,
                    title: 'Connection check vanished',
                    message: `Check ${checkId} of ${who} could no longer be read ` +
                        `(${withDetail(problem.status, problem.detail)}): the connector may have been deleted ` +
                        'while the check ran.'
                };
            }
            if (subject.kind === 'list') {
                return {
                    outcome,
                    title: 'List not found',
                    message: `${label(subject, true)} was not found on ${context.apiHost} ` +
                        `(${withDetail(problem.status, problem.detail)}). Check that ${apiUrl} points at the ` +
                        'Platform API.'
                };
            }
            if (subject.kind === 'connector' && problem.otherKind !== undefined) {
                const detail = withDetail(problem.status, problem.detail);
                return { outcome, ...otherKind(subject.connector, problem.otherKind, detail, context) };
            }
            return {
                outcome,
                title: subject.kind === 'workflow' ? 'Workflow not found' : 'Connector not found',
                message: `${label(subject, true)} was not found on ${context.apiHost} ` +
                    `(${withDetail(problem.status, problem.detail)}). Check the id and that ${owner} belongs ` +
                    `to the API key's workspace; if ${apiUrl} does not point at the Platform API, every path ` +
                    'answers 404 too.'
            };
        case 'redirect':
            return {
                outcome,
                title: 'Unexpected redirect',
                message: `The API answered ${(0,http_status/* httpStatusText */.i)(problem.status)} with a redirect to ` +
                    `${problem.location ?? 'an unnamed location'}. Redirects are not followed, so the API key ` +
                    `never leaves ${context.apiHost}; check ${apiUrl}.`
            };
        case 'rejected':
            return {
                outcome,
                title: 'Request rejected',
                message: `The API rejected the request for ${who} (${withDetail(problem.status, problem.detail)}).`
            };
        case 'foreign-answer': {
            const facts = [
                (0,http_status/* httpStatusText */.i)(problem.status),
                problem.contentType ?? 'no content type',
                ...(problem.title === undefined ? [] : [`page title "${problem.title}"`])
            ].join(', ');
            return {
                outcome,
                title: 'Answer not from the Platform API',
                message: `The answer for ${who} (${facts}) did not come from the Platform API: a firewall, CDN ` +
                    `or proxy between ${names.machine} and ${context.apiHost} answered instead. Check the ` +
                    `proxy settings (HTTPS_PROXY, NO_PROXY), the firewall's allow-list, and ${apiUrl}.`
            };
        }
        case 'tls':
            return {
                outcome,
                title: 'TLS error',
                message: tlsMessage(problem.code, problem.host, names)
            };
        case 'proxy-refused': {
            const status = problem.status === undefined ? 'no status' : (0,http_status/* httpStatusText */.i)(problem.status);
            const fix = problem.status === 407
                ? 'Check the user name and password in HTTPS_PROXY'
                : 'Check that the proxy allows this host';
            return {
                outcome,
                title: 'Proxy refused the tunnel',
                message: `The proxy ${problem.proxy} refused to open a tunnel to ${context.apiHost} (${status}). ` +
                    `${fix}, or add ${context.apiHost} to NO_PROXY if ${names.machine} reaches it directly.`
            };
        }
        case 'unreachable':
            return {
                outcome,
                title: 'API host not reachable',
                message: `${problem.host} has not answered since the step began (${problem.lastReason}; gave up ` +
                    `after ${(0,core_text/* seconds */.YA)(problem.waitedMs)}). Check ${apiUrl} for a typo, and that ${names.machine} ` +
                    'can reach the host (DNS, firewall, proxy).'
            };
        case 'stale-answer': {
            const reported = problem.reportedAt === null ? '' : `, reported ${problem.reportedAt}`;
            const decided = isFinal(problem.status)
                ? `already ${problem.status}${reported}`
                : `already reported${problem.reportedAt === null ? '' : ` at ${problem.reportedAt}`} (status "${problem.status}")`;
            const first = problem.firstCheckId === undefined
                ? ''
                : ` (the first answer was check ${problem.firstCheckId})`;
            return {
                outcome,
                title: 'API answered with an old check',
                message: `The API answered the POST for ${who} with check ${problem.checkId}, ${decided}, ` +
                    (problem.answers > 1
                        ? `and did so again when asked once more${first}. It started `
                        : 'and no time was left to ask again. It started ') +
                    'no check that this step could follow, and a verdict given before the step began ' +
                    `cannot pass it. Check ${apiUrl} and any caching proxy in between.`
            };
        }
        case 'unusable-answers':
            return {
                outcome,
                title: 'Unusable answer',
                message: `The API answered ${problem.answers.length === 2 ? 'both' : `all ${problem.answers.length}`} ` +
                    `POSTs for ${who} without starting a check this step can follow: first ` +
                    `${problem.answers.join('; then ')}. No more are sent. Check that ${apiUrl} points at ` +
                    'the Platform API, or try again once it answers.'
            };
        case 'malformed':
            return {
                outcome,
                title: 'Unexpected answer',
                message: `The API answered the request for ${who} with ${(0,http_status/* httpStatusText */.i)(problem.status)}, but ` +
                    `${problem.reason}. This is not retried: the API may have changed, or ${apiUrl} may ` +
                    'point at another service.'
            };
        case 'transient':
            return {
                outcome,
                title: 'API error',
                message: `The request for ${who} failed: ${problem.reason}.`
            };
        case 'timeout': {
            const limit = (0,core_text/* seconds */.YA)(context.timeoutMs);
            const parts = reading
                ? [`${label(subject, true)} could not be read within ${limit}.`]
                : checkId === undefined
                    ? [`No connection check of ${who} could be started within ${limit}.`]
                    : [
                        `The step's ${limit} deadline passed while waiting for ${waitedFor(run)} of ${who}; its last status was ${status ?? 'unknown'}.`
                    ];
            if (run?.lastIgnored && run.followed?.id === checkId) {
                parts.push(`The API kept answering with another check (${run.lastIgnored.check.id}), ${IGNORED_BECAUSE[run.lastIgnored.relation]}.`);
            }
            parts.push(...lastErrors(problem));
            if (checkId !== undefined) {
                parts.push(`Raise ${names.ref('timeout-seconds')} if checks of this connector take longer.`);
            }
            return { outcome, title: 'Connection check timed out', message: parts.join(' ') };
        }
        case 'not-started': {
            const queue = `${(0,core_text/* count */.U9)(problem.connectors, 'connector')}, ${names.ref('max-concurrency')} ` +
                `${problem.maxConcurrency}` +
                (problem.queueMs === undefined
                    ? ''
                    : `; by their last checks the queue needs about ${(0,core_text/* seconds */.YA)(problem.queueMs)}`);
            const needed = problem.priorMs === undefined
                ? 'too little to follow a check'
                : `less than its last check took (${(0,core_text/* seconds */.YA)(problem.priorMs)})`;
            return {
                outcome,
                title: 'Connection check not started',
                message: `No connection check of ${who} was started: it waited for a slot in the queue ` +
                    `(${queue}), and when one came ${(0,core_text/* seconds */.YA)(problem.leftMs)} of the step's ` +
                    `${(0,core_text/* seconds */.YA)(context.timeoutMs)} were left, ${needed}. Raise ${names.ref('timeout-seconds')} ` +
                    `or ${names.ref('max-concurrency')}.`
            };
        }
        case 'cancelled': {
            const by = problem.signal ? ` (${problem.signal})` : '';
            return {
                outcome,
                title: 'Connection check cancelled',
                message: reading
                    ? `Cancelled${by} while reading ${who}, before any connection check was started.`
                    : checkId === undefined
                        ? `Cancelled${by} before a connection check of ${who} was started.`
                        : `Cancelled${by} while waiting for ${waitedFor(run)} of ${who}; its last status was ${status ?? 'unknown'}.`
            };
        }
    }
}
/** An id given as one kind that the API knows as the other: which input it belongs in. */
function otherKind(connector, { kind, names: known }, 
/** What the API answered for the kind given. */
detail, { apiHost, names }) {
    const facts = [
        ...(known?.name === undefined ? [] : [`"${known.name}"`]),
        ...(known?.type === undefined ? [] : [known.type])
    ];
    const named = facts.length === 0 ? '' : ` (${facts.join(', ')})`;
    return {
        title: `${(0,core_connector/* kindTitle */.t5)(kind)} given as a ${connector.kind}`,
        message: `${(0,core_connector/* connectorLabel */.oc)(connector, undefined, true)} was not found on ${apiHost} (${detail}). ` +
            `It is a ${kind}, not a ${connector.kind}${named}: use ${names.ref(`${kind}-id`)}.`
    };
}
const NAME_LINES = 20;
const IDS_NAMED = 10;
/** Every name that did not resolve, one line each, in input order. */
function unresolvedNames(items, names) {
    const lines = items.slice(0, NAME_LINES).map((item) => nameLine(item, names));
    if (items.length > NAME_LINES) {
        lines.push(`… and ${items.length - NAME_LINES} more that did not resolve.`);
    }
    const several = items.filter((item) => item.match === 'several').length;
    const [only] = items;
    const title = items.length === 1 && only !== undefined
        ? only.match === 'several'
            ? 'Ambiguous name'
            : only.pattern
                ? 'Pattern matched nothing'
                : 'Name not found'
        : several > 0
            ? 'Names not resolved'
            : 'Names not found';
    return { title, message: lines.join('\n') };
}
function nameLine(item, names) {
    // Plain quotes, not JSON's: a backslash in a name must read as one.
    const quoted = `"${item.name}"`;
    const what = item.target;
    const head = `${names.subject(item.input)}:`;
    if (item.match === 'several') {
        const shown = item.ids.slice(0, IDS_NAMED).join(', ');
        const more = item.ids.length > IDS_NAMED ? ` and ${item.ids.length - IDS_NAMED} more` : '';
        return (`${head} ${item.ids.length} ${PLURAL[what]} are named ${quoted} (${shown}${more}); ` +
            `name the one to check by ${names.ref(`${what}-id`)} instead.`);
    }
    const parts = [
        item.pattern
            ? `${head} the pattern ${quoted} matches no ${what}.`
            : `${head} no ${what} is named ${quoted}.`
    ];
    if (item.closest.length > 0) {
        parts.push(`Closest: ${item.closest.map((n) => `"${n}"`).join(', ')}.`);
        const lower = item.name.toLowerCase();
        if (item.closest.some((n) => n.toLowerCase() === lower)) {
            parts.push('Names match case-sensitively.');
        }
    }
    if (item.total === 0) {
        parts.push(`The API key's workspace has no ${PLURAL[what]}.`);
    }
    else {
        const types = item.types
            .slice(0, 10)
            .map((t) => `${t.type} (${t.count})`)
            .join(', ');
        const more = item.types.length > 10 ? ` and ${item.types.length - 10} more` : '';
        parts.push(`The API key's workspace has ${(0,core_text/* count */.U9)(item.total, what)}` +
            (types === '' ? '.' : `, of types ${types}${more}.`));
    }
    return parts.join(' ');
}
/** What went wrong with TLS, and what fixes it: waiting never does. */
function tlsMessage(code, host, names) {
    const apiUrl = names.ref('api-url');
    if (/^EPROTO: unsupported protocol/.test(code)) {
        return (`${host} does not speak a version of TLS that ${names.machine} accepts (${code}): it likely ` +
            'offers only TLS 1.0 or 1.1, which Node refuses. The server must offer TLS 1.2 or later; ' +
            `check that ${apiUrl} points at the HTTPS endpoint.`);
    }
    if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|^EPROTO/.test(code)) {
        return (`${host} does not speak TLS that ${names.machine} accepts on that port (${code}): it may ` +
            `be a plain-HTTP port. Check ${apiUrl}: the scheme and port must be those of the HTTPS ` +
            'endpoint.');
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return (`The TLS certificate of ${host} is not valid for that name (${code}). Check ${apiUrl}, ` +
            'or a proxy that intercepts TLS.');
    }
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
        const when = code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet';
        return (`The TLS certificate of ${host} ${when} (${code}). Renew it on that server (or on the ` +
            `proxy that presents it), or, if it should be valid now, check the clock of ${names.machine}.`);
    }
    return (`${capitalized(names.machine)} does not trust the TLS certificate of ${host} (${code}). If your network uses ` +
        'a private certificate authority (a TLS-inspecting proxy, a self-hosted deployment), set ' +
        `NODE_EXTRA_CA_CERTS in ${names.environment} to the path of its PEM file: Node then trusts it.`);
}
/**
 * The last error, and the last one the API or a gateway answered with when that was another
 * (a request cut short by the deadline says less than the 504 before it), with when it came.
 */
function lastErrors(problem) {
    const { lastTransient, lastAnswer } = problem;
    const answered = lastAnswer === undefined
        ? undefined
        : `${lastAnswer.reason}, ${(0,core_text/* seconds */.YA)(lastAnswer.beforeDeadlineMs)} before the deadline`;
    if (answered === undefined)
        return lastTransient ? [`Last error: ${lastTransient}.`] : [];
    if (!lastTransient || lastTransient === lastAnswer?.reason)
        return [`Last error: ${answered}.`];
    return [`Last error: ${lastTransient}; the last answer before it: ${answered}.`];
}
/** "check <ours>", or "check <newer> (which replaced ours, <ours>)". */
function waitedFor(run) {
    const ours = run?.created?.id ?? 'none';
    const followed = run?.followed?.id;
    return followed === undefined || followed === ours
        ? `check ${ours}`
        : `check ${followed} (which replaced ours, ${ours})`;
}

;// CONCATENATED MODULE: ./src/engine/verdict.ts





/** The verdict on one connector's run. */
function runVerdict(run, names, context) {
    const subject = { kind: 'connector', connector: run.connector, names };
    const { followed, created } = run;
    if (run.problem === undefined && followed !== undefined) {
        const who = label(subject, true);
        const which = created !== undefined && followed.id !== created.id
            ? `check ${followed.id}, which replaced ours, ${created.id}`
            : `check ${followed.id}`;
        if (followed.status === 'SUCCESS') {
            return {
                outcome: 'success',
                title: 'Connection check passed',
                message: `${who} passed its connection check in ${(0,core_text/* seconds */.YA)(run.durationMs)} (${which}).`
            };
        }
        const reason = followed.reason?.trim() ? followed.reason.trim() : core_outcome/* NO_REASON */.je;
        return {
            outcome: 'failure',
            title: 'Connection check failed',
            message: `${who} failed its connection check after ${(0,core_text/* seconds */.YA)(run.durationMs)} (${which}): ${reason}`
        };
    }
    /* istanbul ignore next: a run ends with either a final check or a problem */
    const problem = run.problem ?? { kind: 'timeout', lastTransient: undefined };
    return problemVerdict(problem, context, subject, run);
}
/** A connector passed on a recent SUCCESS instead of a new check (`reuse-success-seconds`). */
function reusedVerdict(connector, names, check, ageMs) {
    const who = (0,core_connector/* connectorLabel */.oc)(connector, names, true);
    return {
        outcome: 'success',
        title: 'Recent connection check reused',
        message: `${who} passed on its check ${check.id}, a SUCCESS reported ${(0,core_text/* seconds */.YA)(ageMs)} before the ` +
            "API's Date header (reported at " +
            `${check.reportedAt ?? 'an unknown time'}); no new check was started.`
    };
}
/** A dry run read the connector: it exists and the key may read it. */
function dryRunVerdict(connector, names, listed) {
    const who = (0,core_connector/* connectorLabel */.oc)(connector, names, true);
    const how = listed ? 'is in its list' : 'was read';
    return {
        outcome: 'dry-run',
        title: 'Dry run: connector found',
        message: `${who} ${how} with this API key (dry run: no connection check was started).`
    };
}

;// CONCATENATED MODULE: ./src/engine/other-kind.ts


/** The most the one read of the other kind may take: it only words a verdict already reached. */
const OTHER_KIND_READ_LIMIT_MS = 2000;
const OTHER = { source: 'destination', destination: 'source' };
/**
 * A connector that the API does not know as the kind given (a 404 before any check was created:
 * call it for no other) may be of the other kind, a source's id given as destination-id. One GET
 * of the other kind tells, and only an answer that is that very connector counts: anything else
 * (another 404, a 401, a 5xx, no time left) leaves the plain not-found. Never a POST, never
 * retried, and only for ids the inputs gave: a list's or a workflow's kind is the platform's own.
 */
async function withOtherKind(problem, connector, step, api) {
    if (problem?.kind !== 'not-found' || problem.otherKind !== undefined)
        return problem;
    const given = step.settings.connectors.some((c) => c.kind === connector.kind && c.id === connector.id);
    if (!given)
        return problem;
    const other = { kind: OTHER[connector.kind], id: connector.id };
    const { pacing, text } = step;
    const deadline = Math.min(pacing.deadline, pacing.clock.now() + OTHER_KIND_READ_LIMIT_MS + EXIT_RESERVE_MS);
    const answer = await new Pacer({ ...pacing, deadline }).sendWhenAllowed((call) => api.connectorInfo(other, call));
    if (!answer.ok)
        return problem;
    return { ...problem, otherKind: { kind: other.kind, names: text.names(answer.value) } };
}

;// CONCATENATED MODULE: ./src/engine/check.ts











/** How long a connector's name lookup may still take once its check has ended. */
const NAME_GRACE_MS = 300;
/**
 * Checks one connector, looking up its name alongside (a failed lookup changes nothing) unless a
 * list already told it: a sweep of hundreds then costs no request per connector beyond its check.
 * Before the POST its latest check is read: a recent SUCCESS may pass it (reuse-success-seconds),
 * and otherwise the time that check took is the poll schedule's prior. A FAILURE is checked
 * again as recheck-failures allows.
 */
async function checkConnector(planned, step, turn) {
    const { connector, known } = planned;
    const { pacing, text, settings, context } = step;
    const { clock } = pacing;
    const startedAt = clock.now();
    const report = step.reporter.connector(connector, () => clock.now() - startedAt);
    const client = () => stepClient(step, (entry) => {
        report.request(entry);
    });
    if (settings.dryRun)
        return dryRun(planned, step, report, client);
    // Separate clients: cutting off a slow lookup must not cut off the check's own requests.
    const checks = client();
    const lookups = known === undefined ? client() : undefined;
    const names = lookups === undefined
        ? Promise.resolve(known)
        : new Pacer(pacing)
            .sendWhenAllowed((call) => lookups.connectorInfo(connector, call))
            .then((result) => (result.ok ? result.value : undefined), () => undefined);
    void names.then((found) => {
        const inert = text.names(found);
        if (inert !== undefined)
            report.named(inert);
    });
    /** What the lookup told, waiting for one in flight no longer than `graceMs`. */
    const infoWithin = async (graceMs) => {
        // Told by a list: nothing to wait for, and no timer or signal to make per connector.
        if (lookups === undefined)
            return known;
        const grace = new AbortController();
        const found = await Promise.race([
            names,
            clock.sleep(graceMs, AbortSignal.any([grace.signal, pacing.signal])).then(() => undefined)
        ]);
        grace.abort();
        return found;
    };
    /** The names, waiting for a lookup in flight no longer than NAME_GRACE_MS. */
    const namesFound = async () => text.names(await infoWithin(NAME_GRACE_MS));
    const result = (run, verdict, extra = {}) => ({
        connector,
        names: undefined,
        run,
        verdict,
        attempts: 0,
        failedBefore: [],
        reused: undefined,
        waived: waives(settings.onPlatformUnavailable, {
            started: run.created !== undefined,
            problem: run.problem
        }),
        ...extra
    });
    try {
        const latest = turn.latest ??
            (await readLatest(connector, { api: checks, pacing, retrying: () => undefined }));
        if (settings.reuseSuccessMs > 0) {
            let decision = reuseDecision(latestCheckOf(latest), settings.reuseSuccessMs);
            // Read after the latest check, so that no update before it can hide: one request, made
            // only for a check that would otherwise be reused.
            if (decision.ok) {
                const current = await readConnector(connector, {
                    api: checks,
                    pacing,
                    retrying: () => undefined
                });
                decision = reuseAfterUpdate(decision, current);
            }
            if (decision.ok) {
                const check = inertCheck(text, decision.value.check);
                const named = await namesFound();
                const run = {
                    ...noRun(connector),
                    followed: check,
                    durationMs: clock.now() - startedAt
                };
                const reused = { check, ageMs: decision.value.ageMs };
                const done = result(run, reusedVerdict(connector, named, check, decision.value.ageMs), {
                    names: named,
                    reused
                });
                report.finished(done);
                return done;
            }
            report.notReused(text.clean(decision.problem));
        }
        const attempt = async (baseline) => {
            const priorMs = priorFrom(latestCheckOf(baseline), settings.timeoutMs);
            return inertRun(text, await runCheck(connector, {
                ...pacing,
                api: checks,
                events: inertEvents(report, text),
                baseline,
                lastStartAt: lastStartAt({
                    deadline: pacing.deadline,
                    timeoutMs: settings.timeoutMs,
                    priorMs
                }),
                ...(priorMs === undefined ? {} : { priorMs })
            }));
        };
        const priorMs = priorFrom(latestCheckOf(latest), settings.timeoutMs);
        const now = clock.now();
        if (!mayStartCheck({ now, deadline: pacing.deadline, timeoutMs: settings.timeoutMs, priorMs })) {
            // A host that never answered is the reason, not the queue.
            const problem = new Pacer(pacing).neverAnswered() ?? {
                kind: 'not-started',
                connectors: turn.queue.connectors,
                maxConcurrency: settings.maxConcurrency,
                queueMs: turn.queue.queueMs(),
                priorMs,
                leftMs: Math.max(0, pacing.deadline - now)
            };
            const named = await namesFound();
            const run = { ...noRun(connector), problem, durationMs: clock.now() - startedAt };
            const done = result(run, runVerdict(run, named, context), { names: named });
            report.finished(done);
            return done;
        }
        let decisive = await attempt(latest);
        let attempts = decisive.created === undefined ? 0 : 1;
        const failures = [];
        for (let rechecks = 0;; rechecks += 1) {
            const failed = decisive.followed;
            const outcome = runVerdict(decisive, undefined, context).outcome;
            const recheck = mayRecheck({
                outcome,
                rechecks,
                max: settings.recheckFailures,
                now: clock.now(),
                deadline: pacing.deadline,
                // How long the platform took, else how long this step waited for it.
                failedMs: priorFrom(failed, Number.POSITIVE_INFINITY) ?? decisive.durationMs
            });
            if (!recheck || failed === undefined)
                break;
            failures.push(failed);
            report.rechecking(failed, RECHECK_PAUSE_MS, rechecks + 1, settings.recheckFailures);
            await clock.sleep(RECHECK_PAUSE_MS, pacing.signal);
            if (pacing.signal.aborted) {
                // Cancelled before the new check began: the FAILURE was going to be looked at again.
                decisive = { ...decisive, problem: new Pacer(pacing).cancelled() };
                break;
            }
            // The failed check is the latest now, and its duration the best guess of the next one's.
            const next = await attempt({ kind: 'check', check: failed, at: clock.now() });
            if (next.created !== undefined)
                attempts += 1;
            // A re-check that reached no verdict leaves the FAILURE before it to decide.
            if (next.problem !== undefined)
                break;
            decisive = next;
        }
        // A 404 before any check: perhaps an id of the other kind. After one, the check vanished.
        if (decisive.created === undefined) {
            decisive = {
                ...decisive,
                problem: await withOtherKind(decisive.problem, connector, step, checks)
            };
        }
        // From here on only inert text: the verdict's message and everything reported quote it.
        const named = await namesFound();
        const decidedBy = decisive.followed?.id;
        const done = result(decisive, runVerdict(decisive, named, context), {
            names: named,
            attempts,
            failedBefore: failures.filter((check) => check.id !== decidedBy)
        });
        report.finished(done);
        return done;
    }
    finally {
        checks.close();
        lookups?.close();
    }
}
/** A run that started no check: what a dry run or a reused check reports. */
function noRun(connector) {
    return {
        connector,
        created: undefined,
        joined: false,
        followed: undefined,
        problem: undefined,
        lastIgnored: undefined,
        posts: 0,
        durationMs: 0
    };
}
/**
 * A dry run of one connector: read it by id to prove the key may, or take a list's word that it
 * exists. No check is started.
 */
async function dryRun({ connector, known }, step, report, client) {
    const { pacing, text, context } = step;
    const startedAt = pacing.clock.now();
    let names = known;
    let problem;
    if (known === undefined) {
        const reads = client();
        try {
            const answer = await new Pacer(pacing).retry((call) => reads.connectorInfo(connector, call), (transientProblem, delayMs, failuresInARow) => {
                report.retrying(inertTransient(transientProblem, text), delayMs, failuresInARow);
            });
            if (answer.ok)
                names = answer.value;
            else
                problem = await withOtherKind(text.problem(answer.problem), connector, step, reads);
        }
        finally {
            reads.close();
        }
    }
    const named = text.names(names);
    if (named !== undefined)
        report.named(named);
    const run = {
        ...noRun(connector),
        problem,
        durationMs: pacing.clock.now() - startedAt
    };
    const verdict = problem === undefined
        ? dryRunVerdict(connector, named, known !== undefined)
        : problemVerdict(problem, context, { kind: 'connector', connector, names: named, reading: true }, run);
    const done = {
        connector,
        names: named,
        run,
        verdict,
        attempts: 0,
        failedBefore: [],
        reused: undefined,
        // A dry run starts no check, so nothing in it can be waived.
        waived: false
    };
    report.finished(done);
    return done;
}

;// CONCATENATED MODULE: ./src/api/url.ts
/**
 * Turns what users paste as `api-url` into the base that the endpoint paths hang off.
 * The docs say `https://platform.unstructuredapp.io/api/v1`, the OpenAPI server lacks the
 * prefix, and both come with or without a trailing slash: all four mean the same API.
 */
const API_PREFIX = '/api/v1';
/** Loopback is the only place plain http is allowed: the key must not cross a network in clear. */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase();
    if (host === 'localhost' || host === '[::1]')
        return true;
    // WHATWG URL parsing already normalised forms such as 127.1 to dotted quads.
    return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/**
 * The value with every possible userinfo part replaced by `***`, for messages: everything
 * between the scheme and the last `@`. Done on the raw text, because what the URL parser takes
 * for a password (`https:alice:pw@host`, one with a space, `/` or `@` in it, or a value it
 * rejects) is not something a pattern on the parsed form can be trusted to find.
 */
function redactUserinfo(raw) {
    const at = raw.lastIndexOf('@');
    if (at === -1)
        return raw;
    // Only a scheme this action knows is kept: in `alice:pw@host`, "alice:" is no scheme.
    const scheme = /^\s*https?:[/\\]*/i.exec(raw)?.[0] ?? '';
    return `${scheme}***${raw.slice(at)}`;
}
/** Returns the API base, or a sentence saying what is wrong with the value (never throws). */
function parseApiUrl(raw) {
    // An API's base URL has no use for `@`; where one is, a user name or password may be too.
    if (raw.includes('@'))
        return { ok: false, problem: 'must not contain a user name or password' };
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return { ok: false, problem: 'is not a valid URL' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return { ok: false, problem: `must use https (got ${url.protocol.replace(/:$/, '')})` };
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        return {
            ok: false,
            problem: 'must use https; plain http is only allowed for localhost, 127.0.0.0/8 and [::1]'
        };
    }
    if (url.username !== '' || url.password !== '') {
        return { ok: false, problem: 'must not contain a user name or password' };
    }
    if (url.search !== '' || url.hash !== '') {
        return { ok: false, problem: 'must not contain a query string or fragment' };
    }
    let path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
    if (path.toLowerCase().endsWith(API_PREFIX))
        path = path.slice(0, -API_PREFIX.length);
    return { ok: true, value: { base: `${url.origin}${path}${API_PREFIX}`, host: url.host } };
}

;// CONCATENATED MODULE: ./src/core/remote-text.ts

/** The most characters of one piece of remote text that are ever shown or written. */
const REMOTE_TEXT_LIMIT = 2000;
/**
 * Characters that change what a reader sees without being seen: bidirectional controls (the
 * "trojan source" trick), zero-width and other format characters, lone surrogates, and the
 * Hangul fillers that render as blanks.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu;
/** The runner still reads the legacy `##[command]` form anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;
const REDACTED = '***';
/** A page title is a few words; more is noise in a message. */
const TITLE_LIMIT = 120;
/** A name or a type quoted among others in a message, as input values are. */
const NAME_LIMIT = 80;
const TYPE_LIMIT = 40;
/**
 * Makes text that this action did not write inert before it is printed, put in an output or in
 * the job summary: no line break or other control character (so no `::command` can start a
 * line), no `##[` anywhere, invisible characters shown as `<U+202E>`, the API key replaced by
 * `***`, and at most REMOTE_TEXT_LIMIT characters. The key is known only once the inputs are
 * read, hence an object built from it rather than a bare function.
 */
/**
 * Secrets to keep out of text: each replaced by `***` wherever it stands, in any letter case (a
 * URL's host is lower-cased by every parser; a server may shout), the longest first, so that a
 * secret that contains another is replaced whole.
 */
class Secrets {
    patterns = [];
    values = new Set();
    constructor(secrets = []) {
        for (const secret of secrets)
            this.add(secret);
    }
    add(secret) {
        if (secret === '' || this.values.has(secret))
            return;
        this.values.add(secret);
        this.patterns = [...this.values]
            .sort((a, b) => b.length - a.length)
            .map((value) => new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'));
    }
    redact(text) {
        let redacted = text;
        for (const pattern of this.patterns)
            redacted = redacted.replace(pattern, REDACTED);
        return redacted;
    }
}
class RemoteText {
    secrets;
    constructor(secrets) {
        this.secrets = new Secrets(secrets);
    }
    /**
     * The one way remote text is made safe. It only ever replaces or adds visible characters, so
     * a value that was not exactly "SUCCESS" never becomes it.
     */
    clean(text, limit = REMOTE_TEXT_LIMIT) {
        // Redacted before anything else changes it (a key with `##[` in it would no longer match
        // afterwards), and again after, in case an escape completed one.
        const inert = (0,core_text/* flatten */.Bq)(this.redact(text))
            .replace(INVISIBLE, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`)
            .replace(LEGACY_COMMAND, '#\\#[');
        return cap(this.redact(inert), limit);
    }
    names(names) {
        if (names === undefined)
            return undefined;
        return {
            name: names.name === undefined ? undefined : this.clean(names.name),
            type: names.type === undefined ? undefined : this.clean(names.type)
        };
    }
    problem(problem) {
        const optional = (text) => text === undefined ? undefined : this.clean(text);
        switch (problem.kind) {
            case 'invalid-input':
            case 'cancelled':
            case 'tls':
            case 'proxy-refused':
                // Written by this action (input values in it are quoted through clean() already), or
                // read from the runner's own settings and Node's error codes.
                return problem;
            case 'validation':
                // One piece, however many items: their number is the server's to choose.
                return {
                    ...problem,
                    items: problem.items.length === 0 ? [] : [this.clean(problem.items.join('; '))]
                };
            case 'unauthorized':
            case 'rejected':
                return { ...problem, detail: optional(problem.detail) };
            case 'not-found': {
                const { otherKind } = problem;
                return {
                    ...problem,
                    detail: optional(problem.detail),
                    ...(otherKind === undefined
                        ? {}
                        : { otherKind: { kind: otherKind.kind, names: this.names(otherKind.names) } })
                };
            }
            case 'redirect':
                return { ...problem, location: optional(problem.location) };
            case 'transient':
            case 'malformed':
                return { ...problem, reason: this.clean(problem.reason) };
            case 'unusable-answers':
                return { ...problem, answers: problem.answers.map((answer) => this.clean(answer)) };
            case 'unreachable':
                return { ...problem, lastReason: this.clean(problem.lastReason) };
            case 'foreign-answer':
                return {
                    ...problem,
                    contentType: optional(problem.contentType),
                    // Cut only here, after the key is redacted: a cut before could split the key.
                    title: problem.title === undefined
                        ? undefined
                        : this.clean(problem.title.replace(/\s+/g, ' ').trim(), TITLE_LIMIT)
                };
            case 'stale-answer':
                return {
                    ...problem,
                    checkId: this.clean(problem.checkId),
                    status: this.clean(problem.status),
                    reportedAt: problem.reportedAt === null ? null : this.clean(problem.reportedAt),
                    ...(problem.firstCheckId === undefined
                        ? {}
                        : { firstCheckId: this.clean(problem.firstCheckId) })
                };
            case 'timeout':
                return {
                    ...problem,
                    lastTransient: optional(problem.lastTransient),
                    ...(problem.lastAnswer === undefined
                        ? {}
                        : {
                            lastAnswer: { ...problem.lastAnswer, reason: this.clean(problem.lastAnswer.reason) }
                        })
                };
            case 'not-started':
                return problem;
            case 'unresolved-names':
                // Names are quoted in a sentence, among others: cut short as input values are.
                return {
                    ...problem,
                    items: problem.items.map((item) => item.match === 'several'
                        ? {
                            ...item,
                            name: this.clean(item.name, NAME_LIMIT),
                            ids: item.ids.map((id) => this.clean(id))
                        }
                        : {
                            ...item,
                            name: this.clean(item.name, NAME_LIMIT),
                            closest: item.closest.map((name) => this.clean(name, NAME_LIMIT)),
                            types: item.types.map((t) => ({ ...t, type: this.clean(t.type, TYPE_LIMIT) }))
                        })
                };
        }
    }
    redact(text) {
        return this.secrets.redact(text);
    }
}
/** At most `limit` characters (code points, so no surrogate pair is split), then a count of the rest. */
function cap(text, limit) {
    // Fast path: a string this short cannot hold more code points than the limit.
    if (text.length <= limit)
        return text;
    let kept = 0;
    let end = 0;
    for (const c of text) {
        if (kept === limit)
            break;
        kept += 1;
        end += c.length;
    }
    if (end === text.length)
        return text;
    const rest = text.slice(end).replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;
    return `${text.slice(0, end)}…(${rest} more character${rest === 1 ? '' : 's'})`;
}

;// CONCATENATED MODULE: ./src/engine/inputs.ts




/** Most new checks after a FAILURE (`recheck-failures`): more would hide an outage behind luck. */
const MAX_RECHECKS = 3;
/** The name inputs, and what each names. */
const NAME_INPUTS = [
    ['source-name', 'source'],
    ['destination-name', 'destination'],
    ['workflow-name', 'workflow']
];
const DEFAULT_API_URL = 'https://platform.unstructuredapp.io';
const DEFAULT_TIMEOUT_SECONDS = '300';
const DEFAULT_POLL_INTERVAL_SECONDS = '10';
const DEFAULT_MAX_CONCURRENCY = '10';
/**
 * The JUnit report's path, or undefined for none (or one no file system takes). Read on its own
 * too, so that inputs rejected for other reasons still get their report of the error.
 */
function junitFileInput(read) {
    const raw = read('junit-file').trim();
    // eslint-disable-next-line no-control-regex -- no file system takes these in a path
    return raw === '' || /[\u0000-\u001f]/.test(raw) ? undefined : raw;
}
/** A job step may run 6 hours at most; longer would also overflow Node's timers. */
const MAX_SECONDS = 6 * 60 * 60;
/**
 * Polling more often than once a second, or backing off for less, only loads the API: with
 * 0.001 s, a 429 was retried hundreds of times a second for every check in flight.
 */
const MIN_POLL_INTERVAL_SECONDS = 1;
/** Checks in flight at once: each holds two connections, and all share the key's rate limit. */
const MAX_CONCURRENCY = 100;
const SECONDS_FORMAT = /^\d+(\.\d+)?$|^\.\d+$/;
/** Less than a second cannot start a check and read its answer: it could only time out. */
const MIN_TIMEOUT_SECONDS = 1;
const WHOLE_FORMAT = /^\d+$/;
const timeoutSeconds = {
    form: SECONDS_FORMAT,
    formMessage: 'must be a positive number of seconds',
    min: MIN_TIMEOUT_SECONDS,
    max: MAX_SECONDS,
    rangeMessage: `must be from ${MIN_TIMEOUT_SECONDS} to ${MAX_SECONDS} seconds (6 hours)`
};
const pollIntervalSeconds = {
    form: SECONDS_FORMAT,
    formMessage: 'must be a positive number of seconds',
    min: MIN_POLL_INTERVAL_SECONDS,
    max: MAX_SECONDS,
    rangeMessage: `must be from ${MIN_POLL_INTERVAL_SECONDS} to ${MAX_SECONDS} seconds`
};
const concurrency = {
    form: WHOLE_FORMAT,
    formMessage: `must be a whole number from 1 to ${MAX_CONCURRENCY}`,
    min: 1,
    max: MAX_CONCURRENCY,
    rangeMessage: `must be a whole number from 1 to ${MAX_CONCURRENCY}`
};
const recheckCount = {
    form: WHOLE_FORMAT,
    formMessage: `must be a whole number from 0 to ${MAX_RECHECKS}`,
    min: 0,
    max: MAX_RECHECKS,
    rangeMessage: `must be a whole number from 0 to ${MAX_RECHECKS}`
};
const reuseSeconds = {
    form: SECONDS_FORMAT,
    formMessage: 'must be a number of seconds, 0 for off',
    min: 0,
    max: MAX_SECONDS,
    rangeMessage: `must be at most ${MAX_SECONDS} (6 hours)`
};
/** The number `raw` holds, or the message saying why it holds none in range. */
function readNumber(raw, input) {
    if (!input.form.test(raw))
        return { ok: false, problem: input.formMessage };
    const value = Number(raw);
    // More digits than a double holds read as Infinity: out of range like any other too large.
    if (!(value >= input.min && value <= input.max))
        return { ok: false, problem: input.rangeMessage };
    return { ok: true, value };
}
/** YAML's booleans, as the runner's toolkit reads a boolean input. */
const BOOLEAN = {
    true: true,
    True: true,
    TRUE: true,
    false: false,
    False: false,
    FALSE: false
};
/** How many bad values of one input a message quotes, and how much of each. */
const QUOTED_VALUES = 5;
const QUOTED_LENGTH = 80;
/** Ids arrive one per line from YAML block scalars, or separated by commas or spaces. */
function splitIds(raw) {
    return raw.split(/[\s,]+/).filter((part) => part !== '');
}
/**
 * Names come one per line, since they may hold spaces and commas. Surrounding blanks are dropped
 * (YAML block scalars keep trailing ones), and so are empty lines and repeats.
 */
function splitNames(raw) {
    const lines = raw
        .split(/\r\n|[\n\r\u2028\u2029]/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return [...new Set(lines)];
}
function reading(read, names, apiKey) {
    // Values are quoted back in messages, which also reach the job summary, where the runner does
    // not mask: they are made inert like remote text, the key included.
    const text = new RemoteText([apiKey]);
    const quote = (value) => JSON.stringify(text.clean(value, QUOTED_LENGTH));
    const errors = [];
    return {
        read,
        names,
        quote,
        quoteAll: (values) => {
            const shown = values.slice(0, QUOTED_VALUES).map(quote).join(', ');
            const more = values.length - QUOTED_VALUES;
            return more > 0 ? `${shown} and ${more} more` : shown;
        },
        fail: (input, message) => {
            errors.push({ input, message });
        },
        errors
    };
}
/** The key, masked before anything else is read: no later line (debug included) can show it. */
function readKey(read, mask) {
    const rawKey = read('api-key');
    if (rawKey !== '')
        mask(rawKey);
    const apiKey = rawKey.trim();
    if (apiKey !== '' && apiKey !== rawKey)
        mask(apiKey);
    return apiKey;
}
function checkKey({ fail, names }, apiKey) {
    if (apiKey === '') {
        fail('api-key', names.missingKey);
    }
    else if (!/^[\x21-\x7e]+$/.test(apiKey)) {
        // Anything else cannot travel in an HTTP header and would fail every request.
        fail('api-key', `${names.subject('api-key')} may hold only printable ASCII without spaces; check ${names.key}.`);
    }
}
/** What to check: connectors by id, a workflow by id, names and patterns; at least one. */
function readTargets(r) {
    const { read, names, fail, quote, quoteAll } = r;
    const named = [];
    for (const [input, kind] of [
        ['source-id', 'source'],
        ['destination-id', 'destination']
    ]) {
        const ids = splitIds(read(input));
        const bad = ids.filter((id) => !core_ids/* UUID */.k.test(id));
        if (bad.length > 0) {
            // A name where the id goes is the likely mistake: point at the input that takes names.
            fail(input, `${names.subject(input)} must be connector UUIDs; got ${quoteAll(bad)}; to check ` +
                `${kind}s by name, use ${names.ref(`${kind}-name`)}.`);
            continue;
        }
        for (const id of ids)
            named.push({ kind, id: id.toLowerCase() });
    }
    const connectors = (0,core_connector/* uniqueConnectors */.ME)(named);
    const workflowRaw = read('workflow-id').trim();
    let workflowId;
    if (workflowRaw !== '') {
        if (core_ids/* UUID */.k.test(workflowRaw))
            workflowId = workflowRaw.toLowerCase();
        else
            fail('workflow-id', `${names.subject('workflow-id')} must be a workflow UUID; got ${quote(workflowRaw)}.`);
    }
    const nameInputs = { source: [], destination: [], workflow: [] };
    for (const [input, target] of NAME_INPUTS) {
        const lines = splitNames(read(input));
        // eslint-disable-next-line no-control-regex -- a name to look up never holds these
        const bad = lines.filter((line) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(line));
        if (bad.length > 0) {
            fail(input, `${names.subject(input)} holds control characters; got ${quoteAll(bad)}.`);
            continue;
        }
        nameInputs[target] = lines;
    }
    const anyName = NAME_INPUTS.some(([, target]) => nameInputs[target].length > 0);
    if (connectors.length === 0 &&
        workflowRaw === '' &&
        !anyName &&
        !r.errors.some((e) => e.input.endsWith('-id') || e.input.endsWith('-name'))) {
        fail('source-name', `Give something to check: ${names.ref('source-id')}, ${names.ref('destination-id')} or ` +
            `${names.ref('workflow-id')}, or ${names.ref('source-name')}, ` +
            `${names.ref('destination-name')} or ${names.ref('workflow-name')} (or several).`);
    }
    return { connectors, workflowId, names: nameInputs };
}
/** A number input by its rule; NaN (and an error) when it does not keep it. */
function parsed(r, input, raw, rule) {
    const result = readNumber(raw, rule);
    if (result.ok)
        return result.value;
    r.fail(input, `${r.names.subject(input)} ${result.problem}; got ${r.quote(raw)}.`);
    return Number.NaN;
}
/** Where and how fast: the API, the deadline, the poll interval, the checks at once. */
function readPace(r) {
    const { read, names, fail, quote } = r;
    const apiUrlRaw = read('api-url') || DEFAULT_API_URL;
    const api = parseApiUrl(apiUrlRaw);
    if (!api.ok)
        fail('api-url', `${names.subject('api-url')} ${api.problem}; got ${quote(redactUserinfo(apiUrlRaw))}.`);
    const seconds = (input, fallback, rule) => parsed(r, input, read(input) || fallback, rule) * 1000;
    return {
        api: api.ok ? api.value : undefined,
        timeoutMs: seconds('timeout-seconds', DEFAULT_TIMEOUT_SECONDS, timeoutSeconds),
        pollIntervalMs: seconds('poll-interval-seconds', DEFAULT_POLL_INTERVAL_SECONDS, pollIntervalSeconds),
        maxConcurrency: parsed(r, 'max-concurrency', read('max-concurrency') || DEFAULT_MAX_CONCURRENCY, concurrency)
    };
}
/** What the step does with what it finds: reports, waivers, re-checks, reuse, dry run. */
function readPolicies(r) {
    const { read, names, fail, quote } = r;
    const junitRaw = read('junit-file').trim();
    if (junitFileInput(read) === undefined && junitRaw !== '') {
        fail('junit-file', `${names.subject('junit-file')} must be a file path on one line.`);
    }
    const unavailableRaw = read('on-platform-unavailable').trim() || 'fail';
    const onPlatformUnavailable = unavailableRaw === 'fail' || unavailableRaw === 'warn' ? unavailableRaw : undefined;
    if (onPlatformUnavailable === undefined) {
        fail('on-platform-unavailable', `${names.subject('on-platform-unavailable')} must be fail or warn; got ${quote(unavailableRaw)}.`);
    }
    const whole = (input, rule) => parsed(r, input, read(input).trim() || '0', rule);
    const recheckFailures = whole('recheck-failures', recheckCount);
    const reuseSuccessMs = whole('reuse-success-seconds', reuseSeconds) * 1000;
    const dryRunRaw = read('dry-run').trim() || 'false';
    const dryRun = BOOLEAN[dryRunRaw];
    if (dryRun === undefined) {
        fail('dry-run', `${names.subject('dry-run')} must be true or false; got ${quote(dryRunRaw)}.`);
    }
    return {
        junitFile: junitRaw === '' ? undefined : junitRaw,
        onPlatformUnavailable,
        recheckFailures,
        reuseSuccessMs,
        dryRun
    };
}
/**
 * Reads and validates every input before any request is made. The key is masked first, so no
 * later log line (debug included) can show it. All problems are reported together, each naming
 * its input and the offending value (never the key's).
 */
function readSettings(read, mask, names) {
    const apiKey = readKey(read, mask);
    const r = reading(read, names, apiKey);
    checkKey(r, apiKey);
    const targets = readTargets(r);
    const { api, ...pace } = readPace(r);
    const { onPlatformUnavailable, dryRun, ...policies } = readPolicies(r);
    if (r.errors.length > 0 ||
        api === undefined ||
        onPlatformUnavailable === undefined ||
        dryRun === undefined) {
        return {
            ok: false,
            problem: {
                kind: 'invalid-input',
                input: [...new Set(r.errors.map((e) => e.input))].join(', '),
                message: r.errors.map((e) => e.message).join('\n')
            }
        };
    }
    return {
        ok: true,
        value: { ...targets, apiKey, api, ...pace, ...policies, onPlatformUnavailable, dryRun }
    };
}

;// CONCATENATED MODULE: ./src/wait/listing.ts
/** Workflows asked for per page: the vendor's default is 20, and no maximum is published. */
const WORKFLOW_PAGE_SIZE = 100;
/**
 * More pages than this is no workspace (20,000 workflows at 100 a page) but a server that never
 * says "the end" (each page adding new ids): a stop, so that time and memory stay bounded.
 */
const MAX_WORKFLOW_PAGES = 200;
/** Pages go out no faster than 10 a second: a list is a burst on the same key as the checks. */
const WORKFLOW_PAGE_GAP_MS = 100;
async function retried(thread, call) {
    return thread.pacer.retry(call, thread.retrying);
}
async function listConnectors(kind, thread) {
    try {
        const answer = await retried(thread, (call) => thread.client.listConnectors(kind, call));
        return answer.ok ? { ok: true, value: { entries: answer.value, requests: 1 } } : answer;
    }
    finally {
        thread.client.close();
    }
}
/**
 * Every workflow, page by page: `page` counts from 1 (the vendor's default) and each page asks
 * for WORKFLOW_PAGE_SIZE, keeping each id once. A server may cap or ignore `page_size`, so a page
 * is short only against the longest page seen so far; the first page, which has nothing to be
 * measured against, is never taken as the last unless empty. The list ends on an empty or short
 * page, or a page that adds nothing new (a server that ignores `page`).
 */
async function listWorkflows(thread) {
    const byId = new Map();
    let requests = 0;
    let longest = 0;
    let lastSentAt;
    try {
        for (let n = 1;; n += 1) {
            if (n > MAX_WORKFLOW_PAGES) {
                const reason = `the workflow list did not end after ${MAX_WORKFLOW_PAGES} pages ` +
                    `of ${WORKFLOW_PAGE_SIZE} (the most this action reads)`;
                return { ok: false, problem: { kind: 'malformed', status: 200, reason } };
            }
            if (lastSentAt !== undefined &&
                !(await thread.pacer.waitForSlot(lastSentAt, lastSentAt + WORKFLOW_PAGE_GAP_MS))) {
                return {
                    ok: false,
                    problem: thread.pacer.aborted() ? thread.pacer.cancelled() : thread.pacer.timedOut()
                };
            }
            requests += 1;
            const answer = await thread.pacer.retry((call) => thread.client.listWorkflows(n, WORKFLOW_PAGE_SIZE, call), thread.retrying);
            if (!answer.ok)
                return answer;
            lastSentAt = answer.sentAt;
            const items = answer.value;
            let added = 0;
            for (const item of items) {
                if (byId.has(item.id))
                    continue;
                byId.set(item.id, item);
                added += 1;
            }
            if (items.length === 0 || items.length < longest || added === 0)
                break;
            longest = items.length;
        }
        return { ok: true, value: { entries: [...byId.values()], requests } };
    }
    finally {
        thread.client.close();
    }
}

;// CONCATENATED MODULE: ./src/core/edit-distance.ts
// How far apart two names are, for "did you mean" suggestions of names and flags alike.
/** The code point at `index` (a UTF-16 index). */
function codePointAt(text, index) {
    return text.codePointAt(index) ?? 0;
}
const width = (codePoint) => (codePoint > 0xffff ? 2 : 1);
/** Past this many code points, names are compared by their start only: they are far anyway. */
const DISTANCE_CHARS = 200;
// Reused by every call: a search over thousands of names then allocates nothing.
const left = new Int32Array(DISTANCE_CHARS);
const right = new Int32Array(DISTANCE_CHARS);
let beforeRow = new Int32Array(DISTANCE_CHARS + 1);
let previousRow = new Int32Array(DISTANCE_CHARS + 1);
let currentRow = new Int32Array(DISTANCE_CHARS + 1);
/** Writes up to DISTANCE_CHARS code points of `text` into `into`; returns how many. */
function load(text, into) {
    let n = 0;
    for (let i = 0; i < text.length && n < DISTANCE_CHARS; n += 1) {
        const c = codePointAt(text, i);
        into[n] = c;
        i += width(c);
    }
    return n;
}
/**
 * Edit distance by code point: insertions, deletions, substitutions and swaps of neighbours
 * (optimal string alignment), so "soruce" is one edit from "source". Anything above `bound`
 * comes back as bound + 1 without finishing, which keeps a search over thousands of names cheap.
 */
function editDistance(a, b, bound = Infinity) {
    const x = load(a, left);
    const y = load(b, right);
    if (Math.abs(x - y) > bound)
        return bound + 1;
    // Only cells within `bound` of the diagonal can lead to a distance within it (Ukkonen).
    const band = Number.isFinite(bound) ? bound : Math.max(x, y);
    const beyond = band + 1;
    for (let j = 0; j <= y; j += 1)
        previousRow[j] = j;
    for (let i = 1; i <= x; i += 1) {
        const lo = Math.max(1, i - band);
        const hi = Math.min(y, i + band);
        currentRow[lo - 1] = lo === 1 ? i : beyond;
        let rowMin = currentRow[lo - 1] ?? beyond;
        const c = left[i - 1];
        for (let j = lo; j <= hi; j += 1) {
            const cost = c === right[j - 1] ? 0 : 1;
            let value = Math.min((previousRow[j] ?? beyond) + 1, (currentRow[j - 1] ?? beyond) + 1, (previousRow[j - 1] ?? beyond) + cost);
            // Row i - 2 holds cell j - 2 within its band whenever this cell is within this one.
            if (i > 1 && j > 1 && c === right[j - 2] && left[i - 2] === right[j - 1]) {
                value = Math.min(value, (beforeRow[j - 2] ?? beyond) + 1);
            }
            currentRow[j] = value;
            if (value < rowMin)
                rowMin = value;
        }
        // The next row reads one cell past this band: it must not see a stale value there.
        if (hi < y)
            currentRow[hi + 1] = beyond;
        if (rowMin > bound)
            return bound + 1;
        [beforeRow, previousRow, currentRow] = [previousRow, currentRow, beforeRow];
    }
    const distance = previousRow[y] ?? beyond;
    return distance > bound ? bound + 1 : distance;
}

;// CONCATENATED MODULE: ./src/engine/resolve.ts

/** A wildcard in a parsed pattern; any other token is a code point. */
const ANY_ONE = -1;
const ANY_RUN = -2;
/**
 * Reads one line. `\*`, `\?` and `\\` stand for the characters themselves, so a name that holds
 * a `*` can still be named exactly; any other backslash is an ordinary character.
 */
function parsePattern(text) {
    const tokens = [];
    let literal = '';
    let glob = false;
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i += 1) {
        const c = chars[i];
        const next = chars[i + 1];
        if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
            tokens.push(next.codePointAt(0) ?? 0);
            literal += next;
            i += 1;
        }
        else if (c === '*' || c === '?') {
            glob = true;
            // A run of stars is one star: it keeps matching linear in the number of them.
            if (c === '?' || tokens.at(-1) !== ANY_RUN)
                tokens.push(c === '*' ? ANY_RUN : ANY_ONE);
            literal += c;
        }
        else {
            tokens.push(c.codePointAt(0) ?? 0);
            literal += c;
        }
    }
    return { text, glob, literal, tokens };
}
/** The code point at `index` (a UTF-16 index) and how many code units it takes. */
function resolve_codePointAt(text, index) {
    return text.codePointAt(index) ?? 0;
}
const resolve_width = (codePoint) => (codePoint > 0xffff ? 2 : 1);
/**
 * Whether a pattern's tokens match a whole name, by code point. The classic two-pointer match
 * with back-tracking to the last star only: O(pattern x name) at worst, so a hostile name of any
 * length cannot make it blow up the way a regular expression with several `.*` can. It reads
 * the name in place: matching thousands of names allocates nothing.
 */
function globMatches(tokens, name) {
    let t = 0;
    let n = 0;
    let star = -1;
    let resume = 0;
    while (n < name.length) {
        const c = resolve_codePointAt(name, n);
        const token = tokens[t];
        if (token !== undefined && (token === ANY_ONE || token === c)) {
            t += 1;
            n += resolve_width(c);
        }
        else if (token === ANY_RUN) {
            star = t;
            resume = n;
            t += 1;
        }
        else if (star >= 0) {
            t = star + 1;
            resume += resolve_width(resolve_codePointAt(name, resume));
            n = resume;
        }
        else {
            return false;
        }
    }
    while (tokens[t] === ANY_RUN)
        t += 1;
    return t === tokens.length;
}
const SUGGESTIONS = 3;
/** Names of a line's matches that the log shows; a count stands for the rest. */
const MATCHES_SHOWN = 10;
/** Up to three distinct names closest to `name`, closest first (then in code-unit order). */
function closestNames(name, names, count = SUGGESTIONS) {
    const best = [];
    const seen = new Set();
    for (const candidate of names) {
        if (candidate === '' || seen.has(candidate))
            continue;
        seen.add(candidate);
        const bound = best.length < count ? Infinity : (best.at(-1)?.distance ?? Infinity);
        const distance = editDistance(name, candidate, bound);
        if (distance > bound)
            continue;
        best.push({ name: candidate, distance });
        best.sort((p, q) => p.distance - q.distance || compareText(p.name, q.name));
        if (best.length > count)
            best.pop();
    }
    return best.map((b) => b.name);
}
/** Code-unit order: the same in every locale, so output is stable. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** How many entries of each type, most common first. */
function typeCounts(entries) {
    const counts = new Map();
    for (const { type } of entries) {
        if (type !== undefined && type !== '')
            counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return [...counts]
        .map(([type, count]) => ({ type, count }))
        .sort((a, b) => b.count - a.count || compareText(a.type, b.type));
}
/** Resolves every line of one input against the entries of its kind, all problems together. */
function resolveNames(input, target, lines, entries) {
    const resolution = { matched: [], lines: [], problems: [] };
    // A list may name one entry twice (a page repeated); it is still one entry.
    const unique = uniqueById(entries);
    // Names compare in Unicode's composed form (NFC): "crème" typed on one keyboard and stored
    // decomposed by another client is the same name. Case still counts.
    const names = new Map(unique.map((e) => [e, e.name.normalize('NFC')]));
    const nameOf = (entry) => names.get(entry) ?? entry.name;
    let byName;
    let byTrimmed;
    let sorted;
    const notFound = (line, glob) => ({
        match: 'none',
        input,
        target,
        name: line,
        pattern: glob,
        closest: closestNames(line.normalize('NFC'), unique.map(nameOf)),
        total: unique.length,
        types: typeCounts(unique)
    });
    for (const line of lines) {
        const pattern = parsePattern(line.normalize('NFC'));
        let found;
        if (!pattern.glob) {
            byName ??= groupByName(unique, (entry) => nameOf(entry));
            found = byName.get(pattern.literal) ?? [];
            if (found.length === 0) {
                // Input lines lose their surrounding blanks, so a name that has them is found without.
                byTrimmed ??= groupByName(unique, (entry) => nameOf(entry).trim());
                found = byTrimmed.get(pattern.literal) ?? [];
            }
            if (found.length > 1) {
                resolution.problems.push({
                    match: 'several',
                    input,
                    target,
                    name: line,
                    ids: found.map((e) => e.id)
                });
                resolution.lines.push({ name: line, glob: false, matched: found.length, shown: [] });
                continue;
            }
        }
        else {
            // Sorted once, not per pattern: a filter of it comes out in order.
            sorted ??= [...unique].sort(byNameThenId);
            found = pattern.tokens.every((t) => t === ANY_RUN)
                ? [...sorted]
                : sorted.filter((e) => globMatches(pattern.tokens, nameOf(e)));
        }
        resolution.lines.push({
            name: line,
            glob: pattern.glob,
            matched: found.length,
            shown: found.slice(0, MATCHES_SHOWN).map((e) => e.name)
        });
        if (found.length === 0) {
            resolution.problems.push(notFound(line, pattern.glob));
            continue;
        }
        for (const entry of found)
            resolution.matched.push(entry);
    }
    return resolution;
}
function byNameThenId(a, b) {
    return compareText(a.name, b.name) || compareText(a.id, b.id);
}
/** Each id once, the first entry that has it kept. */
function uniqueById(entries) {
    const seen = new Set();
    return entries.filter((entry) => {
        if (seen.has(entry.id))
            return false;
        seen.add(entry.id);
        return true;
    });
}
function groupByName(entries, key) {
    const map = new Map();
    for (const entry of entries) {
        const name = key(entry);
        const group = map.get(name);
        if (group === undefined)
            map.set(name, [entry]);
        else
            group.push(entry);
    }
    return map;
}

;// CONCATENATED MODULE: ./src/engine/plan.ts








/**
 * The connectors to check, each once, in this order: those named by id, those named by name or
 * pattern, then the workflows' (by id, then by name). Every name is resolved, and every name
 * that does not resolve is reported together, before a single check starts.
 */
async function connectorsToCheck(step) {
    const { settings } = step;
    const wanted = NAME_INPUTS.filter(([, target]) => settings.names[target].length > 0);
    if (settings.workflowId === undefined && wanted.length === 0) {
        return {
            ok: true,
            value: settings.connectors.map((connector) => ({ connector, known: undefined }))
        };
    }
    // Every read at once, each on its own connection pool: one slow list does not hold up another.
    const [byId, sources, destinations, workflows] = await Promise.all([
        settings.workflowId === undefined ? undefined : readWorkflow(step, settings.workflowId),
        settings.names.source.length > 0
            ? listConnectors('source', listThread(step, 'source'))
            : undefined,
        settings.names.destination.length > 0
            ? listConnectors('destination', listThread(step, 'destination'))
            : undefined,
        settings.names.workflow.length > 0 ? listWorkflows(listThread(step, 'workflow')) : undefined
    ]);
    if (byId !== undefined && !byId.ok)
        return byId;
    const lists = [
        ['source', sources],
        ['destination', destinations],
        ['workflow', workflows]
    ];
    for (const [target, list] of lists) {
        if (list !== undefined && !list.ok) {
            return { ok: false, problem: list.problem, subject: { kind: 'list', target } };
        }
    }
    const known = new Map();
    const remember = (kind, list) => {
        if (!list?.ok)
            return;
        for (const entry of list.value.entries) {
            known.set(key({ kind, id: entry.id }), {
                name: entry.name === '' ? undefined : entry.name,
                type: entry.type,
                updatedAt: entry.updatedAt
            });
        }
    };
    remember('source', sources);
    remember('destination', destinations);
    const problems = [];
    const lines = [];
    const resolve = (input, target, list) => {
        if (!list?.ok)
            return [];
        const resolution = resolveNames(input, target, settings.names[target], list.value.entries);
        problems.push(...resolution.problems);
        for (const line of resolution.lines)
            lines.push({ input, ...line });
        return resolution.matched;
    };
    const named = [
        ...resolve('source-name', 'source', sources).map((e) => ({
            kind: 'source',
            id: e.id
        })),
        ...resolve('destination-name', 'destination', destinations).map((e) => ({
            kind: 'destination',
            id: e.id
        }))
    ];
    const byName = resolve('workflow-name', 'workflow', workflows);
    const { text, reporter } = step;
    step.resolved = {
        lists: lists.flatMap(([target, list]) => list?.ok === true
            ? [{ target, entries: list.value.entries.length, requests: list.value.requests }]
            : []),
        lines: lines.map((line) => ({
            ...line,
            name: text.clean(line.name, NAME_LIMIT),
            shown: line.shown.map((name) => text.clean(name, NAME_LIMIT))
        }))
    };
    reporter.resolved?.(step.resolved);
    if (problems.length > 0) {
        return {
            ok: false,
            problem: { kind: 'unresolved-names', items: problems },
            subject: { kind: 'inputs' }
        };
    }
    const ofWorkflow = (workflow) => [
        ...workflow.sources.map((id) => ({ kind: 'source', id })),
        ...workflow.destinations.map((id) => ({ kind: 'destination', id }))
    ];
    const connectors = (0,core_connector/* uniqueConnectors */.ME)([
        ...settings.connectors,
        ...named,
        ...(byId === undefined ? [] : ofWorkflow(byId.value)),
        ...byName.flatMap(ofWorkflow)
    ]);
    if (connectors.length === 0) {
        const { names } = step.context;
        const message = byId === undefined
            ? `The workflows that ${names.ref('workflow-name')} matched have no source or ` +
                'destination connectors, and no other input names one: there is nothing to check.'
            : `Workflow ${byId.value.id} has no source or destination connectors, and neither ` +
                `${names.ref('source-id')} nor ${names.ref('destination-id')} names one: there is ` +
                'nothing to check.';
        const input = byId === undefined ? 'workflow-name' : 'workflow-id';
        return {
            ok: false,
            problem: { kind: 'invalid-input', input, message },
            subject: byId === undefined ? { kind: 'inputs' } : { kind: 'workflow', id: byId.value.id }
        };
    }
    return { ok: true, value: connectors.map((c) => ({ connector: c, known: known.get(key(c)) })) };
}
function key(connector) {
    return `${connector.kind}:${connector.id}`;
}
/** One list's thread of requests: its own client and pacer, its retries reported inert. */
function listThread(step, target) {
    const { pacing, text, reporter } = step;
    return {
        client: stepClient(step, (entry) => {
            reporter.request(entry);
        }),
        pacer: new Pacer(pacing),
        retrying: (problem, delayMs, failuresInARow) => {
            reporter.listRetrying?.(target, inertTransient(problem, text), delayMs, failuresInARow);
        }
    };
}
/** The workflow named by id, with its connectors. */
async function readWorkflow(step, workflowId) {
    const { pacing, text, reporter } = step;
    const subject = { kind: 'workflow', id: workflowId };
    const client = stepClient(step, (entry) => {
        reporter.request(entry);
    });
    let workflow;
    try {
        workflow = await new Pacer(pacing).retry((call) => client.workflow(workflowId, call), (problem, delayMs, failuresInARow) => {
            reporter.workflowRetrying(workflowId, inertTransient(problem, text), delayMs, failuresInARow);
        });
    }
    finally {
        client.close();
    }
    if (!workflow.ok)
        return { ok: false, problem: workflow.problem, subject };
    const { sources, destinations } = workflow.value;
    reporter.workflowRead(workflowId, sources.length, destinations.length);
    return { ok: true, value: { id: workflowId, sources, destinations } };
}

;// CONCATENATED MODULE: ./src/wait/turns.ts

/**
 * The sweep's queue while the latest checks are still being read: each read that arrives joins
 * those waiting, and a slot that frees takes the longest of them by its prior (those without one
 * first, as they may be the longest; ties in the connectors' order): longest-processing-time. Slots
 * need not wait for every read: at thousands of connectors the reads alone take seconds.
 */
class Turns {
    slots;
    /** Each connector's prior once read (undefined while unread, or when it has none). */
    priors;
    waiting = [];
    unread;
    wake = [];
    roomWake = [];
    makespan;
    ahead;
    /** Reads still to arrive before the first turn (see the constructor). */
    untilOpen;
    /**
     * `firstReads`: how many reads must be in before the first slot takes a turn (the reads in
     * flight at once), so that the first checks too are the longest of a choice, not merely the
     * quickest to be read. `ahead`: how many read connectors may wait for a slot before the next
     * read begins (at least `firstReads`): the longest of thousands go first all the same, and the
     * step need not hold every connector's latest check from the start.
     */
    constructor(count, slots, firstReads, ahead = count) {
        this.slots = slots;
        this.ahead = Math.max(1, firstReads, ahead);
        this.priors = new Array(count).fill(undefined);
        this.unread = count;
        this.untilOpen = Math.min(count, firstReads);
    }
    /** The read of connector `index` has ended: it waits for a slot from now on. */
    arrived(index, priorMs, item) {
        this.priors[index] = priorMs;
        this.unread = Math.max(0, this.unread - 1);
        this.untilOpen = Math.max(0, this.untilOpen - 1);
        this.push({ index, rank: priorMs ?? Number.POSITIVE_INFINITY, item });
        this.wakeAll();
    }
    /** Resolves once a next read may begin (see `ahead`). */
    async room() {
        while (this.waiting.length >= this.ahead) {
            await new Promise((resolve) => this.roomWake.push(resolve));
        }
    }
    /** No more reads will arrive (every one ended, or the reading stopped). */
    allRead() {
        this.unread = 0;
        this.untilOpen = 0;
        this.wakeAll();
    }
    /** The next connector for a free slot; undefined once every one has had its turn. */
    async next() {
        for (;;) {
            const first = this.untilOpen === 0 ? this.pop() : undefined;
            if (first !== undefined) {
                const wake = this.roomWake;
                this.roomWake = [];
                for (const resolve of wake)
                    resolve();
                return { index: first.index, item: first.item };
            }
            if (this.unread === 0 && this.untilOpen === 0)
                return undefined;
            await new Promise((resolve) => this.wake.push(resolve));
        }
    }
    /**
     * How long the queue needs by the priors read so far (see queueMakespan: one still unread
     * counts as the mean of those known), for messages. Computed once when every read is in.
     */
    queueMs() {
        if (this.makespan !== undefined)
            return this.makespan.ms;
        const ms = queueMakespan(this.priors, this.slots);
        if (this.unread === 0)
            this.makespan = { ms };
        return ms;
    }
    wakeAll() {
        const wake = this.wake;
        this.wake = [];
        for (const resolve of wake)
            resolve();
    }
    /** Whether a goes before b: the longer prior first, then the earlier connector. */
    static before(a, b) {
        return a.rank > b.rank || (a.rank === b.rank && a.index < b.index);
    }
    // A binary heap: thousands of reads arrive one by one, each slot takes the first of them.
    push(entry) {
        const heap = this.waiting;
        heap.push(entry);
        let at = heap.length - 1;
        while (at > 0) {
            const parent = (at - 1) >> 1;
            if (!Turns.before(entry, heap[parent]))
                break;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = entry;
    }
    pop() {
        const heap = this.waiting;
        const first = heap[0];
        const last = heap.pop();
        if (first === undefined || last === undefined || heap.length === 0)
            return first;
        let at = 0;
        for (;;) {
            const left = 2 * at + 1;
            if (left >= heap.length)
                break;
            const right = left + 1;
            const child = right < heap.length && Turns.before(heap[right], heap[left])
                ? right
                : left;
            if (!Turns.before(heap[child], last))
                break;
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = last;
        return first;
    }
}

;// CONCATENATED MODULE: external "node:perf_hooks"
const external_node_perf_hooks_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");
;// CONCATENATED MODULE: ./src/wait/clock.ts

const systemClock = {
    // performance.now() counts from process start, which is where the step's deadline counts from.
    now: () => external_node_perf_hooks_namespaceObject.performance.now(),
    epochNow: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve) => {
        if (signal.aborted || ms <= 0) {
            resolve();
            return;
        }
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        // Node clamps a delay past 2^31 - 1 ms to 1 ms; inputs keep waits far below that anyway.
        const timer = setTimeout(done, Math.min(ms, 2 ** 31 - 1));
        signal.addEventListener('abort', done, { once: true });
    })
};

;// CONCATENATED MODULE: ./src/wait/pool.ts
/**
 * Runs work on every item with at most `limit` in flight, and returns the results in the items'
 * order (not the order they finished in).
 */
async function mapWithConcurrency(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next;
            next += 1;
            results[index] = await work(items[index], index);
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    await Promise.all(workers);
    return results;
}

;// CONCATENATED MODULE: ./src/wait/rate-gate.ts

/** After a 429, nothing is sent for at least this long, whatever Retry-After says. */
const RATE_LIMIT_FLOOR_MS = 1000;
/**
 * How requests are paced once the API has answered 429. Why these numbers (BENCHMARKS.md has the
 * figures behind a 1 r/s limiter):
 * - The pace the API just allowed is what it accepted in the second before the refused request
 *   was sent: one request a second when it let one of a burst through, 50 when it took 50.
 *   Requests then go out one at a time, a quarter slower than that.
 * - Each answer that is not a 429, to a request sent at the pace, makes the next gap 5 % shorter:
 *   against a limiter with no burst, the pace passes the limit after about five answers (the
 *   first time) and eight (later), so 429s stay near one request in seven to nine.
 * - A 429 at a pace already slowed makes it 1.5 times slower (or the new reading, if slower): a
 *   limiter whose burst misled the first reading is found in a few steps.
 * - Under 20 ms a gap no longer matters: pacing ends until the next 429.
 */
const PACING = {
    windowMs: 1000,
    margin: 1.25,
    slowDown: 1.5,
    speedUp: 0.95,
    endBelowMs: 20,
    /** A request sent within this many gaps of the one before tested the pace. */
    atPaceWithin: 1.5
};
/**
 * Before the API has answered, at most 4 requests may be on their way at once, one more for
 * each answer that is not a 429 (so about twice as many each round trip), without a cap from
 * 64 on. A step that starts many requests at once would otherwise send them all before
 * the first answer could say that the API limits its rate: behind a limiter of one request a
 * second, all but one of them refused. It costs an unlimited API about four round trips.
 */
const START_WINDOW = { first: 4, open: 64 };
/**
 * The step's share of the API's rate limit, shared by every check: rate limits apply to the API
 * key, not to one connector. A 429 holds back every request until the server's Retry-After (or an
 * exponential back-off when it gives none) has passed, and at least a second; after it requests
 * go out one at a time, at the pace the API was just seen to allow, faster again as they succeed.
 * Pure: every moment comes in as an argument.
 */
class RateGate {
    capMs;
    random;
    openAt = 0;
    closedAt = Number.NEGATIVE_INFINITY;
    strikes = 0;
    /** The gap kept between requests; undefined while requests go out as they come. */
    paceMs;
    lastSentAt = Number.NEGATIVE_INFINITY;
    /** When accepted requests were sent, within the last window (for the pace after a 429). */
    accepted = [];
    inFlight = 0;
    window = START_WINDOW.first;
    waiting = [];
    constructor(capMs, random) {
        this.capMs = capMs;
        this.random = random;
    }
    /** Clock time before which no request may be sent: the back-off after a 429, and the pace. */
    notBefore() {
        const paced = this.paceMs === undefined ? Number.NEGATIVE_INFINITY : this.lastSentAt + this.paceMs;
        return Math.max(this.openAt, paced);
    }
    /**
     * Clock time before which no request may be sent even as the last one before the deadline,
     * which may otherwise go out while the gate is still closed.
     */
    floor() {
        return this.closedAt + RATE_LIMIT_FLOOR_MS;
    }
    /** The gap now kept between requests, if any. */
    pace() {
        return this.paceMs;
    }
    /** Whether one more request may be on its way now (see START_WINDOW). */
    hasRoom() {
        return this.inFlight < this.window;
    }
    /** Resolves once a request on its way has settled, however it ended. */
    whenSettled() {
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    /** A request goes out now: the next one waits for the pace. */
    sent(now) {
        this.inFlight += 1;
        const atPace = this.paceMs !== undefined && now - this.lastSentAt <= this.paceMs * PACING.atPaceWithin;
        this.lastSentAt = Math.max(this.lastSentAt, now);
        return { sentAt: now, atPace };
    }
    /** A request sent has ended, answered or not; call it once for each, before its outcome. */
    settled() {
        this.inFlight = Math.max(0, this.inFlight - 1);
        const waiting = this.waiting;
        this.waiting = [];
        for (const wake of waiting)
            wake();
    }
    /**
     * A 429 arrived at `now`. Only one to a request sent after the last 429 arrived says anything
     * new (those already on their way were refused for the same reason): it adds a strike and sets
     * the pace. Every 429 keeps the gate shut for the floor after it.
     */
    rateLimited(now, retryAfterMs, request) {
        if (request.sentAt >= this.closedAt) {
            this.strikes += 1;
            this.paceMs = this.slowerPace(request.sentAt);
        }
        this.closedAt = Math.max(this.closedAt, now);
        const wait = retryGap(Math.max(1, this.strikes), this.capMs, this.random(), retryAfterMs);
        this.openAt = Math.max(this.openAt, now + Math.max(RATE_LIMIT_FLOOR_MS, wait));
    }
    /**
     * An answer that was not a 429. One to a request sent after the last 429 arrived ends the
     * streak, so the next back-off starts short again, and when it went out at the pace it shortens
     * the pace: answers to requests already on their way then say nothing about the limit.
     */
    answered(request) {
        const since = this.lastSentAt - PACING.windowMs;
        // In place: this runs for every answer of the step.
        let kept = 0;
        for (const at of this.accepted)
            if (at > since)
                this.accepted[kept++] = at;
        this.accepted.length = kept;
        this.accepted.push(request.sentAt);
        this.heardFrom();
        if (request.sentAt < this.closedAt)
            return;
        this.strikes = 0;
        if (this.paceMs === undefined || !request.atPace)
            return;
        this.paceMs *= PACING.speedUp;
        if (this.paceMs < PACING.endBelowMs)
            this.paceMs = undefined;
    }
    /**
     * The API answered a request with something other than a 429 (a 5xx too: the limit let it
     * through), so one more may be on its way at once while the start window lasts.
     */
    heardFrom() {
        this.window = this.window + 1 >= START_WINDOW.open ? Infinity : this.window + 1;
    }
    /** The pace after a 429 to a request sent at `sentAt`. */
    slowerPace(sentAt) {
        const recent = this.accepted.filter((at) => at <= sentAt && at > sentAt - PACING.windowMs).length;
        const observed = (PACING.windowMs / Math.max(1, recent)) * PACING.margin;
        return Math.max(observed, (this.paceMs ?? 0) * PACING.slowDown);
    }
}

;// CONCATENATED MODULE: ./src/wait/reach.ts
/** The longest the step keeps trying a host that has not answered once. */
const UNREACHABLE_WINDOW_MS = 30_000;
/**
 * Whether the API host has answered anything at all since the step began, shared by every
 * request of the step. A host that never answered (a typo in `api-url`, DNS, a firewall that drops
 * packets) will not start answering by itself, so the step gives up on it once a short window
 * from the start has passed; once the host has answered, a network error is a blip and stays
 * transient.
 */
class HostReach {
    host;
    windowMs;
    startedAt;
    answeredOnce = false;
    failures = 0;
    lastReason = '';
    constructor(host, windowMs = UNREACHABLE_WINDOW_MS, 
    /** Clock time the step started at: the window counts from here. */
    startedAt = 0) {
        this.host = host;
        this.windowMs = windowMs;
        this.startedAt = startedAt;
    }
    /**
     * Clock time past which the host is given up on: set only while it has never answered and a
     * request to it has failed without an answer (a request that merely ran out of time does not
     * count, nor does one still in flight).
     */
    giveUpAt() {
        return this.answeredOnce || this.failures === 0 ? undefined : this.startedAt + this.windowMs;
    }
    answered() {
        this.answeredOnce = true;
    }
    /** Records a request that got no answer at all; returns the problem once it is time to stop. */
    noAnswer(now, reason) {
        this.failures += 1;
        this.lastReason = reason;
        const giveUpAt = this.giveUpAt();
        return giveUpAt !== undefined && now >= giveUpAt ? this.problem(now) : undefined;
    }
    /** The problem when the host never answered and requests went unanswered, else undefined. */
    gaveUp(now) {
        return this.giveUpAt() === undefined ? undefined : this.problem(now);
    }
    problem(now) {
        return {
            kind: 'unreachable',
            host: this.host,
            lastReason: this.lastReason,
            waitedMs: now - this.startedAt
        };
    }
}

;// CONCATENATED MODULE: ./src/engine/step.ts
















/**
 * The engine: from inputs to connectors, checks, results and the one outcome of the step. It
 * knows nothing of GitHub or terminals; a front end hears of progress through a Reporter and
 * reports the StepReport it returns. Everything a reporter receives is already inert.
 */
/**
 * Reads of the latest checks in flight at once for a queue: one GET each, no check started, so a
 * sweep at max-concurrency 1 need not read hundreds of them one by one. Few enough that, beside
 * the checks' own requests, they add little to what the step holds at once.
 */
const QUEUE_READS = 10;
/**
 * Connectors read ahead of their turn, per slot: a choice wide enough for longest-first, without
 * holding thousands of latest checks (and reading them all in a burst) from the start.
 */
const QUEUE_AHEAD = 10;
/** ...and never fewer in all: few slots are not a reason for a narrow choice. */
const QUEUE_AHEAD_MIN = 1000;
async function runStep(read, names, reporter, options = {}) {
    const clock = options.clock ?? systemClock;
    const random = options.random ?? Math.random;
    const signal = options.signal ?? new AbortController().signal;
    // Every sleep and request of every check listens to this one signal at once.
    (0,external_node_events_namespaceObject.setMaxListeners)(0, signal);
    const startedAt = options.startedAt ?? 0;
    const secrets = [];
    const inputs = readSettings(read, (secret) => {
        reporter.secret(secret);
        secrets.push(secret);
    }, names);
    if (!inputs.ok) {
        const context = { apiHost: '', timeoutMs: 0, names };
        return stopped(problemVerdict(inputs.problem, context, { kind: 'inputs' }), undefined);
    }
    const settings = inputs.value;
    const text = new RemoteText(secrets);
    const step = {
        settings,
        text,
        reporter,
        pacing: {
            clock,
            random,
            signal,
            deadline: startedAt + settings.timeoutMs,
            pollIntervalMs: settings.pollIntervalMs,
            gate: new RateGate(settings.pollIntervalMs, random),
            reach: new HostReach(settings.api.host, Math.min(UNREACHABLE_WINDOW_MS, settings.timeoutMs), startedAt)
        },
        context: { apiHost: settings.api.host, timeoutMs: settings.timeoutMs, names },
        connect: options.connect ?? connectOverHttp
    };
    const found = await connectorsToCheck(step);
    if (!found.ok) {
        return stopped(problemVerdict(text.problem(found.problem), step.context, found.subject), settings);
    }
    reporter.checking({
        connectors: found.value.map((planned) => planned.connector),
        apiHost: settings.api.host,
        maxConcurrency: settings.maxConcurrency,
        deadline: step.pacing.deadline,
        timeoutMs: settings.timeoutMs
    });
    const checksStartedAt = clock.now();
    const results = await checkAll(found.value, step);
    return {
        outcome: (0,core_outcome/* overallOutcome */.iB)(results.map((r) => r.verdict.outcome)),
        passed: stepPassed(undefined, results.map((r) => ({ outcome: r.verdict.outcome, waived: r.waived }))),
        results,
        problem: undefined,
        settings,
        resolved: step.resolved,
        durationMs: clock.now() - checksStartedAt
    };
}
function stopped(verdict, settings) {
    return {
        outcome: verdict.outcome,
        passed: stepPassed(verdict, []),
        results: [],
        problem: verdict,
        settings,
        resolved: undefined,
        durationMs: 0
    };
}
/**
 * Checks every connector, at most max-concurrency at once. When they are more than that, each
 * connector's latest check is read first, so that the longest checks (by their last run) start
 * first and the queue ends as early as the slots allow; a slot starts as soon as the first reads
 * are in, with the longest read so far, and the reads keep only so far ahead of the turns.
 * Results keep the connectors' order.
 */
async function checkAll(connectors, step) {
    const { settings, pacing } = step;
    const slots = settings.maxConcurrency;
    const results = new Array(connectors.length);
    if (connectors.length <= slots || settings.dryRun) {
        const queue = { connectors: connectors.length, queueMs: () => undefined };
        await mapWithConcurrency(connectors, slots, async (planned, index) => {
            results[index] = await checkConnector(planned, step, { latest: undefined, queue });
        });
        return results;
    }
    const reads = Math.max(slots, QUEUE_READS);
    const turns = new Turns(connectors.length, slots, reads, Math.max(QUEUE_AHEAD_MIN, QUEUE_AHEAD * slots));
    const reading = mapWithConcurrency(connectors, QUEUE_READS, async ({ connector }, index) => {
        await turns.room();
        const checks = stepClient(step, (entry) => {
            step.reporter.request(entry);
        });
        try {
            const latest = await readLatest(connector, {
                api: checks,
                pacing,
                retrying: () => undefined
            });
            turns.arrived(index, priorFrom(latestCheckOf(latest), settings.timeoutMs), latest);
        }
        finally {
            checks.close();
        }
    }).finally(() => {
        turns.allRead();
    });
    const queue = { connectors: connectors.length, queueMs: () => turns.queueMs() };
    const slot = async () => {
        for (let turn = await turns.next(); turn !== undefined; turn = await turns.next()) {
            results[turn.index] = await checkConnector(connectors[turn.index], step, {
                latest: turn.item,
                queue
            });
        }
    };
    await Promise.all([reading, ...Array.from({ length: slots }, slot)]);
    return results;
}

;// CONCATENATED MODULE: ./src/action/lines.ts
// The step's log, written through @actions/core as log.ts writes it, each line noted as it goes
// out: the heartbeat speaks only after a silence, so it must hear of every line. The runner's
// log is one per process, and so is this.


const listeners = new Set();
/** Calls `listener` after each line the log shows, until the function returned is called. */
function onLine(listener) {
    listeners.add(listener);
    return () => {
        listeners.delete(listener);
    };
}
function shown() {
    for (const listener of listeners)
        listener();
}
function info(message) {
    lib_core/* info */.pq(message);
    shown();
}
/** A debug line is shown only when the run has step debug logging on. */
function action_debug(message) {
    lib_core/* debug */.Yz(message);
    if (lib_core/* isDebug */._o())
        shown();
}
function error(message, properties) {
    core.error(message, properties);
    shown();
}
function warning(message, properties) {
    core.warning(message, properties);
    shown();
}
function startGroup(name) {
    lib_core/* startGroup */.Oh(name);
    shown();
}
function endGroup() {
    lib_core/* endGroup */.N4();
    shown();
}

// EXTERNAL MODULE: ./src/report/view.ts + 4 modules
var report_view = __nccwpck_require__(143);
;// CONCATENATED MODULE: ./src/engine/contract.ts





// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __nccwpck_require__(132);
;// CONCATENATED MODULE: ./src/report/heartbeat.ts

/**
 * The heartbeat of a log that is read later or through a pipe: while checks are pending and
 * nothing else was printed for a while, one line says what is decided, what is still awaited and
 * how long the wait may last, so that a quiet step does not look hung. A live terminal shows its
 * progress instead, and needs none.
 */
/** Silence, while checks are pending, after which a line says the step is still waiting. */
const HEARTBEAT_SILENCE_MS = 20_000;
/** Shortest wait between two looks, so that a clock that does not move cannot make a busy loop. */
const MIN_WAKE_MS = 1_000;
/**
 * The line to print now, or undefined: "Still waiting on 5 of 37 connectors (10 failed, 22 passed
 * so far); 4 min 40 s left before the deadline (timeout-seconds 300)."
 */
function heartbeatLine(waiting) {
    const { now, lastLineAt, pending, decided } = waiting;
    if (pending <= 0 || now - lastLineAt < HEARTBEAT_SILENCE_MS)
        return undefined;
    const total = pending + decided.length;
    const what = total === 1
        ? 'the connection check'
        : decided.length === 0
            ? `all ${total} connectors`
            : `${pending} of ${total} connectors (${(0,report_counts/* countsInWords */.Pe)(decided)} so far)`;
    // The input as it is written: 300, or 2.5.
    const setting = `${waiting.setting} ${Math.round(waiting.timeoutMs) / 1000}`;
    const left = waiting.deadline - now;
    const when = left > 0
        ? `${timeLeft(left)} left before the deadline (${setting})`
        : `the deadline (${setting}) has passed`;
    return `Still waiting on ${what}; ${when}.`;
}
/** "45 s", "4 min 40 s", "1 h 5 min": whole seconds, rounded up so that time left never reads 0. */
function timeLeft(ms) {
    const all = Math.max(0, Math.ceil(ms / 1000));
    const hours = Math.floor(all / 3600);
    const minutes = Math.floor((all % 3600) / 60);
    const secs = all % 60;
    if (hours > 0)
        return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
    if (minutes > 0)
        return secs === 0 ? `${minutes} min` : `${minutes} min ${secs} s`;
    return `${secs} s`;
}
/**
 * Prints heartbeatLine() through `say` while the checks run: from `start` (the engine's
 * `checking`) to `stop` (the step's end) or the last verdict. The front end calls `printed` for
 * every line it writes, and reports each connector through `following`, which counts verdicts.
 *
 * Time is the step's clock. Wake-ups are an unref'd timer, so the heartbeat never keeps the
 * process alive, and not the clock's sleep: a test's clock moves on each sleep, and a heartbeat
 * that slept on it would spend the step's time. Each request the engine makes is also a moment to
 * look, so that a step whose clock moves faster than the timers (a test's) gets its lines too.
 */
class Heartbeat {
    clock;
    setting;
    say;
    waiting;
    decided = [];
    lastLineAt = 0;
    timer;
    constructor(clock, 
    /** How the reader names the timeout: "timeout-seconds", "--timeout-seconds". */
    setting, say) {
        this.clock = clock;
        this.setting = setting;
        this.say = say;
    }
    /** The checks begin. */
    start({ connectors, deadline, timeoutMs }) {
        this.stop();
        this.waiting = { total: connectors.length, deadline, timeoutMs };
        this.decided.length = 0;
        this.printed();
        this.wake();
    }
    /** The front end wrote a line. */
    printed() {
        this.lastLineAt = this.clock.now();
    }
    /** Prints the line if one is due. */
    check() {
        const { waiting } = this;
        if (waiting === undefined)
            return;
        const now = this.clock.now();
        const line = heartbeatLine({
            now,
            lastLineAt: this.lastLineAt,
            pending: waiting.total - this.decided.length,
            decided: this.decided,
            deadline: waiting.deadline,
            timeoutMs: waiting.timeoutMs,
            setting: this.setting
        });
        if (line === undefined)
            return;
        this.say(line);
        this.lastLineAt = now;
    }
    /** No line from now on. */
    stop() {
        this.waiting = undefined;
        clearTimeout(this.timer);
        this.timer = undefined;
    }
    /**
     * `reporter`, its verdict counted as it is reported. Every event is passed on as it is; a
     * request, which ends each wait of the engine, is also a moment to look.
     */
    following(reporter) {
        return {
            request: (entry) => {
                reporter.request(entry);
                this.check();
            },
            named: (names) => {
                reporter.named(names);
            },
            notReused: (why) => {
                reporter.notReused(why);
            },
            rechecking: (failed, pauseMs, n, max) => {
                reporter.rechecking(failed, pauseMs, n, max);
            },
            started: (check) => {
                reporter.started(check);
            },
            joined: (check, refusal) => {
                reporter.joined(check, refusal);
            },
            finalOnArrival: (check) => {
                reporter.finalOnArrival(check);
            },
            statusChanged: (check, previousStatus) => {
                reporter.statusChanged(check, previousStatus);
            },
            superseded: (previous, newer) => {
                reporter.superseded(previous, newer);
            },
            unknownStatus: (check) => {
                reporter.unknownStatus(check);
            },
            ignored: (answer, relation) => {
                reporter.ignored(answer, relation);
            },
            retrying: (problem, delayMs, failuresInARow) => {
                reporter.retrying(problem, delayMs, failuresInARow);
            },
            finished: (result) => {
                reporter.finished(result);
                this.decide(result.verdict.outcome);
            }
        };
    }
    decide(outcome) {
        const { waiting } = this;
        if (waiting === undefined)
            return;
        this.decided.push(outcome);
        // Nothing left to wait for: the timer can go now rather than when the step's end is reported.
        if (this.decided.length >= waiting.total)
            this.stop();
    }
    wake() {
        if (this.waiting === undefined)
            return;
        const due = this.lastLineAt + HEARTBEAT_SILENCE_MS - this.clock.now();
        this.timer = setTimeout(() => {
            this.check();
            this.wake();
        }, Math.max(MIN_WAKE_MS, due));
        this.timer.unref();
    }
}

;// CONCATENATED MODULE: ./src/report/table.ts
/** The one table renderer: the log's and the terminal's verdict tables, and the scripts'. */
const SEGMENTER = new Intl.Segmenter();
/** Columns a string takes in a terminal: emoji and East Asian wide characters take two. */
function displayWidth(text) {
    // Most cells are ASCII; and a Segmenter per call cost 50 MB of native memory for 500 rows.
    if (/^[\x20-\x7e]*$/.test(text))
        return text.length;
    let width = 0;
    for (const { segment } of SEGMENTER.segment(text)) {
        if (/\p{Extended_Pictographic}/u.test(segment))
            width += 2;
        else if (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/u.test(segment))
            width += 2;
        else if (!/^\p{M}+$/u.test(segment))
            width += 1;
    }
    return width;
}
function padEnd(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
/** Aligned columns separated by two spaces: the verdict tables. */
const PLAIN = { gap: '  ', rules: 'none' };
/** Columns between bars, with a rule under each row: the benchmark's and the scripts' tables. */
const RULED = { gap: ' | ', rules: 'every-row' };
const widest = (xs) => Math.max(0, ...xs);
/** A plain-text table; a cell may hold several lines. */
function renderTable(header, rows, style = RULED) {
    return tableLines(header, rows, style).join('\n');
}
/** renderTable's lines, one by one: a log of thousands of rows need not hold them as one text. */
function tableLines(header, rows, style = RULED) {
    const split = (row) => row.map((cell) => cell.split('\n'));
    const all = [split(header), ...rows.map(split)];
    const widths = header.map((_, c) => widest(all.map((row) => widest((row[c] ?? ['']).map(displayWidth)))));
    const rule = widths.map((w) => '-'.repeat(w)).join(style.gap.replace(/ /g, '-').replace('|', '+'));
    const lines = [];
    for (const [r, row] of all.entries()) {
        const height = widest(row.map((cell) => cell.length));
        for (let l = 0; l < height; l += 1) {
            lines.push(row
                .map((cell, c) => padEnd(cell[l] ?? '', widths[c] ?? 0))
                .join(style.gap)
                .trimEnd());
        }
        if (style.rules === 'every-row' && r < all.length - 1)
            lines.push(rule);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/action/annotations.ts



/** GitHub shows at most this many annotations of each kind per step, and drops the rest unseen. */
const ANNOTATIONS_PER_STEP = 10;
/** Connectors the last annotation names one by one before it counts the rest. */
const NAMED_IN_REST = 30;
/** How an annotation's title names a connector: its name and short id, or its kind and id. */
function who(view) {
    const { connector, shortId, shortName } = view;
    return view.names?.name === undefined ? shortName : `${shortName} (${connector.kind} ${shortId})`;
}
/**
 * "orders-s3 (source 5f1e2d3c): Connection check failed": the connector and what happened, so
 * that no two connectors' titles are the same.
 */
function verdictTitle(view) {
    return `${who(view)}: ${view.verdict.title}${view.waived ? ' (waived)' : ''}`;
}
/**
 * Error and warning annotations of one step, within GitHub's ten of each. Connectors' verdicts
 * are held until the end and ranked, failures first, so that timeouts cannot take the slots of
 * a real FAILURE; when more did not pass than there are slots, the last one names the rest,
 * failures first, with counts per outcome. Other annotations (a superseded check, a file not
 * written) go out at once; past the limit they are log lines, counted by one last annotation.
 */
class Annotations {
    shown = { error: 0, warning: 0 };
    held = { error: [], warning: [] };
    verdicts = [];
    error(message, title) {
        this.add('error', { message, title });
    }
    warning(message, title) {
        this.add('warning', { message, title });
    }
    /** A connector's verdict, annotated at the end in its rank if it did not pass or is flaky. */
    verdict(view) {
        this.verdicts.push(view);
    }
    /** Emits the ranked verdicts and what was held back; call once, when nothing else will come. */
    finish() {
        const views = (0,report_counts/* ranked */.ad)(this.verdicts.splice(0));
        const failing = views.filter((v) => !v.passed && !v.waived);
        this.emitRanked('error', failing.map(errorOf), failing);
        const warned = [...views.filter((v) => v.waived), ...views.filter((v) => v.flaky)];
        this.emitRanked('warning', warned.map(warningOf), warned);
        this.finishHeld('error', 'connectors did not pass', 'more connectors did not pass');
        this.finishHeld('warning', 'warnings', 'more warnings');
    }
    /** Ranked annotations: as many as fit, then one that names the rest. */
    emitRanked(kind, annotations, views) {
        const room = ANNOTATIONS_PER_STEP - this.shown[kind] - (this.held[kind].length > 0 ? 1 : 0);
        if (annotations.length <= room) {
            for (const annotation of annotations)
                this.emit(kind, annotation);
            return;
        }
        const kept = Math.max(0, room - 1);
        for (const annotation of annotations.slice(0, kept))
            this.emit(kind, annotation);
        const rest = views.slice(kept);
        if (room > 0)
            this.emit(kind, restOf(kind, rest));
        else
            for (const annotation of annotations.slice(kept))
                this.held[kind].push(annotation);
    }
    finishHeld(kind, plural, more) {
        const held = this.held[kind].splice(0);
        const [only] = held;
        if (held.length === 1 && only !== undefined)
            this.emit(kind, only);
        else if (held.length > 1) {
            this.emit(kind, {
                title: `${held.length} ${more}`,
                message: `${held.length} more ${plural}: GitHub shows at most ${ANNOTATIONS_PER_STEP} ${kind} ` +
                    'annotations per step. Each is in the log, and every verdict in the job summary.'
            });
        }
    }
    add(kind, annotation) {
        if (this.shown[kind] < ANNOTATIONS_PER_STEP - 1) {
            this.emit(kind, annotation);
            return;
        }
        this.held[kind].push(annotation);
        lib_core/* info */.pq(`${annotation.title}: ${annotation.message}`);
    }
    emit(kind, { message, title }) {
        this.shown[kind] += 1;
        if (kind === 'error')
            lib_core/* error */.z3(message, { title });
        else
            lib_core/* warning */.$e(message, { title });
    }
}
/** A verdict that fails the step: what happened, and the likely cause on a line of its own. */
function errorOf(view) {
    const { message } = view.verdict;
    return {
        title: verdictTitle(view),
        message: view.hint === undefined ? message : `${message}\n${view.hint}`
    };
}
/** A verdict waived by on-platform-unavailable: warn, or a pass after a FAILURE. */
function warningOf(view) {
    if (view.waived) {
        return {
            title: verdictTitle(view),
            message: [view.verdict.message, ...view.notes].join('\n')
        };
    }
    return { title: `${who(view)}: Flaky connection check`, message: view.flakyNotes.join('\n') };
}
/** The last annotation when more did not pass than there is room for: it names them all. */
function restOf(kind, rest) {
    const counts = (0,report_counts/* countsInWords */.Pe)(rest.map((v) => v.outcome));
    const lines = rest.slice(0, NAMED_IN_REST).map((v) => {
        const why = (0,core_text/* oneLine */.TN)(v.brief, 100);
        return `${verdictTitle(v)}${why === '' ? '' : ` (${why})`}`;
    });
    const more = rest.length - lines.length;
    const what = kind === 'error' ? 'did not pass' : 'have warnings';
    return {
        title: `${rest.length} more connectors ${what}: ${counts}`,
        message: [
            ...lines,
            ...(more > 0 ? [`… and ${more} more.`] : []),
            `GitHub shows at most ${ANNOTATIONS_PER_STEP} ${kind} annotations per step: every ` +
                "verdict is in the job summary, in the log's verdict table and in its connector's group."
        ].join('\n')
    };
}

;// CONCATENATED MODULE: ./src/report/resolved.ts

/** Lines of name inputs said one by one; a count stands for the rest. */
const RESOLVED_LINES = 20;
/**
 * One sentence per line of a name input, at most RESOLVED_LINES of them: a sweep has a line per
 * pattern, but a long list of plain names would flood the log. A pattern's matches are named
 * (the first few, then how many more), as is a plain name's when it is not the name as given
 * (found without surrounding blanks): `workflow-name "nightly-*" matched 3 workflows:
 * "nightly-a", "nightly-b", "nightly-c".` `flag` names an input as the front end says it.
 */
function resolvedLines(lines, flag = (input) => input) {
    const said = lines.slice(0, RESOLVED_LINES).map((line) => {
        const what = line.input.replace(/-name$/, '');
        const head = `${flag(line.input)} "${line.name}" matched ${(0,core_text/* count */.U9)(line.matched, what)}`;
        const itself = !line.glob && line.shown.every((name) => name === line.name);
        if (itself || line.shown.length === 0)
            return `${head}.`;
        const more = line.matched - line.shown.length;
        const names = line.shown.map((name) => `"${name}"`).join(', ');
        return `${head}: ${names}${more > 0 ? ` and ${more} more` : ''}.`;
    });
    if (lines.length > RESOLVED_LINES)
        said.push(`... and ${lines.length - RESOLVED_LINES} more names.`);
    return said;
}

;// CONCATENATED MODULE: ./src/action/log.ts










/**
 * The step's live log: lines, collapsible groups and annotations, as the runner shows them. The
 * key is masked before any request, nothing here ever sees headers or options, and the engine
 * makes every piece of remote text inert before it arrives.
 */
/** What the runner's log shows while the step runs. */
class GitHubLog {
    annotations = new Annotations();
    /** Hears of every line through lines.ts (run.ts connects them); stopped at the step's end. */
    heartbeat;
    apiHost = '';
    grouped = false;
    constructor(clock = systemClock) {
        this.heartbeat = new Heartbeat(clock, 'timeout-seconds', (line) => {
            info(line);
        });
    }
    secret(value) {
        lib_core/* setSecret */.Pq(value);
    }
    request = (entry) => {
        action_debug(requestLine(entry));
    };
    workflowRetrying(workflowId, problem, delayMs, failuresInARow) {
        const line = `${problem.reason}; retrying in ${(0,core_text/* seconds */.YA)(delayMs)}.`;
        // As for checks: the first failure of a streak is worth a line, the rest go to debug.
        if (failuresInARow === 1)
            info(`Transient error reading workflow ${workflowId}: ${line}`);
        else
            action_debug(`Transient error #${failuresInARow} reading the workflow: ${line}`);
    }
    workflowRead(workflowId, sources, destinations) {
        info(`Workflow ${workflowId} has ${(0,core_text/* count */.U9)(sources, 'source')} and ${(0,core_text/* count */.U9)(destinations, 'destination')}.`);
    }
    listRetrying(target, problem, delayMs, failuresInARow) {
        const line = `${problem.reason}; retrying in ${(0,core_text/* seconds */.YA)(delayMs)}.`;
        if (failuresInARow === 1)
            info(`Transient error listing ${target}s: ${line}`);
        else
            action_debug(`Transient error #${failuresInARow} listing ${target}s: ${line}`);
    }
    resolved({ lists, lines }) {
        for (const list of lists) {
            info(`Listed ${(0,core_text/* count */.U9)(list.entries, list.target)} (${(0,core_text/* count */.U9)(list.requests, 'request')}).`);
        }
        for (const line of resolvedLines(lines))
            info(line);
    }
    checking(plan) {
        this.heartbeat.start(plan);
        const { connectors, apiHost, maxConcurrency } = plan;
        this.apiHost = apiHost;
        this.grouped = connectors.length > 1;
        if (!this.grouped)
            return;
        const sources = connectors.filter((c) => c.kind === 'source').length;
        info(`Checking ${connectors.length} connectors (${(0,core_text/* count */.U9)(sources, 'source')}, ` +
            `${(0,core_text/* count */.U9)(connectors.length - sources, 'destination')}) on ${apiHost}, ` +
            `up to ${maxConcurrency} at a time.`);
    }
    connector(connector, elapsed) {
        return this.heartbeat.following(new ConnectorLog(connector, this.apiHost, this.grouped, this.annotations, elapsed));
    }
    /** The end of the log: the verdict table and closing line, or the problem that stopped it. */
    finish(step) {
        if (step.problem !== undefined) {
            const { message, title } = step.problem;
            this.annotations.error(message, title);
        }
        else if (step.results.length > 1) {
            const { header, rows } = (0,report_view/* verdictRows */.Vt)(step.results);
            // Line by line, the same text as one message: at thousands of rows one string of it all
            // would be a burst of memory at the very end.
            info('');
            for (const line of tableLines(header, rows, PLAIN))
                info(line);
            // The table above gives every reason; the annotations give the first nine.
            info((0,report_view/* closingLine */.oM)(step.results, step.durationMs, false));
        }
    }
}
/**
 * One connector's log. With a single connector its lines are printed as they happen; with
 * several, checks run side by side, so each one's lines are kept and printed as one collapsible
 * group when it ends, instead of interleaving.
 */
class ConnectorLog {
    connector;
    apiHost;
    grouped;
    annotations;
    elapsed;
    pending = [];
    constructor(connector, apiHost, grouped, annotations, elapsed) {
        this.connector = connector;
        this.apiHost = apiHost;
        this.grouped = grouped;
        this.annotations = annotations;
        this.elapsed = elapsed;
    }
    request = (entry) => {
        const line = requestLine(entry);
        this.emit(() => {
            action_debug(line);
        });
    };
    named() {
        // The group's heading names it at the end; nothing to say before.
    }
    notReused = (why) => {
        this.emit(() => {
            info(`Not reusing a recent check of ${(0,core_connector/* connectorLabel */.oc)(this.connector)}: ${why}.`);
        });
    };
    rechecking = (failed, pauseMs, n, max) => {
        this.emit(() => {
            info(`Check ${failed.id} failed (${(0,report_view/* failedReason */.Kw)(failed, 300)}); starting a new ` +
                `check in ${(0,core_text/* seconds */.YA)(pauseMs)} (re-check ${n} of ${max}).`);
        });
    };
    started = (check) => {
        this.emit(() => {
            info(`Checking ${(0,core_connector/* connectorLabel */.oc)(this.connector)} on ${this.apiHost}: started check ${check.id} (${check.status}).`);
        });
    };
    joined = (check, refusal) => {
        this.emit(() => {
            info(`Checking ${(0,core_connector/* connectorLabel */.oc)(this.connector)} on ${this.apiHost}: the API is already ` +
                `checking it (${(0,report_view/* joinedBecause */.IR)(refusal)}), so this step follows that check, ${check.id} (${check.status}).`);
        });
    };
    finalOnArrival = (check) => {
        this.emit(() => {
            info(`The API answered the POST with check ${check.id}, ${alreadyDecided(check)}: perhaps an ` +
                'old check, so its verdict does not count; asking once more.');
        });
    };
    statusChanged = (check, previousStatus) => {
        const after = (0,core_text/* seconds */.YA)(this.elapsed());
        this.emit(() => {
            info(`Check ${check.id}: ${previousStatus} -> ${check.status} after ${after}.`);
        });
    };
    superseded = (previous, newer) => {
        this.emit(() => {
            this.annotations.warning(`A newer check ${newer.id} of ${(0,core_connector/* connectorLabel */.oc)(this.connector)} (created ${newer.createdAt}, ` +
                `${newer.status}) replaced check ${previous.id}, perhaps from "Save and Test" in the web ` +
                'UI or a parallel run. It tests the same connector, so its result decides this step.', 'Connection check superseded');
        });
    };
    unknownStatus = (check) => {
        this.emit(() => {
            this.annotations.warning(`Check ${check.id} has status "${check.status}", which this action does not know; ` +
                'it is treated as not final and the wait goes on.', 'Unknown check status');
        });
    };
    ignored = (answer, relation) => {
        const why = `${IGNORED_BECAUSE[relation]}.`;
        this.emit(() => {
            action_debug(`Ignoring check ${answer.id} (created ${answer.createdAt}, ${answer.status}): ${why}`);
        });
    };
    retrying = (problem, delayMs, failuresInARow) => {
        const line = `${problem.reason}; retrying in ${(0,core_text/* seconds */.YA)(delayMs)}.`;
        if (failuresInARow === 1 && this.grouped) {
            // Said at once as well: a wrong api-url must not stay hidden in a group until the end.
            info(`${(0,core_connector/* connectorLabel */.oc)(this.connector, undefined, true)}: ${line}`);
        }
        this.emit(() => {
            // The first failure in a row is worth a line; the rest of a streak goes to debug.
            if (failuresInARow === 1)
                info(`Transient error from ${this.apiHost}: ${line}`);
            else
                action_debug(`Transient error #${failuresInARow}: ${line}`);
        });
    };
    /**
     * Ends the connector's log with its verdict: a line, or an error annotation. A FAILURE's hint
     * is the annotation's second line, apart from the platform's reason that ends the first.
     */
    finished(result) {
        const view = (0,report_view/* viewOf */.du)(result);
        const { verdict, hint } = view;
        // Annotations come at the end, ranked (see Annotations); a group says its verdict itself.
        this.annotations.verdict(view);
        if (!this.grouped) {
            if (view.passed)
                info(verdict.message);
            return;
        }
        const label = (0,core_connector/* connectorLabel */.oc)(this.connector, view.names, true);
        startGroup(`${view.icon} ${label}: ${(0,report_counts/* outcomeWords */.wX)(view.outcome)} (${(0,core_text/* seconds */.YA)(view.durationMs)})`);
        for (const line of this.pending.splice(0))
            line();
        info(verdict.message);
        if (hint !== undefined)
            info(hint);
        for (const note of view.notes)
            info(note);
        endGroup();
    }
    emit(line) {
        if (this.grouped)
            this.pending.push(line);
        else
            line();
    }
}

;// CONCATENATED MODULE: ./src/action/names.ts
/** The action's words: inputs of a workflow step. */
const ACTION_INPUTS = {
    subject: (input) => `Input '${input}'`,
    ref: (input) => `'${input}'`,
    key: "the 'api-key' secret",
    missingKey: "Input 'api-key' is required. Pass it from a secret, e.g. `api-key: ${{ secrets.UNSTRUCTURED_API_KEY }}`; " +
        'note that secrets are empty in workflows triggered from forks.',
    environment: "the step's env",
    machine: 'the runner'
};
/** The step's outputs, as action.yml declares them. */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'check-id',
    'status',
    'reason',
    'created-at',
    'reported-at',
    'outcome',
    'results',
    'results-file'
]));

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/report/file.ts


/**
 * Writes a report the user asked for (JUnit XML, a summary) at `file`, creating missing folders
 * as actions/upload-artifact users expect; a relative path starts in the working directory.
 * Returns why it failed, or undefined.
 */
async function writeReportFile(file, content) {
    try {
        await (0,promises_.mkdir)(external_node_path_default().dirname(external_node_path_default().resolve(file)), { recursive: true });
        await (0,promises_.writeFile)(file, content);
        return undefined;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}

;// CONCATENATED MODULE: ./src/action/run.ts









/**
 * The GitHub front end: inputs from the runner, progress in the log, then annotations, outputs,
 * the job summary and the JUnit report. Returns the engine's report, whose `passed` alone
 * decides whether the step passes.
 */
async function run(options = {}) {
    const log = new GitHubLog(options.clock);
    const heard = onLine(() => {
        log.heartbeat.printed();
    });
    let step;
    try {
        step = await runStep((name) => lib_core/* getInput */.V4(name), ACTION_INPUTS, log, options);
    }
    finally {
        log.heartbeat.stop();
        heard();
    }
    log.finish(step);
    // What writes the outputs, the JUnit report and the summary is loaded once the step has ended,
    // so that start-up, spent before the first request, does not wait for it.
    const [{ writeOutputs }, { renderJunit }, { renderSummary }] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 948).then(__nccwpck_require__.bind(__nccwpck_require__, 948)),
        __nccwpck_require__.e(/* import() */ 998).then(__nccwpck_require__.bind(__nccwpck_require__, 998)),
        __nccwpck_require__.e(/* import() */ 994).then(__nccwpck_require__.bind(__nccwpck_require__, 994))
    ]);
    const notes = await writeOutputs(step, log.annotations);
    const junitFile = step.settings?.junitFile ?? junitFileInput((name) => lib_core/* getInput */.V4(name));
    if (junitFile !== undefined) {
        const failed = await writeReportFile(junitFile, renderJunit(step));
        if (failed === undefined)
            lib_core/* info */.pq(`JUnit report written to ${junitFile}.`);
        else
            log.annotations.warning(`The JUnit report could not be written (${failed}).`, 'No JUnit report');
    }
    log.annotations.finish();
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (summaryFile)
        await (0,promises_.appendFile)(summaryFile, renderSummary(step, notes));
    else
        lib_core/* debug */.Yz('No GITHUB_STEP_SUMMARY file: skipping the job summary.');
    // The last line, always: a log that ends without it was cut short.
    lib_core/* debug */.Yz(`Finished in ${(0,core_text/* seconds */.YA)(process.uptime() * 1000)} with outcome ${step.outcome}.`);
    return step;
}

;// CONCATENATED MODULE: ./src/action/index.ts





// The step passes only when run() resolved with a step that passed: any other way out, an
// exception in reporting included (say, an output file that cannot be written), exits non-zero.
const SUCCESS = lib_core/* ExitCode */.yU.Success;
const FAILURE = lib_core/* ExitCode */.yU.Failure;
// After a cancellation the verdict is written at once; this is only a backstop so the step
// never outlives the runner's patience if something unforeseen blocks (a log reader that has
// stopped reading included: what it has not taken by then is lost).
const CANCEL_BACKSTOP_MS = 900;
// Deprecations inside bundled dependencies are nothing a user of the step can act on: the tunnel
// agent behind an authenticated HTTPS_PROXY still calls new Buffer(), and Node would say so.
process.noDeprecation = true;
const cancellation = cancelOnSignals();
cancellation.signal.addEventListener('abort', () => {
    setTimeout(() => process.exit(FAILURE), CANCEL_BACKSTOP_MS).unref();
});
let exitCode = FAILURE;
run({ signal: cancellation.signal })
    .then((step) => {
    if (step.passed)
        exitCode = SUCCESS;
})
    .catch((error) => {
    // Unexpected: one line, without a stack trace and without request details.
    const raw = error instanceof Error ? error.message : String(error);
    // Its words may come from anywhere; the runner masks the key in the log.
    const message = new RemoteText([process.env['INPUT_API-KEY'] ?? '']).clean(raw);
    try {
        lib_core/* error */.z3(`Unexpected error: ${message}`, { title: 'Connection check error' });
        lib_core/* setOutput */.uH('outcome', 'error');
    }
    catch {
        // Writing the output is what failed; the annotation above is already out.
    }
})
    .finally(() => exitWhenFlushed(exitCode));


//# sourceMappingURL=index.js.map