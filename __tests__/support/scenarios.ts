import { randomUUID } from 'node:crypto'
import { expect } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import type { ActionResult } from './action-harness.js'
import { stepInputs } from './runner.js'

/**
 * Named end-to-end scenarios, run both against the bundle (a child process, as a runner runs
 * it) and in-process (for coverage). Each gets a fresh simulator.
 */
export interface Scenario {
  name: string
  arrange(sim: Simulator): { inputs: Record<string, string>; env?: Record<string, string> }
  verify(result: ActionResult, sim: Simulator): void
}

/** What must hold after every run, whatever happened. */
export function verifyInvariants(result: ActionResult, apiKey: string): void {
  const withoutMask = result.stdout.split(`::add-mask::${apiKey}`).join('')
  for (const text of [withoutMask, result.stderr, JSON.stringify(result.outputs), result.summary]) {
    expect(text).not.toContain(apiKey)
  }
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  // Nothing on stderr: no Node warnings (listeners, timers) and no crash.
  expect(result.stderr).toBe('')
  const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error'))
  expect(errors).toHaveLength(result.exitCode === 0 ? 0 : 1)
  expect(result.outputs.outcome).toBeDefined()
  // A platform that gave no verdict passes the step only with on-platform-unavailable: warn,
  // and then says so in a warning.
  const waived = /^::warning title=[^:]*\(waived\)::/m.test(result.stdout)
  const passing = ['success', 'dry-run'].includes(result.outputs.outcome ?? '')
  expect(result.exitCode === 0).toBe(passing || waived)
}

const base = (sim: Simulator, extra: Record<string, string>): Record<string, string> =>
  stepInputs(sim, extra, '20')

/** Requests to one connector's connection-check endpoint (not its name lookup). */
function requestsTo(sim: Simulator, id: string, method?: string) {
  return sim.requests.filter(
    (r) =>
      r.path.endsWith(`${id}/connection-check`) && (method === undefined || r.method === method)
  )
}

/** The outputs of a step that ended on a problem before any check was created. */
function noCheck(result: ActionResult, outcome: string): void {
  expect(result.outputs).toMatchObject({ outcome, status: '' })
  expect(result.outputs['check-id']).toBeUndefined()
  const entries = JSON.parse(result.outputs.results ?? '') as Record<string, unknown>[]
  expect(entries).toHaveLength(1)
  expect(entries[0]).toMatchObject({ 'check-id': null, status: null, outcome })
}

function errorLine(result: ActionResult): string {
  return result.stdout.split('\n').find((line) => line.startsWith('::error')) ?? ''
}

const INVALID_KEY_REASON =
  'An error occurred (InvalidAccessKeyId) when calling the ListObjectsV2 operation: The AWS ' +
  'Access Key Id you provided does not exist in our records.'

const SOURCE = randomUUID()
const DEST = randomUUID()

export const scenarios: Scenario[] = [
  {
    name: 'success: a source check that passes',
    arrange(sim) {
      sim.addConnector(SOURCE, { kind: 'source', checkDurationMs: 600 })
      return { inputs: base(sim, { 'source-id': SOURCE }), env: { RUNNER_DEBUG: '1' } }
    },
    verify(result, sim) {
      const [check] = sim.checks(SOURCE)
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toEqual({
        'check-id': check?.id,
        status: 'SUCCESS',
        reason: '',
        'created-at': check?.createdAt,
        'reported-at': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        outcome: 'success',
        results: expect.any(String),
        'results-file': expect.any(String)
      })
      expect(JSON.parse(result.resultsFile ?? '')).toEqual(JSON.parse(result.outputs.results ?? ''))
      expect(JSON.parse(result.outputs.results ?? '')).toEqual([
        {
          kind: 'source',
          'connector-id': SOURCE,
          name: `sim-source-${SOURCE.slice(0, 8)}`,
          type: 's3',
          'check-id': check?.id,
          status: 'SUCCESS',
          reason: null,
          outcome: 'success',
          'created-at': check?.createdAt,
          'reported-at': result.outputs['reported-at'],
          'duration-seconds': expect.any(Number),
          attempts: 1,
          flaky: false,
          reused: null
        }
      ])
      const host = new URL(sim.url).host
      expect(result.stdout).toContain(
        `Checking source connector ${SOURCE} on ${host}: started check ${check?.id} (SCHEDULED).`
      )
      expect(result.stdout).toMatch(/Check \S+: SCHEDULED -> SUCCESS after \d+\.\d s\./)
      expect(result.stdout).toMatch(
        new RegExp(
          `Source "sim-source-\\w+" \\(s3, ${SOURCE}\\) passed its connection check in \\d+\\.\\d s`
        )
      )
      // Per-poll detail is in debug, and says path and status, nothing of the headers.
      expect(result.stdout).toMatch(
        /::debug::GET \/sources\/\S+\/connection-check -> 200 SCHEDULED/
      )
      expect(result.summary).toContain(check?.id)
      expect(result.summary).toContain('SUCCESS')
      expect(result.summary).toContain('passed')
      const requests = requestsTo(sim, SOURCE)
      expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1)
      // Its latest check, read before the POST: none yet.
      expect(requests[0]).toMatchObject({ method: 'GET', status: 404 })
      for (const request of requests) {
        expect(request.headers['unstructured-api-key']).toBe(sim.apiKey)
        expect(request.headers.accept).toBe('application/json')
        expect(request.headers['user-agent']).toMatch(
          /^unstructured-connection-check\/\d+\.\d+\.\d+/
        )
      }
    }
  },
  {
    name: 'failure: a destination check fails with a reason (api-url with /api/v1/)',
    arrange(sim) {
      sim.addConnector(DEST, {
        kind: 'destination',
        checkDurationMs: 400,
        ending: 'FAILURE',
        reason: 'Could not connect: AccessDenied on bucket "prod-out"'
      })
      return { inputs: base(sim, { 'destination-id': DEST, 'api-url': `${sim.url}/api/v1/` }) }
    },
    verify(result, sim) {
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({
        'check-id': sim.checks(DEST)[0]?.id,
        status: 'FAILURE',
        reason: 'Could not connect: AccessDenied on bucket "prod-out"',
        outcome: 'failure'
      })
      expect(errorLine(result)).toMatch(
        /^::error title=sim-destination-\w+ \(destination [0-9a-f]{8}\)%3A Connection check failed::Destination "sim-destination-\w+" \(postgres, \S+\) failed its connection check after \d+\.\d s \(check \S+\): Could not connect: AccessDenied/
      )
      expect(result.summary).toContain('AccessDenied on bucket &#34;prod-out&#34;')
      // S3's words from a postgres connector: the generic hint, neither service's own.
      const [entry] = JSON.parse(result.outputs.results ?? '') as Record<string, unknown>[]
      expect(entry).toMatchObject({
        category: 'permissions',
        hint: expect.stringMatching(/^Likely cause: the connector's credentials are accepted/)
      })
      expect(errorLine(result)).toContain(`%0A${String(entry?.hint)}`)
    }
  },
  {
    name: "failure: the likely cause of a FAILURE's reason, in the outputs, the annotation and the summary",
    arrange(sim) {
      sim.addConnector(SOURCE, {
        kind: 'source',
        checkDurationMs: 300,
        ending: 'FAILURE',
        reason: INVALID_KEY_REASON
      })
      return { inputs: base(sim, { 'source-id': SOURCE }) }
    },
    verify(result) {
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({ outcome: 'failure', reason: INVALID_KEY_REASON })
      const hint = expect.stringMatching(
        /^Likely cause: the AWS access key ID or secret access key/
      )
      const entries = JSON.parse(result.outputs.results ?? '') as Record<string, unknown>[]
      expect(entries).toEqual([
        expect.objectContaining({ type: 's3', category: 'credentials', hint })
      ])
      expect(JSON.parse(result.resultsFile ?? '')).toEqual(entries)
      const [entry] = entries
      // Under the reason, on the annotation's second line: our own text, never the reason's.
      expect(errorLine(result)).toMatch(
        /^::error title=sim-source-\w+ \(source [0-9a-f]{8}\)%3A Connection check failed::Source "sim-source-\w+" \(s3, \S+\) failed its connection check after .*: An error occurred \(InvalidAccessKeyId\).* in our records\.%0ALikely cause: the AWS access key ID/
      )
      expect(errorLine(result).endsWith(`%0A${String(entry?.hint)}`)).toBe(true)
      expect(result.summary).toContain('in our records.<br><em>Likely cause: the AWS access key ID')
    }
  },
  {
    name: 'failure: a reason that says too little gets no hint',
    arrange(sim) {
      sim.addConnector(DEST, {
        kind: 'destination',
        checkDurationMs: 300,
        ending: 'FAILURE',
        reason: 'OperationalError'
      })
      return { inputs: base(sim, { 'destination-id': DEST }) }
    },
    verify(result) {
      expect(result.exitCode).toBe(1)
      const entries = JSON.parse(result.outputs.results ?? '') as Record<string, unknown>[]
      expect(entries).toEqual([expect.objectContaining({ type: 'postgres', category: 'unknown' })])
      expect(entries[0]).not.toHaveProperty('hint')
      expect(errorLine(result)).toMatch(/: OperationalError$/)
      expect(result.stdout).not.toContain('Likely cause')
      expect(result.summary).not.toContain('Likely cause')
    }
  },
  {
    name: 'validation: a 422 lists every detail item',
    arrange(sim) {
      sim.addConnector(SOURCE, {
        kind: 'source',
        faults: {
          post: [
            {
              type: 'validation',
              detail: [
                {
                  loc: ['path', 'source_id'],
                  msg: 'Input should be a valid UUID',
                  type: 'uuid_parsing'
                },
                { loc: ['body', 'config'], msg: 'Field required', type: 'missing', input: null }
              ]
            }
          ]
        }
      })
      return { inputs: base(sim, { 'source-id': SOURCE }) }
    },
    verify(result) {
      expect(result.exitCode).toBe(1)
      noCheck(result, 'invalid')
      expect(errorLine(result)).toContain(
        'path.source_id: Input should be a valid UUID; body.config: Field required'
      )
    }
  },
  {
    name: 'unauthorized: a 401 points at the key',
    arrange(sim) {
      sim.addConnector(SOURCE, { kind: 'source' })
      return { inputs: base(sim, { 'source-id': SOURCE, 'api-key': 'wrong_key_but_well_formed' }) }
    },
    verify(result, sim) {
      expect(result.exitCode).toBe(1)
      noCheck(result, 'unauthorized')
      expect(errorLine(result)).toMatch(
        /^::error title=source [0-9a-f]{8}%3A API key rejected::The API refused the key \(401: API key is invalid/
      )
      expect(errorLine(result)).toContain("'api-key'")
      // The read of its latest check, then the POST, which decides.
      expect(requestsTo(sim, SOURCE).map((r) => [r.method, r.status])).toEqual([
        ['GET', 401],
        ['POST', 401]
      ])
    }
  },
  {
    name: 'not-found: a 404 names the connector and the api-url',
    arrange(sim) {
      return { inputs: base(sim, { 'source-id': SOURCE }) }
    },
    verify(result, sim) {
      expect(result.exitCode).toBe(1)
      noCheck(result, 'not-found')
      expect(errorLine(result)).toContain(
        `Source connector ${SOURCE} was not found on ${new URL(sim.url).host}`
      )
      expect(errorLine(result)).toContain("'api-url'")
      expect(requestsTo(sim, SOURCE).map((r) => [r.method, r.status])).toEqual([
        ['GET', 404],
        ['POST', 404]
      ])
    }
  },
  {
    name: 'transient: 5xx, HTML, resets and cut-off bodies are retried until success',
    arrange(sim) {
      sim.addConnector(SOURCE, {
        kind: 'source',
        checkDurationMs: 1200,
        faults: {
          post: [
            { type: 'html', status: 502 },
            { type: 'status', status: 503 }
          ],
          get: [
            { type: 'status', status: 500 },
            { type: 'reset' },
            { type: 'truncate' },
            { type: 'body', body: '<html>ok</html>' }
          ]
        }
      })
      // A 1 s cap keeps the back-off (0.5, 1, 1, 1 s) short.
      return { inputs: base(sim, { 'source-id': SOURCE, 'poll-interval-seconds': '1' }) }
    },
    verify(result, sim) {
      expect(result.exitCode).toBe(0)
      expect(result.outputs.outcome).toBe('success')
      expect(result.outputs['check-id']).toBe(sim.checks(SOURCE)[0]?.id)
      expect(result.stdout).toContain('Transient error from')
      expect(requestsTo(sim, SOURCE, 'POST')).toHaveLength(3)
    }
  },
  {
    name: 'rate limit: a 429 with Retry-After is honoured',
    arrange(sim) {
      sim.addConnector(SOURCE, {
        kind: 'source',
        checkDurationMs: 200,
        faults: { get: [{ type: 'rate-limit', retryAfter: '1' }] }
      })
      return { inputs: base(sim, { 'source-id': SOURCE }) }
    },
    verify(result, sim) {
      expect(result.outputs.outcome).toBe('success')
      // Nothing between the 429 and the poll that saw SUCCESS, after a wait of at least
      // Retry-After (the wait the action chose and logged, not one measured here).
      expect(requestsTo(sim, SOURCE).map((r) => [r.method, r.status])).toEqual([
        ['GET', 404],
        ['POST', 202],
        ['GET', 429],
        ['GET', 200]
      ])
      const wait = /HTTP 429 Too Many Requests; retrying in (\d+\.\d) s\./.exec(result.stdout)
      expect(Number(wait?.[1])).toBeGreaterThanOrEqual(1)
    }
  },
  {
    name: 'deadline: a check that never ends times out with its id and last status',
    arrange(sim) {
      sim.addConnector(SOURCE, { kind: 'source', ending: 'NEVER' })
      // Room for a child process that a busy machine is slow to start, to get its POST in.
      return { inputs: base(sim, { 'source-id': SOURCE, 'timeout-seconds': '5' }) }
    },
    verify(result, sim) {
      const id = sim.checks(SOURCE)[0]?.id ?? 'none'
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toMatchObject({
        'check-id': id,
        status: 'SCHEDULED',
        outcome: 'timeout'
      })
      expect(errorLine(result)).toContain(
        `The step's 5.0 s deadline passed while waiting for check ${id}`
      )
      expect(errorLine(result)).toContain('its last status was SCHEDULED')
      // One POST, then polls that were all answered: what ended the step is its own deadline.
      const [read, post, ...gets] = requestsTo(sim, SOURCE)
      expect(read).toMatchObject({ method: 'GET', status: 404 })
      expect(post?.method).toBe('POST')
      expect(gets.length).toBeGreaterThan(0)
      expect(gets.map((r) => [r.method, r.status])).toEqual(gets.map(() => ['GET', 200]))
    }
  },
  {
    name: 'older check: an earlier SUCCESS is never taken as ours',
    arrange(sim) {
      sim.addConnector(SOURCE, {
        kind: 'source',
        checkDurationMs: 1200,
        ending: 'FAILURE',
        reason: 'wrong password',
        faults: { get: [{ type: 'older-check' }, { type: 'older-check' }, { type: 'older-check' }] }
      })
      return { inputs: base(sim, { 'source-id': SOURCE }) }
    },
    verify(result, sim) {
      expect(result.outputs).toMatchObject({
        outcome: 'failure',
        status: 'FAILURE',
        reason: 'wrong password'
      })
      expect(sim.served().some((s) => s.status === 'SUCCESS')).toBe(true)
    }
  },
  {
    name: 'newer check: a check started elsewhere supersedes ours, with a warning',
    arrange(sim) {
      sim.addConnector(SOURCE, {
        kind: 'source',
        ending: 'NEVER',
        faults: { get: ['pass', { type: 'newer-check', ending: 'SUCCESS', durationMs: 300 }] }
      })
      return { inputs: base(sim, { 'source-id': SOURCE }) }
    },
    verify(result, sim) {
      const [ours, newer] = sim.checks(SOURCE)
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({
        'check-id': ours?.id,
        status: 'SUCCESS',
        outcome: 'success'
      })
      const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('title=Connection check superseded')
      expect(warnings[0]).toContain(`newer check ${newer?.id}`)
      expect(warnings[0]).toContain(`replaced check ${ours?.id}`)
      expect(result.summary).toContain(`replaced by <code>${newer?.id}</code>`)
    }
  },
  {
    name: 'redirect: never followed, the key stays on the API host',
    arrange(sim) {
      sim.addConnector(SOURCE, {
        kind: 'source',
        faults: {
          post: [
            {
              type: 'redirect',
              status: 307,
              location: `${sim.trap.url}/api/v1/sources/${SOURCE}/connection-check`
            }
          ]
        }
      })
      return { inputs: base(sim, { 'source-id': SOURCE }) }
    },
    verify(result, sim) {
      expect(result.exitCode).toBe(1)
      noCheck(result, 'error')
      expect(errorLine(result)).toContain(`redirect to ${new URL(sim.trap.url).host}`)
      expect(sim.trap.requests).toHaveLength(0)
    }
  },
  {
    name: 'invalid input: nothing is sent',
    arrange(sim) {
      return { inputs: base(sim, { 'source-id': 'not-a-uuid', 'timeout-seconds': '0' }) }
    },
    verify(result, sim) {
      expect(result.exitCode).toBe(1)
      expect(result.outputs).toEqual({
        outcome: 'invalid',
        results: '[]',
        'results-file': expect.any(String)
      })
      expect(errorLine(result)).toContain(
        "title=Invalid input::Input 'source-id' must be connector UUIDs"
      )
      expect(errorLine(result)).toContain("Input 'timeout-seconds' must be from 1 to 21600 seconds")
      expect(sim.requests).toHaveLength(0)
    }
  }
]
