import { inertCheck, inertRun } from '../../src/engine/inert.js'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { REMOTE_TEXT_LIMIT, RemoteText } from '../../src/core/remote-text.js'
import type { ConnectionCheck } from '../../src/api/schemas.js'

const KEY = 'sim_key_0123456789abcdef'
const text = new RemoteText([KEY])

/** Every character the runner or a reader could be fooled by. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /##\[|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u

const FRAGMENTS = [
  '##[',
  '#',
  '[',
  '##',
  '::',
  '::error::',
  '\n',
  '\r\n::warning::',
  '\u0000',
  '\u202E',
  '\u2066',
  '\u200B',
  '\uD800',
  '😀',
  KEY,
  KEY.slice(0, 7),
  KEY.slice(7),
  'SUCCESS',
  ' ',
  'x'
]
const hostile = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((f) => f.join(''))

describe('RemoteText.clean', () => {
  it.each([
    ['x ##[set-output name=approved;]true', 'x #\\#[set-output name=approved;]true'],
    ['###[x] ####[y', '##\\#[x] ###\\#[y'],
    ['a\n::error::b\r\nc', 'a ::error::b  c'],
    ['gnp.\u202Eexe', 'gnp.<U+202E>exe'],
    ['\u2066x\u2069 zero\u200Bwidth \uFEFF', '<U+2066>x<U+2069> zero<U+200B>width <U+FEFF>'],
    ['lone \uD800 surrogate', 'lone <U+D800> surrogate'],
    ['emoji 😀 stays', 'emoji 😀 stays'],
    [`key ${KEY} and again${KEY}`, 'key *** and again***'],
    [' SUCCESS ', ' SUCCESS ']
  ])('%j -> %j', (raw, clean) => {
    expect(text.clean(raw)).toBe(clean)
  })

  it('replaces the key however the JSON wrote it', () => {
    const escaped = Array.from(KEY, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    const decoded = JSON.parse(`{"detail":"bad key ${escaped.join('')}"}`) as { detail: string }
    expect(text.clean(decoded.detail)).toBe('bad key ***')
  })

  it('replaces a key that the escapes would otherwise change or complete', () => {
    const odd = new RemoteText(['k##[ey', 'a<U+202E>b'])
    expect(odd.clean('k##[ey')).toBe('***')
    expect(odd.clean('a\u202Eb')).toBe('***')
  })

  it('caps a piece at 2,000 characters and says how many more there were', () => {
    const long = 'y'.repeat(1_000_000)
    expect(text.clean(long)).toBe(`${'y'.repeat(REMOTE_TEXT_LIMIT)}…(998000 more characters)`)
    expect(text.clean('y'.repeat(REMOTE_TEXT_LIMIT))).toBe('y'.repeat(REMOTE_TEXT_LIMIT))
    expect(text.clean('abcd', 3)).toBe('abc…(1 more character)')
    // Characters, not UTF-16 units: a pair is never cut in two.
    expect(text.clean('😀'.repeat(5), 2)).toBe('😀😀…(3 more characters)')
  })

  it('leaves nothing unsafe, never the key, and never makes a SUCCESS out of something else', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const clean = text.clean(raw)
        expect(clean).not.toMatch(UNSAFE)
        expect(clean).not.toContain(KEY)
        expect(clean === 'SUCCESS').toBe(raw === 'SUCCESS')
      }),
      { seed: 42, numRuns: 2000 }
    )
  })
})

describe('RemoteText on structured values', () => {
  const check: ConnectionCheck = {
    id: '##[id',
    status: 'SUCC\u202EESS',
    reason: KEY,
    createdAt: '2026-01-01T00:00:00Z',
    reportedAt: null,
    created: { epochMs: 0, subMsNanos: 0 }
  }

  it('cleans every text field of a check and keeps the rest', () => {
    expect(inertCheck(text, check)).toEqual({
      ...check,
      id: '#\\#[id',
      status: 'SUCC<U+202E>ESS',
      reason: '***'
    })
  })

  it('cleans names, problems and whole runs', () => {
    expect(text.names({ name: `n ${KEY}`, type: undefined })).toEqual({
      name: 'n ***',
      type: undefined
    })
    expect(text.names(undefined)).toBeUndefined()
    // The items of a 422 become one capped piece, however many the server sent.
    const items = Array.from({ length: 5000 }, (_, i) => `body.x${i}: ##[bad`)
    const validation = text.problem({ kind: 'validation', status: 422, items })
    expect(validation).toMatchObject({ kind: 'validation', items: [expect.any(String)] })
    expect(JSON.stringify(validation)).not.toContain('##[')
    expect(text.problem({ kind: 'validation', status: 422, items: [] })).toEqual({
      kind: 'validation',
      status: 422,
      items: []
    })
    expect(text.problem({ kind: 'unauthorized', status: 401, detail: KEY })).toEqual({
      kind: 'unauthorized',
      status: 401,
      detail: '***'
    })
    // The other kind's connector, found by its id, is named only once its names are inert.
    expect(
      text.problem({
        kind: 'not-found',
        status: 404,
        detail: `no ${KEY}`,
        otherKind: { kind: 'source', names: { name: '::error::x\n##[y', type: 's3\u202E' } }
      })
    ).toEqual({
      kind: 'not-found',
      status: 404,
      detail: 'no ***',
      otherKind: { kind: 'source', names: { name: '::error::x #\\#[y', type: 's3<U+202E>' } }
    })
    expect(text.problem({ kind: 'not-found', status: 404, detail: undefined })).toEqual({
      kind: 'not-found',
      status: 404,
      detail: undefined
    })
    expect(text.problem({ kind: 'redirect', status: 302, location: undefined })).toEqual({
      kind: 'redirect',
      status: 302,
      location: undefined
    })
    expect(text.problem({ kind: 'timeout', lastTransient: '##[x' })).toEqual({
      kind: 'timeout',
      lastTransient: '#\\#[x'
    })
    const run = inertRun(text, {
      connector: { kind: 'source', id: 'c' },
      created: check,
      joined: false,
      followed: undefined,
      lastIgnored: { check, relation: 'older' },
      problem: { kind: 'malformed', status: 200, reason: `##[${KEY}` },
      posts: 1,
      durationMs: 5
    })
    expect(run.created?.id).toBe('#\\#[id')
    expect(run.followed).toBeUndefined()
    expect(run.lastIgnored?.check.reason).toBe('***')
    expect(run.problem).toEqual({ kind: 'malformed', status: 200, reason: '#\\#[***' })
  })
})

describe('page titles from firewalls and proxies', () => {
  const page = (title: string) => ({
    status: 403,
    headers: { 'content-type': 'text/html' },
    body: `<html><head><title>${title}</title></head><body>blocked</body></html>`
  })

  it('never shows part of the key, wherever a long title would be cut', async () => {
    const { classifyResponse } = await import('../../src/api/classify.js')
    const { ConnectionCheckSchema } = await import('../../src/api/schemas.js')
    const expected = { schema: ConnectionCheckSchema, name: 'a connection check' }
    for (let pad = 100; pad <= 125; pad += 1) {
      const classified = classifyResponse(page(`${'x'.repeat(pad)}${KEY} ##[x`), expected, 0)
      if (classified.ok || classified.problem.kind !== 'foreign-answer')
        throw new Error('not foreign')
      const inert = text.problem(classified.problem)
      const shown = JSON.stringify(inert)
      for (let cut = 8; cut <= KEY.length; cut += 1) expect(shown).not.toContain(KEY.slice(0, cut))
      expect(shown).not.toContain('##[')
    }
  })

  it('reads the title of a 1 MiB page made of <title> tags in one pass', async () => {
    const { classifyResponse } = await import('../../src/api/classify.js')
    const { ConnectionCheckSchema } = await import('../../src/api/schemas.js')
    const expected = { schema: ConnectionCheckSchema, name: 'a connection check' }
    const body = '<title>'.repeat(150_000)
    // A backtracking pattern took about 75 s of CPU on this body; jest's limit is 30 s.
    const classified = classifyResponse({ status: 401, headers: {}, body }, expected, 0)
    expect(classified).toMatchObject({ problem: { kind: 'foreign-answer', title: undefined } })
  })
})
