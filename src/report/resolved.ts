// What the name inputs matched, in the lines that the log and the terminal both print.
import type { NamesResolved } from '../engine/contract.js'
import { count } from '../core/text.js'

/** Lines of name inputs said one by one; a count stands for the rest. */
const RESOLVED_LINES = 20

/**
 * One sentence per line of a name input, at most RESOLVED_LINES of them: a sweep has a line per
 * pattern, but a long list of plain names would flood the log. A pattern's matches are named
 * (the first few, then how many more), as is a plain name's when it is not the name as given
 * (found without surrounding blanks): `workflow-name "nightly-*" matched 3 workflows:
 * "nightly-a", "nightly-b", "nightly-c".` `flag` names an input as the front end says it.
 */
export function resolvedLines(
  lines: NamesResolved['lines'],
  flag: (input: string) => string = (input) => input
): string[] {
  const said = lines.slice(0, RESOLVED_LINES).map((line) => {
    const what = line.input.replace(/-name$/, '')
    const head = `${flag(line.input)} "${line.name}" matched ${count(line.matched, what)}`
    const itself = !line.glob && line.shown.every((name) => name === line.name)
    if (itself || line.shown.length === 0) return `${head}.`
    const more = line.matched - line.shown.length
    const names = line.shown.map((name) => `"${name}"`).join(', ')
    return `${head}: ${names}${more > 0 ? ` and ${more} more` : ''}.`
  })
  if (lines.length > RESOLVED_LINES)
    said.push(`... and ${lines.length - RESOLVED_LINES} more names.`)
  return said
}
