// The verdict when a problem ended the work on a subject: one message per kind of problem.
import type { Verdict } from './contract.js'
import { httpStatusText } from '../api/http-status.js'
import type { InputNames } from './contract.js'
import type { NameProblem, NotFound, Problem, TimeoutProblem } from '../core/problem.js'
import { connectorLabel, kindTitle, type Connector } from '../core/connector.js'
import { count, seconds } from '../core/text.js'
import type { CheckRun } from '../wait/check-run.js'
import { isFinal } from '../api/status.js'
import { IGNORED_BECAUSE } from '../wait/ownership.js'

import { capitalized, label, PLURAL, type Subject, type VerdictContext } from './subject.js'
import { outcomeOf } from '../core/outcome.js'

/** The verdict when a problem ended the work on a subject (and on `run`, for a connector). */
export function problemVerdict(
  problem: Problem,
  context: VerdictContext,
  subject: Subject,
  run?: CheckRun
): Verdict {
  const outcome = outcomeOf(problem)
  const who = label(subject, false)
  const status = run?.followed?.status
  const checkId = run?.created?.id
  const owner =
    subject.kind === 'workflow'
      ? 'the workflow'
      : subject.kind === 'list'
        ? `the ${PLURAL[subject.target]}`
        : 'the connector'
  // Reading a workflow or a list starts no check: its timeout and cancellation say so.
  const reading =
    subject.kind === 'workflow' ||
    subject.kind === 'list' ||
    (subject.kind === 'connector' && subject.reading === true)
  const { names } = context
  const apiUrl = names.ref('api-url')
  const withDetail = (status: number, detail: string | undefined): string =>
    detail ? `${status}: ${detail}` : httpStatusText(status)

  switch (problem.kind) {
    case 'invalid-input':
      return { outcome, title: 'Invalid input', message: problem.message }
    case 'unresolved-names':
      return { outcome, ...unresolvedNames(problem.items, names) }
    case 'validation': {
      const items = problem.items.length > 0 ? problem.items.join('; ') : 'no details given'
      return {
        outcome,
        title: 'Request rejected as invalid',
        message: `The API rejected the request for ${who} as invalid (${problem.status}): ${items}`
      }
    }
    case 'unauthorized':
      return {
        outcome,
        title: 'API key rejected',
        message:
          problem.status === 403
            ? `The API key may not read ${who} (${withDetail(problem.status, problem.detail)}). ` +
              `Each key works with one workspace: put a key from the workspace that owns ${owner} in ${names.ref('api-key')}.`
            : `The API refused the key (${withDetail(problem.status, problem.detail)}). ` +
              `Check that ${names.key} holds a current Unstructured API key from the workspace ` +
              `that owns ${who}.`
      }
    case 'not-found':
      if (checkId !== undefined) {
        // The POST worked, so the connector existed a moment ago.
        return {
          outcome,
          title: 'Connection check vanished',
          message:
            `Check ${checkId} of ${who} could no longer be read ` +
            `(${withDetail(problem.status, problem.detail)}): the connector may have been deleted ` +
            'while the check ran.'
        }
      }
      if (subject.kind === 'list') {
        return {
          outcome,
          title: 'List not found',
          message:
            `${label(subject, true)} was not found on ${context.apiHost} ` +
            `(${withDetail(problem.status, problem.detail)}). Check that ${apiUrl} points at the ` +
            'Platform API.'
        }
      }
      if (subject.kind === 'connector' && problem.otherKind !== undefined) {
        const detail = withDetail(problem.status, problem.detail)
        return { outcome, ...otherKind(subject.connector, problem.otherKind, detail, context) }
      }
      return {
        outcome,
        title: subject.kind === 'workflow' ? 'Workflow not found' : 'Connector not found',
        message:
          `${label(subject, true)} was not found on ${context.apiHost} ` +
          `(${withDetail(problem.status, problem.detail)}). Check the id and that ${owner} belongs ` +
          `to the API key's workspace; if ${apiUrl} does not point at the Platform API, every path ` +
          'answers 404 too.'
      }
    case 'redirect':
      return {
        outcome,
        title: 'Unexpected redirect',
        message:
          `The API answered ${httpStatusText(problem.status)} with a redirect to ` +
          `${problem.location ?? 'an unnamed location'}. Redirects are not followed, so the API key ` +
          `never leaves ${context.apiHost}; check ${apiUrl}.`
      }
    case 'rejected':
      return {
        outcome,
        title: 'Request rejected',
        message: `The API rejected the request for ${who} (${withDetail(problem.status, problem.detail)}).`
      }
    case 'foreign-answer': {
      const facts = [
        httpStatusText(problem.status),
        problem.contentType ?? 'no content type',
        ...(problem.title === undefined ? [] : [`page title "${problem.title}"`])
      ].join(', ')
      return {
        outcome,
        title: 'Answer not from the Platform API',
        message:
          `The answer for ${who} (${facts}) did not come from the Platform API: a firewall, CDN ` +
          `or proxy between ${names.machine} and ${context.apiHost} answered instead. Check the ` +
          `proxy settings (HTTPS_PROXY, NO_PROXY), the firewall's allow-list, and ${apiUrl}.`
      }
    }
    case 'tls':
      return {
        outcome,
        title: 'TLS error',
        message: tlsMessage(problem.code, problem.host, names)
      }
    case 'proxy-refused': {
      const status = problem.status === undefined ? 'no status' : httpStatusText(problem.status)
      const fix =
        problem.status === 407
          ? 'Check the user name and password in HTTPS_PROXY'
          : 'Check that the proxy allows this host'
      return {
        outcome,
        title: 'Proxy refused the tunnel',
        message:
          `The proxy ${problem.proxy} refused to open a tunnel to ${context.apiHost} (${status}). ` +
          `${fix}, or add ${context.apiHost} to NO_PROXY if ${names.machine} reaches it directly.`
      }
    }
    case 'unreachable':
      return {
        outcome,
        title: 'API host not reachable',
        message:
          `${problem.host} has not answered since the step began (${problem.lastReason}; gave up ` +
          `after ${seconds(problem.waitedMs)}). Check ${apiUrl} for a typo, and that ${names.machine} ` +
          'can reach the host (DNS, firewall, proxy).'
      }
    case 'stale-answer': {
      const reported = problem.reportedAt === null ? '' : `, reported ${problem.reportedAt}`
      const decided = isFinal(problem.status)
        ? `already ${problem.status}${reported}`
        : `already reported${problem.reportedAt === null ? '' : ` at ${problem.reportedAt}`} (status "${problem.status}")`
      const first =
        problem.firstCheckId === undefined
          ? ''
          : ` (the first answer was check ${problem.firstCheckId})`
      return {
        outcome,
        title: 'API answered with an old check',
        message:
          `The API answered the POST for ${who} with check ${problem.checkId}, ${decided}, ` +
          (problem.answers > 1
            ? `and did so again when asked once more${first}. It started `
            : 'and no time was left to ask again. It started ') +
          'no check that this step could follow, and a verdict given before the step began ' +
          `cannot pass it. Check ${apiUrl} and any caching proxy in between.`
      }
    }
    case 'unusable-answers':
      return {
        outcome,
        title: 'Unusable answer',
        message:
          `The API answered ${problem.answers.length === 2 ? 'both' : `all ${problem.answers.length}`} ` +
          `POSTs for ${who} without starting a check this step can follow: first ` +
          `${problem.answers.join('; then ')}. No more are sent. Check that ${apiUrl} points at ` +
          'the Platform API, or try again once it answers.'
      }
    case 'malformed':
      return {
        outcome,
        title: 'Unexpected answer',
        message:
          `The API answered the request for ${who} with ${httpStatusText(problem.status)}, but ` +
          `${problem.reason}. This is not retried: the API may have changed, or ${apiUrl} may ` +
          'point at another service.'
      }
    case 'transient':
      return {
        outcome,
        title: 'API error',
        message: `The request for ${who} failed: ${problem.reason}.`
      }
    case 'timeout': {
      const limit = seconds(context.timeoutMs)
      const parts = reading
        ? [`${label(subject, true)} could not be read within ${limit}.`]
        : checkId === undefined
          ? [`No connection check of ${who} could be started within ${limit}.`]
          : [
              `The step's ${limit} deadline passed while waiting for ${waitedFor(run)} of ${who}; its last status was ${status ?? 'unknown'}.`
            ]
      if (run?.lastIgnored && run.followed?.id === checkId) {
        parts.push(
          `The API kept answering with another check (${run.lastIgnored.check.id}), ${IGNORED_BECAUSE[run.lastIgnored.relation]}.`
        )
      }
      parts.push(...lastErrors(problem))
      if (checkId !== undefined) {
        parts.push(`Raise ${names.ref('timeout-seconds')} if checks of this connector take longer.`)
      }
      return { outcome, title: 'Connection check timed out', message: parts.join(' ') }
    }
    case 'not-started': {
      const queue =
        `${count(problem.connectors, 'connector')}, ${names.ref('max-concurrency')} ` +
        `${problem.maxConcurrency}` +
        (problem.queueMs === undefined
          ? ''
          : `; by their last checks the queue needs about ${seconds(problem.queueMs)}`)
      const needed =
        problem.priorMs === undefined
          ? 'too little to follow a check'
          : `less than its last check took (${seconds(problem.priorMs)})`
      return {
        outcome,
        title: 'Connection check not started',
        message:
          `No connection check of ${who} was started: it waited for a slot in the queue ` +
          `(${queue}), and when one came ${seconds(problem.leftMs)} of the step's ` +
          `${seconds(context.timeoutMs)} were left, ${needed}. Raise ${names.ref('timeout-seconds')} ` +
          `or ${names.ref('max-concurrency')}.`
      }
    }
    case 'cancelled': {
      const by = problem.signal ? ` (${problem.signal})` : ''
      return {
        outcome,
        title: 'Connection check cancelled',
        message: reading
          ? `Cancelled${by} while reading ${who}, before any connection check was started.`
          : checkId === undefined
            ? `Cancelled${by} before a connection check of ${who} was started.`
            : `Cancelled${by} while waiting for ${waitedFor(run)} of ${who}; its last status was ${status ?? 'unknown'}.`
      }
    }
  }
}

/** An id given as one kind that the API knows as the other: which input it belongs in. */
function otherKind(
  connector: Connector,
  { kind, names: known }: NonNullable<NotFound['otherKind']>,
  /** What the API answered for the kind given. */
  detail: string,
  { apiHost, names }: VerdictContext
): { title: string; message: string } {
  const facts = [
    ...(known?.name === undefined ? [] : [`"${known.name}"`]),
    ...(known?.type === undefined ? [] : [known.type])
  ]
  const named = facts.length === 0 ? '' : ` (${facts.join(', ')})`
  return {
    title: `${kindTitle(kind)} given as a ${connector.kind}`,
    message:
      `${connectorLabel(connector, undefined, true)} was not found on ${apiHost} (${detail}). ` +
      `It is a ${kind}, not a ${connector.kind}${named}: use ${names.ref(`${kind}-id`)}.`
  }
}

const NAME_LINES = 20
const IDS_NAMED = 10

/** Every name that did not resolve, one line each, in input order. */
function unresolvedNames(
  items: readonly NameProblem[],
  names: InputNames
): { title: string; message: string } {
  const lines = items.slice(0, NAME_LINES).map((item) => nameLine(item, names))
  if (items.length > NAME_LINES) {
    lines.push(`… and ${items.length - NAME_LINES} more that did not resolve.`)
  }
  const several = items.filter((item) => item.match === 'several').length
  const [only] = items
  const title =
    items.length === 1 && only !== undefined
      ? only.match === 'several'
        ? 'Ambiguous name'
        : only.pattern
          ? 'Pattern matched nothing'
          : 'Name not found'
      : several > 0
        ? 'Names not resolved'
        : 'Names not found'
  return { title, message: lines.join('\n') }
}

function nameLine(item: NameProblem, names: InputNames): string {
  // Plain quotes, not JSON's: a backslash in a name must read as one.
  const quoted = `"${item.name}"`
  const what = item.target
  const head = `${names.subject(item.input)}:`
  if (item.match === 'several') {
    const shown = item.ids.slice(0, IDS_NAMED).join(', ')
    const more = item.ids.length > IDS_NAMED ? ` and ${item.ids.length - IDS_NAMED} more` : ''
    return (
      `${head} ${item.ids.length} ${PLURAL[what]} are named ${quoted} (${shown}${more}); ` +
      `name the one to check by ${names.ref(`${what}-id`)} instead.`
    )
  }
  const parts = [
    item.pattern
      ? `${head} the pattern ${quoted} matches no ${what}.`
      : `${head} no ${what} is named ${quoted}.`
  ]
  if (item.closest.length > 0) {
    parts.push(`Closest: ${item.closest.map((n) => `"${n}"`).join(', ')}.`)
    const lower = item.name.toLowerCase()
    if (item.closest.some((n) => n.toLowerCase() === lower)) {
      parts.push('Names match case-sensitively.')
    }
  }
  if (item.total === 0) {
    parts.push(`The API key's workspace has no ${PLURAL[what]}.`)
  } else {
    const types = item.types
      .slice(0, 10)
      .map((t) => `${t.type} (${t.count})`)
      .join(', ')
    const more = item.types.length > 10 ? ` and ${item.types.length - 10} more` : ''
    parts.push(
      `The API key's workspace has ${count(item.total, what)}` +
        (types === '' ? '.' : `, of types ${types}${more}.`)
    )
  }
  return parts.join(' ')
}

/** What went wrong with TLS, and what fixes it: waiting never does. */
function tlsMessage(code: string, host: string, names: InputNames): string {
  const apiUrl = names.ref('api-url')
  if (/^EPROTO: unsupported protocol/.test(code)) {
    return (
      `${host} does not speak a version of TLS that ${names.machine} accepts (${code}): it likely ` +
      'offers only TLS 1.0 or 1.1, which Node refuses. The server must offer TLS 1.2 or later; ' +
      `check that ${apiUrl} points at the HTTPS endpoint.`
    )
  }
  if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|^EPROTO/.test(code)) {
    return (
      `${host} does not speak TLS that ${names.machine} accepts on that port (${code}): it may ` +
      `be a plain-HTTP port. Check ${apiUrl}: the scheme and port must be those of the HTTPS ` +
      'endpoint.'
    )
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return (
      `The TLS certificate of ${host} is not valid for that name (${code}). Check ${apiUrl}, ` +
      'or a proxy that intercepts TLS.'
    )
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    const when = code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet'
    return (
      `The TLS certificate of ${host} ${when} (${code}). Renew it on that server (or on the ` +
      `proxy that presents it), or, if it should be valid now, check the clock of ${names.machine}.`
    )
  }
  return (
    `${capitalized(names.machine)} does not trust the TLS certificate of ${host} (${code}). If your network uses ` +
    'a private certificate authority (a TLS-inspecting proxy, a self-hosted deployment), set ' +
    `NODE_EXTRA_CA_CERTS in ${names.environment} to the path of its PEM file: Node then trusts it.`
  )
}

/**
 * The last error, and the last one the API or a gateway answered with when that was another
 * (a request cut short by the deadline says less than the 504 before it), with when it came.
 */
function lastErrors(problem: TimeoutProblem): string[] {
  const { lastTransient, lastAnswer } = problem
  const answered =
    lastAnswer === undefined
      ? undefined
      : `${lastAnswer.reason}, ${seconds(lastAnswer.beforeDeadlineMs)} before the deadline`
  if (answered === undefined) return lastTransient ? [`Last error: ${lastTransient}.`] : []
  if (!lastTransient || lastTransient === lastAnswer?.reason) return [`Last error: ${answered}.`]
  return [`Last error: ${lastTransient}; the last answer before it: ${answered}.`]
}

/** "check <ours>", or "check <newer> (which replaced ours, <ours>)". */
function waitedFor(run: CheckRun | undefined): string {
  const ours = run?.created?.id ?? 'none'
  const followed = run?.followed?.id
  return followed === undefined || followed === ours
    ? `check ${ours}`
    : `check ${followed} (which replaced ours, ${ours})`
}
