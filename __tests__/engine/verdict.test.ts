import { describe, expect, it } from '@jest/globals'
import { ConnectionCheckSchema } from '../../src/api/schemas.js'
import { ACTION_INPUTS } from '../../src/action/names.js'
import { terminalNames } from '../../src/cli/input-names.js'
import type { Problem } from '../../src/core/problem.js'
import type { CheckRun } from '../../src/wait/check-run.js'
import { runVerdict } from '../../src/engine/verdict.js'
import { problemVerdict } from '../../src/engine/problem-verdict.js'
import { type Subject } from '../../src/engine/subject.js'
import { overallOutcome, overallStatus } from '../../src/core/outcome.js'

const CONTEXT = { apiHost: 'platform.example', timeoutMs: 30_000, names: ACTION_INPUTS }
const CONNECTOR = { kind: 'destination' as const, id: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' }
const SUBJECT: Subject = { kind: 'connector', connector: CONNECTOR }
const check = (id: string, status: string, reason: string | null = null) =>
  ConnectionCheckSchema.parse({ id, status, reason, created_at: '2026-11-28T12:00:00Z' })

function run(partial: Partial<CheckRun>): CheckRun {
  return {
    connector: CONNECTOR,
    created: undefined,
    joined: false,
    followed: undefined,
    problem: undefined,
    lastIgnored: undefined,
    posts: 1,
    durationMs: 4200,
    ...partial
  }
}

describe('runVerdict', () => {
  it('names the connector by name and type when known', () => {
    const ours = check('c1', 'SUCCESS')
    const verdict = runVerdict(
      run({ created: ours, followed: ours }),
      { name: 'dw', type: 'postgres' },
      CONTEXT
    )
    expect(verdict).toEqual({
      outcome: 'success',
      title: 'Connection check passed',
      message: `Destination "dw" (postgres, ${CONNECTOR.id}) passed its connection check in 4.2 s (check c1).`
    })
  })

  it('says when a newer check decided, and when no reason was given', () => {
    const verdict = runVerdict(
      run({ created: check('c1', 'SCHEDULED'), followed: check('c2', 'FAILURE', '  ') }),
      undefined,
      CONTEXT
    )
    expect(verdict.message).toBe(
      `Destination connector ${CONNECTOR.id} failed its connection check after 4.2 s (check c2, which replaced ours, c1): the platform gave no reason`
    )
  })
})

describe('problemVerdict', () => {
  it.each<[Problem, string, string]>([
    [
      { kind: 'unauthorized', status: 403, detail: undefined },
      'unauthorized',
      `The API key may not read destination connector ${CONNECTOR.id} (HTTP 403 Forbidden). Each key works with one workspace: put a key from the workspace that owns the connector in 'api-key'.`
    ],
    [
      { kind: 'rejected', status: 409, detail: 'busy' },
      'error',
      `The API rejected the request for destination connector ${CONNECTOR.id} (409: busy).`
    ],
    [
      { kind: 'transient', status: 502, reason: 'HTTP 502 Bad Gateway', retryAfterMs: undefined },
      'error',
      `The request for destination connector ${CONNECTOR.id} failed: HTTP 502 Bad Gateway.`
    ],
    [
      { kind: 'redirect', status: 301, location: undefined },
      'error',
      "The API answered HTTP 301 Moved Permanently with a redirect to an unnamed location. Redirects are not followed, so the API key never leaves platform.example; check 'api-url'."
    ],
    [
      { kind: 'validation', status: 422, items: [] },
      'invalid',
      `The API rejected the request for destination connector ${CONNECTOR.id} as invalid (422): no details given`
    ],
    [
      { kind: 'cancelled', signal: undefined },
      'cancelled',
      `Cancelled before a connection check of destination connector ${CONNECTOR.id} was started.`
    ]
  ])('%j', (problem, outcome, message) => {
    expect(problemVerdict(problem, CONTEXT, SUBJECT)).toMatchObject({ outcome, message })
  })

  it('explains a timeout with the check, its status, an older answer and the last error', () => {
    const ours = check('c1', 'SCHEDULED')
    const verdict = problemVerdict(
      { kind: 'timeout', lastTransient: 'connection reset' },
      CONTEXT,
      SUBJECT,
      run({
        created: ours,
        followed: ours,
        lastIgnored: { check: check('old', 'SUCCESS'), relation: 'older' }
      })
    )
    expect(verdict.message).toBe(
      `The step's 30.0 s deadline passed while waiting for check c1 of destination connector ${CONNECTOR.id}; its last status was SCHEDULED. ` +
        'The API kept answering with another check (old), created before ours. Last error: connection reset. ' +
        "Raise 'timeout-seconds' if checks of this connector take longer."
    )
  })

  it("says which input an id of the other kind belongs in, in the front end's words", () => {
    const found = (names?: { name?: string; type?: string }): Problem => ({
      kind: 'not-found',
      status: 404,
      detail: undefined,
      otherKind: { kind: 'source', names }
    })
    expect(problemVerdict(found({ name: 'orders-s3', type: 's3' }), CONTEXT, SUBJECT)).toEqual({
      outcome: 'not-found',
      title: 'Source given as a destination',
      message:
        `Destination connector ${CONNECTOR.id} was not found on platform.example (HTTP 404 Not ` +
        `Found). It is a source, not a destination ("orders-s3", s3): use 'source-id'.`
    })
    const terminal = { ...CONTEXT, names: terminalNames({ key: 'env', apiUrl: 'default' }) }
    expect(problemVerdict(found({ type: 's3' }), terminal, SUBJECT).message).toMatch(
      /\. It is a source, not a destination \(s3\): use --source-id\.$/
    )
    expect(problemVerdict(found(), terminal, SUBJECT).message).toMatch(
      /\. It is a source, not a destination: use --source-id\.$/
    )
    // A check that vanished is another story, whatever the other kind said.
    const ours = check('c1', 'SCHEDULED')
    expect(
      problemVerdict(found(), CONTEXT, SUBJECT, run({ created: ours, followed: ours })).title
    ).toBe('Connection check vanished')
  })

  it('words workflow problems for the workflow', () => {
    const subject: Subject = { kind: 'workflow', id: 'wf' }
    expect(
      problemVerdict(
        { kind: 'timeout', lastTransient: 'HTTP 503 Service Unavailable' },
        CONTEXT,
        subject
      ).message
    ).toBe('Workflow wf could not be read within 30.0 s. Last error: HTTP 503 Service Unavailable.')
    expect(
      problemVerdict({ kind: 'not-found', status: 404, detail: 'Not Found' }, CONTEXT, subject)
    ).toMatchObject({
      title: 'Workflow not found',
      message: expect.stringContaining(
        'Workflow wf was not found on platform.example (404: Not Found). Check the id and that the workflow belongs'
      )
    })
  })
})

describe('aggregates', () => {
  it('takes the most severe outcome', () => {
    expect(overallOutcome(['success', 'timeout', 'failure'])).toBe('failure')
    expect(overallOutcome(['error', 'not-found'])).toBe('not-found')
    expect(overallOutcome(['success', 'cancelled', 'unauthorized'])).toBe('cancelled')
    expect(overallOutcome(['success'])).toBe('success')
    expect(overallOutcome([])).toBe('error')
  })

  it('reduces statuses', () => {
    expect(overallStatus(['SUCCESS', 'SUCCESS'])).toBe('SUCCESS')
    expect(overallStatus(['SUCCESS', 'SCHEDULED', 'FAILURE'])).toBe('FAILURE')
    expect(overallStatus(['SUCCESS', undefined])).toBe('SCHEDULED')
    expect(overallStatus([undefined])).toBe('')
  })
})
