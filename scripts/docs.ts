// `npm run docs`: rewrites what is generated from action.yml, formatted with Prettier so
// `prettier --check` stays clean: the README's commented usage block (between
// `<!-- usage:start -->` and `<!-- usage:end -->`), the inputs and outputs tables of
// docs/reference.md (between `<!-- inputs:start -->` / `<!-- inputs:end -->` and
// `<!-- outputs:start -->` / `<!-- outputs:end -->`), and src/cli/action-inputs.ts, from which
// the command line takes its flags and --help (so it needs no YAML reader at run time).
// `--check` only reports whether all are up to date (exit 1 if not).
import { readFile, writeFile } from 'node:fs/promises'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export const README = fileURLToPath(new URL('../README.md', import.meta.url))
export const REFERENCE = fileURLToPath(new URL('../docs/reference.md', import.meta.url))
export const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url))
export const ACTION_INPUTS_MODULE = fileURLToPath(
  new URL('../src/cli/action-inputs.ts', import.meta.url)
)

/** What the usage block's `uses:` line names. */
export const USES = 'OWNER/unstructured-connection-check@v1'

interface ActionYml {
  inputs?: Record<
    string,
    { description?: string; required?: boolean; default?: string | number | boolean }
  >
  outputs?: Record<string, { description?: string }>
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** The inputs table: input, default ("(required)" when required without one), description. */
export function inputsTable(action: ActionYml): string {
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback =
      input.default === undefined
        ? input.required === true
          ? '(required)'
          : ''
        : `\`${String(input.default) === '' ? "''" : String(input.default)}\``
    return [`\`${name}\``, fallback, cell(input.description ?? '')]
  })
  return table(['input', 'default', 'description'], rows)
}

/** The outputs table: output, description. */
export function outputsTable(action: ActionYml): string {
  const rows = Object.entries(action.outputs ?? {}).map(([name, output]) => [
    `\`${name}\``,
    cell(output.description ?? '')
  ])
  return table(['output', 'description'], rows)
}

/**
 * A description's first sentence: up to the first full stop that a capital letter or a back
 * quote follows, so that "e.g. `x`" inside it does not end it.
 */
export function firstSentence(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim()
  const end = /(?<!\be\.g|\bi\.e)\.(?= [A-Z`])/.exec(text)
  return end === null ? text : text.slice(0, end.index + 1)
}

/** Words of `text` in comment lines of at most `width` characters, each starting `prefix`. */
function commentLines(text: string, prefix: string, width: number): string[] {
  const lines: string[] = []
  let line = prefix
  for (const word of text.split(' ')) {
    if (line !== prefix && line.length + 1 + word.length > width) {
      lines.push(line)
      line = prefix
    }
    line = line === prefix ? `${prefix}${word}` : `${line} ${word}`
  }
  lines.push(line)
  return lines
}

/** A YAML scalar for the usage block: quoted unless it is a plain word or number. */
function yamlValue(value: string): string {
  // true and false stay plain: the runner hands every input over as a string anyway.
  return /^[A-Za-z0-9_./:-]+$/.test(value) && !/^(null|~)$/i.test(value)
    ? value
    : `'${value.replace(/'/g, "''")}'`
}

/**
 * The README's usage block, in the shape of actions/checkout's: every input in action.yml's
 * order, the first sentence of its description above it, and its default as its value.
 */
export function usageBlock(action: ActionYml): string {
  const lines = [`- uses: ${USES}`, '  with:']
  const entries = Object.entries(action.inputs ?? {})
  entries.forEach(([name, input], index) => {
    lines.push(...commentLines(firstSentence(input.description ?? ''), '    # ', 100))
    if (input.default !== undefined) {
      lines.push(`    ${name}: ${yamlValue(String(input.default))}`)
    } else if (name === 'api-key') {
      lines.push('    # Required.', `    ${name}: \${{ secrets.UNSTRUCTURED_API_KEY }}`)
    } else {
      lines.push(input.required === true ? '    # Required.' : '    # No default.', `    ${name}:`)
    }
    if (index < entries.length - 1) lines.push('')
  })
  return [
    '```yaml',
    '# Each value shown is the default, unless the input is required.',
    ...lines,
    '```'
  ].join('\n')
}

function replaceBetween(text: string, file: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`${file}: markers ${start} ... ${end} not found`)
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`
}

async function formatted(text: string, file: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {}
  return prettier.format(text, { ...options, filepath: file })
}

/** The README with its usage block generated from action.yml, formatted as Prettier would. */
export async function generateReadme(readme: string, actionYml: string): Promise<string> {
  const action = parse(actionYml) as ActionYml
  return formatted(replaceBetween(readme, 'README.md', 'usage', usageBlock(action)), README)
}

/** docs/reference.md with both tables generated from action.yml. */
export async function generateReference(reference: string, actionYml: string): Promise<string> {
  const action = parse(actionYml) as ActionYml
  let text = replaceBetween(reference, 'docs/reference.md', 'inputs', inputsTable(action))
  text = replaceBetween(text, 'docs/reference.md', 'outputs', outputsTable(action))
  return formatted(text, REFERENCE)
}

/** The command line's copy of action.yml's inputs, as a TypeScript module. */
export async function generateActionInputs(actionYml: string): Promise<string> {
  const action = parse(actionYml) as ActionYml
  const entries = Object.entries(action.inputs ?? {}).map(([name, input]) => ({
    name,
    description: (input.description ?? '').replace(/\s+/g, ' ').trim(),
    required: input.required === true,
    // Left out when action.yml gives none (JSON.stringify drops undefined).
    default: input.default === undefined ? undefined : String(input.default)
  }))
  const text = [
    '// Generated from action.yml by `npm run docs` (scripts/docs.ts): edit action.yml, then run it.',
    '// The command line takes its flags and --help from here, not from YAML at run time.',
    '',
    'export interface ActionInput {',
    '  name: string',
    '  description: string',
    '  required: boolean',
    '  /** Absent when action.yml gives none. */',
    '  default?: string',
    '}',
    '',
    `export const ACTION_YML_INPUTS: readonly ActionInput[] = ${JSON.stringify(entries)}`,
    ''
  ].join('\n')
  const options = (await prettier.resolveConfig(ACTION_INPUTS_MODULE)) ?? {}
  return prettier.format(text, { ...options, filepath: ACTION_INPUTS_MODULE })
}

interface Generated {
  file: string
  label: string
  current: string
  generated: string
}

async function main(): Promise<number> {
  const [readme, reference, actionYml, module] = await Promise.all([
    readFile(README, 'utf8'),
    readFile(REFERENCE, 'utf8'),
    readFile(ACTION_YML, 'utf8'),
    readFile(ACTION_INPUTS_MODULE, 'utf8').catch(() => '')
  ])
  const all: Generated[] = [
    {
      file: README,
      label: "README.md's usage block",
      current: readme,
      generated: await generateReadme(readme, actionYml)
    },
    {
      file: REFERENCE,
      label: "docs/reference.md's inputs and outputs tables",
      current: reference,
      generated: await generateReference(reference, actionYml)
    },
    {
      file: ACTION_INPUTS_MODULE,
      label: 'src/cli/action-inputs.ts',
      current: module,
      generated: await generateActionInputs(actionYml)
    }
  ]
  const stale = all.filter((g) => g.generated !== g.current)
  if (stale.length === 0) {
    process.stdout.write(
      'README.md, docs/reference.md and src/cli/action-inputs.ts match action.yml.\n'
    )
    return 0
  }
  if (process.argv.includes('--check')) {
    for (const g of stale) {
      process.stderr.write(`${g.label}: differ from action.yml; run \`npm run docs\`.\n`)
    }
    return 1
  }
  for (const g of stale) {
    await writeFile(g.file, g.generated)
    process.stdout.write(`${g.label}: rewritten from action.yml.\n`)
  }
  return 0
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main()
}
