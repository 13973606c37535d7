/** The one table renderer: the log's and the terminal's verdict tables, and the scripts'. */

const SEGMENTER = new Intl.Segmenter()

/** Columns a string takes in a terminal: emoji and East Asian wide characters take two. */
export function displayWidth(text: string): number {
  // Most cells are ASCII; and a Segmenter per call cost 50 MB of native memory for 500 rows.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length
  let width = 0
  for (const { segment } of SEGMENTER.segment(text)) {
    if (/\p{Extended_Pictographic}/u.test(segment)) width += 2
    else if (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/u.test(segment))
      width += 2
    else if (!/^\p{M}+$/u.test(segment)) width += 1
  }
  return width
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

export interface TableStyle {
  /** Between two cells of a row. */
  gap: string
  /** A rule under every row but the last (the scripts' reports), or only under the header. */
  rules: 'every-row' | 'none'
}

/** Aligned columns separated by two spaces: the verdict tables. */
export const PLAIN: TableStyle = { gap: '  ', rules: 'none' }
/** Columns between bars, with a rule under each row: the benchmark's and the scripts' tables. */
export const RULED: TableStyle = { gap: ' | ', rules: 'every-row' }

const widest = (xs: number[]): number => Math.max(0, ...xs)

/** A plain-text table; a cell may hold several lines. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: TableStyle = RULED
): string {
  return tableLines(header, rows, style).join('\n')
}

/** renderTable's lines, one by one: a log of thousands of rows need not hold them as one text. */
export function tableLines(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: TableStyle = RULED
): string[] {
  const split = (row: readonly string[]): string[][] => row.map((cell) => cell.split('\n'))
  const all = [split(header), ...rows.map(split)]
  const widths = header.map((_, c) =>
    widest(all.map((row) => widest((row[c] ?? ['']).map(displayWidth))))
  )
  const rule = widths.map((w) => '-'.repeat(w)).join(style.gap.replace(/ /g, '-').replace('|', '+'))
  const lines: string[] = []
  for (const [r, row] of all.entries()) {
    const height = widest(row.map((cell) => cell.length))
    for (let l = 0; l < height; l += 1) {
      lines.push(
        row
          .map((cell, c) => padEnd(cell[l] ?? '', widths[c] ?? 0))
          .join(style.gap)
          .trimEnd()
      )
    }
    if (style.rules === 'every-row' && r < all.length - 1) lines.push(rule)
  }
  return lines
}
