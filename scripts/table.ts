// The one plain-text table renderer of the scripts (benchmark, platform cases).

const widest = (xs: number[]): number => Math.max(0, ...xs)

/** Plain-text table with a rule under each row; a cell may hold several lines. */
export function renderTable(header: string[], rows: string[][]): string {
  const split = (row: string[]): string[][] => row.map((cell) => cell.split('\n'))
  const all = [split(header), ...rows.map(split)]
  const widths = header.map((_, c) =>
    widest(all.map((row) => widest((row[c] ?? ['']).map((l) => l.length))))
  )
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-')
  const lines: string[] = []
  for (const [r, row] of all.entries()) {
    const height = widest(row.map((cell) => cell.length))
    for (let l = 0; l < height; l += 1) {
      lines.push(
        row
          .map((cell, c) => (cell[l] ?? '').padEnd(widths[c] ?? 0))
          .join(' | ')
          .trimEnd()
      )
    }
    if (r < all.length - 1) lines.push(rule)
  }
  return lines.join('\n')
}
