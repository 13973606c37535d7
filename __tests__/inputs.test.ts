import { describe, expect, it } from '@jest/globals'
import { readSettings } from '../src/inputs.js'
import { InvalidInputError } from '../src/problems.js'

const SOURCE = '5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b'
const DEST = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d'
const KEY = 'secret_key_123456'

function read(inputs: Record<string, string>): (name: string) => string {
  return (name) => inputs[name] ?? ''
}

function attempt(inputs: Record<string, string>): { masked: string[]; error?: InvalidInputError } {
  const masked: string[] = []
  try {
    readSettings(read(inputs), (s) => masked.push(s))
    return { masked }
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error
    return { masked, error }
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
      apiKey: KEY,
      api: {
        base: 'https://platform.unstructuredapp.io/api/v1',
        host: 'platform.unstructuredapp.io'
      },
      timeoutMs: 300_000,
      pollIntervalMs: 10_000
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
        'poll-interval-seconds': '.5'
      }),
      () => undefined
    )
    expect(settings.connectors).toEqual([{ kind: 'destination', id: DEST }])
    expect(settings.api.base).toBe('http://127.0.0.1:8080/api/v1')
    expect(settings.timeoutMs).toBe(2500)
    expect(settings.pollIntervalMs).toBe(500)
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

  it('rejects a key with inner whitespace without printing it', () => {
    const { error } = attempt({ 'source-id': SOURCE, 'api-key': 'abc def\u0007' })
    expect(error?.message).toBe(
      "Input 'api-key' contains whitespace or control characters; check the secret."
    )
  })

  it.each([
    ['timeout-seconds', '0', 'Input \'timeout-seconds\' must be greater than zero; got "0".'],
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
    ['source-id', 'abc', 'Input \'source-id\' must be a connector UUID; got "abc".'],
    [
      'api-url',
      'http://example.com',
      'Input \'api-url\' must use https; plain http is only allowed for localhost and 127.0.0.0/8; got "http://example.com".'
    ],
    [
      'api-url',
      'https://me:pw@example.com',
      'Input \'api-url\' must not contain a user name or password; got "https://***@example.com".'
    ]
  ])('names the input and the value: %s=%s', (input, value, message) => {
    const { error } = attempt({ 'source-id': SOURCE, 'api-key': KEY, [input]: value })
    expect(error?.message).toBe(message)
    expect(error?.problem).toMatchObject({ kind: 'invalid-input', input })
  })

  it('asks for a connector when none is given', () => {
    const { error } = attempt({ 'api-key': KEY })
    expect(error?.message).toBe("Give the connector to check: set 'source-id' or 'destination-id'.")
  })

  it('takes one connector per step for now', () => {
    const { error } = attempt({ 'api-key': KEY, 'source-id': SOURCE, 'destination-id': DEST })
    expect(error?.message).toBe(
      "Give exactly one connector in 'source-id' or 'destination-id'; got 2."
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
    expect(error?.message).toContain(`"${'x'.repeat(77)}..."`)
  })
})
