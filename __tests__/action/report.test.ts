import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { StepReport } from '../../src/engine/contract.js'
import { ANNOTATIONS_PER_STEP, Annotations } from '../../src/action/annotations.js'
import { OUTPUTS_BUDGET_BYTES, stepOutputs } from '../../src/action/outputs.js'
import type { Result } from '../../src/engine/contract.js'
import { runInProcess } from '../support/action-harness.js'
import { check, result as factory, stepOf } from '../support/results.js'
import { viewOf } from '../../src/report/view.js'
import { withSimulator } from '../support/runner.js'

let written: string[]
beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
})

const lines = (prefix: string): string[] =>
  written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith(prefix))

describe('Annotations', () => {
  it('shows nine of a kind, then plain lines, then one that counts them', () => {
    const annotations = new Annotations()
    for (let i = 1; i <= 12; i += 1) annotations.error(`connector ${i} failed`, 'Failed')
    for (let i = 1; i <= 11; i += 1) annotations.warning(`warning ${i}`, 'Odd')
    expect(lines('::error')).toHaveLength(ANNOTATIONS_PER_STEP - 1)
    expect(lines('Failed: connector ')).toEqual([
      'Failed: connector 10 failed',
      'Failed: connector 11 failed',
      'Failed: connector 12 failed'
    ])
    annotations.finish()
    expect(lines('::error')).toHaveLength(ANNOTATIONS_PER_STEP)
    expect(lines('::error').at(-1)).toMatch(/^::error title=3 more connectors did not pass::/)
    expect(lines('::warning')).toHaveLength(ANNOTATIONS_PER_STEP)
    expect(lines('::warning').at(-1)).toMatch(/^::warning title=2 more warnings::2 more warnings/)
  })

  it('shows the tenth itself when it is the only one held back', () => {
    const annotations = new Annotations()
    for (let i = 1; i <= 10; i += 1) annotations.error(`connector ${i} failed`, 'Failed')
    annotations.warning('only one', 'Odd')
    annotations.finish()
    expect(lines('::error').at(-1)).toBe('::error title=Failed::connector 10 failed')
    expect(lines('::warning')).toEqual(['::warning title=Odd::only one'])
  })
})

describe('verdict annotations', () => {
  const finished = (results: Result[]): string[] => {
    const annotations = new Annotations()
    for (const r of results) annotations.verdict(viewOf(r))
    annotations.finish()
    return lines('::')
  }

  it('rank FAILUREs before timeouts, whatever order they came in, with distinct titles', () => {
    const results = [
      ...Array.from({ length: 9 }, (_, i) => factory('timeout', { name: `slow-${i}` })),
      factory('failure', { name: 'orders', reason: 'Access Denied' }),
      factory('success', { name: 'fine' })
    ]
    const shown = finished(results)
    expect(shown).toHaveLength(ANNOTATIONS_PER_STEP)
    expect(shown[0]).toMatch(/^::error title=orders \(source [0-9a-f]{8}\)%3A title of failure::/)
    expect(shown[0]).toContain('%0ALikely cause: the IAM user or role lacks S3')
    const titles = shown.map((line) => /title=([^:]*)::/.exec(line)?.[1])
    expect(new Set(titles).size).toBe(titles.length)
    expect(shown.slice(1).every((line) => line.includes('%3A title of timeout::'))).toBe(true)
  })

  it('name the rest in the last one, failures first, with counts per outcome', () => {
    const results = [
      ...Array.from({ length: 8 }, (_, i) => factory('timeout', { name: `slow-${i}` })),
      ...Array.from({ length: 5 }, (_, i) => factory('failure', { name: `bad-${i}`, reason: 'x' }))
    ]
    const shown = finished(results)
    expect(shown).toHaveLength(ANNOTATIONS_PER_STEP)
    expect(shown.slice(0, 5).every((line) => line.includes('%3A title of failure::'))).toBe(true)
    const last = shown.at(-1) ?? ''
    expect(last).toMatch(/^::error title=4 more connectors did not pass%3A 4 timed out::/)
    expect(last).toContain('slow-4 (source')
    expect(last).toContain('slow-7 (source')
  })

  it('warn of a waived timeout and of a flaky pass, not as errors', () => {
    const waived = factory('timeout', { name: 'slow', extra: { waived: true } })
    const flaky = factory('success', { name: 'shaky' })
    flaky.failedBefore = [check('FAILURE', 'blip')]
    const shown = finished([flaky, waived])
    expect(shown).toEqual([
      expect.stringMatching(
        /^::warning title=slow \(source [0-9a-f]{8}\)%3A title of timeout \(waived\)::/
      ),
      expect.stringMatching(
        /^::warning title=shaky \(source [0-9a-f]{8}\)%3A Flaky connection check::.*is flaky/
      )
    ])
  })
})

describe('stepOutputs', () => {
  const result = (reason: string): Result => factory('failure', { reason, name: 'orders' })
  const step = (results: Result[]): StepReport => stepOf(results)

  it('keeps every entry when they fit', () => {
    const results = [result('a'), result('b')]
    const { outputs, kept } = stepOutputs(step(results), '/tmp/x.json')
    expect(kept).toBe(2)
    expect(outputs['check-id']?.split('\n')).toEqual(results.map((r) => r.run.created?.id))
    expect(outputs['results-file']).toBe('/tmp/x.json')
  })

  it("gives a FAILURE's entry its category, and a hint when the category is known", () => {
    const results = [
      result('AccessDenied'),
      result('Connection check failed'),
      factory('success', { name: 'ok' }),
      factory('timeout', { name: 'slow' })
    ]
    const { outputs } = stepOutputs(step(results), '/tmp/x.json')
    const entries = JSON.parse(outputs.results ?? '[]') as Record<string, unknown>[]
    expect(entries.map((e) => [e.category, e.hint])).toEqual([
      ['permissions', expect.stringMatching(/^Likely cause: the IAM user or role lacks S3/)],
      ['unknown', undefined],
      [undefined, undefined],
      [undefined, undefined]
    ])
    expect(Object.keys(entries[1] ?? {})).toContain('category')
    expect(Object.keys(entries[1] ?? {})).not.toContain('hint')
    expect(Object.keys(entries[2] ?? {})).not.toContain('category')
  })

  it('keeps the first entries that fit, and check-id lines to match', () => {
    const results = Array.from({ length: 300 }, () => result('€'.repeat(2000)))
    const { outputs, kept } = stepOutputs(step(results), '/tmp/x.json')
    const bytes = Object.entries(outputs).reduce(
      (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value) + 120,
      0
    )
    expect(bytes).toBeLessThanOrEqual(OUTPUTS_BUDGET_BYTES)
    expect(kept).toBeGreaterThan(100)
    expect(kept).toBeLessThan(300)
    const entries = JSON.parse(outputs.results ?? '[]') as { 'connector-id': string }[]
    expect(entries.map((e) => e['connector-id'])).toEqual(
      results.slice(0, kept).map((r) => r.connector.id)
    )
    expect(outputs['check-id']?.split('\n')).toHaveLength(kept)
  })
})

describe('the results file', () => {
  it('is reported, not fatal, when it cannot be written', async () => {
    jest.restoreAllMocks()
    await withSimulator(async (sim) => {
      const [a, b] = [randomUUID(), randomUUID()]
      sim.addConnector(a, { kind: 'source', checkDurationMs: 0 })
      sim.addConnector(b, { kind: 'source', checkDurationMs: 0 })
      const result = await runInProcess(
        { 'source-id': `${a} ${b}`, 'api-key': sim.apiKey, 'api-url': sim.url },
        { env: { RUNNER_TEMP: '/nonexistent-dir' } }
      )
      expect(result.outcome).toBe('success')
      expect(result.outputs['results-file']).toBe('')
      expect(result.stdout).toMatch(/^::warning title=No results file::The results file could not/m)
    })
  })
})
