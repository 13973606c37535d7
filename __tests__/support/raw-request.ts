// One request with node:http or node:https, exposing what fetch hides: the socket, whether it
// was reused, every header, and a CA or socket of the test's choosing.
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { Duplex } from 'node:stream'

export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
  /** The agent gave this request a socket an earlier one had used. */
  reused: boolean
  /** The client's socket (for waiting on its 'close'). */
  socket: Duplex
}

export interface RawOptions {
  method?: string
  headers?: Record<string, string>
  agent?: Agent
  /** CA certificates to trust (https only; replaces the built-in ones). */
  ca?: string
  /** Send the request over this socket (a TLS tunnel, say) instead of opening one. */
  socket?: Duplex
}

/** Resolves with the whole answer; rejects with the client's error (its `code` tells why). */
export function rawRequest(url: string, options: RawOptions = {}): Promise<RawAnswer> {
  const target = new URL(url)
  const tunnel = options.socket
  const request = target.protocol === 'https:' && tunnel === undefined ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.agent === undefined ? {} : { agent: options.agent }),
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        // Over a tunnel, TLS is already done: plain HTTP on the socket given.
        ...(tunnel === undefined ? {} : { createConnection: () => tunnel })
      },
      (res) => {
        // Taken now: a keep-alive socket is detached from the answer once it ends.
        const socket = res.socket
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            reused: req.reusedSocket,
            socket
          })
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end()
  })
}

/** Resolves once the socket has closed (at once if it already has). */
export function closed(socket: Duplex): Promise<void> {
  if (socket.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    socket.once('close', () => {
      resolve()
    })
  })
}
