// `npm run docs`: rewrites what is generated from action.yml, formatted with Prettier so
// `prettier --check` stays clean: the README's inputs and outputs tables (between the
// `<!-- inputs:start -->` / `<!-- inputs:end -->` and `<!-- outputs:start -->` /
// `<!-- outputs:end -->` markers), and src/cli/action-inputs.ts, from which the command line
// takes its flags and --help (so it needs no YAML reader at run time).
// `--check` only reports whether both are up to date (exit 1 if not).
import { readFile, writeFile } from 'node:fs/promises'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export const README = fileURLToPath(new URL('../README.md', import.meta.url))
export const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url))
export const ACTION_INPUTS_MODULE = fileURLToPath(
  new URL('../src/cli/action-inputs.ts', import.meta.url)
)

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

function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`README.md: markers ${start} ... ${end} not found`)
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`
}

/** The README with both tables generated from action.yml, formatted as Prettier would. */
export async function generateReadme(readme: string, actionYml: string): Promise<string> {
  const action = parse(actionYml) as ActionYml
  let text = replaceBetween(readme, 'inputs', inputsTable(action))
  text = replaceBetween(text, 'outputs', outputsTable(action))
  const options = (await prettier.resolveConfig(README)) ?? {}
  return prettier.format(text, { ...options, filepath: README })
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
  const [readme, actionYml, module] = await Promise.all([
    readFile(README, 'utf8'),
    readFile(ACTION_YML, 'utf8'),
    readFile(ACTION_INPUTS_MODULE, 'utf8').catch(() => '')
  ])
  const all: Generated[] = [
    {
      file: README,
      label: "README.md's inputs and outputs tables",
      current: readme,
      generated: await generateReadme(readme, actionYml)
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
    process.stdout.write('README.md and src/cli/action-inputs.ts match action.yml.\n')
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
