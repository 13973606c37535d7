import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { runBundle, type ActionResult } from '../support/action-harness.js'
import { startBundle, stepInputs, withSimulator } from '../support/runner.js'
import { bundleFile } from '../support/test-bundles.js'

// Hostile remote text and an honest log, on the bundle as a runner starts it: legacy `##[`
// commands, invisible characters and the key itself in what the API says, huge texts, many
// connectors, a log reader that is slow, a rate limit, a workflow of the wrong shape, and
// passwords in api-url.

/** GitHub's limits: step outputs per job, and a job summary per step. */
const OUTPUTS_LIMIT = 1_000_000
const SUMMARY_LIMIT = 1024 * 1024

const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- control characters are among what it looks for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u

const HOSTILE_NAME = 'x ##[set-output name=approved;]true'
const HOSTILE_TYPE = '##[add-mask]t\u202Eyp\u200Be'
const HOSTILE_REASON = '##[stop-commands]stop ::error::pwn \u202Egnp.exe \u2066x\u2069 ##[error]x'

const base = (sim: Simulator, extra: Record<string, string>): Record<string, string> =>
  stepInputs(sim, extra, '20')

function lines(result: ActionResult, prefix: string): string[] {
  return result.stdout.split('\n').filter((line) => line.startsWith(prefix))
}

const ids = (n: number): string[] => Array.from({ length: n }, () => randomUUID())

/**
 * What holds after any run, whatever the API said: nothing the runner would read as a legacy
 * command, no invisible character, the key nowhere but in `::add-mask::`, every group closed,
 * and outputs and summary within GitHub's limits.
 */
function expectInert(result: ActionResult, key: string): void {
  const log = result.stdout.split(`::add-mask::${key}`).join('')
  const places: [string, string][] = [
    ['log', log],
    ['stderr', result.stderr],
    ['outputs', Object.values(result.outputs).join('\n')],
    ['summary', result.summary],
    ['results file', result.resultsFile ?? '']
  ]
  for (const [where, text] of places) {
    expect([where, text.includes('##[')]).toEqual([where, false])
    expect([where, INVISIBLE.test(text.replace(/\r?\n/g, ''))]).toEqual([where, false])
    expect([where, text.includes(key)]).toEqual([where, false])
  }
  expect(lines(result, '::group::')).toHaveLength(lines(result, '::endgroup::').length)
  expect(result.outputBytes).toBeLessThan(OUTPUTS_LIMIT)
  expect(Buffer.byteLength(result.summary)).toBeLessThan(SUMMARY_LIMIT)
}

describe('remote text stays inert (the bundle)', () => {
  it.concurrent('legacy commands, line breaks and invisible characters, in every place', () =>
    withSimulator(async (sim) => {
      const [named, unknown, refused, redirected] = ids(4) as [string, string, string, string]
      sim.addConnector(named, {
        kind: 'source',
        checkDurationMs: 0,
        ending: 'FAILURE',
        name: HOSTILE_NAME,
        type: HOSTILE_TYPE,
        reason: HOSTILE_REASON
      })
      sim.addConnector(unknown, {
        kind: 'source',
        checkDurationMs: 300,
        faults: {
          post: [{ type: 'unknown-status', status: '##[error]RUNNING\u202E', afterCreate: true }]
        }
      })
      sim.addConnector(refused, {
        kind: 'destination',
        faults: {
          post: [
            {
              type: 'status',
              status: 403,
              body: JSON.stringify({ detail: '##[add-mask]x\n::error::y \u2067' })
            }
          ]
        }
      })
      sim.addConnector(redirected, {
        kind: 'destination',
        faults: { post: [{ type: 'redirect', status: 302, location: '/##[error]elsewhere' }] }
      })
      const result = await runBundle(
        base(sim, {
          'source-id': `${named} ${unknown}`,
          'destination-id': `${refused} ${redirected}`
        })
      )
      expectInert(result, sim.apiKey)
      expect(result.exitCode).toBe(1)
      // Shown, visibly changed, where a reader looks: the group, the annotation, the table.
      const group = lines(result, '::group::').find((l) => l.includes(named)) ?? ''
      expect(group).toContain('x #\\#[set-output name=approved;]true')
      expect(group).toContain('#\\#[add-mask]t<U+202E>yp<U+200B>e')
      const error = lines(result, '::error').find((l) => l.includes(named)) ?? ''
      expect(error).toContain(
        '#\\#[stop-commands]stop ::error::pwn <U+202E>gnp.exe <U+2066>x<U+2069>'
      )
      expect(lines(result, '::warning').join('\n')).toContain('#\\#[error]RUNNING<U+202E>')
      expect(result.stdout).toMatch(/^failed +x #\\#\[set-output name=approved;\]true /m)
      expect(result.stdout).toContain('#\\#[add-mask]x ::error::y <U+2067>')
      expect(result.stdout).toContain('redirect to /#\\#[error]elsewhere')
      // Only our own annotations: one per connector that did not pass, one warning.
      expect(lines(result, '::error')).toHaveLength(3)
      expect(lines(result, '::warning')).toHaveLength(1)
      const entry = (JSON.parse(result.outputs.results ?? '') as Record<string, unknown>[])[0]
      expect(entry).toMatchObject({
        name: 'x #\\#[set-output name=approved;]true',
        reason:
          '#\\#[stop-commands]stop ::error::pwn <U+202E>gnp.exe <U+2066>x<U+2069> #\\#[error]x'
      })
      expect(result.summary).toContain('x #\\#[set-output name=approved;]true')
    })
  )

  it.concurrent('a key the server echoes, even written with \\u escapes, is replaced by ***', () =>
    withSimulator(async (sim) => {
      const [echoing, refusing] = ids(2) as [string, string]
      const escaped = Array.from(
        sim.apiKey,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
      )
      sim.addConnector(echoing, {
        kind: 'source',
        checkDurationMs: 0,
        ending: 'FAILURE',
        name: `name ${sim.apiKey}`,
        reason: `bad key ${sim.apiKey}`
      })
      sim.addConnector(refusing, {
        kind: 'destination',
        faults: {
          post: [
            { type: 'status', status: 401, body: `{"detail":"key ${escaped.join('')} refused"}` }
          ]
        }
      })
      const several = await runBundle(
        base(sim, { 'source-id': echoing, 'destination-id': refusing })
      )
      expectInert(several, sim.apiKey)
      expect(several.stdout).toContain('The API refused the key (401: key *** refused)')
      expect(several.summary).toContain('name ***')
      // The reason output exists for a single connector only.
      const one = await runBundle(base(sim, { 'source-id': echoing }))
      expectInert(one, sim.apiKey)
      expect(one.outputs.reason).toBe('bad key ***')
    })
  )

  it.concurrent.each([
    'https:alice:hunter2@127.0.0.1:9',
    'https://alice:hun ter2@127.0.0.1:9',
    'https://alice:hun/ter2@127.0.0.1:9',
    'https://alice:hun@ter2@127.0.0.1:9',
    'https:\\\\alice:hunter2@127.0.0.1:9',
    'not a url, alice:hunter2@127.0.0.1:9'
  ])('never prints a user name or password from api-url: %s', async (url) => {
    const result = await runBundle({
      'source-id': randomUUID(),
      'api-key': 'sim_key_0123456789abcdef',
      'api-url': url
    })
    expect(result.outputs.outcome).toBe('invalid')
    expect(lines(result, '::error')[0]).toContain(
      "Input 'api-url' must not contain a user name or password; got "
    )
    for (const text of [result.stdout, result.summary, JSON.stringify(result.outputs)]) {
      expect(text).not.toMatch(/alice|hun|ter2/)
    }
  })
})

describe('an honest log (the bundle)', () => {
  it.concurrent(
    'a slow log reader gets every line of 300 failing connectors, and ten error annotations',
    () =>
      withSimulator(async (sim) => {
        const all = ids(300)
        for (const id of all) {
          sim.addConnector(id, {
            kind: 'source',
            checkDurationMs: 0,
            ending: 'FAILURE',
            reason: 'Access denied: '.padEnd(900, 'x')
          })
        }
        const started = await startBundle(
          bundleFile(),
          base(sim, { 'source-id': all.join('\n'), 'max-concurrency': '100' }),
          {},
          60_000
        )
        // A reader that takes what is in the pipe for a millisecond every 300 ms: the action
        // writes far faster, so most of its log is still queued when the checks end.
        const pipe = started.child.stdout
        pipe?.pause()
        const reader = setInterval(() => {
          pipe?.resume()
          setTimeout(() => pipe?.pause(), 1)
        }, 300)
        const result = await started.done.finally(() => {
          clearInterval(reader)
        })
        expectInert(result, sim.apiKey)
        expect(lines(result, '::group::')).toHaveLength(300)
        expect(lines(result, '::endgroup::')).toHaveLength(300)
        expect(result.stdout).toMatch(/^OUTCOME +CONNECTOR +ID +TIME +REASON/m)
        expect(result.stdout).toMatch(/^300 connectors checked in \d+\.\d s: 300 failed\./m)
        expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^::debug::Finished in /)
        // Nine connectors' own annotations, then one for the other 291.
        const errors = lines(result, '::error')
        expect(errors).toHaveLength(10)
        expect(
          errors
            .slice(0, 9)
            .every((e) => /^::error title=[^:]*%3A Connection check failed::/.test(e))
        ).toBe(true)
        expect(errors[9]).toMatch(/^::error title=291 more connectors did not pass%3A 291 failed::/)
        // Every verdict is still in its group, as a plain line.
        expect(
          lines(result, 'Source ').filter((l) => l.includes(' failed its connection check '))
        ).toHaveLength(300)
      }),
    60_000
  )

  it.concurrent('ten connectors that did not pass get ten annotations of their own', () =>
    withSimulator(async (sim) => {
      const all = ids(11)
      for (const [i, id] of all.entries()) {
        sim.addConnector(id, {
          kind: 'source',
          checkDurationMs: 0,
          ending: i < 10 ? 'FAILURE' : 'SUCCESS'
        })
      }
      const result = await runBundle(base(sim, { 'source-id': all.join('\n') }))
      expectInert(result, sim.apiKey)
      const errors = lines(result, '::error').filter((e) =>
        /^::error title=[^:]*%3A Connection check failed::/.test(e)
      )
      expect(errors).toHaveLength(10)
      expect(
        new Set(all.slice(0, 10).filter((id) => errors.some((e) => e.includes(id)))).size
      ).toBe(10)
    })
  )
})

describe('sizes (the bundle)', () => {
  it.concurrent('a 1 MB name and a 1 MB reason are cut to 2,000 characters, visibly', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        checkDurationMs: 0,
        ending: 'FAILURE',
        name: 'n'.repeat(1_000_000),
        reason: 'r'.repeat(1_000_000)
      })
      const result = await runBundle(base(sim, { 'source-id': id }))
      expectInert(result, sim.apiKey)
      expect(result.outputs.reason).toBe(`${'r'.repeat(2000)}…(998000 more characters)`)
      const longest = Math.max(...result.stdout.split('\n').map((l) => Buffer.byteLength(l)))
      expect(longest).toBeLessThan(10_000)
      expect(result.outputBytes).toBeLessThan(15_000)
      expect(Buffer.byteLength(result.summary)).toBeLessThan(15_000)
    })
  )

  it.concurrent(
    '80 connectors with long texts: outputs and summary stay within limits, the file has all',
    () =>
      withSimulator(async (sim) => {
        const all = ids(80)
        // Three bytes a character, and 2,000 of them in each of three fields of every entry.
        const long = '€'.repeat(5000)
        for (const id of all) {
          sim.addConnector(id, {
            kind: 'source',
            checkDurationMs: 0,
            ending: 'FAILURE',
            name: long,
            type: long,
            reason: long
          })
        }
        const result = await runBundle(
          base(sim, { 'source-id': all.join('\n'), 'max-concurrency': '100' }),
          { limitMs: 60_000 }
        )
        expectInert(result, sim.apiKey)
        const kept = (JSON.parse(result.outputs.results ?? '') as Record<string, unknown>[]).map(
          (entry) => entry['connector-id']
        )
        expect(kept.length).toBeGreaterThan(10)
        expect(kept.length).toBeLessThan(80)
        expect(kept).toEqual(all.slice(0, kept.length))
        expect(result.outputs['check-id']?.split('\n')).toHaveLength(kept.length)
        const every = JSON.parse(result.resultsFile ?? '') as Record<string, unknown>[]
        expect(every.map((entry) => entry['connector-id'])).toEqual(all)
        const cut = `The results and check-id outputs hold the first ${kept.length} of 80 connectors`
        expect(lines(result, '::warning title=Results output cut short::')[0]).toContain(cut)
        expect(result.summary).toContain(cut)
        expect(result.summary).toMatch(/The tables show \d+ of 80 connectors/)
        expect(result.outputs['results-file']).toMatch(
          /unstructured-connection-check-results-.+\.json$/
        )
      }),
    60_000
  )
})

describe('request rate (the bundle)', () => {
  it.concurrent.each([
    ['poll-interval-seconds', '0.001', 'must be from 1 to 21600 seconds'],
    ['max-concurrency', '101', 'must be a whole number from 1 to 100']
  ])('rejects %s %s, naming the range, before any request', (input, value, range) =>
    withSimulator(async (sim) => {
      const result = await runBundle(base(sim, { 'source-id': randomUUID(), [input]: value }))
      expect(result.outputs.outcome).toBe('invalid')
      expect(lines(result, '::error')[0]).toContain(`Input '${input}' ${range}; got "${value}".`)
      expect(sim.requests).toHaveLength(0)
    })
  )

  it.concurrent('sends nothing for a second after a 429 without Retry-After', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, {
        kind: 'source',
        faults: { post: Array.from({ length: 50 }, () => ({ type: 'rate-limit' as const })) }
      })
      const result = await runBundle(
        base(sim, { 'source-id': id, 'timeout-seconds': '4', 'poll-interval-seconds': '1' })
      )
      expect(result.outputs.outcome).toBe('timeout')
      const posts = sim.requests.filter((r) => r.method === 'POST')
      // About 0, 1, 2 and 3 s (fewer when a loaded machine is slow to start the process); the
      // deadline's last slot is never taken within the second either.
      expect(posts.length).toBeGreaterThanOrEqual(1)
      expect(posts.length).toBeLessThanOrEqual(4)
      for (const [i, post] of posts.entries()) {
        if (i > 0) expect(post.at - (posts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(999)
      }
      // Besides the POSTs: the name lookup and the read of the latest check.
      expect(sim.requests.length).toBeLessThanOrEqual(posts.length + 2)
    })
  )
})

describe('a workflow answer of the wrong shape (the bundle)', () => {
  it.concurrent.each([
    ['sources null', { sources: null }, "field 'sources' must be a list of connector UUIDs"],
    [
      'destinations a string',
      { destinations: 'abc' },
      "field 'destinations' must be a list of connector UUIDs"
    ],
    [
      'an id that is not a UUID',
      { sources: ['x'] },
      "field 'sources.0' holds an id that is not a UUID"
    ]
  ])('fails at once with outcome error: %s', (_, override, field) =>
    withSimulator(async (sim) => {
      const workflow = randomUUID()
      sim.addWorkflow(workflow, { sources: [], destinations: [], override })
      const result = await runBundle(
        base(sim, { 'workflow-id': workflow, 'timeout-seconds': '60' })
      )
      expectInert(result, sim.apiKey)
      expect(result.exitCode).toBe(1)
      expect(result.outputs.outcome).toBe('error')
      expect(lines(result, '::error')).toEqual([
        `::error title=Unexpected answer::The API answered the request for workflow ${workflow} with HTTP 200 OK, but the answer was not a workflow (${field}). This is not retried: the API may have changed, or 'api-url' may point at another service.`
      ])
      // Not retried until the deadline: one request, then the verdict.
      expect(sim.requests).toHaveLength(1)
    })
  )
})
