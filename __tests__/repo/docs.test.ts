import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  ACTION_INPUTS_MODULE,
  ACTION_YML,
  README,
  REFERENCE,
  USES,
  firstSentence,
  generateActionInputs,
  generateReadme,
  generateReference,
  inputsTable,
  usageBlock
} from '../../scripts/docs.js'
import { ACTION_YML_INPUTS } from '../../src/cli/action-inputs.js'

// The README's usage block, docs/reference.md's inputs and outputs tables, and the command line's
// copy of the inputs are generated from action.yml by `npm run docs`.
describe('README', () => {
  const readme = readFileSync(README, 'utf8')
  const actionYml = readFileSync(ACTION_YML, 'utf8')

  it('has the usage block `npm run docs` generates from action.yml', async () => {
    // If this fails, run `npm run docs` and commit README.md.
    expect(await generateReadme(readme, actionYml)).toBe(readme)
  })

  it('notices a description that changed in action.yml', async () => {
    const changed = actionYml.replace(
      'Most connector checks in flight at once',
      'At most this many connector checks in flight'
    )
    expect(changed).not.toBe(actionYml)
    const generated = await generateReadme(readme, changed)
    expect(generated).not.toBe(readme)
    expect(generated).toContain('# At most this many connector checks in flight')
  })

  it('names every input of action.yml in the usage block, with its default as its value', () => {
    const action = parse(actionYml) as {
      inputs: Record<string, { default?: string }>
    }
    const block = readme.slice(
      readme.indexOf('<!-- usage:start -->'),
      readme.indexOf('<!-- usage:end -->')
    )
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(block).toMatch(new RegExp(`^    ${name}:`, 'm'))
      if (input.default !== undefined && /^[0-9a-z]+$/.test(input.default)) {
        expect(block).toContain(`    ${name}: ${input.default}\n`)
      }
    }
  })

  it('names every input and output of action.yml in code in its prose, beside the usage block', () => {
    const action = parse(actionYml) as {
      inputs: Record<string, unknown>
      outputs: Record<string, unknown>
    }
    const prose = readme.slice(readme.indexOf('<!-- usage:end -->'))
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(prose).toContain(`\`${name}\``)
    }
  })

  it('keeps the set-up commands word for word, and stays under 1,200 words', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm ci && npm test')
    expect(readme.split(/\s+/).filter((word) => word !== '').length).toBeLessThan(1200)
  })
})

describe('the usage block', () => {
  it('takes the first sentence of each description, a default as the value, and quotes where YAML needs it', () => {
    const block = usageBlock({
      inputs: {
        'api-key': { description: 'The key. Pass it from a secret.', required: true },
        names: { description: 'Names, e.g. `a-*`, one per line. More here.', default: '' },
        flag: { description: 'On or off.', default: 'true' },
        timeout: { description: 'Seconds (at most 6 hours). Shared.', default: '300' }
      }
    })
    expect(block.split('\n')).toEqual([
      '```yaml',
      '# Each value shown is the default, unless the input is required.',
      `- uses: ${USES}`,
      '  with:',
      '    # The key.',
      '    # Required.',
      '    api-key: ${{ secrets.UNSTRUCTURED_API_KEY }}',
      '',
      '    # Names, e.g. `a-*`, one per line.',
      "    names: ''",
      '',
      '    # On or off.',
      '    flag: true',
      '',
      '    # Seconds (at most 6 hours).',
      '    timeout: 300',
      '```'
    ])
  })

  it('wraps a long sentence into comment lines of at most 100 characters', () => {
    const sentence = `${'word '.repeat(60).trim()}.`
    expect(firstSentence(`${sentence} Second.`)).toBe(sentence)
    const lines = usageBlock({ inputs: { long: { description: sentence, default: '1' } } })
      .split('\n')
      .filter((line) => line.startsWith('    #'))
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100)
    expect(lines.map((line) => line.slice(6)).join(' ')).toBe(sentence)
  })
})

describe('docs/reference.md', () => {
  const reference = readFileSync(REFERENCE, 'utf8')
  const actionYml = readFileSync(ACTION_YML, 'utf8')

  it('has the inputs and outputs tables `npm run docs` generates from action.yml', async () => {
    // If this fails, run `npm run docs` and commit docs/reference.md.
    expect(await generateReference(reference, actionYml)).toBe(reference)
  })

  it('shows each default, and (required) for a required input without one', () => {
    const table = inputsTable({
      inputs: {
        key: { description: 'The key.', required: true },
        ids: { description: 'Ids | several.', default: '' },
        timeout: { description: 'Seconds.', default: '300' }
      }
    })
    expect(table.split('\n')).toEqual([
      '| input | default | description |',
      '| --- | --- | --- |',
      '| `key` | (required) | The key. |',
      "| `ids` | `''` | Ids \\| several. |",
      '| `timeout` | `300` | Seconds. |'
    ])
  })

  it('names every input and output of action.yml', () => {
    const action = parse(actionYml) as {
      inputs: Record<string, unknown>
      outputs: Record<string, unknown>
    }
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(reference).toContain(`| \`${name}\``)
    }
  })
})

describe('src/cli/action-inputs.ts', () => {
  const actionYml = readFileSync(ACTION_YML, 'utf8')

  it('is what `npm run docs` generates from action.yml', async () => {
    // If this fails, run `npm run docs` and commit src/cli/action-inputs.ts.
    expect(await generateActionInputs(actionYml)).toBe(readFileSync(ACTION_INPUTS_MODULE, 'utf8'))
  })

  it('notices an input added to action.yml', async () => {
    const changed = actionYml.replace(
      '\noutputs:',
      "  extra-input:\n    description: Something new.\n    default: '7'\n\noutputs:"
    )
    const generated = await generateActionInputs(changed)
    expect(generated).not.toBe(readFileSync(ACTION_INPUTS_MODULE, 'utf8'))
    expect(generated).toContain("name: 'extra-input'")
  })

  it('holds every input with its description, whether it is required, and its default', () => {
    const action = parse(actionYml) as {
      inputs: Record<string, { description: string; required?: boolean; default?: string }>
    }
    expect(ACTION_YML_INPUTS).toEqual(
      Object.entries(action.inputs).map(([name, input]) => ({
        name,
        description: input.description.replace(/\s+/g, ' ').trim(),
        required: input.required === true,
        default: input.default
      }))
    )
  })
})

describe('links between the documents', () => {
  const root = dirname(README)
  const documents = [
    'README.md',
    'RELEASING.md',
    'BENCHMARKS.md',
    ...readdirSync(join(root, 'docs')).map((file) => `docs/${file}`)
  ]

  it.each(documents)('%s links only to files that exist', (document) => {
    const text = readFileSync(join(root, document), 'utf8')
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((match) => match[1] ?? '')
      .filter((target) => !/^([a-z]+:|#|\.\.\/\.\.\/actions)/.test(target))
      .map((target) => target.replace(/#.*$/, ''))
    const missing = targets.filter((target) => !existsSync(join(root, dirname(document), target)))
    expect(missing).toEqual([])
  })
})
