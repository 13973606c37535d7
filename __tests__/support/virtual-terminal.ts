/**
 * What a terminal would show after some output: enough of one to replay the command line's
 * live lines (carriage return, cursor up, erase to the end of the screen, colours dropped).
 */
export function finalScreen(output: string): string[] {
  const lines: string[] = ['']
  let row = 0
  let col = 0
  // eslint-disable-next-line no-control-regex -- escape sequences are what is read here
  const tokens = output.match(/\x1b\[[0-9;?]*[A-Za-z]|\r|\n|[^\x1b\r\n]+/gu) ?? []
  for (const token of tokens) {
    if (token === '\n') {
      row += 1
      col = 0
      while (lines.length <= row) lines.push('')
    } else if (token === '\r') col = 0
    else if (token.startsWith('\x1b[')) {
      const final = token.at(-1)
      const n = Number(token.slice(2, -1) || '1')
      if (final === 'A') row = Math.max(0, row - n)
      else if (final === 'J') {
        lines.splice(row + 1)
        lines[row] = (lines[row] ?? '').slice(0, col)
      } else if (final === 'K') lines[row] = (lines[row] ?? '').slice(0, col)
      // m (colours) and anything else change nothing that is read here.
    } else {
      const chars = graphemes(token)
      const line = graphemes(lines[row] ?? '')
      while (line.length < col) line.push(' ')
      line.splice(col, chars.length, ...chars)
      lines[row] = line.join('')
      col += chars.length
    }
  }
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  return lines
}

function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter().segment(text), ({ segment }) => segment)
}
