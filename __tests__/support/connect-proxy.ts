// An HTTPS forward proxy (HTTP CONNECT) on loopback, for routing a client through HTTPS_PROXY.
// It resolves only the names it is given, so a test can address the simulator by a made-up host
// name (clients never proxy loopback hosts), and it records every request it saw: the tunnel
// must be all it ever sees. It does not look inside the tunnel (that is TLS).
import { createServer, type IncomingMessage } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { Duplex } from 'node:stream'

export interface ProxyTarget {
  host: string
  port: number
}

export interface ProxyOptions {
  /** 'host:port' as in the CONNECT line, to where the tunnel really goes. */
  routes: Record<string, ProxyTarget>
  /** Refuse every tunnel with this status (407 with a Basic challenge). */
  refuse?: 403 | 407
  /** Require these Basic credentials (Proxy-Authorization), else 407. */
  credentials?: { username: string; password: string }
}

export interface ProxyRecord {
  at: number
  method: string
  /** The request target: 'host:port' for CONNECT, a path or URL otherwise. */
  target: string
  /** The request line as received, e.g. 'CONNECT api.platform.test:443 HTTP/1.1'. */
  line: string
  headers: Record<string, string | string[] | undefined>
  /** What the proxy answered: 200 for an open tunnel; 0 while it is still connecting. */
  status: number
}

export interface ConnectProxy {
  /** 'http://127.0.0.1:<port>', for HTTPS_PROXY. */
  url: string
  host: string
  port: number
  /** Every request the proxy received, in arrival order (live array). */
  requests: ProxyRecord[]
  /** Destroys every socket (tunnels included) and stops listening; idempotent. */
  close(): Promise<void>
}

const CHALLENGE = 'Basic realm="corp"'

function refusal(status: number, reason: string, headers: string[] = []): string {
  return [
    `HTTP/1.1 ${status} ${reason}`,
    ...headers,
    'Content-Length: 0',
    'Connection: close',
    '',
    ''
  ].join('\r\n')
}

export async function startConnectProxy(options: ProxyOptions): Promise<ConnectProxy> {
  const requests: ProxyRecord[] = []
  const sockets = new Set<Duplex>()
  const track = (socket: Duplex): void => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    // A peer that goes away mid-tunnel is normal here; the other side is destroyed with it.
    socket.on('error', () => undefined)
  }
  const expectedAuth =
    options.credentials === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`

  function record(req: IncomingMessage, status: number): ProxyRecord {
    const entry: ProxyRecord = {
      at: performance.now(),
      method: req.method ?? '',
      target: req.url ?? '',
      line: `${req.method ?? ''} ${req.url ?? ''} HTTP/${req.httpVersion}`,
      headers: { ...req.headers },
      status
    }
    requests.push(entry)
    return entry
  }

  const server = createServer((req, res) => {
    // Plain HTTP through the proxy: recorded (a test must see it), never forwarded.
    record(req, 405)
    req.resume()
    res.writeHead(405, { 'content-type': 'text/plain', connection: 'close' })
    res.end('this proxy only opens CONNECT tunnels\n')
  })

  server.on('connection', track)
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    track(client)
    const entry = record(req, 0)
    const refuse = (status: number, reason: string, headers?: string[]): void => {
      entry.status = status
      client.end(refusal(status, reason, headers))
    }
    const authorized =
      expectedAuth === undefined || req.headers['proxy-authorization'] === expectedAuth
    if (options.refuse === 403) {
      refuse(403, 'Forbidden')
      return
    }
    if (options.refuse === 407 || !authorized) {
      refuse(407, 'Proxy Authentication Required', [`Proxy-Authenticate: ${CHALLENGE}`])
      return
    }
    const target = options.routes[req.url ?? '']
    if (target === undefined) {
      refuse(502, 'Bad Gateway')
      return
    }

    const upstream: Socket = connect(target.port, target.host)
    track(upstream)
    upstream.once('error', () => {
      if (entry.status === 0) refuse(502, 'Bad Gateway')
      else client.destroy()
    })
    upstream.once('connect', () => {
      entry.status = 200
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    client.once('close', () => upstream.destroy())
    upstream.once('close', () => client.destroy())
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined

  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
        for (const socket of sockets) socket.destroy()
      })
      return closing
    }
  }
}
