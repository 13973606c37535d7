import { describe, expect, it } from '@jest/globals'
import { POST_ANSWER_TOLERANCE_MS, predatesRequest } from '../src/api/freshness.js'
import { ConnectionCheckSchema, type ConnectionCheck } from '../src/api/schemas.js'

const SERVER_NOW = Date.parse('2026-11-28T12:00:00Z')

function checkCreatedAt(epochMs: number): ConnectionCheck {
  return ConnectionCheckSchema.parse({
    id: 'c1',
    status: 'SUCCESS',
    created_at: new Date(epochMs).toISOString()
  })
}

function answer(date?: string | string[]) {
  return { status: 202, headers: date === undefined ? {} : { date }, body: '' }
}

const dateHeader = (epochMs: number): string => new Date(epochMs).toUTCString()

describe('predatesRequest: is a POST answer the check that POST started?', () => {
  it('accepts a check created while the request was served', () => {
    const timing = { sentAtEpochMs: SERVER_NOW - 300, answeredAtEpochMs: SERVER_NOW }
    expect(
      predatesRequest(checkCreatedAt(SERVER_NOW - 200), answer(dateHeader(SERVER_NOW)), timing)
    ).toBeUndefined()
  })

  it('refuses a check created an hour before the request, naming it and its age', () => {
    const timing = { sentAtEpochMs: SERVER_NOW - 100, answeredAtEpochMs: SERVER_NOW }
    expect(
      predatesRequest(
        checkCreatedAt(SERVER_NOW - 3_600_000),
        answer(dateHeader(SERVER_NOW)),
        timing
      )
    ).toBe('the answer was check c1, created 3600 s before the request, not a check it started')
  })

  it("goes by the server's Date, so a runner clock that is an hour off does not matter", () => {
    const fastRunner = {
      sentAtEpochMs: SERVER_NOW + 3_600_000,
      answeredAtEpochMs: SERVER_NOW + 3_600_100
    }
    expect(
      predatesRequest(checkCreatedAt(SERVER_NOW), answer(dateHeader(SERVER_NOW)), fastRunner)
    ).toBeUndefined()
    const slowRunner = {
      sentAtEpochMs: SERVER_NOW - 3_600_100,
      answeredAtEpochMs: SERVER_NOW - 3_600_000
    }
    expect(
      predatesRequest(
        checkCreatedAt(SERVER_NOW - 7_200_000),
        answer([dateHeader(SERVER_NOW)]),
        slowRunner
      )
    ).toMatch(/created 7200 s before/)
  })

  it('allows for a slow round trip and for clocks within the API that disagree a little', () => {
    expect(POST_ANSWER_TOLERANCE_MS).toBe(2000)
    // Created as the request arrived, 10 s before a slow answer, by a clock 1.5 s behind Date's.
    const timing = { sentAtEpochMs: SERVER_NOW - 10_000, answeredAtEpochMs: SERVER_NOW }
    const created = SERVER_NOW - 10_000 - 1_500
    expect(
      predatesRequest(checkCreatedAt(created), answer(dateHeader(SERVER_NOW)), timing)
    ).toBeUndefined()
    expect(
      predatesRequest(
        checkCreatedAt(SERVER_NOW - 10_000 - POST_ANSWER_TOLERANCE_MS - 1000),
        answer(dateHeader(SERVER_NOW)),
        timing
      )
    ).toMatch(/created 3 s before/)
  })

  it("falls back to the runner's clock without a readable Date", () => {
    const timing = { sentAtEpochMs: SERVER_NOW - 100, answeredAtEpochMs: SERVER_NOW }
    for (const date of [undefined, 'yesterday', []]) {
      expect(predatesRequest(checkCreatedAt(SERVER_NOW - 50), answer(date), timing)).toBeUndefined()
      expect(
        predatesRequest(checkCreatedAt(SERVER_NOW - 3_600_000), answer(date), timing)
      ).toBeDefined()
    }
  })
})
