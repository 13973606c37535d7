import { describe, expect, it } from '@jest/globals'
import { ConnectionCheckSchema, parseTimestamp, type ConnectionCheck } from '../src/api/schemas.js'
import { isFinal, isKnownStatus, relationTo } from '../src/wait/ownership.js'

function check(id: string, createdAt: string, status = 'SCHEDULED'): ConnectionCheck {
  return ConnectionCheckSchema.parse({ id, status, created_at: createdAt })
}

describe('which check is mine', () => {
  const ours = check('ours', '2026-11-28T12:00:00.123456Z')

  it('follows the same id whatever its timestamp says', () => {
    expect(relationTo(ours, check('ours', '2020-01-01T00:00:00Z'))).toBe('same')
  })

  it('takes a check created later as newer', () => {
    expect(relationTo(ours, check('b', '2026-11-28T12:00:01Z'))).toBe('newer')
    expect(relationTo(ours, check('b', '2026-11-28T12:00:00.123457Z'))).toBe('newer')
    expect(relationTo(ours, check('b', '2026-11-28T13:00:00.123456+01:00'))).toBe('unordered')
  })

  it('never takes an earlier check as ours', () => {
    expect(relationTo(ours, check('b', '2026-11-28T12:00:00.123455Z'))).toBe('older')
    expect(relationTo(ours, check('b', '2026-11-28T11:59:59Z'))).toBe('older')
  })

  it('cannot order another id with the very same created_at', () => {
    expect(relationTo(ours, check('b', '2026-11-28T12:00:00.123456'))).toBe('unordered')
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

  it.each(['yesterday', '2026-13-01T00:00:00Z', '2026-01-01', ''])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined()
  })
})
