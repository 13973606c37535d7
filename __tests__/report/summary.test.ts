import { describe, expect, it } from '@jest/globals'
import type { Settings, StepReport } from '../../src/engine/contract.js'
import { renderSummary, SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js'
import { result, stepOf } from '../support/results.js'

const rows = (html: string): string[] =>
  html.split('\n').filter((line) => line.startsWith('<tr><td>'))

const SETTINGS: Settings = {
  connectors: [],
  workflowId: undefined,
  names: { source: ['*'], destination: [], workflow: [] },
  apiKey: 'k',
  api: { base: 'https://platform.example/api/v1', host: 'platform.example' },
  timeoutMs: 300_000,
  pollIntervalMs: 10_000,
  maxConcurrency: 10,
  junitFile: undefined,
  onPlatformUnavailable: 'fail',
  recheckFailures: 0,
  reuseSuccessMs: 0,
  dryRun: false
}

const withSettings = (step: StepReport, settings: Partial<Settings> = {}): StepReport => ({
  ...step,
  settings: { ...SETTINGS, ...settings }
})

describe('the job summary', () => {
  it('heads with counts per outcome, failures first, and says why the step fails', () => {
    const step = withSettings(
      stepOf([
        result('success', { name: 'a' }),
        result('timeout', { name: 'b' }),
        result('failure', { name: 'c', reason: 'Access Denied' }),
        result('failure', { name: 'd', reason: 'x' })
      ])
    )
    const html = renderSummary(step)
    expect(html).toContain(
      '<h3>❌ Unstructured connection checks: 2 failed, 1 timed out, 1 passed</h3>'
    )
    expect(html).toContain('<p>The step fails: 3 connectors did not pass.</p>')
    expect(html).toContain('deadline 300.0 s (timeout-seconds)')
    // Failures first (by name), then the timeout; the pass is folded below.
    const [first, second, third, fourth] = rows(html)
    expect(first).toMatch(/^<tr><td>❌&nbsp;failed<\/td><td title="c \(s3\)">c<\/td>/)
    expect(second).toMatch(/<td title="d \(s3\)">d<\/td>/)
    expect(third).toMatch(/^<tr><td>⏱️&nbsp;timed&nbsp;out<\/td>/)
    expect(fourth).toMatch(/^<tr><td>✅&nbsp;passed<\/td>/)
    expect(html).toContain('<summary>1 connector passed</summary>')
  })

  it('shows ids short, the whole id in a title and in the details', () => {
    const failed = result('failure', { name: 'orders', reason: 'Access Denied' })
    const { id } = failed.connector
    const html = renderSummary(withSettings(stepOf([failed, result('success')])))
    expect(html).toContain(`<code title="source ${id}">${id.slice(0, 8)}</code>`)
    expect(html).toContain(`source <code>${id}</code>`)
  })

  it('gives every row that did not pass a reason: a timeout its last status and last error', () => {
    const timedOut = result('timeout', { name: 'slow' })
    timedOut.run.problem = { kind: 'timeout', lastTransient: 'HTTP 503 <from a proxy>' }
    const notStarted = result('timeout', { name: 'queued', noCheck: true })
    notStarted.run.problem = {
      kind: 'not-started',
      connectors: 40,
      maxConcurrency: 2,
      queueMs: 90_000,
      priorMs: 3000,
      leftMs: 1000
    }
    const [queued, slow] = rows(renderSummary(withSettings(stepOf([timedOut, notStarted]))))
    expect(queued).toContain('<td>not started: no slot left before the deadline</td>')
    expect(slow).toContain(
      '<td title="still SCHEDULED at the deadline; last error: HTTP 503 &#60;from a proxy&#62;">' +
        'still SCHEDULED at the deadline; last error: ...</td>'
    )
  })

  it("names a FAILURE's likely cause in a word, the hint in its title and in the details", () => {
    const denied = result('failure', { reason: 'Access Denied <b>', name: 'orders' })
    const vague = result('failure', { reason: 'Internal error', name: 'other' })
    const html = renderSummary(withSettings(stepOf([denied, vague, result('success')])))
    const [first, second] = rows(html)
    expect(first).toContain('<td>Access Denied &#60;b&#62;</td>')
    expect(first).toMatch(
      /<td title="Likely cause: the IAM user or role lacks S3[^"]*">permissions<\/td>/
    )
    expect(second).toContain('<td>Internal error</td><td>—</td>')
    expect(html).toMatch(/<em>Likely cause: the IAM user or role lacks S3/)
  })

  it('cuts a long reason to keep the row on one line, without its library lead-in', () => {
    const long = result('failure', {
      name: 'pg',
      reason:
        'DestinationConnectionError: failed to validate connection: password authentication ' +
        'failed for user "loader" at db.acme.internal:5432'
    })
    const [row] = rows(renderSummary(withSettings(stepOf([long]))))
    expect(row).toContain('>password authentication failed for user &#34;load...</td>')
  })

  it('gives a FAILURE without a reason a cell that says so', () => {
    const html = renderSummary(withSettings(stepOf([result('failure', { reason: null })])))
    expect(html).toContain('<td>the platform gave no reason</td>')
  })

  it('is the verdict alone when the step stopped before any check', () => {
    const html = renderSummary(
      stepOf([], { outcome: 'invalid', title: 'Invalid input', message: "Input 'x' is <bad>." })
    )
    expect(html).toBe(
      '<h3>❌ Unstructured connection check: Invalid input</h3>\n<p>Input &#39;x&#39; is &#60;bad&#62;.</p>\n'
    )
  })

  it('says a dry run found connectors, not that they passed', () => {
    const found = [result('dry-run', { name: 'a' }), result('dry-run', { name: 'b' })]
    const html = renderSummary(withSettings(stepOf(found), { dryRun: true }))
    expect(html).toContain('<h3>🔎 Dry run: all 2 connectors found; no check was started</h3>')
    expect(html).toContain('no connection check was started, so this says nothing yet')
    expect(html).not.toContain('passed')
  })

  it('says under warn which connectors the platform gave no verdict on, and that the step passes', () => {
    const waived = result('timeout', { name: 'slow', extra: { waived: true } })
    const step = withSettings(stepOf([waived, result('success')]), {
      onPlatformUnavailable: 'warn'
    })
    const html = renderSummary(step)
    expect(html).toContain(
      '<h3>⚠️ Unstructured connection checks: 1 timed out, 1 passed (the step passes: on-platform-unavailable is warn)</h3>'
    )
    expect(html).toContain('<td>⏱️&nbsp;timed&nbsp;out&nbsp;(waived)</td>')
    expect(html).toContain('The step passes: the platform gave no verdict on 1 connector')
  })

  it('says what the name inputs matched', () => {
    const step: StepReport = {
      ...withSettings(stepOf([result('success')])),
      resolved: {
        lists: [{ target: 'source', entries: 3, requests: 1 }],
        lines: [
          {
            input: 'source-name',
            name: 'orders-*',
            glob: true,
            matched: 2,
            shown: ['orders-a', 'orders-b']
          }
        ]
      }
    }
    expect(renderSummary(step)).toContain(
      '<p>Matched <code>source-name</code> <code>orders-*</code>: 2 sources.</p>'
    )
  })

  it('keeps within GitHub’s limit, those that did not pass first', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      result(i % 2 === 0 ? 'success' : 'failure', { reason: 'x'.repeat(6000 + i) })
    )
    const html = renderSummary(withSettings(stepOf(many)))
    expect(Buffer.byteLength(html)).toBeLessThan(SUMMARY_BUDGET_BYTES)
    const shown = rows(html)
    expect(shown.length).toBeLessThan(400)
    expect(shown.slice(0, 100).every((row) => row.startsWith('<tr><td>❌&nbsp;failed'))).toBe(true)
    expect(html).toMatch(/The tables show \d+ of 400 connectors, those that did not pass first/)
  })
})
