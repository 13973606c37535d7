import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { ACTION_INPUTS, OUTPUT_NAMES } from '../../src/action/names.js'

const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}

describe("the action's names", () => {
  it('are the outputs action.yml declares, each once', () => {
    expect([...OUTPUT_NAMES].sort()).toEqual(Object.keys(actionYml.outputs).sort())
  })

  it('name inputs as a workflow sets them', () => {
    expect(Object.keys(actionYml.inputs)).toContain('api-url')
    expect(ACTION_INPUTS.subject('api-url')).toBe("Input 'api-url'")
    expect(ACTION_INPUTS.ref('max-concurrency')).toBe("'max-concurrency'")
  })
})
