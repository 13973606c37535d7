import { describe, expect, it } from '@jest/globals'
import { ConnectionCheckSchema, type ConnectionCheck } from '../../src/api/schemas.js'
import { parseTimestamp } from '../../src/api/timestamp.js'
import { isFinal, isKnownStatus } from '../../src/api/status.js'
import { relationTo } from '../../src/wait/ownership.js'

function check(id: string, createdAt: string, status = 'SCHEDULED'): ConnectionCheck {
  return ConnectionCheckSchema.parse({ id, status, created_at: createdAt })
}

describe('which check is mine', () => {
  const ours = check('ours', '2026-11-28T12:00:00.123456Z')

  it('follows the same id whatever its timestamp says', () => {
    expect(relationTo(ours, check('ours', '2020-01-01T00:00:00Z'), false)).toBe('same')
  })

  it('takes a check created later as newer', () => {
    expect(relationTo(ours, check('b', '2026-11-28T12:00:01Z'), false)).toBe('newer')
    expect(relationTo(ours, check('b', '2026-11-28T12:00:00.123457Z'), false)).toBe('newer')
    expect(relationTo(ours, check('b', '2026-11-28T13:00:00.123456+01:00'), false)).toBe(
      'unordered'
    )
  })

  it('never takes an earlier check as ours', () => {
    expect(relationTo(ours, check('b', '2026-11-28T12:00:00.123455Z'), false)).toBe('older')
    expect(relationTo(ours, check('b', '2026-11-28T11:59:59Z'), false)).toBe('older')
  })

  it('takes a newer check that is already final only once a poll showed ours as the latest', () => {
    const done = check('b', '2026-11-28T12:00:01Z', 'SUCCESS')
    expect(relationTo(ours, done, false)).toBe('unproven')
    expect(relationTo(ours, done, true)).toBe('newer')
    expect(relationTo(ours, check('b', '2026-11-28T12:00:01Z'), false)).toBe('newer')
  })

  it('takes a newer check that has a reported_at as decided, whatever its status', () => {
    const reported = ConnectionCheckSchema.parse({
      id: 'b',
      status: 'RUNNING',
      created_at: '2026-11-28T12:00:01Z',
      reported_at: '2026-11-28T12:00:02Z'
    })
    expect(relationTo(ours, reported, false)).toBe('unproven')
    expect(relationTo(ours, reported, true)).toBe('newer')
  })

  it('never trusts a newer check stamped more than a day from the server Date', () => {
    const serverDateMs = Date.UTC(2026, 10, 28, 12, 0, 0)
    const at = (createdAt: string) => ({ ...check('b', createdAt), serverDateMs })
    expect(relationTo(ours, at('2026-11-29T11:59:59Z'), true)).toBe('newer')
    expect(relationTo(ours, at('2026-11-29T12:00:01Z'), true)).toBe('implausible')
    expect(relationTo(ours, at('9999-01-01T00:00:00Z'), true)).toBe('implausible')
    expect(relationTo(ours, check('b', '9999-01-01T00:00:00Z'), true)).toBe('implausible')
  })

  it('cannot order another id with the very same created_at', () => {
    expect(relationTo(ours, check('b', '2026-11-28T12:00:00.123456'), false)).toBe('unordered')
  })
})

describe('final statuses', () => {
  it.each([
    ['SUCCESS', true, true],
    ['FAILURE', true, true],
    ['SCHEDULED', false, true],
    ['PENDING', false, false],
    ['success', false, false],
    ['', false, false]
  ])('%s: final %s, known %s', (status, final, known) => {
    expect(isFinal(status)).toBe(final)
    expect(isKnownStatus(status)).toBe(known)
  })
})

describe('parseTimestamp', () => {
  it('reads the forms the API may use', () => {
    expect(parseTimestamp('2026-01-01T00:00:00Z')).toEqual({
      epochMs: Date.UTC(2026, 0, 1),
      subMsNanos: 0
    })
    expect(parseTimestamp('2026-01-01 00:00:00.5')).toEqual({
      epochMs: Date.UTC(2026, 0, 1) + 500,
      subMsNanos: 0
    })
    expect(parseTimestamp('2026-01-01T01:00:00.000123+01:00')).toEqual({
      epochMs: Date.UTC(2026, 0, 1),
      subMsNanos: 123_000
    })
    expect(parseTimestamp('2026-01-01T00:00')).toEqual({
      epochMs: Date.UTC(2026, 0, 1),
      subMsNanos: 0
    })
  })

  it.each([
    ['2026-12-02 10:00:00.123+00', Date.UTC(2026, 11, 2, 10, 0, 0, 123)],
    ['2026-12-02 10:00:00.123+0000', Date.UTC(2026, 11, 2, 10, 0, 0, 123)],
    ['2026-12-02 10:00:00.123+00:00', Date.UTC(2026, 11, 2, 10, 0, 0, 123)],
    ['2026-12-02 10:00:00+00', Date.UTC(2026, 11, 2, 10)],
    ['2026-12-02T10:00:00', Date.UTC(2026, 11, 2, 10)],
    ['2026-12-02T10:00:00.123456', Date.UTC(2026, 11, 2, 10, 0, 0, 123)],
    ['2026-12-02T15:30:00+05:30', Date.UTC(2026, 11, 2, 10)],
    ['2026-12-02 02:00:00-08', Date.UTC(2026, 11, 2, 10)],
    ['2026-12-02t10:00:00z', Date.UTC(2026, 11, 2, 10)],
    ['9999-12-31T23:59:59Z', Date.UTC(9999, 11, 31, 23, 59, 59)]
  ])('reads %s (PostgreSQL, naive and offset forms)', (text, epochMs) => {
    expect(parseTimestamp(text)?.epochMs).toBe(epochMs)
  })

  it.each([
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:00:00+25:00',
    '2026-01-01',
    ''
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined()
  })
})
