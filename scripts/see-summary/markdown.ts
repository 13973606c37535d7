// Markdown to HTML, as much of GitHub Flavored Markdown as a job summary needs to look as GitHub
// shows it. What matters most is GFM's rule for HTML: a block that starts with a block-level
// tag (or a lone complete tag) is passed through untouched up to the next blank line, so any
// Markdown inside it stays literal, while text after a blank line is Markdown again. Around
// that: ATX headings, paragraphs, lists, block quotes, fenced and indented code, tables,
// thematic breaks; inline code, emphasis, strikethrough, links, autolinks, inline HTML,
// entities, hard breaks. Left out, as no summary of ours uses them: reference links, setext
// headings, task lists, footnotes, and the finer points of emphasis.

/** CommonMark's HTML block kind 6: these tags start a block that ends at a blank line. */
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 ' +
    'h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup ' +
    'option p param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' ')
)

const ATTRIBUTE = `\\s+[A-Za-z_:][\\w.:-]*(?:\\s*=\\s*(?:[^\\s"'=<>\`]+|'[^']*'|"[^"]*"))?`
const OPEN_TAG = `<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\\s*\\/?>`
const CLOSE_TAG = `<\\/[A-Za-z][A-Za-z0-9-]*\\s*>`
const LONE_TAG = new RegExp(`^ {0,3}(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`)
const INLINE_HTML = new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG}|<!--[\\s\\S]*?-->)`)

const EMAIL_AUTOLINK =
  /^<([\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*)>/
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const QUOTE = /^ {0,3}> ?/
const ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])( {1,4}|$)/
const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const isBlank = (line: string): boolean => line.trim() === ''

/** How an HTML block that starts on this line ends, or undefined when no HTML block starts. */
function htmlBlock(line: string, inParagraph: boolean): RegExp | 'blank' | undefined {
  const text = line.replace(/^ {0,3}/, '')
  if (!text.startsWith('<')) return undefined
  if (/^<(script|pre|style|textarea)(\s|>|$)/i.test(text)) return /<\/(script|pre|style|textarea)>/i
  if (text.startsWith('<!--')) return /-->/
  if (text.startsWith('<?')) return /\?>/
  if (/^<![A-Za-z]/.test(text)) return />/
  if (text.startsWith('<![CDATA[')) return /\]\]>/
  const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(\s|\/?>|$)/.exec(text)?.[1]?.toLowerCase()
  if (tag !== undefined && BLOCK_TAGS.has(tag)) return 'blank'
  // A lone complete tag of any other name starts a block too, but cannot interrupt a paragraph.
  if (!inParagraph && LONE_TAG.test(line)) return 'blank'
  return undefined
}

/** Whether the line starts a block that ends a paragraph before it. */
function interrupts(line: string): boolean {
  if (FENCE.test(line) || HEADING.test(line) || BREAK.test(line) || QUOTE.test(line)) return true
  if (htmlBlock(line, true) !== undefined) return true
  // An item interrupts a paragraph only when it has text (and an ordered one only from 1).
  const item = ITEM.exec(line)
  if (item === null || line.slice(item[0].length).trim() === '') return false
  return /^[-+*]$/.test(item[2] ?? '') || /^1[.)]$/.test(item[2] ?? '')
}

function splitRow(line: string): string[] {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1)
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < row.length; i += 1) {
    const char = row.charAt(i)
    if (char === '\\' && row.charAt(i + 1) === '|') {
      cell += '|'
      i += 1
    } else if (char === '|') {
      cells.push(cell.trim())
      cell = ''
    } else {
      cell += char
    }
  }
  cells.push(cell.trim())
  return cells
}

function table(header: string, delimiter: string, rows: string[]): string {
  const aligns = splitRow(delimiter).map((cell) => {
    const left = cell.startsWith(':')
    const right = cell.endsWith(':')
    return left && right ? 'center' : right ? 'right' : left ? 'left' : ''
  })
  const line = (cells: string[], tag: 'th' | 'td'): string =>
    `<tr>${aligns
      .map((align, i) => {
        const attribute = align === '' ? '' : ` align="${align}"`
        return `<${tag}${attribute}>${inline(cells[i] ?? '')}</${tag}>`
      })
      .join('')}</tr>`
  const body = rows.map((row) => line(splitRow(row), 'td')).join('\n')
  return [
    '<table>',
    `<thead>\n${line(splitRow(header), 'th')}\n</thead>`,
    ...(rows.length === 0 ? [] : [`<tbody>\n${body}\n</tbody>`]),
    '</table>'
  ].join('\n')
}

/** A list starting at lines[start]: its HTML and the index of the first line after it. */
function list(lines: string[], start: number): { html: string; next: number } {
  const first = ITEM.exec(lines[start] ?? '')
  const ordered = /\d/.test(first?.[2] ?? '')
  const marker = (first?.[2] ?? '-').replace(/\d+/, '')
  const items: string[][] = []
  let loose = false
  let i = start
  while (i < lines.length) {
    const match = ITEM.exec(lines[i] ?? '')
    if (match === null || (match[2] ?? '').replace(/\d+/, '') !== marker) break
    const rest = (lines[i] ?? '').slice(match[0].length)
    const indent =
      rest === '' ? (match[1] ?? '').length + (match[2] ?? '').length + 1 : match[0].length
    const item = [rest]
    i += 1
    while (i < lines.length) {
      const line = lines[i] ?? ''
      if (isBlank(line)) {
        // A blank line inside the list: the item goes on only if what follows is indented.
        const following = lines[i + 1] ?? ''
        if (isBlank(following) || following.search(/\S/) < indent) break
        item.push('')
        loose = true
      } else if (line.search(/\S/) >= indent) {
        item.push(line.slice(indent))
      } else if (ITEM.test(line) || interrupts(line) || item[item.length - 1] === '') {
        break
      } else {
        item.push(line) // a lazy continuation of the item's paragraph
      }
      i += 1
    }
    items.push(item)
    // A blank line between two items makes the list loose.
    if (isBlank(lines[i] ?? '') && ITEM.test(lines[i + 1] ?? '')) {
      const next = ITEM.exec(lines[i + 1] ?? '')
      if ((next?.[2] ?? '').replace(/\d+/, '') === marker) {
        loose = true
        i += 1
      }
    }
  }
  const rendered = items.map((item) => {
    const blocks = renderBlocks(item)
    const shown = loose ? blocks : blocks.map((b) => b.replace(/^<p>([\s\S]*)<\/p>$/, '$1'))
    return `<li>${shown.join('\n')}</li>`
  })
  const startAt = Number.parseInt(first?.[2] ?? '1', 10)
  const open = ordered ? (startAt === 1 ? '<ol>' : `<ol start="${String(startAt)}">`) : '<ul>'
  return { html: [open, ...rendered, ordered ? '</ol>' : '</ul>'].join('\n'), next: i }
}

/** The blocks of `lines`, each as HTML. */
function renderBlocks(lines: string[]): string[] {
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i] ?? ''
    if (isBlank(line)) {
      i += 1
      continue
    }
    const htmlEnd = htmlBlock(line, false)
    if (htmlEnd !== undefined) {
      const block: string[] = []
      while (i < lines.length) {
        const current = lines[i] ?? ''
        if (htmlEnd === 'blank' && isBlank(current)) break
        block.push(current)
        i += 1
        if (htmlEnd !== 'blank' && htmlEnd.test(current)) break
      }
      out.push(block.join('\n'))
      continue
    }
    const fence = FENCE.exec(line)
    if (fence !== null && !((fence[2] ?? '').startsWith('`') && (fence[3] ?? '').includes('`'))) {
      const [, indent = '', mark = '```', info = ''] = fence
      const code: string[] = []
      i += 1
      while (i < lines.length) {
        const current = lines[i] ?? ''
        const close = new RegExp(
          `^ {0,3}${mark.charAt(0) === '`' ? '`' : '~'}{${String(mark.length)},}\\s*$`
        )
        i += 1
        if (close.test(current)) break
        code.push(current.replace(new RegExp(`^ {0,${String(indent.length)}}`), ''))
      }
      const language = info.trim().split(/\s+/)[0] ?? ''
      const attribute = language === '' ? '' : ` class="language-${escapeHtml(language)}"`
      out.push(
        `<pre><code${attribute}>${escapeHtml(code.map((c) => `${c}\n`).join(''))}</code></pre>`
      )
      continue
    }
    const heading = HEADING.exec(line)
    if (heading !== null) {
      const level = String((heading[1] ?? '#').length)
      out.push(`<h${level}>${inline(heading[2] ?? '')}</h${level}>`)
      i += 1
      continue
    }
    if (BREAK.test(line)) {
      out.push('<hr>')
      i += 1
      continue
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = []
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(QUOTE, ''))
        i += 1
      }
      out.push(`<blockquote>\n${renderBlocks(quoted).join('\n')}\n</blockquote>`)
      continue
    }
    if (ITEM.test(line)) {
      const { html, next } = list(lines, i)
      out.push(html)
      i = next
      continue
    }
    if (line.startsWith('    ')) {
      const code: string[] = []
      while (i < lines.length && (lines[i]?.startsWith('    ') || isBlank(lines[i] ?? ''))) {
        code.push((lines[i] ?? '').slice(4))
        i += 1
      }
      while (code.length > 0 && isBlank(code[code.length - 1] ?? '')) code.pop()
      out.push(`<pre><code>${escapeHtml(code.map((c) => `${c}\n`).join(''))}</code></pre>`)
      continue
    }
    const next = lines[i + 1] ?? ''
    if (line.includes('|') && DELIMITER_ROW.test(next)) {
      const count = splitRow(line).length
      if (splitRow(next).length === count) {
        const rows: string[] = []
        i += 2
        while (i < lines.length && !isBlank(lines[i] ?? '') && !interrupts(lines[i] ?? '')) {
          rows.push(lines[i] ?? '')
          i += 1
        }
        out.push(table(line, next, rows))
        continue
      }
    }
    const paragraph = [line]
    i += 1
    while (i < lines.length && !isBlank(lines[i] ?? '') && !interrupts(lines[i] ?? '')) {
      paragraph.push(lines[i] ?? '')
      i += 1
    }
    out.push(
      `<p>${inline(
        paragraph
          .map((p) => p.trimStart())
          .join('\n')
          .trimEnd()
      )}</p>`
    )
  }
  return out
}

/**
 * Inline Markdown. Code spans, inline HTML, autolinks, entities and escapes are set aside first
 * (as \uE000n\uE000, a private-use mark), so that nothing inside them is read as emphasis or
 * escaped again; then the rest is escaped and its emphasis, links and breaks are marked up.
 */
export function inline(text: string): string {
  const kept: string[] = []
  const keep = (html: string): string => `\uE000${String(kept.push(html) - 1)}\uE000`
  let rest = ''
  let i = 0
  while (i < text.length) {
    const char = text.charAt(i)
    const tail = text.slice(i)
    if (char === '\uE000') {
      // The placeholders' own mark, should the text hold it, is kept as it is.
      rest += keep(char)
      i += 1
    } else if (char === '\\' && tail.charAt(1) === '\n') {
      rest += keep('<br>\n')
      i += 2
    } else if (char === '\\' && /^[!-/:-@[-`{-~]$/.test(tail.charAt(1))) {
      rest += keep(escapeHtml(tail.charAt(1)))
      i += 2
    } else if (char === '`') {
      const run = /^`+/.exec(tail)?.[0] ?? '`'
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g')
      close.lastIndex = run.length
      const end = close.exec(tail)
      if (end === null) {
        rest += escapeHtml(run)
        i += run.length
      } else {
        let code = tail.slice(run.length, end.index).replace(/\n/g, ' ')
        if (/^ [\s\S]*\S[\s\S]* $/.test(code)) code = code.slice(1, -1)
        rest += keep(`<code>${escapeHtml(code)}</code>`)
        i += end.index + run.length
      }
    } else if (char === '<') {
      const autolink = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(tail)
      const email = EMAIL_AUTOLINK.exec(tail)
      const html = INLINE_HTML.exec(tail)
      if (autolink !== null) {
        const url = autolink[1] ?? ''
        rest += keep(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`)
        i += autolink[0].length
      } else if (email !== null) {
        const address = email[1] ?? ''
        rest += keep(`<a href="mailto:${escapeHtml(address)}">${escapeHtml(address)}</a>`)
        i += email[0].length
      } else if (html !== null) {
        rest += keep(html[0])
        i += html[0].length
      } else {
        rest += char
        i += 1
      }
    } else if (char === '&') {
      const entity = /^&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});/.exec(tail)
      rest += entity === null ? char : keep(entity[0])
      i += entity === null ? 1 : entity[0].length
    } else {
      rest += char
      i += 1
    }
  }
  let html = escapeHtml(rest)
  html = html.replace(
    /(!?)\[([^\]]*)\]\(\s*([^\s)]*)(?:\s+&quot;([^"]*?)&quot;)?\s*\)/g,
    (_match, bang: string, label: string, url: string, title: string | undefined) => {
      const titled = title === undefined ? '' : ` title="${title}"`
      return bang === '!'
        ? `<img src="${url}" alt="${label}"${titled}>`
        : `<a href="${url}"${titled}>${label}</a>`
    }
  )
  // GFM's extended autolinks: a bare URL becomes a link, without trailing punctuation.
  html = html.replace(
    /(^|[\s(])((?:https?:\/\/|www\.)[^\s<\uE000]*[^\s<\uE000.,:;"')\]!?*_~])/g,
    (_match, before: string, url: string) =>
      `${before}<a href="${url.startsWith('www.') ? 'http://' : ''}${url}">${url}</a>`
  )
  html = html
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/\*(?=[^\s*])([\s\S]*?[^\s*])\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_(?=[^\s_])([\s\S]*?[^\s_])_(?!\w)/g, '$1<em>$2</em>')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>')
    .replace(/ {2,}\n/g, '<br>\n')
  return html.replace(/\uE000(\d+)\uE000/g, (_match, n: string) => kept[Number(n)] ?? '')
}

/** A whole Markdown document (a job summary, say) as HTML. */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n')
  return renderBlocks(lines).join('\n')
}
