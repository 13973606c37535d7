import { execFile, spawn } from 'node:child_process'
import { randomUUID, X509Certificate } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { Socket } from 'node:net'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { closed, rawRequest } from '../support/raw-request.js'
import { makeCertificates, type TestCertificates } from '../support/tls.js'

// The HTTPS simulator, the test certificates and the CONNECT proxy, over real TLS on loopback.

const API_HOST = 'api.platform.test'
const REPO = fileURLToPath(new URL('../..', import.meta.url))

let certs: TestCertificates
let sim: Simulator
let source: string

beforeAll(async () => {
  certs = await makeCertificates()
  sim = await startSimulator({
    tls: { cert: certs.cert, key: certs.key },
    hostname: 'localhost'
  })
  source = randomUUID()
  sim.addConnector(source, { kind: 'source', name: 'tls-bucket', checkDurationMs: 0 })
})

afterAll(async () => {
  await sim.close()
  await certs.remove()
})

const connectorPath = () => `/api/v1/sources/${source}`
const keyHeader = () => ({ 'unstructured-api-key': sim.apiKey })

/** Asks the proxy for a tunnel; resolves with its answer and, on 200, the open socket. */
function openTunnel(
  proxy: ConnectProxy,
  target: string,
  headers: Record<string, string> = {}
): Promise<{ status: number; headers: IncomingHttpHeaders; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: proxy.host,
      port: proxy.port,
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...headers },
      agent: false
    })
    req.on('connect', (res, socket) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers, socket })
    })
    req.on('error', reject)
    req.end()
  })
}

function secure(socket: Socket, servername: string): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const tls = tlsConnect({ socket, servername, ca: certs.caCert }, () => {
      resolve(tls)
    })
    tls.once('error', reject)
  })
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown }).code
}

describe('makeCertificates', () => {
  it('issues a server certificate for the test hosts, signed by its own CA', () => {
    const ca = new X509Certificate(certs.caCert)
    const server = new X509Certificate(certs.cert)
    expect(ca.ca).toBe(true)
    expect(server.ca).toBe(false)
    expect(server.checkIssued(ca)).toBe(true)
    expect(server.verify(ca.publicKey)).toBe(true)
    expect(server.subjectAltName).toBe(`DNS:localhost, IP Address:127.0.0.1, DNS:${API_HOST}`)
    for (const file of [certs.caCertPath, certs.certPath, certs.keyPath]) {
      expect(existsSync(file)).toBe(true)
    }
    expect(certs.key).toMatch(/^-----BEGIN PRIVATE KEY-----/)
  })

  it('removes its folder', async () => {
    const other = await makeCertificates(['only.example.test'])
    expect(new X509Certificate(other.cert).subjectAltName).toBe('DNS:only.example.test')
    await other.remove()
    expect(existsSync(other.dir)).toBe(false)
    await other.remove()
  })
})

describe('the simulator over HTTPS', () => {
  it('serves https://localhost to a client that trusts the CA', async () => {
    expect(sim.url).toBe(`https://localhost:${sim.port}`)
    const res = await rawRequest(`${sim.url}${connectorPath()}`, {
      headers: keyHeader(),
      ca: certs.caCert
    })
    expect(res.status).toBe(200)
    expect(res.headers.date).toBeDefined()
    expect(JSON.parse(res.body)).toMatchObject({ id: source, name: 'tls-bucket' })
    const posted = await rawRequest(`${sim.url}${connectorPath()}/connection-check`, {
      method: 'POST',
      headers: keyHeader(),
      ca: certs.caCert
    })
    expect([posted.status, (JSON.parse(posted.body) as { status: string }).status]).toEqual([
      202,
      'SCHEDULED'
    ])
    expect(sim.trap.url).toMatch(/^http:\/\//)
  })

  it('is refused by a client that does not trust the CA, or asks for another name', async () => {
    const untrusted = rawRequest(`${sim.url}${connectorPath()}`, { headers: keyHeader() })
    await expect(untrusted.catch(errorCode)).resolves.toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE')

    const narrow = await makeCertificates(['localhost'])
    const own = await startSimulator({ tls: { cert: narrow.cert, key: narrow.key } })
    try {
      expect(own.url).toBe(`https://127.0.0.1:${own.port}`)
      const wrongName = rawRequest(`${own.url}/`, { ca: narrow.caCert })
      await expect(wrongName.catch(errorCode)).resolves.toBe('ERR_TLS_CERT_ALTNAME_INVALID')
    } finally {
      await own.close()
      await narrow.remove()
    }
    expect(sim.requests.filter((r) => r.path === connectorPath()).length).toBeGreaterThan(0)
  })

  it('still sends a TCP reset under TLS', async () => {
    sim.setFaults(source, { get: [{ type: 'reset' }] })
    const reset = rawRequest(`${sim.url}${connectorPath()}/connection-check`, {
      headers: keyHeader(),
      ca: certs.caCert
    })
    await expect(reset.catch(errorCode)).resolves.toBe('ECONNRESET')
    expect(sim.requests.at(-1)?.status).toBe('reset')
  })
})

describe('the CONNECT proxy', () => {
  let proxy: ConnectProxy
  beforeAll(async () => {
    proxy = await startConnectProxy({
      routes: { [`${API_HOST}:443`]: { host: '127.0.0.1', port: sim.port } }
    })
  })
  afterAll(async () => {
    await proxy.close()
  })

  it('tunnels TLS to the simulator under the made-up name, never seeing inside', async () => {
    const before = proxy.requests.length
    const tunnel = await openTunnel(proxy, `${API_HOST}:443`)
    expect(tunnel.status).toBe(200)
    const tls = await secure(tunnel.socket, API_HOST)
    expect(tls.authorized).toBe(true)
    const res = await rawRequest(`https://${API_HOST}${connectorPath()}`, {
      headers: keyHeader(),
      socket: tls
    })
    expect(res.status).toBe(200)
    tls.destroy()

    const seen = proxy.requests.slice(before)
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'CONNECT',
        target: `${API_HOST}:443`,
        line: `CONNECT ${API_HOST}:443 HTTP/1.1`,
        status: 200
      })
    ])
    expect(JSON.stringify(seen)).not.toContain(sim.apiKey)
    expect(sim.requests.at(-1)?.headers['unstructured-api-key']).toBe(sim.apiKey)
  })

  it('answers 502 for a host it does not know, and 405 to plain HTTP', async () => {
    const unknown = await openTunnel(proxy, 'platform.unstructuredapp.io:443')
    expect(unknown.status).toBe(502)
    const plain = await rawRequest(`${proxy.url}/api/v1/sources/`, { headers: keyHeader() })
    expect(plain.status).toBe(405)
    expect(proxy.requests.slice(-2).map((r) => [r.method, r.status])).toEqual([
      ['CONNECT', 502],
      ['GET', 405]
    ])
    // The record is how a test notices a key sent to the proxy in the clear.
    expect(proxy.requests.at(-1)?.headers['unstructured-api-key']).toBe(sim.apiKey)
  })

  it('close() ends open tunnels', async () => {
    const own = await startConnectProxy({
      routes: { [`${API_HOST}:443`]: { host: '127.0.0.1', port: sim.port } }
    })
    const tunnel = await openTunnel(own, `${API_HOST}:443`)
    await own.close()
    await closed(tunnel.socket)
    await own.close()
  })

  it('refuses every tunnel with 403, or 407 and a Basic challenge', async () => {
    for (const refuse of [403, 407] as const) {
      const own = await startConnectProxy({ routes: {}, refuse })
      try {
        const answer = await openTunnel(own, `${API_HOST}:443`)
        expect(answer.status).toBe(refuse)
        expect(answer.headers['proxy-authenticate']).toBe(
          refuse === 407 ? 'Basic realm="corp"' : undefined
        )
        expect(own.requests.map((r) => r.status)).toEqual([refuse])
      } finally {
        await own.close()
      }
    }
  })

  it('requires its credentials when it has some', async () => {
    const own = await startConnectProxy({
      routes: { [`${API_HOST}:443`]: { host: '127.0.0.1', port: sim.port } },
      credentials: { username: 'ci', password: 'pr0xy-pass' }
    })
    const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`
    try {
      expect((await openTunnel(own, `${API_HOST}:443`)).status).toBe(407)
      const wrong = { 'proxy-authorization': basic('ci:nope') }
      expect((await openTunnel(own, `${API_HOST}:443`, wrong)).status).toBe(407)
      const right = { 'proxy-authorization': basic('ci:pr0xy-pass') }
      const open = await openTunnel(own, `${API_HOST}:443`, right)
      expect(open.status).toBe(200)
      open.socket.destroy()
    } finally {
      await own.close()
    }
  })

  it('carries @actions/http-client through HTTPS_PROXY, trusting the CA by NODE_EXTRA_CA_CERTS', async () => {
    const before = proxy.requests.length
    const script = [
      "import { HttpClient } from '@actions/http-client'",
      "const client = new HttpClient('proxy-test')",
      'const res = await client.get(process.argv[1], { "unstructured-api-key": process.env.KEY })',
      'process.stdout.write(`${res.message.statusCode} ${await res.readBody()}`)',
      'client.dispose()'
    ].join('\n')
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script, `https://${API_HOST}${connectorPath()}`],
      {
        cwd: REPO,
        env: {
          PATH: process.env.PATH ?? '',
          HTTPS_PROXY: proxy.url,
          NODE_EXTRA_CA_CERTS: certs.caCertPath,
          KEY: sim.apiKey
        }
      }
    )
    expect(stdout).toMatch(/^200 \{/)
    const seen = proxy.requests.slice(before)
    expect(seen.map((r) => r.line)).toEqual([`CONNECT ${API_HOST}:443 HTTP/1.1`])
    expect(JSON.stringify(seen)).not.toContain(sim.apiKey)
  })
})

describe('simulator/serve.ts', () => {
  const serve = (args: string[]) => {
    // Without jest's NODE_OPTIONS, which would only add a warning.
    const env = { ...process.env, NODE_OPTIONS: '' }
    return spawn(process.execPath, ['--import', 'tsx', 'simulator/serve.ts', ...args], {
      cwd: REPO,
      env
    })
  }

  it('--https with a profile: prints where the CA is, serves, removes the CA on stop', async () => {
    const child = serve(['--port', '0', '--https', '--profile', 'post=conflict'])
    let out = ''
    child.stdout.setEncoding('utf8')
    const started = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk
        if (out.includes('Stop it with Ctrl-C.')) resolve()
      })
    })
    const exited = new Promise<number | null>((resolve) => {
      child.on('close', resolve)
    })
    try {
      await started
      const url = /listening on (https:\/\/localhost:\d+)/.exec(out)?.[1] ?? ''
      const caPath = /NODE_EXTRA_CA_CERTS=(\S+)/.exec(out)?.[1] ?? ''
      expect(out).toContain('Profile: post=conflict')
      const stuck = '5c4ed01e-d000-4000-8000-00000000cafe'
      const key = /API key: (\S+)/.exec(out)?.[1] ?? ''
      const ca = readFileSync(caPath, 'utf8')
      const check = `${url}/api/v1/sources/${stuck}/connection-check`
      const headers = { 'unstructured-api-key': key }
      expect((await rawRequest(check, { method: 'POST', headers, ca })).status).toBe(202)
      expect((await rawRequest(check, { method: 'POST', headers, ca })).status).toBe(409)
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(existsSync(caPath)).toBe(false)
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('refuses an unknown profile flag', async () => {
    const child = serve(['--profile', 'warp-speed'])
    let err = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk
    })
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve)
    })
    expect(code).toBe(2)
    expect(err).toContain('unknown --profile warp-speed')
  })
})
