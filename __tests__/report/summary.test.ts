import { describe, expect, it } from '@jest/globals'
import { renderSummary, SUMMARY_BUDGET_BYTES } from '../../src/report/summary.js'
import { result, stepOf } from '../support/results.js'

const rows = (html: string): string[] =>
  html.split('\n').filter((line) => line.startsWith('<tr><td>'))

describe('the job summary', () => {
  it('has an outcome column, so a row that timed out says so', () => {
    const timedOut = result('timeout', {
      verdict: { message: "Timed out: the step's 30 s deadline passed." }
    })
    timedOut.run.problem = { kind: 'timeout', lastTransient: 'HTTP 503 <from a proxy>' }
    const html = renderSummary(stepOf([result('success'), timedOut]))
    expect(html).toContain(
      '<tr><th>Outcome</th><th>Kind</th><th>Connector</th><th>Check</th><th>Status</th><th>Reason</th><th>Duration</th></tr>'
    )
    const [, second] = rows(html)
    expect(second).toMatch(/^<tr><td>⏱️ timeout<\/td><td>Source<\/td>/)
    expect(second).toContain('<td>SCHEDULED</td>')
    // What the other cells do not say already: not the deadline again, but the last error.
    expect(second).toContain('<td>Last error: HTTP 503 &#60;from a proxy&#62;.</td>')
  })

  it('says the reason once: in the table, not again below it', () => {
    const failed = result('failure', {
      reason: 'password authentication failed',
      verdict: { message: 'Destination failed its check: password authentication failed' }
    })
    const html = renderSummary(stepOf([failed]))
    expect(html.split('password authentication failed')).toHaveLength(2)
    expect(html).toContain('<td>❌ failure</td>')
    expect(html).toContain('<h3>❌ Unstructured connection check: failure</h3>')
    expect(renderSummary(stepOf([result('success')]))).toContain(
      '<h3>✅ Unstructured connection check: passed</h3>'
    )
  })

  it("shows a FAILURE's likely cause under its reason, and none for a reason that says little", () => {
    const denied = result('failure', { reason: 'Access Denied <b>', name: 'orders' })
    const vague = result('failure', { reason: 'Internal error', name: 'other' })
    const [first, second] = rows(renderSummary(stepOf([denied, vague, result('success')])))
    expect(first).toContain(
      '<td>Access Denied &#60;b&#62;<br><em>Likely cause: the IAM user or role lacks S3 permissions'
    )
    expect(second).toContain('<td>Internal error</td>')
    expect(second).not.toContain('Likely cause')
  })

  it('gives a FAILURE without a reason a cell that says so', () => {
    expect(renderSummary(stepOf([result('failure', { reason: null })]))).toContain(
      '<td>the platform gave no reason</td>'
    )
  })

  it('is the verdict alone when the step stopped before any check', () => {
    const html = renderSummary(
      stepOf([], { outcome: 'invalid', title: 'Invalid input', message: "Input 'x' is <bad>." })
    )
    expect(html).toBe(
      '<h3>❌ Unstructured connection check: invalid</h3>\n<p>Input &#39;x&#39; is &#60;bad&#62;.</p>\n'
    )
  })

  it('keeps within GitHub’s limit, those that did not pass first', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      result(i % 2 === 0 ? 'success' : 'failure', { reason: 'x'.repeat(6000 + i) })
    )
    const html = renderSummary(stepOf(many))
    expect(Buffer.byteLength(html)).toBeLessThan(SUMMARY_BUDGET_BYTES)
    const shown = rows(html)
    expect(shown.length).toBeLessThan(400)
    expect(shown.every((row) => row.startsWith('<tr><td>❌ failure'))).toBe(true)
    expect(html).toMatch(/The table shows \d+ of 400 connectors, those that did not pass first/)
  })
})
