import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  ACTION_INPUTS_MODULE,
  ACTION_YML,
  README,
  generateActionInputs,
  generateReadme,
  inputsTable
} from '../scripts/docs.js'
import { ACTION_YML_INPUTS } from '../src/cli/action-inputs.js'

// The README's inputs and outputs tables, and the command line's copy of the inputs, are
// generated from action.yml by `npm run docs`.
describe('README', () => {
  const readme = readFileSync(README, 'utf8')
  const actionYml = readFileSync(ACTION_YML, 'utf8')

  it('has the inputs and outputs tables `npm run docs` generates from action.yml', async () => {
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
    expect(generated).toContain('At most this many connector checks in flight')
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
      expect(readme).toContain(`| \`${name}\``)
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
