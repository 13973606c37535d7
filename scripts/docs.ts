// `npm run docs`: rewrites the README's inputs and outputs tables from action.yml, between the
// `<!-- inputs:start -->` / `<!-- inputs:end -->` and `<!-- outputs:start -->` /
// `<!-- outputs:end -->` markers, formatted with Prettier so `prettier --check` stays clean.
// `--check` only reports whether the README is up to date (exit 1 if not).
import { readFile, writeFile } from 'node:fs/promises'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export const README = fileURLToPath(new URL('../README.md', import.meta.url))
export const ACTION_YML = fileURLToPath(new URL('../action.yml', import.meta.url))

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

async function main(): Promise<number> {
  const [readme, actionYml] = await Promise.all([
    readFile(README, 'utf8'),
    readFile(ACTION_YML, 'utf8')
  ])
  const generated = await generateReadme(readme, actionYml)
  if (generated === readme) {
    process.stdout.write('README.md: the inputs and outputs tables match action.yml.\n')
    return 0
  }
  if (process.argv.includes('--check')) {
    process.stderr.write(
      'README.md: the inputs/outputs tables differ from action.yml; run `npm run docs`.\n'
    )
    return 1
  }
  await writeFile(README, generated)
  process.stdout.write('README.md: rewrote the inputs and outputs tables from action.yml.\n')
  return 0
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main()
}
