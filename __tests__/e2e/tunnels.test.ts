import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.js'
import { makeCertificates, type TestCertificates } from '../support/tls.js'

// The API client behind HTTPS_PROXY, in a child process that trusts the test CA: tunnels are
// kept alive (a few per host, not one per request), the proxy's credentials go on the CONNECT
// only, and no tunnel, idle or cut off, keeps the process alive once its work is done.

const API_HOST = 'api.platform.test'
const REPO = fileURLToPath(new URL('../..', import.meta.url))
const PROXY_USER = 'ci'
const PROXY_PASSWORD = 'p@ss:w0rd'
/** Only a process that hangs takes this long; the figure is no timing assertion. */
const HANG_LIMIT_MS = 30_000

let certs: TestCertificates
let sim: Simulator
let proxy: ConnectProxy

beforeAll(async () => {
  certs = await makeCertificates()
  sim = await startSimulator({ tls: { cert: certs.cert, key: certs.key }, hostname: 'localhost' })
  proxy = await startConnectProxy({
    routes: { [`${API_HOST}:443`]: { host: '127.0.0.1', port: sim.port } },
    credentials: { username: PROXY_USER, password: PROXY_PASSWORD }
  })
})

afterAll(async () => {
  await proxy.close()
  await sim.close()
  await certs.remove()
})

interface ChildRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs `body` in a child process with a PlatformClient named `api` for https://API_HOST, and
 * never closes it: the child must end by itself.
 */
function runClient(body: string, proxyUrl: string): Promise<ChildRun> {
  const script = [
    "import { PlatformClient } from './src/api/client.ts'",
    `const api = new PlatformClient('https://${API_HOST}/api/v1', process.env.KEY, () => Date.now())`,
    'const call = (timeoutMs = 5000) => ({ timeoutMs, signal: new AbortController().signal })',
    body
  ].join('\n')
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH ?? '',
      HTTPS_PROXY: proxyUrl,
      NODE_EXTRA_CA_CERTS: certs.caCertPath,
      KEY: sim.apiKey
    }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const limit = setTimeout(() => child.kill('SIGKILL'), HANG_LIMIT_MS)
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

const withCredentials = (): string =>
  `http://${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@${proxy.host}:${proxy.port}`

describe('the API client behind HTTPS_PROXY', () => {
  it('keeps one tunnel for a host, credentials on the CONNECT only; idle, it ends', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', checkDurationMs: 60_000 })
    const tunnelsBefore = proxy.requests.length
    const requestsBefore = sim.requests.length
    const run = await runClient(
      [
        `const connector = { kind: 'source', id: '${id}' }`,
        'const answers = [await api.startCheck(connector, call())]',
        'for (let i = 0; i < 10; i += 1) answers.push(await api.latestCheck(connector, call()))',
        "console.log(answers.map((a) => (a.ok ? a.value.status : a.problem.kind)).join(' '))"
      ].join('\n'),
      withCredentials()
    )
    expect(run).toMatchObject({ code: 0, signal: null })
    expect(run.stdout.trim()).toBe(Array(11).fill('SCHEDULED').join(' '))
    const tunnels = proxy.requests.slice(tunnelsBefore)
    const requests = sim.requests.slice(requestsBefore)
    expect(requests).toHaveLength(11)
    // One tunnel for eleven requests: the client's own opens one per request.
    expect(tunnels.map((t) => [t.line, t.status])).toEqual([
      [`CONNECT ${API_HOST}:443 HTTP/1.1`, 200]
    ])
    const basic = `Basic ${Buffer.from(`${PROXY_USER}:${PROXY_PASSWORD}`).toString('base64')}`
    expect(tunnels[0]?.headers['proxy-authorization']).toBe(basic)
    expect(JSON.stringify(tunnels)).not.toContain(sim.apiKey)
    for (const request of requests) {
      expect(request.headers['unstructured-api-key']).toBe(sim.apiKey)
      expect(request.headers['proxy-authorization']).toBeUndefined()
    }
  })

  it('takes a tunnel down with the request cut off in it, and then ends', async () => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', faults: { post: [{ type: 'hang' }] } })
    const run = await runClient(
      [
        `const answer = await api.startCheck({ kind: 'source', id: '${id}' }, call(300))`,
        'console.log(answer.ok ? "answered" : answer.problem.reason)'
      ].join('\n'),
      withCredentials()
    )
    expect(run).toMatchObject({ code: 0, signal: null })
    expect(run.stdout).toContain('no answer within 0.3 s')
  })

  it('cuts off a CONNECT that the proxy never answers, and then ends', async () => {
    const sockets = new Set<Socket>()
    const silent: Server = createServer((socket) => {
      sockets.add(socket)
      socket.on('error', () => undefined)
    })
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = silent.address() as AddressInfo
      const run = await runClient(
        [
          `const answer = await api.startCheck({ kind: 'source', id: '${randomUUID()}' }, call(300))`,
          'console.log(answer.ok ? "answered" : answer.problem.reason)'
        ].join('\n'),
        `http://127.0.0.1:${port}`
      )
      expect(run).toMatchObject({ code: 0, signal: null })
      expect(run.stdout).toContain('no answer within 0.3 s')
      expect(run.stdout).not.toContain('cut off')
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) =>
        silent.close(() => {
          resolve()
        })
      )
    }
  })
})
