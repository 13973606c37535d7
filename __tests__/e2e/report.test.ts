import { describe, expect, it } from '@jest/globals'
import { runInProcess } from '../support/action-harness.js'
import { runNode, stepInputs, withSimulator } from '../support/runner.js'
import { bundleFile } from '../support/test-bundles.js'
import { addMixedSweep, type MixedSweep } from '../../simulator/mixed-sweep.js'
import type { Simulator } from '../../simulator/platform-simulator.js'

// One sweep as a new user's workspace gives it (22 pass, 10 fail with the platform's reasons, 5
// never finish), reported by the action and by the command line: every report puts failures
// first and counts per outcome.

const CLI_BUNDLE = bundleFile('cli')
const COUNTS = '10 failed, 5 timed out, 22 passed'

const summaryRows = (html: string): string[] =>
  html.split('\n').filter((line) => line.startsWith('<tr><td>'))

function inputs(sweep: MixedSweep, sim: Simulator): Record<string, string> {
  return {
    ...stepInputs(sim, sweep.inputs, String(sweep.timeoutSeconds)),
    'max-concurrency': String(sweep.maxConcurrency)
  }
}

describe('the report of a 37-connector sweep', () => {
  it('is ordered and counted alike in the summary, the annotations, the log and the outputs', async () => {
    await withSimulator(async (sim) => {
      const sweep = addMixedSweep(sim)
      const run = await runInProcess(inputs(sweep, sim))
      expect(run.outcome).toBe('failure')

      // The summary: counts in the headline, the ten failures first with short ids and a
      // reason each, then the five timeouts, each with a reason too; the passes folded.
      expect(run.summary).toContain(`<h3>❌ Unstructured connection checks: ${COUNTS}</h3>`)
      const rows = summaryRows(run.summary)
      expect(rows).toHaveLength(37)
      const failing = rows.slice(0, 10)
      expect(failing.every((row) => row.startsWith('<tr><td>❌&nbsp;failed'))).toBe(true)
      for (const row of [...failing, ...rows.slice(10, 15)]) {
        expect(row).toMatch(/<code title="(source|destination) [0-9a-f-]{36}">[0-9a-f]{8}<\/code>/)
        expect(row).not.toMatch(/<td>—<\/td><td>—<\/td>/)
      }
      expect(
        rows.slice(10, 15).every((row) => row.includes('still SCHEDULED at the deadline'))
      ).toBe(true)
      expect(run.summary).toContain('<summary>22 connectors passed</summary>')
      expect(run.summary).toContain('Matched <code>source-name</code> <code>*</code>: 20 sources')

      // Annotations: FAILUREs take the slots first, each under its own title; the last one
      // names the rest, the failure among them first.
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error '))
      expect(errors).toHaveLength(10)
      const titles = errors.map((line) => /title=([^:]*)::/.exec(line)?.[1] ?? '')
      expect(new Set(titles).size).toBe(10)
      expect(
        titles.slice(0, 9).filter((title) => !title.endsWith('%3A Connection check failed'))
      ).toEqual([])
      expect(titles[9]).toBe('6 more connectors did not pass%3A 1 failed%2C 5 timed out')
      const rest = (errors[9] ?? '').split('::')[2]?.split('%0A') ?? []
      expect(rest[0]).toMatch(/: Connection check failed \(/)
      expect(rest.slice(1, 6).every((line) => line.includes(': Connection check timed out'))).toBe(
        true
      )

      // The log's table is in the same order, and its last line counts.
      expect(run.stdout).toContain(`37 connectors checked in`)
      expect(run.stdout).toMatch(new RegExp(`37 connectors checked in \\d+\\.\\d s: ${COUNTS}\\.`))
      const table = run.stdout
        .split('\n')
        .filter((line) => /^(failed|timed out|passed) /.test(line))
      expect(table.map((line) => line.split(/ {2,}/)[0])).toEqual([
        ...Array<string>(10).fill('failed'),
        ...Array<string>(5).fill('timed out'),
        ...Array<string>(22).fill('passed')
      ])
      expect(Math.max(...table.map((line) => line.length))).toBeLessThanOrEqual(130)

      // The results keep the order checked in, and agree on every outcome.
      const entries = JSON.parse(run.outputs.results ?? '[]') as { outcome: string; name: string }[]
      const expected = new Map(sweep.connectors.map((c) => [c.name, c.expected]))
      expect(entries.map((e) => [e.name, e.outcome])).toEqual(
        entries.map((e) => [e.name, expected.get(e.name)])
      )
    })
  }, 60_000)

  it('ends the command line with one line per connector that did not pass and the counts', async () => {
    await withSimulator(async (sim) => {
      const sweep = addMixedSweep(sim)
      const args = [
        '--source-name',
        '*',
        '--destination-name',
        '*',
        '--timeout-seconds',
        String(sweep.timeoutSeconds),
        '--max-concurrency',
        String(sweep.maxConcurrency),
        '--api-url',
        sim.url
      ]
      const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', UNSTRUCTURED_API_KEY: sim.apiKey }
      const run = await runNode([CLI_BUNDLE, ...args], env, 60_000)
      expect(run.code).toBe(1)
      const lines = run.stdout.trimEnd().split('\n')
      expect(lines.at(-1)).toMatch(
        new RegExp(`^37 connectors checked in \\d+\\.\\d s: ${COUNTS}\\.`)
      )
    })
  }, 60_000)
})
