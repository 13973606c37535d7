import { describe, expect, it } from '@jest/globals'
import { isLoopbackHost, parseApiUrl, redactUserinfo } from '../../src/api/url.js'

describe('parseApiUrl', () => {
  it.each([
    'https://platform.unstructuredapp.io',
    'https://platform.unstructuredapp.io/',
    'https://platform.unstructuredapp.io/api/v1',
    'https://platform.unstructuredapp.io/api/v1/',
    'https://platform.unstructuredapp.io//api/v1//'
  ])('reads %s as the published API', (raw) => {
    expect(parseApiUrl(raw)).toEqual({
      ok: true,
      value: {
        base: 'https://platform.unstructuredapp.io/api/v1',
        host: 'platform.unstructuredapp.io'
      }
    })
  })

  it('keeps a deployment path prefix and a port', () => {
    expect(parseApiUrl('https://acme.example:8443/unstructured/api/v1/')).toEqual({
      ok: true,
      value: { base: 'https://acme.example:8443/unstructured/api/v1', host: 'acme.example:8443' }
    })
  })

  it.each([
    'http://localhost:8080',
    'http://127.0.0.1:3000/api/v1',
    'http://127.1:80',
    'http://[::1]:9000/'
  ])('allows plain http to loopback: %s', (raw) => {
    expect(parseApiUrl(raw)).toHaveProperty('value.base')
  })

  it.each([
    [
      'http://platform.unstructuredapp.io',
      'must use https; plain http is only allowed for localhost, 127.0.0.0/8 and [::1]'
    ],
    [
      'http://10.0.0.1',
      'must use https; plain http is only allowed for localhost, 127.0.0.0/8 and [::1]'
    ],
    ['ftp://example.com', 'must use https (got ftp)'],
    ['not a url', 'is not a valid URL'],
    ['https://user:secret@example.com', 'must not contain a user name or password'],
    ['https:user:secret@example.com', 'must not contain a user name or password'],
    ['https://example.com/a@b', 'must not contain a user name or password'],
    ['https://example.com/?x=1', 'must not contain a query string or fragment'],
    ['https://example.com/#top', 'must not contain a query string or fragment']
  ])('rejects %s', (raw, error) => {
    expect(parseApiUrl(raw)).toEqual({ ok: false, problem: error })
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.3.4', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false]
  ])('%s -> %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})

describe('redactUserinfo', () => {
  it.each([
    ['https://platform.unstructuredapp.io', 'https://platform.unstructuredapp.io'],
    ['https://u:p@host', 'https://***@host'],
    ['HTTPS:u:p@host', 'HTTPS:***@host'],
    ['https://u:p@q@host/x', 'https://***@host/x'],
    ['  http:\\\\u:p w@host', '  http:\\\\***@host'],
    ['ftp://u:p@host', '***@host'],
    ['u:p@host', '***@host']
  ])('%s -> %s', (raw, shown) => {
    expect(redactUserinfo(raw)).toBe(shown)
  })
})
