import { describe, expect, it } from '@jest/globals'
import {
  classifyResponse as classifyAny,
  parseHttpDate,
  parseRetryAfter,
  serverDate,
  type RawResponse
} from '../../src/api/classify.js'
import { ConnectionCheckSchema, WorkflowConnectorsSchema } from '../../src/api/schemas.js'

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0)
const CHECK_BODY = { schema: ConnectionCheckSchema, name: 'a connection check' }
const classifyResponse = (response: RawResponse, now: number) =>
  classifyAny(response, CHECK_BODY, now)
const CHECK = {
  id: '0b9e7f52-1111-4222-8333-444455556666',
  status: 'SCHEDULED',
  reason: null,
  created_at: '2026-11-28T12:00:00.000001Z',
  reported_at: null
}

function answer(status: number, body: unknown, headers: RawResponse['headers'] = {}): RawResponse {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) }
}

describe('classifyResponse', () => {
  it('reads a check from a 200 or 202, accepting extra fields and an unknown status', () => {
    const result = classifyResponse(answer(202, { ...CHECK, status: 'QUEUED', extra: 1 }), NOW)
    expect(result).toMatchObject({
      ok: true,
      value: { id: CHECK.id, status: 'QUEUED', reason: null }
    })
    const minimal = classifyResponse(
      answer(200, { id: 'x', status: 'SUCCESS', created_at: CHECK.created_at }),
      NOW
    )
    expect(minimal).toMatchObject({ ok: true, value: { reason: null, reportedAt: null } })
  })

  it.each([
    [
      '<html><body>Bad gateway</body></html>',
      'the answer was not a connection check (an HTML page)'
    ],
    ['{"id": "x", "stat', 'the answer was not a connection check (invalid JSON)'],
    ['', 'the answer was not a connection check (empty body)'],
    ['[1,2]', 'the answer was not a connection check (not a JSON object)'],
    [
      JSON.stringify({ ...CHECK, created_at: undefined }),
      "the answer was not a connection check (field 'created_at' Invalid input: expected string, received undefined)"
    ],
    [
      JSON.stringify({ ...CHECK, created_at: 'soon' }),
      "the answer was not a connection check (field 'created_at' is not an ISO 8601 timestamp)"
    ]
  ])('takes a 2xx that is not a check as transient: %s', (body, reason) => {
    expect(classifyResponse(answer(200, body), NOW)).toEqual({
      ok: false,
      problem: { kind: 'transient', status: 200, reason, retryAfterMs: undefined }
    })
  })

  it('names the host a redirect points at', () => {
    expect(
      classifyResponse(answer(302, '', { location: 'https://evil.example:8443/x' }), NOW)
    ).toEqual({
      ok: false,
      problem: { kind: 'redirect', status: 302, location: 'evil.example:8443' }
    })
    expect(classifyResponse(answer(307, '', { location: '/elsewhere' }), NOW)).toMatchObject({
      problem: { location: '/elsewhere' }
    })
    expect(classifyResponse(answer(301, ''), NOW)).toMatchObject({
      problem: { location: undefined }
    })
  })

  it("maps the API's 401 and 403 to unauthorized with the detail", () => {
    const detail = 'API key is malformed, please type the API key correctly in the header.'
    expect(classifyResponse(answer(401, { detail }), NOW)).toEqual({
      ok: false,
      problem: { kind: 'unauthorized', status: 401, detail }
    })
    expect(classifyResponse(answer(403, { detail: 'Forbidden' }), NOW)).toEqual({
      ok: false,
      problem: { kind: 'unauthorized', status: 403, detail: 'Forbidden' }
    })
  })

  it.each([401, 403, 404])(
    'tells a %i page from a firewall, CDN or proxy from an API answer',
    (status) => {
      const page =
        '<!DOCTYPE html><html><head>\n<title>Attention Required! &#124; Cloudflare</title>' +
        '</head><body>Sorry, you have been blocked</body></html>'
      expect(
        classifyResponse(answer(status, page, { 'content-type': 'text/html; charset=UTF-8' }), NOW)
      ).toEqual({
        ok: false,
        problem: {
          kind: 'foreign-answer',
          status,
          contentType: 'text/html',
          title: 'Attention Required! | Cloudflare'
        }
      })
      for (const body of ['', 'Forbidden', '{"error":"denied"}', '<html><body>no</body></html>']) {
        expect(classifyResponse(answer(status, body), NOW)).toMatchObject({
          problem: { kind: 'foreign-answer', status, contentType: undefined, title: undefined }
        })
      }
    }
  )

  it('keeps an HTML 5xx transient', () => {
    const page = '<html><head><title>502 Bad Gateway</title></head></html>'
    expect(classifyResponse(answer(502, page, { 'content-type': 'text/html' }), NOW)).toMatchObject(
      { problem: { kind: 'transient', status: 502 } }
    )
  })

  it('maps 404 to not-found', () => {
    expect(classifyResponse(answer(404, { detail: 'Not Found' }), NOW)).toEqual({
      ok: false,
      problem: { kind: 'not-found', status: 404, detail: 'Not Found' }
    })
  })

  it('lists every 422 item as loc: msg, and takes a string detail as one item', () => {
    const detail = [
      {
        loc: ['path', 'source_id'],
        msg: 'Input should be a valid UUID',
        type: 'uuid_parsing',
        ctx: {}
      },
      { loc: ['body', 0, 'x'], msg: 'Field required', type: 'missing', input: null },
      { msg: 'no location', type: 'x' }
    ]
    expect(classifyResponse(answer(422, { detail }), NOW)).toEqual({
      ok: false,
      problem: {
        kind: 'validation',
        status: 422,
        items: [
          'path.source_id: Input should be a valid UUID',
          'body.0.x: Field required',
          'no location'
        ]
      }
    })
    expect(
      classifyResponse(answer(422, { detail: 'connector config is invalid' }), NOW)
    ).toMatchObject({
      problem: { items: ['connector config is invalid'] }
    })
    expect(classifyResponse(answer(422, '<html/>'), NOW)).toMatchObject({ problem: { items: [] } })
  })

  it.each([408, 429, 500, 502, 503, 504])('takes %i as transient', (status) => {
    const result = classifyResponse(
      answer(status, '<html>oops</html>', { 'retry-after': '3' }),
      NOW
    )
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'transient', status, retryAfterMs: 3000 }
    })
  })

  it.each([
    [{ sources: null, destinations: [] }, "field 'sources' must be a list of connector UUIDs"],
    [
      { sources: [], destinations: 'abc' },
      "field 'destinations' must be a list of connector UUIDs"
    ],
    [{ sources: ['x'], destinations: [] }, "field 'sources.0' holds an id that is not a UUID"],
    [null, 'not a JSON object']
  ])('takes JSON of the wrong shape as final where the caller says so: %j', (body, why) => {
    const workflow = { schema: WorkflowConnectorsSchema, name: 'a workflow', shapeIsFinal: true }
    expect(classifyAny(answer(200, JSON.stringify(body)), workflow, NOW)).toEqual({
      ok: false,
      problem: { kind: 'malformed', status: 200, reason: `the answer was not a workflow (${why})` }
    })
    // A web page where the API's JSON belongs (api-url pointing at the web app) is final too.
    expect(classifyAny(answer(200, '<!DOCTYPE html><html>'), workflow, NOW)).toMatchObject({
      problem: { kind: 'malformed', reason: 'the answer was not a workflow (an HTML page)' }
    })
    // An empty or cut-off body is still a blip.
    for (const blip of ['', '{"sources":[']) {
      expect(classifyAny(answer(200, blip), workflow, NOW)).toMatchObject({
        problem: { kind: 'transient' }
      })
    }
  })

  it('takes other 4xx as a rejection that retrying cannot fix', () => {
    expect(classifyResponse(answer(400, { detail: 'bad\nrequest   here' }), NOW)).toEqual({
      ok: false,
      problem: { kind: 'rejected', status: 400, detail: 'bad request here' }
    })
    // Kept whole: reporting caps remote text, after the key has been taken out of it.
    expect(classifyResponse(answer(409, { detail: 'x'.repeat(400) }), NOW)).toMatchObject({
      problem: { detail: 'x'.repeat(400) }
    })
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000)
    expect(parseRetryAfter(' 1.5 ', NOW)).toBe(1500)
    expect(parseRetryAfter(new Date(NOW + 4000).toUTCString(), NOW)).toBe(4000)
    expect(parseRetryAfter(new Date(NOW - 4000).toUTCString(), NOW)).toBe(0)
  })

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
    expect(parseRetryAfter('soon', NOW)).toBeUndefined()
    expect(parseRetryAfter('-1', NOW)).toBeUndefined()
    // A zone-less date would be read in the runner's time zone: not an HTTP date.
    expect(parseRetryAfter('2026-11-28 12:00:04', NOW)).toBeUndefined()
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:04', NOW)).toBeUndefined()
  })

  it('reads each HTTP-date form as GMT', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:04 GMT', NOW)).toBe(4000)
    expect(parseRetryAfter('Saturday, 28-Nov-26 12:00:04 GMT', NOW)).toBe(4000)
    expect(parseRetryAfter('Sat Nov 28 12:00:04 2026', NOW)).toBe(4000)
  })

  it('takes the first of repeated headers', () => {
    const result = classifyResponse(
      { status: 429, headers: { 'retry-after': ['1', '9'] }, body: '' },
      NOW
    )
    expect(result).toMatchObject({ problem: { retryAfterMs: 1000 } })
  })
})

describe('serverDate', () => {
  it('reads an HTTP date and nothing that merely parses as one', () => {
    const at = (date: string) => serverDate(answer(200, '', { date }))
    expect(at('Fri, 28 Nov 2026 12:00:00 GMT')).toBe(NOW)
    for (const odd of ['7', '-1', '2026', 'soon', '']) expect(at(odd)).toBeUndefined()
    expect(serverDate(answer(200, ''))).toBeUndefined()
  })
})

// Expectations come from Date.UTC, so they hold in any time zone; policies.test.ts runs the
// bundle under one far from UTC against a Date header of each form.
describe('parseHttpDate', () => {
  const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37)

  it('reads the three forms of RFC 9110, all as GMT', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(EXAMPLE)
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(EXAMPLE)
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(EXAMPLE)
    expect(parseHttpDate('Thu Nov 26 08:49:37 2026')).toBe(Date.UTC(2026, 10, 26, 8, 49, 37))
    expect(parseHttpDate('Thursday, 26-Nov-26 08:49:37 GMT')).toBe(
      Date.UTC(2026, 10, 26, 8, 49, 37)
    )
  })

  it('counts a leap second as the first of the next minute', () => {
    expect(parseHttpDate('Wed, 31 Dec 2025 23:59:60 GMT')).toBe(Date.UTC(2026, 0, 1))
  })

  it.each([
    ['a date of no form', '2026-11-28T12:00:00Z'],
    ['a zone-less date', 'Sat, 28 Nov 2026 12:00:00'],
    ['another zone', 'Sat, 28 Nov 2026 12:00:00 PST'],
    ['an offset', 'Sat, 28 Nov 2026 12:00:00 +0000'],
    ['UTC for GMT', 'Sat, 28 Nov 2026 12:00:00 UTC'],
    ['a lower-case month', 'Sat, 28 nov 2026 12:00:00 GMT'],
    ['a one-digit day in IMF-fixdate', 'Sat, 8 Nov 2026 12:00:00 GMT'],
    ['a long day name in IMF-fixdate', 'Saturday, 28 Nov 2026 12:00:00 GMT'],
    ['a four-digit year in RFC 850', 'Saturday, 28-Nov-2026 12:00:00 GMT'],
    ['asctime with GMT', 'Sat Nov 28 12:00:00 2026 GMT'],
    ['31 February', 'Tue, 31 Feb 2026 12:00:00 GMT'],
    ['day 0', 'Tue, 00 Feb 2026 12:00:00 GMT'],
    ['hour 24', 'Sat, 28 Nov 2026 24:00:00 GMT'],
    ['minute 60', 'Sat, 28 Nov 2026 12:60:00 GMT'],
    ['second 61', 'Sat, 28 Nov 2026 12:00:61 GMT'],
    ['a month that is none', 'Sat, 28 Nev 2026 12:00:00 GMT'],
    ['space around it', ' Sat, 28 Nov 2026 12:00:00 GMT'],
    ['digits', '7'],
    ['a negative number', '-1']
  ])('refuses %s', (_, text) => {
    expect(parseHttpDate(text)).toBeUndefined()
  })
})
