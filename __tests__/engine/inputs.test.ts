import { describe, expect, it } from '@jest/globals'
import { readSettings as readAnswer } from '../../src/engine/inputs.js'
import type { InputReader, Settings } from '../../src/engine/contract.js'
import { ACTION_INPUTS } from '../../src/action/names.js'
import type { Problem } from '../../src/core/problem.js'

const SOURCE = '5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'
const DEST = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d'
const KEY = 'secret_key_123456'

function read(inputs: Record<string, string>): (name: string) => string {
  return (name) => inputs[name] ?? ''
}

/** The settings of inputs that must be valid. */
function readSettings(read: InputReader, mask: (secret: string) => void): Settings {
  const answer = readAnswer(read, mask, ACTION_INPUTS)
  if (!answer.ok) throw new Error(`inputs refused: ${JSON.stringify(answer.problem)}`)
  return answer.value
}

interface Refusal {
  message: string
  problem: Problem
}

function attempt(inputs: Record<string, string>): { masked: string[]; error?: Refusal } {
  const masked: string[] = []
  const answer = readAnswer(read(inputs), (s) => masked.push(s), ACTION_INPUTS)
  if (answer.ok) return { masked }
  const { problem } = answer
  return {
    masked,
    error: { problem, message: problem.kind === 'invalid-input' ? problem.message : '' }
  }
}

describe('readSettings', () => {
  it('reads a minimal source check with the defaults', () => {
    const masked: string[] = []
    const settings = readSettings(read({ 'source-id': SOURCE, 'api-key': KEY }), (s) =>
      masked.push(s)
    )
    expect(settings).toEqual({
      connectors: [{ kind: 'source', id: SOURCE }],
      workflowId: undefined,
      names: { source: [], destination: [], workflow: [] },
      apiKey: KEY,
      api: {
        base: 'https://platform.unstructuredapp.io/api/v1',
        host: 'platform.unstructuredapp.io'
      },
      timeoutMs: 300_000,
      pollIntervalMs: 10_000,
      maxConcurrency: 10,
      junitFile: undefined,
      onPlatformUnavailable: 'fail',
      recheckFailures: 0,
      reuseSuccessMs: 0,
      dryRun: false
    })
    expect(masked).toEqual([KEY])
  })

  it('reads a destination, decimals and a custom URL; ids are lower-cased', () => {
    const settings = readSettings(
      read({
        'destination-id': ` ${DEST.toUpperCase()}\n`,
        'api-key': KEY,
        'api-url': 'http://127.0.0.1:8080/api/v1/',
        'timeout-seconds': '2.5',
        'poll-interval-seconds': '1.5'
      }),
      () => undefined
    )
    expect(settings.connectors).toEqual([{ kind: 'destination', id: DEST }])
    expect(settings.api.base).toBe('http://127.0.0.1:8080/api/v1')
    expect(settings.timeoutMs).toBe(2500)
    expect(settings.pollIntervalMs).toBe(1500)
  })

  it('masks the key (and its trimmed form) before validating anything else', () => {
    const { masked, error } = attempt({ 'api-key': ` ${KEY} `, 'source-id': 'nope' })
    expect(masked).toEqual([` ${KEY} `, KEY])
    expect(error?.message).toContain("'source-id'")
  })

  it('requires the key and explains where it comes from, without echoing anything', () => {
    const { error } = attempt({ 'source-id': SOURCE })
    expect(error?.problem).toMatchObject({ kind: 'invalid-input', input: 'api-key' })
    expect(error?.message).toContain('secrets.UNSTRUCTURED_API_KEY')
  })

  it.each(['abc def', 'abc\u0007', 'clé-secrète', 'key€'])(
    'rejects a key that cannot travel in a header (%j), without printing it',
    (key) => {
      const { error } = attempt({ 'source-id': SOURCE, 'api-key': key })
      expect(error?.message).toBe(
        "Input 'api-key' may hold only printable ASCII without spaces; check the 'api-key' secret."
      )
    }
  )

  it('caps the deadline at 6 hours', () => {
    const { error } = attempt({ 'source-id': SOURCE, 'api-key': KEY, 'timeout-seconds': '21601' })
    expect(error?.message).toBe(
      `Input 'timeout-seconds' must be from 1 to 21600 seconds (6 hours); got "21601".`
    )
  })

  it.each([
    [
      'timeout-seconds',
      '0',
      'Input \'timeout-seconds\' must be from 1 to 21600 seconds (6 hours); got "0".'
    ],
    [
      'timeout-seconds',
      '0.001',
      'Input \'timeout-seconds\' must be from 1 to 21600 seconds (6 hours); got "0.001".'
    ],
    [
      'timeout-seconds',
      '-5',
      'Input \'timeout-seconds\' must be a positive number of seconds; got "-5".'
    ],
    [
      'timeout-seconds',
      'ten',
      'Input \'timeout-seconds\' must be a positive number of seconds; got "ten".'
    ],
    [
      'poll-interval-seconds',
      '1e3',
      'Input \'poll-interval-seconds\' must be a positive number of seconds; got "1e3".'
    ],
    [
      'source-id',
      'abc',
      "Input 'source-id' must be connector UUIDs; got \"abc\"; to check sources by name, use 'source-name'."
    ],
    [
      'api-url',
      'http://example.com',
      'Input \'api-url\' must use https; plain http is only allowed for localhost, 127.0.0.0/8 and [::1]; got "http://example.com".'
    ],
    [
      'api-url',
      'https://me:pw@example.com',
      'Input \'api-url\' must not contain a user name or password; got "https://***@example.com".'
    ],
    [
      'poll-interval-seconds',
      '0.001',
      'Input \'poll-interval-seconds\' must be from 1 to 21600 seconds; got "0.001".'
    ],
    [
      'poll-interval-seconds',
      '21601',
      'Input \'poll-interval-seconds\' must be from 1 to 21600 seconds; got "21601".'
    ],
    [
      'max-concurrency',
      '101',
      'Input \'max-concurrency\' must be a whole number from 1 to 100; got "101".'
    ],
    [
      'on-platform-unavailable',
      'ignore',
      'Input \'on-platform-unavailable\' must be fail or warn; got "ignore".'
    ],
    [
      'recheck-failures',
      '4',
      'Input \'recheck-failures\' must be a whole number from 0 to 3; got "4".'
    ],
    [
      'recheck-failures',
      '1.5',
      'Input \'recheck-failures\' must be a whole number from 0 to 3; got "1.5".'
    ],
    [
      'reuse-success-seconds',
      '-1',
      'Input \'reuse-success-seconds\' must be a number of seconds, 0 for off; got "-1".'
    ],
    [
      'reuse-success-seconds',
      '21601',
      'Input \'reuse-success-seconds\' must be at most 21600 (6 hours); got "21601".'
    ],
    ['dry-run', 'yes', 'Input \'dry-run\' must be true or false; got "yes".']
  ])('names the input and the value: %s=%s', (input, value, message) => {
    const { error } = attempt({ 'source-id': SOURCE, 'api-key': KEY, [input]: value })
    expect(error?.message).toBe(message)
    expect(error?.problem).toMatchObject({ kind: 'invalid-input', input })
  })

  it.each([
    ['timeout-seconds', `1${'0'.repeat(400)}`, 'must be from 1 to 21600 seconds (6 hours)'],
    ['reuse-success-seconds', `1${'0'.repeat(400)}`, 'must be at most 21600 (6 hours)'],
    ['max-concurrency', '99999999999999999999', 'must be a whole number from 1 to 100'],
    ['recheck-failures', '99999999999999999999', 'must be a whole number from 0 to 3']
  ])(
    'gives %s its own range for a number past what a double holds exactly',
    (input, value, why) => {
      // Read as Infinity, or as a whole number beyond 2^53: out of range, not another kind of error.
      const { error } = attempt({ 'source-id': SOURCE, 'api-key': KEY, [input]: value })
      expect(error?.message.split('; got ')[0]).toBe(`Input '${input}' ${why}`)
    }
  )

  it('reads the policies', () => {
    const settings = readSettings(
      read({
        'source-id': SOURCE,
        'api-key': KEY,
        'on-platform-unavailable': 'warn',
        'recheck-failures': '3',
        'reuse-success-seconds': '90.5',
        'dry-run': 'True'
      }),
      () => undefined
    )
    expect(settings).toMatchObject({
      onPlatformUnavailable: 'warn',
      recheckFailures: 3,
      reuseSuccessMs: 90_500,
      dryRun: true
    })
  })

  it('asks for something to check when nothing is given', () => {
    const { error } = attempt({ 'api-key': KEY })
    expect(error?.message).toBe(
      "Give something to check: 'source-id', 'destination-id' or 'workflow-id', or " +
        "'source-name', 'destination-name' or 'workflow-name' (or several)."
    )
  })

  it('takes several ids in any separator, both kinds, and each connector once', () => {
    const other = '0b9e7f52-1111-4222-8333-444455556666'
    const settings = readSettings(
      read({
        'api-key': KEY,
        'source-id': `${SOURCE}\n${other}, ${SOURCE.toUpperCase()}\n\n`,
        'destination-id': `${DEST} ${SOURCE}`
      }),
      () => undefined
    )
    expect(settings.connectors).toEqual([
      { kind: 'source', id: SOURCE },
      { kind: 'source', id: other },
      { kind: 'destination', id: DEST },
      { kind: 'destination', id: SOURCE }
    ])
  })

  it('names every bad id of a list', () => {
    const { error } = attempt({ 'api-key': KEY, 'destination-id': `${DEST}, x, y` })
    expect(error?.message).toBe(
      `Input 'destination-id' must be connector UUIDs; got "x", "y"; to check destinations by name, use 'destination-name'.`
    )
  })

  it('takes a workflow id alone, lower-cased', () => {
    const settings = readSettings(
      read({ 'api-key': KEY, 'workflow-id': DEST.toUpperCase() }),
      () => undefined
    )
    expect(settings.connectors).toEqual([])
    expect(settings.workflowId).toBe(DEST)
  })

  it.each([
    ['workflow-id', 'wf-1', `Input 'workflow-id' must be a workflow UUID; got "wf-1".`],
    [
      'max-concurrency',
      '0',
      `Input 'max-concurrency' must be a whole number from 1 to 100; got "0".`
    ],
    [
      'max-concurrency',
      '2.5',
      `Input 'max-concurrency' must be a whole number from 1 to 100; got "2.5".`
    ]
  ])('checks %s=%s', (input, value, message) => {
    const { error } = attempt({ 'api-key': KEY, 'source-id': SOURCE, [input]: value })
    expect(error?.message).toBe(message)
  })

  it('reads max-concurrency and poll-interval-seconds at the ends of their ranges', () => {
    const low = readSettings(
      read({
        'api-key': KEY,
        'source-id': SOURCE,
        'max-concurrency': '1',
        'poll-interval-seconds': '1'
      }),
      () => undefined
    )
    expect([low.maxConcurrency, low.pollIntervalMs]).toEqual([1, 1000])
    const high = readSettings(
      read({
        'api-key': KEY,
        'source-id': SOURCE,
        'max-concurrency': '100',
        'poll-interval-seconds': '21600'
      }),
      () => undefined
    )
    expect([high.maxConcurrency, high.pollIntervalMs]).toEqual([100, 21_600_000])
  })

  it.each([
    ['https:alice:hunter2@example.com', '"https:***@example.com"'],
    ['https://alice:hun ter2@example.com', '"https://***@example.com"'],
    ['https://alice:hun/ter2@example.com', '"https://***@example.com"'],
    ['https://alice:hun@ter2@example.com', '"https://***@example.com"'],
    ['https:\\\\alice:hunter2@example.com', '"https:\\\\\\\\***@example.com"'],
    ['not a url alice:hunter2@example.com', '"***@example.com"'],
    ['alice:hunter2@example.com', '"***@example.com"'],
    ['https://example.com/alice:hunter2@', '"https://***@"']
  ])('never echoes a user name or password in api-url: %s', (url, shown) => {
    const { error } = attempt({ 'api-key': KEY, 'source-id': SOURCE, 'api-url': url })
    expect(error?.message).toBe(
      `Input 'api-url' must not contain a user name or password; got ${shown}.`
    )
    expect(error?.message).not.toMatch(/alice|hunter|ter2/)
  })

  it('quotes values inert: no legacy command, no invisible character, never the key', () => {
    const { error } = attempt({
      'api-key': KEY,
      'workflow-id': `##[set-output name=x;]y \u202E ${KEY}`
    })
    expect(error?.message).toBe(
      `Input 'workflow-id' must be a workflow UUID; got "#\\\\#[set-output name=x;]y <U+202E> ***".`
    )
  })

  it('quotes the first few bad ids of a long list and counts the rest', () => {
    const bad = Array.from({ length: 8 }, (_, i) => `bad-${i}`)
    const { error } = attempt({ 'api-key': KEY, 'source-id': bad.join(',') })
    expect(error?.message).toBe(
      `Input 'source-id' must be connector UUIDs; got "bad-0", "bad-1", "bad-2", "bad-3", "bad-4" and 3 more; to check sources by name, use 'source-name'.`
    )
  })

  it('reports every bad input at once, never the key', () => {
    const { error } = attempt({
      'api-key': KEY,
      'source-id': 'x',
      'timeout-seconds': 'soon',
      'api-url': 'gopher://old'
    })
    expect(error?.message.split('\n')).toHaveLength(3)
    expect(error?.problem).toMatchObject({ input: 'source-id, api-url, timeout-seconds' })
    expect(error?.message).not.toContain(KEY)
  })

  it('shortens a very long bad value', () => {
    const { error } = attempt({ 'api-key': KEY, 'source-id': 'x'.repeat(500) })
    expect(error?.message).toContain(`"${'x'.repeat(80)}…(420 more characters)"`)
  })
})
