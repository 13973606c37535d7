// An in-process fake of the Unstructured Platform API (connection checks, connectors, workflows),
// served over real HTTP (or HTTPS) on loopback only, with scriptable faults per connector and
// per method, and a profile of platform behaviours that the vendor does not rule out.
// This file is the simulator's public face and its wiring: the contract is in contract.ts and
// profile.ts, the platform's state in platform/, each route in routes/, the listeners in http/.
import type { RecordedRequest, ServedCheck, Simulator, SimulatorOptions } from './contract.js'
import { DEFAULT_API_KEY } from './contract.js'
import { answersFor, type Exchange } from './http/answers.js'
import { openListeners, trackSockets } from './http/listeners.js'
import { logged } from './http/request-log.js'
import { DEFAULT_PAGING, parseListPath } from './lists.js'
import { platformClock } from './platform/clock.js'
import { createStore } from './platform/store.js'
import type { PlatformProfile } from './profile.js'
import { rateLimiter } from './rate-limit.js'
import { authorized } from './routes/api-key.js'
import { serveCheck } from './routes/connection-check.js'
import type { Context } from './routes/context.js'
import { firewalled } from './routes/firewall.js'
import { serveList } from './routes/lists.js'
import { parseRoute, routeId } from './routes/paths.js'
import { rateLimited } from './routes/rate-limit.js'
import { serveConnector, serveWorkflow } from './routes/reads.js'

export type {
  AbsurdWhen,
  CachedFault,
  CheckOptions,
  CheckOrigin,
  ConnectorBehavior,
  ConnectorKind,
  Ending,
  Fault,
  FaultQueues,
  FaultSlot,
  ListFault,
  RecordedRequest,
  ServedCheck,
  SimCheck,
  Simulator,
  SimulatorOptions,
  WorkflowBehavior
} from './contract.js'
export { DEFAULT_API_KEY } from './contract.js'
export type { ListName, Paging } from './lists.js'
export { httpDate } from './platform/clock.js'
export type { DateForm, FirewallPage, PlatformProfile, PostMode, TimestampForm } from './profile.js'
export { TIMESTAMP_FORMS } from './profile.js'
export type { RateLimit } from './rate-limit.js'

/** Routes a request of the API listener, in the order a real deployment meets it. */
function dispatch(ctx: Context, ex: Exchange): void {
  if (rateLimited(ctx, ex)) return
  const url = new URL(ex.req.url ?? '/', 'http://simulator.invalid')
  if (firewalled(ctx, ex, url.pathname)) return
  const listPath = parseListPath(url.pathname)
  if (listPath !== undefined) {
    serveList(ctx, ex, listPath.list, listPath.slash, url)
    return
  }
  const route = parseRoute(url.pathname)
  if (route === undefined) {
    ctx.answers.phrase(ex, 404)
    return
  }
  const allowed = route.target === 'check' ? ['GET', 'POST'] : ['GET']
  const method = ex.req.method ?? ''
  if (!allowed.includes(method)) {
    ctx.answers.phrase(ex, 405, { allow: allowed.join(', ') })
    return
  }
  if (!authorized(ctx, ex)) return
  const id = routeId(ctx, ex, route)
  if (id === undefined) return
  if (route.target === 'workflow') {
    serveWorkflow(ctx, ex, id)
    return
  }
  const state = ctx.store.connectors.get(id)
  if (state?.kind !== route.kind) {
    const kind = route.kind === 'source' ? 'Source' : 'Destination'
    ctx.answers.detail(ex, 404, `${kind} ${id} not found`)
    return
  }
  if (route.target === 'connector') serveConnector(ctx, ex, state)
  else serveCheck(ctx, ex, state, method === 'POST' ? 'POST' : 'GET')
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const apiKeys = options.apiKeys ?? [DEFAULT_API_KEY]
  const firstKey = apiKeys[0]
  if (firstKey === undefined) throw new Error('startSimulator: apiKeys must not be empty')
  const profile: PlatformProfile = { ...options.profile }
  const store = createStore(profile, platformClock(profile))
  const requests: RecordedRequest[] = []
  const trapRequests: RecordedRequest[] = []
  const served: ServedCheck[] = []
  const answers = answersFor(profile, served)
  const sockets = trackSockets(options.tls !== undefined)
  const timers = new Set<NodeJS.Timeout>()
  const ctx: Context = {
    profile,
    store,
    answers,
    apiKeys: new Set(apiKeys),
    scheme: options.tls === undefined ? 'http' : 'https',
    paging: { ...DEFAULT_PAGING, ...profile.workflowPaging },
    limiter: profile.rateLimit === undefined ? undefined : rateLimiter(profile.rateLimit),
    tcpSocketOf: sockets.tcpSocketOf,
    later(ms, run) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        run()
      }, ms)
      timers.add(timer)
    }
  }
  const listeners = await openListeners(options, profile.idleTimeoutMs, sockets, {
    api: logged(requests, (ex) => {
      dispatch(ctx, ex)
    }),
    trap: logged(trapRequests, (ex) => {
      answers.json(ex, 200, { trap: true })
    })
  })
  let closing: Promise<void> | undefined

  return {
    url: `${ctx.scheme}://${options.hostname ?? '127.0.0.1'}:${listeners.port}`,
    port: listeners.port,
    profile,
    apiKey: firstKey,
    requests,
    trap: { url: listeners.trapUrl, requests: trapRequests },
    ...store.controls,
    served() {
      return [...served]
    },
    close() {
      closing ??= (async () => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        await listeners.close()
      })()
      return closing
    }
  }
}
