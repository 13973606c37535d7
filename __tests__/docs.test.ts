import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { ACTION_YML, README, generateReadme, inputsTable } from '../scripts/docs.js'

// The README's inputs and outputs tables are generated from action.yml by `npm run docs`.
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
