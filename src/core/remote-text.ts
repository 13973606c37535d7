import type { ConnectorNames } from './connector.js'
import type { Problem } from './problem.js'
import { flatten } from './text.js'

/** The most characters of one piece of remote text that are ever shown or written. */
export const REMOTE_TEXT_LIMIT = 2000

/**
 * Characters that change what a reader sees without being seen: bidirectional controls (the
 * "trojan source" trick), zero-width and other format characters, lone surrogates, and the
 * Hangul fillers that render as blanks.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu

/** The runner still reads the legacy `##[command]` form anywhere in a line. */
const LEGACY_COMMAND = /##\[/g

const REDACTED = '***'

/** A page title is a few words; more is noise in a message. */
const TITLE_LIMIT = 120

/** A name or a type quoted among others in a message, as input values are. */
export const NAME_LIMIT = 80
const TYPE_LIMIT = 40

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
export class Secrets {
  private patterns: RegExp[] = []
  private readonly values = new Set<string>()

  constructor(secrets: readonly string[] = []) {
    for (const secret of secrets) this.add(secret)
  }

  add(secret: string): void {
    if (secret === '' || this.values.has(secret)) return
    this.values.add(secret)
    this.patterns = [...this.values]
      .sort((a, b) => b.length - a.length)
      .map((value) => new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'))
  }

  redact(text: string): string {
    let redacted = text
    for (const pattern of this.patterns) redacted = redacted.replace(pattern, REDACTED)
    return redacted
  }
}

export class RemoteText {
  private readonly secrets: Secrets

  constructor(secrets: readonly string[]) {
    this.secrets = new Secrets(secrets)
  }

  /**
   * The one way remote text is made safe. It only ever replaces or adds visible characters, so
   * a value that was not exactly "SUCCESS" never becomes it.
   */
  clean(text: string, limit = REMOTE_TEXT_LIMIT): string {
    // Redacted before anything else changes it (a key with `##[` in it would no longer match
    // afterwards), and again after, in case an escape completed one.
    const inert = flatten(this.redact(text))
      .replace(
        INVISIBLE,
        (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`
      )
      .replace(LEGACY_COMMAND, '#\\#[')
    return cap(this.redact(inert), limit)
  }

  names(names: ConnectorNames | undefined): ConnectorNames | undefined {
    if (names === undefined) return undefined
    return {
      name: names.name === undefined ? undefined : this.clean(names.name),
      type: names.type === undefined ? undefined : this.clean(names.type)
    }
  }

  problem(problem: Problem): Problem {
    const optional = (text: string | undefined): string | undefined =>
      text === undefined ? undefined : this.clean(text)
    switch (problem.kind) {
      case 'invalid-input':
      case 'cancelled':
      case 'tls':
      case 'proxy-refused':
        // Written by this action (input values in it are quoted through clean() already), or
        // read from the runner's own settings and Node's error codes.
        return problem
      case 'validation':
        // One piece, however many items: their number is the server's to choose.
        return {
          ...problem,
          items: problem.items.length === 0 ? [] : [this.clean(problem.items.join('; '))]
        }
      case 'unauthorized':
      case 'rejected':
        return { ...problem, detail: optional(problem.detail) }
      case 'not-found': {
        const { otherKind } = problem
        return {
          ...problem,
          detail: optional(problem.detail),
          ...(otherKind === undefined
            ? {}
            : { otherKind: { kind: otherKind.kind, names: this.names(otherKind.names) } })
        }
      }
      case 'redirect':
        return { ...problem, location: optional(problem.location) }
      case 'transient':
      case 'malformed':
        return { ...problem, reason: this.clean(problem.reason) }
      case 'unusable-answers':
        return { ...problem, answers: problem.answers.map((answer) => this.clean(answer)) }
      case 'unreachable':
        return { ...problem, lastReason: this.clean(problem.lastReason) }
      case 'foreign-answer':
        return {
          ...problem,
          contentType: optional(problem.contentType),
          // Cut only here, after the key is redacted: a cut before could split the key.
          title:
            problem.title === undefined
              ? undefined
              : this.clean(problem.title.replace(/\s+/g, ' ').trim(), TITLE_LIMIT)
        }
      case 'stale-answer':
        return {
          ...problem,
          checkId: this.clean(problem.checkId),
          status: this.clean(problem.status),
          reportedAt: problem.reportedAt === null ? null : this.clean(problem.reportedAt),
          ...(problem.firstCheckId === undefined
            ? {}
            : { firstCheckId: this.clean(problem.firstCheckId) })
        }
      case 'timeout':
        return {
          ...problem,
          lastTransient: optional(problem.lastTransient),
          ...(problem.lastAnswer === undefined
            ? {}
            : {
                lastAnswer: { ...problem.lastAnswer, reason: this.clean(problem.lastAnswer.reason) }
              })
        }
      case 'not-started':
        return problem
      case 'unresolved-names':
        // Names are quoted in a sentence, among others: cut short as input values are.
        return {
          ...problem,
          items: problem.items.map((item) =>
            item.match === 'several'
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
                }
          )
        }
    }
  }

  private redact(text: string): string {
    return this.secrets.redact(text)
  }
}

/** At most `limit` characters (code points, so no surrogate pair is split), then a count of the rest. */
function cap(text: string, limit: number): string {
  // Fast path: a string this short cannot hold more code points than the limit.
  if (text.length <= limit) return text
  let kept = 0
  let end = 0
  for (const c of text) {
    if (kept === limit) break
    kept += 1
    end += c.length
  }
  if (end === text.length) return text
  const rest = text.slice(end).replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length
  return `${text.slice(0, end)}…(${rest} more character${rest === 1 ? '' : 's'})`
}
