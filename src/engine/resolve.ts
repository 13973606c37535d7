import { editDistance } from '../core/edit-distance.js'
import type { NameProblem, NameTarget } from '../core/problem.js'

/**
 * Names and patterns to connectors and workflows: pure matching over what the list endpoints
 * gave. A plain name must match exactly one entry; a pattern (`*` any run of characters, `?` one
 * character, case-sensitive) may match many, but never none, so a typo cannot pass the gate by
 * checking nothing.
 */

/** What matching needs of a listed connector or workflow. */
export interface Named {
  id: string
  /** '' when the API gave none: only a pattern such as `*` can match it then. */
  name: string
  type: string | undefined
}

/** A wildcard in a parsed pattern; any other token is a code point. */
const ANY_ONE = -1
const ANY_RUN = -2

/** One line of a `-name` input. */
export interface NamePattern {
  /** The line as given. */
  text: string
  /** True when it holds a wildcard that is not escaped by a backslash. */
  glob: boolean
  /** For a plain name: the name itself, escapes removed. */
  literal: string
  /** Code points, ANY_ONE and ANY_RUN. */
  tokens: number[]
}

/**
 * Reads one line. `\*`, `\?` and `\\` stand for the characters themselves, so a name that holds
 * a `*` can still be named exactly; any other backslash is an ordinary character.
 */
export function parsePattern(text: string): NamePattern {
  const tokens: number[] = []
  let literal = ''
  let glob = false
  const chars = Array.from(text)
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i] as string
    const next = chars[i + 1]
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      tokens.push(next.codePointAt(0) ?? 0)
      literal += next
      i += 1
    } else if (c === '*' || c === '?') {
      glob = true
      // A run of stars is one star: it keeps matching linear in the number of them.
      if (c === '?' || tokens.at(-1) !== ANY_RUN) tokens.push(c === '*' ? ANY_RUN : ANY_ONE)
      literal += c
    } else {
      tokens.push(c.codePointAt(0) ?? 0)
      literal += c
    }
  }
  return { text, glob, literal, tokens }
}

/** The code point at `index` (a UTF-16 index) and how many code units it takes. */
function codePointAt(text: string, index: number): number {
  return text.codePointAt(index) ?? 0
}

const width = (codePoint: number): number => (codePoint > 0xffff ? 2 : 1)

/**
 * Whether a pattern's tokens match a whole name, by code point. The classic two-pointer match
 * with back-tracking to the last star only: O(pattern x name) at worst, so a hostile name of any
 * length cannot make it blow up the way a regular expression with several `.*` can. It reads
 * the name in place: matching thousands of names allocates nothing.
 */
export function globMatches(tokens: readonly number[], name: string): boolean {
  let t = 0
  let n = 0
  let star = -1
  let resume = 0
  while (n < name.length) {
    const c = codePointAt(name, n)
    const token = tokens[t]
    if (token !== undefined && (token === ANY_ONE || token === c)) {
      t += 1
      n += width(c)
    } else if (token === ANY_RUN) {
      star = t
      resume = n
      t += 1
    } else if (star >= 0) {
      t = star + 1
      resume += width(codePointAt(name, resume))
      n = resume
    } else {
      return false
    }
  }
  while (tokens[t] === ANY_RUN) t += 1
  return t === tokens.length
}

const SUGGESTIONS = 3

/** Names of a line's matches that the log shows; a count stands for the rest. */
export const MATCHES_SHOWN = 10

/** Up to three distinct names closest to `name`, closest first (then in code-unit order). */
export function closestNames(name: string, names: Iterable<string>, count = SUGGESTIONS): string[] {
  const best: { name: string; distance: number }[] = []
  const seen = new Set<string>()
  for (const candidate of names) {
    if (candidate === '' || seen.has(candidate)) continue
    seen.add(candidate)
    const bound = best.length < count ? Infinity : (best.at(-1)?.distance ?? Infinity)
    const distance = editDistance(name, candidate, bound)
    if (distance > bound) continue
    best.push({ name: candidate, distance })
    best.sort((p, q) => p.distance - q.distance || compareText(p.name, q.name))
    if (best.length > count) best.pop()
  }
  return best.map((b) => b.name)
}

/** Code-unit order: the same in every locale, so output is stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** How many entries of each type, most common first. */
export function typeCounts(entries: readonly Named[]): { type: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const { type } of entries) {
    if (type !== undefined && type !== '') counts.set(type, (counts.get(type) ?? 0) + 1)
  }
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || compareText(a.type, b.type))
}

export interface Resolution<T extends Named> {
  /** What the lines matched, line by line, each line's matches by name then id; may repeat. */
  matched: T[]
  /** How many entries each line matched, and the names of the first MATCHES_SHOWN, for the log. */
  lines: { name: string; glob: boolean; matched: number; shown: string[] }[]
  problems: NameProblem[]
}

/** Resolves every line of one input against the entries of its kind, all problems together. */
export function resolveNames<T extends Named>(
  input: string,
  target: NameTarget,
  lines: readonly string[],
  entries: readonly T[]
): Resolution<T> {
  const resolution: Resolution<T> = { matched: [], lines: [], problems: [] }
  // A list may name one entry twice (a page repeated); it is still one entry.
  const unique = uniqueById(entries)
  // Names compare in Unicode's composed form (NFC): "crème" typed on one keyboard and stored
  // decomposed by another client is the same name. Case still counts.
  const names = new Map(unique.map((e) => [e, e.name.normalize('NFC')]))
  const nameOf = (entry: T): string => names.get(entry) ?? entry.name
  let byName: Map<string, T[]> | undefined
  let byTrimmed: Map<string, T[]> | undefined
  let sorted: T[] | undefined
  const notFound = (line: string, glob: boolean): NameProblem => ({
    match: 'none',
    input,
    target,
    name: line,
    pattern: glob,
    closest: closestNames(line.normalize('NFC'), unique.map(nameOf)),
    total: unique.length,
    types: typeCounts(unique)
  })
  for (const line of lines) {
    const pattern = parsePattern(line.normalize('NFC'))
    let found: T[]
    if (!pattern.glob) {
      byName ??= groupByName(unique, (entry) => nameOf(entry))
      found = byName.get(pattern.literal) ?? []
      if (found.length === 0) {
        // Input lines lose their surrounding blanks, so a name that has them is found without.
        byTrimmed ??= groupByName(unique, (entry) => nameOf(entry).trim())
        found = byTrimmed.get(pattern.literal) ?? []
      }
      if (found.length > 1) {
        resolution.problems.push({
          match: 'several',
          input,
          target,
          name: line,
          ids: found.map((e) => e.id)
        })
        resolution.lines.push({ name: line, glob: false, matched: found.length, shown: [] })
        continue
      }
    } else {
      // Sorted once, not per pattern: a filter of it comes out in order.
      sorted ??= [...unique].sort(byNameThenId)
      found = pattern.tokens.every((t) => t === ANY_RUN)
        ? [...sorted]
        : sorted.filter((e) => globMatches(pattern.tokens, nameOf(e)))
    }
    resolution.lines.push({
      name: line,
      glob: pattern.glob,
      matched: found.length,
      shown: found.slice(0, MATCHES_SHOWN).map((e) => e.name)
    })
    if (found.length === 0) {
      resolution.problems.push(notFound(line, pattern.glob))
      continue
    }
    for (const entry of found) resolution.matched.push(entry)
  }
  return resolution
}

function byNameThenId(a: Named, b: Named): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id)
}

/** Each id once, the first entry that has it kept. */
function uniqueById<T extends Named>(entries: readonly T[]): T[] {
  const seen = new Set<string>()
  return entries.filter((entry) => {
    if (seen.has(entry.id)) return false
    seen.add(entry.id)
    return true
  })
}

function groupByName<T extends Named>(
  entries: readonly T[],
  key: (entry: T) => string
): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const entry of entries) {
    const name = key(entry)
    const group = map.get(name)
    if (group === undefined) map.set(name, [entry])
    else group.push(entry)
  }
  return map
}
