import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { PlatformClient } from '../../src/api/client.js'
import { describeNetworkError, Transport } from '../../src/api/transport.js'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'
import { closedOrigin } from '../support/runner.js'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator()
})
afterAll(async () => {
  await sim.close()
})

const options = (timeoutMs = 2000, signal = new AbortController().signal) => ({ timeoutMs, signal })

function client(base = `${sim.url}/api/v1`): PlatformClient {
  return new PlatformClient(base, sim.apiKey, () => Date.now())
}

describe('PlatformClient over real HTTP', () => {
  it('says "connection refused" when nothing listens', async () => {
    const api = client(`${await closedOrigin()}/api/v1`)
    const result = await api.startCheck({ kind: 'source', id: randomUUID() }, options())
    api.close()
    expect(result).toEqual({
      ok: false,
      problem: {
        kind: 'transient',
        status: undefined,
        reason: 'connection refused',
        retryAfterMs: undefined,
        noAnswer: true
      }
    })
  })

  it('cuts off an answer that does not come within the request timeout', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', faults: { post: [{ type: 'hang' }] } })
    const api = client()
    const started = performance.now()
    const result = await api.startCheck({ kind: 'source', id }, options(300))
    // Cut off, not left hanging: only a hang would take this long.
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'transient', reason: 'no answer within 0.3 s' }
    })
    // The client is usable again after it was cut off.
    const next = await api.startCheck({ kind: 'source', id }, options())
    api.close()
    expect(next.ok).toBe(true)
  })

  it('stops at once when cancelled, and says so', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', faults: { post: [{ type: 'hang' }] } })
    const api = client()
    const controller = new AbortController()
    setTimeout(() => {
      controller.abort('SIGINT')
    }, 100)
    const result = await api.startCheck({ kind: 'source', id }, options(5000, controller.signal))
    api.close()
    expect(result).toEqual({ ok: false, problem: { kind: 'cancelled', signal: undefined } })
    const already = await client().latestCheck(
      { kind: 'source', id },
      options(5000, controller.signal)
    )
    expect(already).toMatchObject({ ok: false, problem: { kind: 'cancelled' } })
  })

  it('refuses an answer larger than 1 MiB', async () => {
    const id = randomUUID()
    sim.addConnector(id, {
      kind: 'source',
      faults: { post: [{ type: 'body', body: `{"pad":"${'x'.repeat(1_100_000)}"}` }] }
    })
    const api = client()
    const result = await api.startCheck({ kind: 'source', id }, options())
    api.close()
    expect(result).toMatchObject({
      ok: false,
      problem: { kind: 'transient', reason: 'answer larger than 1 MiB' }
    })
  })

  it('reads a connector and a workflow', async () => {
    const id = randomUUID()
    const workflow = randomUUID()
    sim.addConnector(id, { kind: 'destination', name: 'warehouse', type: 'postgres' })
    sim.addWorkflow(workflow, { sources: [], destinations: [id] })
    const api = client()
    expect(await api.connectorInfo({ kind: 'destination', id }, options())).toEqual({
      ok: true,
      value: { id, name: 'warehouse', type: 'postgres', updatedAt: null }
    })
    expect(await api.workflow(workflow, options())).toMatchObject({
      ok: true,
      value: { sources: [], destinations: [id] }
    })
    api.close()
  })

  it('never sends a request outside the configured host', async () => {
    const transport = new Transport(`${sim.url}/api/v1`, {}, 'test')
    await expect(transport.send('GET', 'http://127.0.0.2:1/api/v1/x', options())).rejects.toThrow(
      'refusing to send a request outside the configured API host'
    )
    transport.close()
  })
})

describe('describeNetworkError', () => {
  const withCode = (message: string, code?: string): Error =>
    Object.assign(new Error(message), code === undefined ? {} : { code })

  it.each([
    [withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'), 'connection refused'],
    [withCode('read ECONNRESET', 'ECONNRESET'), 'connection reset'],
    [withCode('socket hang up', 'ECONNRESET'), 'connection closed before an answer'],
    [withCode('getaddrinfo ENOTFOUND x', 'ENOTFOUND'), 'host name not found (DNS)'],
    [withCode('Request timeout: /x'), 'socket timed out'],
    [withCode('odd', 'EWEIRD'), 'network error (EWEIRD)'],
    [withCode('something\n  else'), 'something else'],
    ['not an error', 'network error']
  ])('%s -> %s', (error, text) => {
    expect(describeNetworkError(error)).toEqual({ reason: text })
  })

  it.each([
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER'
  ])('marks %s as a TLS failure, which waiting cannot fix', (code) => {
    expect(describeNetworkError(withCode('certificate trouble', code))).toEqual({
      reason: `TLS error (${code})`,
      tlsCode: code
    })
  })

  it.each(['ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR', 'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC'])(
    'keeps %s, which can be a blip on one connection, retryable',
    (code) => {
      expect(describeNetworkError(withCode('alert', code))).toEqual({
        reason: `TLS error (${code})`
      })
    }
  )

  it.each([403, 407])('reads a proxy that refused the tunnel with %i', (status) => {
    const error = withCode(`tunneling socket could not be established, statusCode=${status}`)
    expect(describeNetworkError(error)).toEqual({
      reason: `the proxy refused the tunnel (HTTP ${status})`,
      proxyStatus: status
    })
  })

  it('reads a proxy that could not be reached', () => {
    const error = withCode(
      'tunneling socket could not be established, cause=connect ECONNREFUSED 127.0.0.1:9'
    )
    expect(describeNetworkError(error)).toEqual({
      reason: 'could not reach the proxy (connection refused)'
    })
  })
})

describe('PlatformClient behind a proxy that answers CONNECT itself', () => {
  /** A "proxy" that answers every CONNECT with `status`, as a corporate proxy would. */
  async function refusingProxy(status: number): Promise<{ url: string; close: () => void }> {
    const { createServer: createTcpServer } = await import('node:net')
    const server = createTcpServer((socket) => {
      socket.once('data', () => {
        socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return { url: `http://proxy-user:proxy-secret@127.0.0.1:${port}`, close: () => server.close() }
  }

  async function startThrough(status: number) {
    const proxy = await refusingProxy(status)
    const saved = process.env.HTTPS_PROXY
    process.env.HTTPS_PROXY = proxy.url
    try {
      const api = client('https://api.platform.test/api/v1')
      const result = await api.startCheck({ kind: 'source', id: randomUUID() }, options())
      api.close()
      return { result, proxy }
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY
      else process.env.HTTPS_PROXY = saved
      proxy.close()
    }
  }

  it.each([403, 407])(
    'takes a %i as the proxy refusing for good, named without credentials',
    async (status) => {
      const { result } = await startThrough(status)
      expect(result).toEqual({
        ok: false,
        problem: {
          kind: 'proxy-refused',
          proxy: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
          status
        }
      })
      expect(JSON.stringify(result)).not.toContain('proxy-secret')
    }
  )

  it.each([429, 408, 502])(
    'takes a %i as a proxy that may let the tunnel through later',
    async (status) => {
      const { result } = await startThrough(status)
      expect(result).toMatchObject({
        ok: false,
        problem: { kind: 'transient', reason: `the proxy refused the tunnel (HTTP ${status})` }
      })
    }
  )
})
