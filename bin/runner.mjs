// Runs the bundled action (dist/index.js) the way a GitHub runner does, outside GitHub, and
// renders what it left as plain text: the log with workflow commands turned into readable lines,
// the step outputs, and the job summary. Shared by the CLI (bin/connection-check.mjs) and the
// demo (scripts/demo.ts). Plain ESM JavaScript with no dependencies, so it runs with Node alone.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { constants, tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, URL } from 'node:url'
import { parseArgs } from 'node:util'

export const ACTION_DIR = fileURLToPath(new URL('..', import.meta.url))
export const ACTION_YML = path.join(ACTION_DIR, 'action.yml')
// The tests point the CLI at their bundle of the current src/ rather than the committed dist/.
export const BUNDLE = process.env.CONNCHECK_BUNDLE_DIR
  ? path.join(process.env.CONNCHECK_BUNDLE_DIR, 'action', 'index.js')
  : path.join(ACTION_DIR, 'dist', 'index.js')

/** Environment variables the CLI reads. */
export const KEY_ENV = 'UNSTRUCTURED_API_KEY'
export const URL_ENV = 'UNSTRUCTURED_API_URL'

/** Inputs that take several ids: their flags may be repeated. */
const LIST_INPUTS = new Set(['source-id', 'destination-id'])

const RULE_WIDTH = 72

// ---------------------------------------------------------------------------------------------
// action.yml

/**
 * Reads the inputs and outputs of an action.yml. A small reader for the subset of YAML that
 * action metadata uses (mappings, plain and quoted scalars, block scalars), so the CLI needs no
 * YAML package at run time; a test checks it against a full YAML parser.
 */
export function parseActionYaml(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const sections = { inputs: [], outputs: [] }
  let section
  let entry
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]
    if (/^\s*(#.*)?$/.test(line)) continue
    const indent = line.length - line.trimStart().length
    const match = /^([A-Za-z0-9_-]+|'[^']*'|"[^"]*"):(?:\s+(.*))?$/.exec(line.trim())
    if (indent === 0) {
      section = match && (match[1] === 'inputs' || match[1] === 'outputs') ? match[1] : undefined
      entry = undefined
      continue
    }
    if (section === undefined) continue
    if (match === null) throw new Error(`action.yml line ${i + 1}: cannot read ${line.trim()}`)
    const key = unquote(match[1])
    if (indent === 2) {
      entry = { name: key }
      sections[section].push(entry)
      continue
    }
    if (indent !== 4 || entry === undefined) continue
    const raw = (match[2] ?? '').trim()
    const more = []
    while (i + 1 < lines.length) {
      const next = lines[i + 1]
      const nextIndent = next.length - next.trimStart().length
      if (next.trim() !== '' && nextIndent <= indent) break
      more.push(next)
      i += 1
    }
    entry[key] = scalar(raw, more, i + 1)
  }
  const input = (e) => ({
    name: e.name,
    description: String(e.description ?? ''),
    required: e.required === true || e.required === 'true',
    default: e.default === undefined ? undefined : String(e.default)
  })
  const output = (e) => ({ name: e.name, description: String(e.description ?? '') })
  return { inputs: sections.inputs.map(input), outputs: sections.outputs.map(output) }
}

function unquote(text) {
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'")
  if (text.startsWith('"')) return JSON.parse(text)
  return text
}

function scalar(raw, more, lineNumber) {
  const block = /^([|>])([+-]?)$/.exec(raw)
  if (block) {
    const body = more.map((l) => l.replace(/\s+$/, ''))
    const width = Math.min(
      ...body.filter((l) => l !== '').map((l) => l.length - l.trimStart().length)
    )
    const content = body.map((l) => l.slice(width))
    while (content.length > 0 && content.at(-1) === '') content.pop()
    let text
    if (block[1] === '|') text = content.join('\n')
    else {
      // Folded: single line breaks become spaces, blank lines become line breaks.
      text = content.reduce((acc, l, n) => {
        if (n === 0) return l
        if (l === '') return `${acc}\n`
        return acc.endsWith('\n') || acc === '' ? `${acc}${l}` : `${acc} ${l}`
      }, '')
    }
    return block[2] === '-' ? text : `${text}\n`
  }
  const rest = more.map((l) => l.trim()).filter((l) => l !== '')
  if (raw.startsWith("'") || raw.startsWith('"')) {
    const joined = [raw, ...rest].join(' ')
    if (!/^(['"]).*\1$/.test(joined)) throw new Error(`action.yml line ${lineNumber}: bad quote`)
    return unquote(joined)
  }
  const plain = [raw, ...rest].join(' ').replace(/\s+#.*$/, '')
  if (plain === 'true' || plain === 'false') return plain === 'true'
  return plain
}

let metadata
/** The inputs and outputs of this action's action.yml (read once). */
export function actionMetadata() {
  metadata ??= parseActionYaml(readFileSync(ACTION_YML, 'utf8'))
  return metadata
}

// ---------------------------------------------------------------------------------------------
// Command line

export class UsageError extends Error {}

function placeholder(name) {
  if (name.endsWith('-id')) return '<uuid>'
  if (name.endsWith('-seconds')) return '<seconds>'
  if (name === 'api-url') return '<url>'
  if (name === 'api-key') return '<key>'
  return '<n>'
}

/**
 * Maps command-line flags and environment variables to the action's inputs. Flags win over
 * environment variables, which win over action.yml's defaults.
 */
export function parseArguments(argv, env = process.env) {
  const { inputs } = actionMetadata()
  const options = {
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' }
  }
  for (const input of inputs) {
    options[input.name] = { type: 'string', multiple: LIST_INPUTS.has(input.name) }
  }
  let values
  try {
    ;({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) return { command: 'help' }
  if (values.version) return { command: 'version' }

  const warnings = []
  const given = {}
  for (const input of inputs) {
    const value = values[input.name]
    if (value !== undefined) given[input.name] = Array.isArray(value) ? value.join('\n') : value
  }
  if (given['api-key'] !== undefined) {
    warnings.push(
      `--api-key puts the key in your shell history and the process list; prefer ${KEY_ENV}.`
    )
  } else if (env[KEY_ENV]) given['api-key'] = env[KEY_ENV]
  if (given['api-url'] === undefined && env[URL_ENV]) given['api-url'] = env[URL_ENV]

  if (!given['api-key']) {
    throw new UsageError(`No API key: set ${KEY_ENV} (or pass --api-key).`)
  }
  if (!['source-id', 'destination-id', 'workflow-id'].some((name) => given[name])) {
    throw new UsageError('Nothing to check: give --source-id, --destination-id or --workflow-id.')
  }
  const debug = values.debug === true || env.RUNNER_DEBUG === '1'
  return { command: 'run', inputs: withDefaults(given), debug, warnings }
}

/** Every input of action.yml, as a runner sets them: the given value, else the default. */
export function withDefaults(given) {
  const all = {}
  for (const input of actionMetadata().inputs) {
    all[input.name] = given[input.name] ?? input.default ?? ''
  }
  for (const [name, value] of Object.entries(given)) all[name] ??= value
  return all
}

function wrap(text, width, indent) {
  const lines = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line)
        line = word
      } else line = line === '' ? word : `${line} ${word}`
    }
    lines.push(indent + line)
  }
  return lines.join('\n')
}

/** The --help text; every input's flag and default come from action.yml. */
export function helpText(command = 'unstructured-connection-check') {
  const { inputs } = actionMetadata()
  const flags = inputs.map((input) => `--${input.name} ${placeholder(input.name)}`)
  const column = Math.max(...flags.map((flag) => flag.length)) + 4
  const entry = (flag, note, description) =>
    note === ''
      ? `  ${flag.padEnd(column)}${description}`
      : `  ${flag.padEnd(column)}${note}\n${wrap(description, 96, '      ')}`
  const inputLines = inputs.map((input, i) => {
    let note = `default: ${input.default ? input.default : 'none'}`
    let description = input.description
    if (input.name === 'api-key') {
      note = `default: $${KEY_ENV}${input.required ? ' (required)' : ''}`
      description += ` Prefer the ${KEY_ENV} environment variable: a flag shows up in shell history and the process list.`
    } else if (input.name === 'api-url') {
      note = `default: $${URL_ENV}, else ${input.default ?? 'none'}`
    } else if (input.required && !input.default) note = 'required'
    if (LIST_INPUTS.has(input.name)) note += ' (repeatable)'
    return entry(flags[i], note, description)
  })
  return [
    `Usage: ${command} [options]`,
    '       npm start -- [options]',
    '',
    wrap(
      'Checks Unstructured Platform connectors with the Unstructured Connection Check action, ' +
        'outside GitHub: runs the bundled action (dist/index.js) the way a runner does, prints ' +
        'its log, outputs and job summary as text, and exits with the step verdict.',
      96,
      ''
    ),
    '',
    'Action inputs (see action.yml):',
    ...inputLines,
    '',
    'Other options:',
    entry('--debug', '', "Also show the action's debug log (same as RUNNER_DEBUG=1)."),
    entry('-h, --help', '', 'Show this help.'),
    entry('--version', '', 'Show the version.'),
    '',
    'Environment:',
    `  ${KEY_ENV}   the API key (input api-key)`,
    `  ${URL_ENV}   the API base URL (input api-url) when --api-url is not given`,
    '  RUNNER_DEBUG=1         same as --debug',
    '  NO_COLOR               no colours, even on a terminal',
    '',
    'Exit status: 0 when every check passed; 1 when the step failed (the outcome output says',
    'why); 2 for a usage error.',
    '',
    'Example:',
    `  ${KEY_ENV}=... ${command} --source-id 5f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b`,
    ''
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Rendering

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1 }

function paint(color, text, enabled) {
  return enabled ? `\u001b[${ANSI[color]}m${text}\u001b[0m` : text
}

/** Columns a string takes in a terminal: emoji and East Asian wide characters take two. */
export function displayWidth(text) {
  let width = 0
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    if (/\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F/u.test(segment)) width += 2
    else if (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/u.test(segment))
      width += 2
    else if (/^\p{M}+$/u.test(segment)) continue
    else width += 1
  }
  return width
}

function padEnd(text, width) {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

/** A section rule: `── Title ─────`. */
export function rule(title) {
  const head = `── ${title} `
  return head + '─'.repeat(Math.max(3, RULE_WIDTH - displayWidth(head)))
}

function unescapeCommand(text) {
  const map = { 25: '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' }
  return text.replace(/%(25|0D|0A|3A|2C)/gi, (_, code) => map[code.toUpperCase()])
}

/**
 * Turns a log into readable text, line by line, as a runner would display it: workflow
 * commands (`::error title=T::msg`, groups, masks, debug) become plain lines, and every value
 * registered with `::add-mask::` (and any secret given up front) is replaced by `***`.
 */
export class LogRenderer {
  constructor({ debug = false, color = false, secrets = [] } = {}) {
    this.debug = debug
    this.color = color
    this.secrets = new Set(secrets.filter((s) => s !== ''))
    this.inGroup = false
    this.stopToken = undefined
  }

  /** Replaces every known secret by ***. */
  mask(text) {
    let masked = text
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      masked = masked.split(secret).join('***')
    }
    return masked
  }

  /** The text to show for one line of the log (without its newline), or undefined for none. */
  line(raw) {
    const text = raw.replace(/\r$/, '')
    if (this.stopToken !== undefined) {
      if (text === `::${this.stopToken}::`) this.stopToken = undefined
      return this.plain(text)
    }
    const command = /^::([A-Za-z][A-Za-z0-9-]*)(?:\s+(.*?))?::(.*)$/.exec(text)
    if (command === null) return this.plain(text)
    const [, name, props = '', rawMessage] = command
    const message = unescapeCommand(rawMessage)
    const properties = {}
    for (const pair of props.split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeCommand(pair.slice(eq + 1))
    }
    switch (name) {
      case 'add-mask':
        for (const part of [message, ...message.split(/\r?\n/)]) {
          if (part.trim() !== '') this.secrets.add(part)
        }
        return undefined
      case 'debug':
        return this.debug ? this.plain(paint('gray', `Debug: ${message}`, this.color)) : undefined
      case 'error':
      case 'warning':
      case 'notice': {
        const label = { error: 'Error', warning: 'Warning', notice: 'Notice' }[name]
        const colour = { error: 'red', warning: 'yellow', notice: 'cyan' }[name]
        const where = properties.file
          ? `${properties.file}${properties.line ? `:${properties.line}` : ''}: `
          : ''
        const title = properties.title ? `${properties.title}: ` : ''
        const body = message.split(/\r?\n/).join('\n  ')
        return this.plain(paint(colour, `${label}: ${where}${title}${body}`, this.color))
      }
      case 'group': {
        this.inGroup = false
        const heading = this.plain(paint('bold', `▸ ${message}`, this.color))
        this.inGroup = true
        return heading
      }
      case 'endgroup':
        this.inGroup = false
        return undefined
      case 'stop-commands':
        this.stopToken = message
        return undefined
      case 'echo':
      case 'save-state':
      case 'set-output':
      case 'add-matcher':
      case 'remove-matcher':
        return this.debug ? this.plain(paint('gray', text, this.color)) : undefined
      default:
        return this.plain(text)
    }
  }

  plain(text) {
    const masked = this.mask(text)
    return this.inGroup ? masked.replace(/^/gm, '  ') : masked
  }
}

/** Reads a GITHUB_OUTPUT file: `name<<DELIMITER` blocks and `name=value` lines. */
export function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      const stop = end === -1 ? lines.length : end
      outputs[heredoc[1]] = lines.slice(i + 1, stop).join('\n')
      i = stop
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return outputs
}

/** The outputs as aligned `name  value` lines, in action.yml's order; JSON pretty-printed. */
export function formatOutputs(outputs, order = actionMetadata().outputs.map((o) => o.name)) {
  const names = [
    ...order.filter((name) => name in outputs),
    ...Object.keys(outputs).filter((name) => !order.includes(name))
  ]
  if (names.length === 0) return '(none)'
  const width = Math.max(...names.map((name) => name.length)) + 2
  return names
    .map((name) => {
      const value = outputs[name]
      let shown = value === '' ? '(empty)' : value
      if (/^\s*[[{]/.test(value)) {
        try {
          shown = JSON.stringify(JSON.parse(value), null, 2)
        } catch {
          // Not JSON after all: shown as it is.
        }
      }
      return name.padEnd(width) + shown.split('\n').join(`\n${' '.repeat(width)}`)
    })
    .join('\n')
}

const ENTITIES = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  copy: '©'
}

/** Decodes HTML character references: named ones, `&#34;` and `&#x22;`. */
export function decodeEntities(text) {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))
      return Number.isSafeInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[ref.toLowerCase()] ?? whole
  })
}

/** Splits a line into lines of at most `width` columns, at spaces where it can. */
function wrapCell(line, width) {
  if (displayWidth(line) <= width) return [line]
  const lines = []
  let current = ''
  for (const word of line.split(' ')) {
    if (current !== '' && displayWidth(`${current} ${word}`) > width) {
      lines.push(current)
      current = word
    } else current = current === '' ? word : `${current} ${word}`
  }
  lines.push(current)
  return lines
}

/**
 * Rows of cells as aligned text, the first `headerRows` under a rule. A cell may hold several
 * lines; a line wider than `cellWidth` columns is wrapped at spaces.
 */
export function textTable(rows, headerRows = 0, cellWidth = 48) {
  const split = rows.map((row) =>
    row.map((cell) => cell.split('\n').flatMap((line) => wrapCell(line, cellWidth)))
  )
  const columns = Math.max(0, ...split.map((row) => row.length))
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...split.flatMap((row) => (row[c] ?? ['']).map(displayWidth)))
  )
  const out = []
  split.forEach((row, r) => {
    const height = Math.max(1, ...row.map((cell) => cell.length))
    for (let l = 0; l < height; l += 1) {
      const cells = widths.map((w, c) => padEnd(row[c]?.[l] ?? '', w))
      out.push(cells.join('  ').trimEnd())
    }
    if (r === headerRows - 1) out.push(widths.map((w) => '─'.repeat(w)).join('  '))
  })
  return out.join('\n')
}

/**
 * The job summary (HTML, as @actions/core writes it, or markdown) as readable text: headings
 * underlined, tables aligned, tags such as <code> stripped, entities decoded. Unclosed cells
 * (core writes an empty cell as a bare `<td>`) are closed as a browser would.
 */
export function summaryToText(html) {
  const blocks = []
  let inline = ''
  let heading = false
  let pre = false
  let table
  let row
  let cell
  const lists = []

  const flush = () => {
    const text = inline
      .split('\n')
      .map((l) => {
        const item = /^( *)((?:-|\d+\.) .*)$/.exec(l)
        const tidy = (t) => t.replace(/[ \t]+/g, ' ').trim()
        return item ? item[1] + tidy(item[2]) : tidy(l)
      })
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
    inline = ''
    if (text === '') return
    if (heading) blocks.push(`${text}\n${'─'.repeat(Math.min(RULE_WIDTH, displayWidth(text)))}`)
    else blocks.push(text)
  }
  const closeCell = () => {
    if (cell && row) row.cells.push(cell)
    cell = undefined
  }
  const closeRow = () => {
    closeCell()
    if (row && table) table.rows.push(row)
    row = undefined
  }
  const closeTable = () => {
    closeRow()
    if (!table) return
    const { rows } = table
    table = undefined
    const headerRows = rows.length > 0 && rows[0].cells.every((c) => c.header) ? 1 : 0
    const text = rows.map((r) =>
      r.cells.map((c) =>
        c.text
          .split('\n')
          .map((l) => l.replace(/\s+/g, ' ').trim())
          .join('\n')
          .trim()
      )
    )
    if (text.length > 0) blocks.push(textTable(text, headerRows))
  }

  const token =
    /<!--[\s\S]*?-->|<(\/?)([A-Za-z][A-Za-z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g
  for (const match of html.matchAll(token)) {
    const [, closing, rawTag, attributes, text] = match
    if (text !== undefined) {
      const decoded = decodeEntities(text)
      if (cell) cell.text += decoded.replace(/\s+/g, ' ')
      else if (table)
        continue // whitespace between rows
      else inline += pre ? decoded : decoded.replace(/[ \t\r]+/g, ' ')
      continue
    }
    if (rawTag === undefined) continue // a comment
    const tag = rawTag.toLowerCase()
    const close = closing === '/'
    switch (tag) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        flush()
        heading = !close
        break
      case 'p':
      case 'div':
      case 'details':
      case 'summary':
      case 'blockquote':
      case 'section':
        if (cell) cell.text += '\n'
        else flush()
        break
      case 'br':
        if (cell) cell.text += '\n'
        else inline += '\n'
        break
      case 'hr':
        flush()
        blocks.push('─'.repeat(RULE_WIDTH))
        break
      case 'pre':
        if (close) {
          blocks.push(inline.replace(/^\n+|\s+$/g, ''))
          inline = ''
        } else flush()
        pre = !close
        break
      case 'ul':
      case 'ol':
        if (cell) break
        // A list's items stay together in one block; the outermost list ends it.
        if (close) {
          lists.pop()
          if (lists.length === 0) flush()
        } else {
          if (lists.length === 0) flush()
          lists.push({ ordered: tag === 'ol', count: 0 })
        }
        break
      case 'li':
        if (cell) {
          cell.text += '\n'
          break
        }
        if (close || lists.length === 0) break
        {
          const list = lists[lists.length - 1]
          list.count += 1
          const indent = '  '.repeat(lists.length - 1)
          if (inline.trim() !== '') inline += '\n'
          else inline = ''
          inline += `${indent}${list.ordered ? `${list.count}.` : '-'} `
        }
        break
      case 'table':
        if (close) closeTable()
        else {
          flush()
          table = { rows: [] }
        }
        break
      case 'tr':
        if (close) closeRow()
        else if (table) {
          closeRow()
          row = { cells: [] }
        }
        break
      case 'td':
      case 'th':
        if (close) closeCell()
        else if (table) {
          closeCell()
          row ??= { cells: [] }
          cell = { text: '', header: tag === 'th' }
        }
        break
      case 'img': {
        const alt = /\balt\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attributes)
        const altText = decodeEntities(alt?.[2] ?? alt?.[3] ?? '')
        if (cell) cell.text += altText
        else inline += altText
        break
      }
      default:
      // Inline markup (code, b, strong, em, a, span, ...) is dropped, its text kept.
    }
  }
  closeTable()
  flush()
  return blocks.join('\n\n')
}

// ---------------------------------------------------------------------------------------------
// Running the bundle

/**
 * api-url with everything between the scheme and the last `@` replaced by `***`: the action's
 * own rule (redactUserinfo in src/api-url.ts), repeated here because this file runs without a
 * build step.
 */
export function redactUserinfo(raw) {
  const at = raw.lastIndexOf('@')
  if (at === -1) return raw
  const scheme = /^\s*https?:[/\\]*/i.exec(raw)?.[0] ?? ''
  return `${scheme}***${raw.slice(at)}`
}

function inputLines(inputs) {
  return Object.entries(inputs)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => {
      const shown = name === 'api-key' ? '***' : name === 'api-url' ? redactUserinfo(value) : value
      return `  ${name}: ${shown.split('\n').join(`\n  ${' '.repeat(name.length + 2)}`)}`
    })
}

/** Splits a stream into lines, calling `each` for every complete line and the last one at end. */
function lineSplitter(each) {
  let pending = ''
  return {
    push(chunk) {
      pending += chunk
      let newline = pending.indexOf('\n')
      while (newline !== -1) {
        each(pending.slice(0, newline))
        pending = pending.slice(newline + 1)
        newline = pending.indexOf('\n')
      }
    },
    end() {
      if (pending !== '') each(pending)
      pending = ''
    }
  }
}

/** The exit code a shell reports for a process ended by a signal: 128 + its number. */
function signalExitCode(signal) {
  return 128 + (constants.signals[signal] ?? 0)
}

/**
 * Runs dist/index.js as a runner does: a child process with every input as INPUT_<NAME>
 * (upper case, hyphens kept), and fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Streams
 * the log as readable text, then prints the outputs and the job summary, and returns them.
 */
export async function runAction(options) {
  const {
    inputs: given,
    debug = false,
    color = false,
    stdout = process.stdout,
    stderr = process.stderr,
    env: baseEnv = process.env,
    bundle = BUNDLE,
    forwardSignals = false,
    title = 'Unstructured Connection Check (dist/index.js)'
  } = options
  const inputs = withDefaults(given)
  const out = (text) => stdout.write(`${text}\n`)
  const renderer = new LogRenderer({ debug, color, secrets: [inputs['api-key'] ?? ''] })

  const dir = await mkdtemp(path.join(tmpdir(), 'connection-check-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  // Runners create both files before the step starts.
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')

  const env = {}
  for (const [name, value] of Object.entries(baseEnv)) {
    // The action reads only its INPUT_ variables; the CLI's own ones stay out of its way.
    if (value === undefined || name.startsWith('INPUT_')) continue
    if (name === KEY_ENV || name === URL_ENV || name === 'RUNNER_DEBUG') continue
    env[name] = value
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  env.GITHUB_OUTPUT = outputFile
  env.GITHUB_STEP_SUMMARY = summaryFile
  if (debug) env.RUNNER_DEBUG = '1'

  out(paint('bold', `Run ${title}`, color))
  for (const line of inputLines(inputs)) out(renderer.mask(line))
  out(rule('Log'))

  const started = performance.now()
  const child = spawn(process.execPath, [bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const logLines = lineSplitter((line) => {
    const shown = renderer.line(line)
    if (shown !== undefined) out(shown)
  })
  const errLines = lineSplitter((line) => stderr.write(`${renderer.mask(line)}\n`))
  child.stdout.setEncoding('utf8').on('data', (chunk) => logLines.push(chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk) => errLines.push(chunk))

  const forward = (signal) => {
    child.kill(signal)
  }
  const signals = forwardSignals ? ['SIGINT', 'SIGTERM'] : []
  for (const signal of signals) process.on(signal, forward)
  let ended
  try {
    ended = await new Promise((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code, signal) => resolve({ code, signal }))
    })
  } finally {
    for (const signal of signals) process.off(signal, forward)
  }
  logLines.end()
  errLines.end()
  const durationMs = performance.now() - started

  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
  for (const name of Object.keys(outputs)) outputs[name] = renderer.mask(outputs[name])
  const summary = renderer.mask(await readFile(summaryFile, 'utf8'))
  await rm(dir, { recursive: true, force: true })
  const summaryText = summaryToText(summary)

  out(rule('Outputs'))
  out(formatOutputs(outputs))
  out(rule('Job summary'))
  out(summaryText === '' ? '(empty)' : summaryText)
  out(rule('Result'))
  const exitCode = ended.code ?? signalExitCode(ended.signal)
  const outcome = outputs.outcome ? `, outcome ${outputs.outcome}` : ''
  const seconds = `${(durationMs / 1000).toFixed(1)} s`
  out(
    exitCode === 0
      ? paint('bold', `The step passed (exit code 0${outcome}) in ${seconds}.`, color)
      : paint(
          'red',
          `The step failed (exit code ${exitCode}${ended.signal ? `, ${ended.signal}` : ''}${outcome}) after ${seconds}.`,
          color
        )
  )
  return {
    exitCode,
    signal: ended.signal,
    outputs,
    summary,
    summaryText,
    durationMs
  }
}
