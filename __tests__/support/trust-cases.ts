// The gate's hard cases under policies and a platform that fails halfway, as arrangements on a
// simulator: shared by __tests__/trust.test.ts (which asserts on them) and scripts/trust-rows.ts
// (which prints them for two bundles side by side). Each returns the step's inputs.
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { FaultSlot, Simulator, SimulatorOptions } from '../../simulator/platform-simulator.js'
import { makeCertificates } from '../../simulator/tls-certs.js'

export type Inputs = Record<string, string>

/** The simulator for decidedAtOnce: its POSTs answer with the check as it stands. */
export const DECIDED_POSTS: SimulatorOptions = { profile: { postAnswersDecided: true } }

export const many = <T extends FaultSlot>(n: number, slot: T): T[] =>
  Array.from({ length: n }, () => slot)

export const WARN: Inputs = { 'on-platform-unavailable': 'warn' }

/** The simulator's key and URL, a deadline of `timeoutSeconds`, and `extra`. */
export function inputsFor(sim: Simulator, extra: Inputs, timeoutSeconds = '20'): Inputs {
  return { 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': timeoutSeconds, ...extra }
}

/**
 * A sweep too long for its deadline: `count` sources whose checks take `checkMs` (with a last
 * check as long when `history`), checked one at a time; the one at `broken` fails.
 */
export function longQueue(
  sim: Simulator,
  options: { count: number; checkMs: number; history: boolean; broken: number }
): { ids: string[]; broken: string } {
  const ids = Array.from({ length: options.count }, () => randomUUID())
  ids.forEach((id, i) => {
    const failing = i === options.broken
    sim.addConnector(id, {
      kind: 'source',
      checkDurationMs: options.checkMs,
      ending: failing ? 'FAILURE' : 'SUCCESS',
      reason: failing ? 'bucket not found' : null
    })
    if (options.history) sim.startCheck(id, { durationMs: options.checkMs, ageMs: 60_000 })
  })
  return { ids, broken: ids[options.broken] ?? '' }
}

/** A source whose POSTs answer `status`, each `afterCreate` (or not) creating the check. */
export function failingPosts(
  sim: Simulator,
  options: { status: number; afterCreate: boolean; posts: number; ending?: 'SUCCESS' | 'FAILURE' }
): string {
  const id = randomUUID()
  const { status, afterCreate } = options
  sim.addConnector(id, {
    kind: 'source',
    checkDurationMs: 300,
    ending: options.ending ?? 'SUCCESS',
    reason: options.ending === 'FAILURE' ? 'password authentication failed' : null,
    faults: { post: many(options.posts, { type: 'status', status, afterCreate }) }
  })
  return id
}

/** A source with a recent SUCCESS, whose reads of the connector answer 200 with `body`. */
export function readNotTheConnector(sim: Simulator, body: string): string {
  const id = randomUUID()
  sim.addConnector(id, {
    kind: 'source',
    checkDurationMs: 100,
    faults: { info: many(5, { type: 'body', status: 200, body }) }
  })
  sim.startCheck(id, { durationMs: 100, ageMs: 5000 })
  return id
}

/** A source whose reads of the connector answer a web page (an api-url aimed at a web app). */
export function readWebPage(sim: Simulator): string {
  const id = randomUUID()
  sim.addConnector(id, {
    kind: 'source',
    faults: { info: many(50, { type: 'html', status: 200 }) }
  })
  return id
}

/**
 * A source whose checks are decided at once, FAILURE, and answered so by the POST (on a simulator
 * started with DECIDED_POSTS); with `history`, an older check first.
 */
export function decidedAtOnce(sim: Simulator, history: boolean): string {
  const id = randomUUID()
  sim.addConnector(id, {
    kind: 'source',
    checkDurationMs: 0,
    ending: 'FAILURE',
    reason: 'Access Denied'
  })
  if (history) sim.startCheck(id, { durationMs: 500, ageMs: 60_000, ending: 'SUCCESS' })
  return id
}

/** A source whose POST is redirected to a host that holds the key in upper case. */
export function redirectToKey(sim: Simulator): string {
  const id = randomUUID()
  const location = `https://${sim.apiKey.toUpperCase()}.example/x`
  sim.addConnector(id, { kind: 'source', faults: { post: [{ type: 'redirect', location }] } })
  return id
}

/** A key in mixed case, for redirectToKey's simulator. */
export const MIXED_CASE_KEY = 'Sim_Key_MixedCase_0123456789'

/** A source `orders` that the list of sources names twice. */
export function listedTwice(sim: Simulator): Inputs {
  const id = randomUUID()
  sim.addConnector(id, { kind: 'source', name: 'orders', checkDurationMs: 50 })
  const entry = { id, name: 'orders', type: 's3', config: {}, created_at: '2026-01-01T00:00:00Z' }
  sim.setListFaults('sources', [
    { type: 'body', status: 200, body: JSON.stringify([entry, entry]) }
  ])
  return { 'source-name': 'orders' }
}

/** A source listed decomposed (NFD), named composed (NFC). */
export function decomposedName(sim: Simulator): Inputs {
  const id = randomUUID()
  sim.addConnector(id, { kind: 'source', name: 'crème-docs'.normalize('NFD'), checkDurationMs: 50 })
  return { 'source-name': 'crème-docs'.normalize('NFC') }
}

/** A source whose check never ends, every poll answered by a gateway's 504 page. */
export function gateway504(sim: Simulator): string {
  const id = randomUUID()
  sim.addConnector(id, {
    kind: 'source',
    ending: 'NEVER',
    faults: { get: many(500, { type: 'html', status: 504 }) }
  })
  return id
}

/** An HTTPS server on 127.0.0.1, with options of its own, counting its connections. */
export interface TlsServer {
  url: string
  caCertPath: string
  connections(): number
  close(): Promise<void>
}

/**
 * A server the runner will not talk to: its certificate `expired`, or it offers only TLS 1.0 and
 * 1.1 (`legacy`; OpenSSL 3 then refuses every version, as such a server does to Node).
 */
export async function refusingTlsServer(kind: 'expired' | 'legacy'): Promise<TlsServer> {
  const certs = await makeCertificates(['127.0.0.1'], { expired: kind === 'expired' })
  const tls =
    kind === 'legacy' ? { maxVersion: 'TLSv1.1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' } : {}
  let connections = 0
  const server = createServer({ cert: certs.cert, key: certs.key, ...tls }, (_req, res) =>
    res.end('{}')
  )
  server.on('connection', () => (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `https://127.0.0.1:${port}`,
    caCertPath: certs.caCertPath,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await certs.remove()
    }
  }
}
