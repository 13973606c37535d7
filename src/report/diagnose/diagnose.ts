/**
 * What a FAILURE's reason most likely means, and the likely fix: a category from the reason's
 * words, codes and fields and the connector's type, and a one-line hint of our own. Pure, and
 * safe on hostile text: it reads at most READ_LIMIT characters, turns them into words,
 * identifiers and `name=value` fields in one pass each, and looks for fixed phrases with
 * indexOf (no regular expression on the reason, so nothing to backtrack); the hint is fixed
 * text that never quotes the reason.
 */
import {
  CATEGORIES,
  SERVICE_OF_TYPE,
  type Category,
  type Known,
  type Service
} from './categories.js'
import { GENERIC_HINTS, SERVICE_HINTS } from './hints.js'
import { CLASS_MEANING, RULES, WRAPPERS, type Rule } from './rules.js'

export { CATEGORIES, type Category }

export interface Diagnosis {
  category: Category
  /** "Likely cause: ...", or undefined: an unknown reason gets no hint, as a wrong one misleads. */
  hint: string | undefined
}

/** Characters of a reason that are read: the words that say what went wrong come early. */
export const READ_LIMIT = 4000

/** A rule ready to match: its codes split from its prefixes, each phrase in normalised parts. */
interface Compiled {
  rule: Rule
  codes: readonly string[]
  prefixes: readonly string[]
  phrases: readonly Phrase[]
}

interface Phrase {
  /** Each part with a space at either end. */
  parts: readonly string[]
  /** Every word of the phrase: when one is missing from the text, no search is needed. */
  words: readonly string[]
}

/** Most characters between two parts of a phrase with `…`: a name or two. */
const GAP = 80
/** Occurrences of a phrase's first part that are tried: bounds the work per phrase. */
const TRIES = 8
/** Classes in front of the reason that are read (`UserAuthError: Not found error: …`). */
const FRONT_CLASSES = 3
/** Longest class name or lead-in sentence in front. */
const FRONT_LENGTH = 64

type Kind = 'other' | 'lower' | 'upper' | 'digit'

function kindOf(code: number): Kind {
  if (code >= 97 && code <= 122) return 'lower'
  if (code >= 65 && code <= 90) return 'upper'
  if (code >= 48 && code <= 57) return 'digit'
  return 'other'
}

const isIdentifierChar = (code: number): boolean => code === 95 || kindOf(code) !== 'other'

/**
 * The text as lower-case words between single spaces, with a space at each end, so that
 * `ErrorCode:AuthorizationPermissionMismatch` reads ` error code authorization permission
 * mismatch `: camel case is split (`SSLError` is `ssl error`), and anything but an ASCII letter
 * or digit separates. One pass over at most `limit` characters.
 */
function words(text: string, limit: number): string {
  const end = Math.min(text.length, limit)
  let out = ' '
  let spaced = true
  let previous: Kind = 'other'
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i)
    const kind = kindOf(code)
    if (kind === 'other') {
      if (!spaced) out += ' '
      spaced = true
      previous = kind
      continue
    }
    const split =
      kind === 'upper' &&
      (previous === 'lower' ||
        previous === 'digit' ||
        (previous === 'upper' && i + 1 < end && kindOf(text.charCodeAt(i + 1)) === 'lower'))
    if (split && !spaced) out += ' '
    out += kind === 'upper' ? String.fromCharCode(code + 32) : text.charAt(i)
    spaced = false
    previous = kind
  }
  return spaced ? out : `${out} `
}

/** The identifiers in the text as written: runs of ASCII letters, digits and `_`. */
function identifiers(text: string): Set<string> {
  const found = new Set<string>()
  let start = -1
  for (let i = 0; i <= text.length; i += 1) {
    const inside = i < text.length && isIdentifierChar(text.charCodeAt(i))
    if (inside && start < 0) start = i
    else if (!inside && start >= 0) {
      found.add(text.slice(start, i))
      start = -1
    }
  }
  return found
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
])

const isValueChar = (code: number): boolean => isIdentifierChar(code) || code === 45 || code === 46

/**
 * The `name=value` fields in the text, as `name=value` under the rules' names; a `code` that is
 * an HTTP error status counts as a status too. One pass: at each `=`, the identifier before it
 * and at most 64 value characters after it.
 */
function fields(text: string): Set<string> {
  const found = new Set<string>()
  for (let at = text.indexOf('='); at >= 0; at = text.indexOf('=', at + 1)) {
    let start = at
    while (start > 0 && at - start < 16 && isIdentifierChar(text.charCodeAt(start - 1))) start -= 1
    const name = FIELD_NAMES.get(text.slice(start, at).toLowerCase())
    if (name === undefined) continue
    let end = at + 1
    while (end < text.length && end - at <= 64 && isValueChar(text.charCodeAt(end))) end += 1
    const value = text.slice(at + 1, end)
    if (value === '') continue
    found.add(`${name}=${value}`)
    if (name === 'code' && value.length === 3 && value >= '400' && value <= '599') {
      found.add(`status=${value}`)
    }
  }
  return found
}

/**
 * The library's classes in front of the reason, taken off: `UserAuthError: …`, a dotted
 * `module.UserAuthError: …`, or the sentence a class puts in front (`User error: …`). Returns
 * the rest and the first meaningful class's category. An unknown name stays: it is the text's.
 */
function frontClasses(reason: string): { rest: string; meaning: Known | undefined } {
  let rest = reason.trimStart()
  let meaning: Known | undefined
  for (let n = 0; n < FRONT_CLASSES; n += 1) {
    const colon = rest.slice(0, FRONT_LENGTH + 1).indexOf(': ')
    if (colon <= 0) break
    const head = rest.slice(0, colon)
    const name = head.slice(head.lastIndexOf('.') + 1)
    if (!CLASS_MEANING.has(name)) break
    meaning ??= CLASS_MEANING.get(name)
    rest = rest.slice(colon + 2).trimStart()
  }
  return { rest, meaning }
}

/**
 * The wrappers' words and the rules ready to match, made by the first diagnosis rather than when
 * the module loads: start-up is spent before the first request, and most steps see no FAILURE.
 */
let prepared: Prepared | undefined

interface Prepared {
  wrapperWords: readonly string[]
  rules: readonly Compiled[]
}

function preparedRules(): Prepared {
  prepared ??= {
    wrapperWords: WRAPPERS.map((wrapper) => words(wrapper, wrapper.length)),
    rules: RULES.map(compile)
  }
  return prepared
}

function compile(rule: Rule): Compiled {
  const codes = rule.codes ?? []
  return {
    rule,
    codes: codes.filter((code) => !code.endsWith('*')),
    prefixes: codes.filter((code) => code.endsWith('*')).map((code) => code.slice(0, -1)),
    phrases: (rule.words ?? []).map((phrase) => {
      const parts = phrase.split('…').map((part) => words(part, part.length))
      return {
        parts,
        words: parts
          .join(' ')
          .split(' ')
          .filter((word) => word !== '')
      }
    })
  }
}

/**
 * Whether the parts occur in order, each within GAP characters of the one before. Each part
 * starts and ends with a space, which the next part may share.
 */
function hasPhrase(text: string, parts: readonly string[]): boolean {
  const [first, ...rest] = parts
  if (first === undefined) return false
  let from = 0
  for (let tries = 0; tries < TRIES; tries += 1) {
    const at = text.indexOf(first, from)
    if (at < 0) return false
    let end = at + first.length - 1
    let all = true
    for (const part of rest) {
      const next = text.slice(end, end + GAP + part.length).indexOf(part)
      if (next < 0) {
        all = false
        break
      }
      end += next + part.length - 1
    }
    if (all) return true
    from = at + 1
  }
  return false
}

/** The reason, read four ways. */
interface Reading {
  text: string
  words: ReadonlySet<string>
  ids: ReadonlySet<string>
  fields: ReadonlySet<string>
}

function matches(compiled: Compiled, reading: Reading): boolean {
  const { text, words, ids } = reading
  for (const code of compiled.codes) if (ids.has(code)) return true
  if (compiled.prefixes.length > 0) {
    for (const id of ids) if (compiled.prefixes.some((prefix) => id.startsWith(prefix))) return true
  }
  if (compiled.rule.fields?.some((field) => reading.fields.has(field)) === true) return true
  return compiled.phrases.some(
    (phrase) => phrase.words.every((word) => words.has(word)) && hasPhrase(text, phrase.parts)
  )
}

/** Whether a rule speaks for this connector: one with `only` for its own services' alone. */
function applies(rule: Rule, typed: Service | undefined): boolean {
  return rule.only !== true || (typed !== undefined && rule.services?.includes(typed) === true)
}

/** The service of a connector type; undefined for a type without known fixes. */
function serviceOf(type: string): Service | undefined {
  return SERVICE_OF_TYPE.get(words(type, 64).replace(/ /g, ''))
}

function read(rest: string): Reading {
  let text = words(rest, READ_LIMIT)
  for (const wrapper of preparedRules().wrapperWords) {
    if (text.includes(wrapper)) text = text.split(wrapper).join(' ')
  }
  return {
    text,
    words: new Set(text.split(' ')),
    ids: identifiers(rest),
    fields: fields(rest)
  }
}

/**
 * What a FAILURE's reason says once the library's classes and lead-ins in front are taken off
 * (`DestinationConnectionError: failed to validate connection: password authentication failed`
 * → `password authentication failed`): the words a table cell has room for. The reason itself
 * when nothing is left.
 */
export function gist(reason: string): string {
  let rest = reason.trim()
  for (let n = 0; n < FRONT_CLASSES; n += 1) {
    const before = rest
    rest = frontClasses(rest).rest
    const lower = rest.toLowerCase()
    const lead = WRAPPERS.find((wrapper) => lower.startsWith(wrapper))
    if (lead !== undefined) rest = rest.slice(lead.length).replace(/^\s*[:\-–]\s*/, '')
    if (rest === before) break
  }
  return rest.trim() === '' ? reason.trim() : rest.trim()
}

/**
 * The category of a FAILURE's reason, and its hint. `type` is the connector's type when the API
 * told it: it picks the service's own hint and the rules that hold for it alone; without it, the
 * reason's words may name the service. A generic class in front (`DestinationConnectionError:`)
 * says nothing; a meaningful one (`UserAuthError:`) decides when the rest says nothing. An empty
 * reason, or one that no rule matches, is `unknown`, with no hint.
 */
export function diagnose(reason: string | null | undefined, type?: string): Diagnosis {
  const { rest, meaning } = frontClasses((reason ?? '').slice(0, READ_LIMIT))
  const typed = type === undefined ? undefined : serviceOf(type)
  const reading = read(rest)
  const found = preparedRules().rules.find(
    (compiled) => applies(compiled.rule, typed) && matches(compiled, reading)
  )?.rule
  const category = found === undefined ? meaning : found.category
  if (category === undefined || category === 'unknown')
    return { category: 'unknown', hint: undefined }
  const services = found?.services
  // Another service's words, or a type without known fixes: only the generic hint is safe.
  const service =
    type === undefined
      ? services?.[0]
      : services === undefined || (typed !== undefined && services.includes(typed))
        ? typed
        : undefined
  const hint =
    (service === undefined ? undefined : SERVICE_HINTS[service][category]) ??
    GENERIC_HINTS[category]
  return { category, hint: `Likely cause: ${hint}` }
}
