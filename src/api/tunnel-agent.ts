import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'

/**
 * HTTPS through an HTTP CONNECT proxy, with the tunnels kept alive: a keep-alive https.Agent
 * whose connections are TLS over a CONNECT tunnel. @actions/http-client routes a proxied request
 * through the `tunnel` package, which opens a new tunnel and TLS handshake for every request.
 *
 * The proxy sees only the CONNECT line, the target's Host and, when HTTPS_PROXY carries them,
 * its own credentials (Proxy-Authorization); the request and its headers (the API key) travel
 * inside TLS. Idle tunnels are unref'd by the agent, so they never keep the process alive.
 */

export interface ProxyEndpoint {
  protocol: 'http:' | 'https:'
  host: string
  port: number
  /** `Basic ...` from the proxy URL's user info; sent on CONNECT only. */
  authorization: string | undefined
}

/** The proxy for an HTTPS_PROXY value as getProxyUrl returns it; undefined for none. */
export function proxyEndpoint(proxyUrl: string): ProxyEndpoint | undefined {
  if (proxyUrl === '') return undefined
  let url: URL
  try {
    url = new URL(proxyUrl)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  const user = decodeURIComponent(url.username)
  const password = decodeURIComponent(url.password)
  return {
    protocol: url.protocol,
    // A literal IPv6 address comes bracketed in a URL, and unbracketed to connect().
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    authorization:
      user === '' && password === ''
        ? undefined
        : `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  }
}

type Callback = (error: Error | null, stream: Duplex) => void

export class TunnelAgent extends HttpsAgent {
  /** CONNECTs not yet answered: destroy() must cut those off too. */
  private readonly pending = new Set<ClientRequest>()

  constructor(private readonly proxy: ProxyEndpoint) {
    super({ keepAlive: true })
  }

  override createConnection(options: RequestOptions, callback?: Callback): undefined {
    const done: Callback = callback ?? (() => undefined)
    const host = options.hostname ?? options.host ?? 'localhost'
    const port = Number(options.port ?? 443)
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`
    const send = this.proxy.protocol === 'https:' ? httpsRequest : httpRequest
    const connect = send({
      host: this.proxy.host,
      port: this.proxy.port,
      method: 'CONNECT',
      path: target,
      // A socket of its own, never one of this agent's pool.
      agent: false,
      setHost: false,
      headers: {
        host: target,
        ...(this.proxy.authorization === undefined
          ? {}
          : { 'proxy-authorization': this.proxy.authorization })
      }
    })
    this.pending.add(connect)
    let settled = false
    const fail = (error: Error): void => {
      if (settled) return
      settled = true
      this.pending.delete(connect)
      done(error, undefined as unknown as Duplex)
    }
    connect.once('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
      this.pending.delete(connect)
      if (response.statusCode !== 200) {
        socket.destroy()
        // Worded as the `tunnel` package words it, which describeNetworkError reads.
        fail(
          new Error(
            `tunneling socket could not be established, statusCode=${response.statusCode ?? 0}`
          )
        )
        return
      }
      settled = true
      // Bytes the proxy passed on after its answer belong to the tunnel.
      if (head.length > 0) socket.unshift(head)
      // https.Agent's own TLS connection (its session cache included), over the tunnel.
      const tls = super.createConnection({ ...options, socket } as RequestOptions)
      done(null, tls as Duplex)
    })
    connect.once('response', (response: IncomingMessage) => {
      // Not an answer to CONNECT a proxy may give; read as a refusal.
      response.resume()
      fail(
        new Error(
          `tunneling socket could not be established, statusCode=${response.statusCode ?? 0}`
        )
      )
    })
    connect.once('error', (error: Error) => {
      fail(new Error(`tunneling socket could not be established, cause=${error.message}`))
    })
    connect.end()
    return undefined
  }

  override destroy(): void {
    for (const connect of this.pending) connect.destroy()
    this.pending.clear()
    super.destroy()
  }
}
