/** Small text helpers shared by the API layer and reporting. */

/**
 * Text from the API (ids, statuses, reasons, names) on one line: a line break in it could
 * otherwise start a workflow command (`::warning::...`) in the log. Nothing else changes, not
 * even surrounding spaces: a status of "SUCCESS " is not SUCCESS and must not become it.
 */
export function flatten(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
}

/** One line of at most `limit` characters, whitespace runs folded. */
export function oneLine(text: string, limit = Number.POSITIVE_INFINITY): string {
  const flat = flatten(text).replace(/\s+/g, ' ').trim()
  return flat.length > limit ? `${flat.slice(0, limit - 3)}...` : flat
}

/** A duration for people: "4.2 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** "1 source", "2 sources". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** Bytes of UTF-8: what GitHub's size limits count. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** Text safe inside HTML or XML, in an element or a quoted attribute. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
