// The simulator's two listeners on loopback: the API (plain HTTP, or HTTPS with the given
// certificate) and a trap that a client must never reach; and every socket they open, so that
// close() leaves nothing behind and a fault can reset a connection.
import { createServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import type { SimulatorOptions } from '../contract.js'

// A real load balancer keeps idle connections far longer than node's 5 s default; a short
// timeout would make keep-alive reuse race against the server closing the socket.
const KEEP_ALIVE_MS = 60_000

export interface Sockets {
  track: (server: Server) => void
  /** Only a TCP socket can send an RST; under TLS that is the socket the TLS one wraps. */
  tcpSocketOf: (socket: Socket) => Socket
  destroyAll: () => void
}

export function trackSockets(tls: boolean): Sockets {
  const sockets = new Set<Socket>()
  return {
    track(server) {
      server.on('connection', (socket: Socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
    },
    tcpSocketOf(socket) {
      if (!tls) return socket
      for (const tcp of sockets) {
        if (tcp.remotePort === socket.remotePort && tcp.remoteAddress === socket.remoteAddress) {
          return tcp
        }
      }
      return socket
    },
    destroyAll() {
      for (const socket of sockets) socket.destroy()
    }
  }
}

export interface Listeners {
  /** The port of the API listener on 127.0.0.1. */
  port: number
  /** The trap's 'http://<host>:<port>'. */
  trapUrl: string
  /** Closes both listeners and destroys every open socket. */
  close(): Promise<void>
}

function listen(server: Server, host: string, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve()
    })
    server.closeAllConnections()
  })
}

export async function openListeners(
  options: Pick<SimulatorOptions, 'port' | 'tls'>,
  idleTimeoutMs: number | undefined,
  sockets: Sockets,
  handlers: { api: RequestListener; trap: RequestListener }
): Promise<Listeners> {
  const api =
    options.tls === undefined
      ? createServer(handlers.api)
      : createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handlers.api)
  const trap = createServer(handlers.trap)
  api.keepAliveTimeout = idleTimeoutMs ?? KEEP_ALIVE_MS
  trap.keepAliveTimeout = KEEP_ALIVE_MS
  for (const server of [api, trap]) sockets.track(server)

  const port = await listen(api, '127.0.0.1', options.port)
  // A second loopback address is a different host for clients that compare hostnames. Some
  // systems (macOS) only configure 127.0.0.1; there the trap is at least a different origin.
  let trapHost = '127.0.0.2'
  let trapPort: number
  try {
    trapPort = await listen(trap, trapHost)
  } catch {
    trapHost = '127.0.0.1'
    trapPort = await listen(trap, trapHost)
  }

  return {
    port,
    trapUrl: `http://${trapHost}:${trapPort}`,
    async close() {
      const done = Promise.all([closeServer(api), closeServer(trap)])
      // Hanging and half-written sockets are not all known to closeAllConnections().
      sockets.destroyAll()
      await done
    }
  }
}
