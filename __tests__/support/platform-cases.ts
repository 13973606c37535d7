// Platform behaviours that the vendor does not rule out, each run against the bundle as a runner
// would run it: the end-to-end tests assert the outcome and the POSTs, and
// `npm run platform-cases` prints the POSTs and the time to the verdict for each.
//
// Nothing here imports jest, so the script can use it too.
import { randomUUID } from 'node:crypto'
import {
  startSimulator,
  type PlatformProfile,
  type Simulator
} from '../../simulator/platform-simulator.js'
import { makeCertificates, type TestCertificates } from '../../simulator/tls-certs.js'
import { startConnectProxy, type ConnectProxy } from './connect-proxy.js'
import { closedOrigin, startBundle, type ActionResult } from './runner.js'
import { bundleFile } from './test-bundles.js'

/** A made-up host name that only the test proxy resolves; the test certificate carries it. */
export const PROXIED_HOST = 'api.platform.test'

export interface PlatformCase {
  /** The behaviour, as the row of the table that asks for it. */
  name: string
  profile?: PlatformProfile
  /** Serve over https, with a CA that the child process trusts, or one it does not. */
  https?: 'trusted' | 'untrusted'
  /** Route through a CONNECT proxy (https implied), optionally refusing the tunnel. */
  proxy?: {
    refuse?: 403 | 407
    /** HTTPS_PROXY carries credentials: those the proxy wants, or others. */
    credentials?: 'right' | 'wrong'
    noProxy?: boolean
  }
  /** Points api-url at a port where nothing listens. */
  closedPort?: boolean
  /** Set-up on the simulator before the step (default: a source whose checks take 600 ms). */
  arrange?: (sim: Simulator, connectorId: string) => void
  /** Inputs beyond the defaults. */
  inputs?: Record<string, string>
  /** timeout-seconds (default 20). */
  timeoutSeconds?: number
  expected: {
    outcome: string
    /** POST requests that reached the API (unset: not counted, e.g. retried until the deadline). */
    posts?: number
    /** The error annotation must match (for a failing step). */
    message?: RegExp
    /** A pass that came through a transient error on the way. */
    transient?: boolean
  }
  /** More that must hold; returns what is wrong, or undefined. */
  verify?: (run: PlatformCaseRun) => string | undefined
}

/** The step followed the check that was already running, and started none. */
function followedTheRunningCheck(run: PlatformCaseRun): string | undefined {
  const [running, ...others] = run.checks
  if (running?.origin !== 'other' || others.length > 0) return 'a check was created'
  const checkId = run.result.outputs['check-id']
  return checkId === running.id ? undefined : `check-id ${checkId ?? ''} is not ${running.id}`
}

export interface PlatformCaseRun {
  result: ActionResult
  /** POSTs that reached the API. */
  posts: number
  /** The connector's checks in the simulator, oldest first. */
  checks: ReturnType<Simulator['checks']>
  sim: Simulator
  proxy: ConnectProxy | undefined
  connectorId: string
  /** Everything the step printed that was not a debug line, for assertions on wording. */
  errorLine: string
}

const PROXY_PASSWORD = 'proxy-pa55word'

/** A check of 600 ms unless a case says otherwise. */
function connector(sim: Simulator, id: string, durationMs = 600): void {
  sim.addConnector(id, { kind: 'source', checkDurationMs: durationMs, name: 'orders-s3' })
}

export const PLATFORM_CASES: PlatformCase[] = [
  {
    name: 'created_at written by a clock 5 s behind the Date header',
    profile: { clockOffsetMs: -5000 },
    expected: { outcome: 'success', posts: 1 }
  },
  {
    name: 'created_at written by a clock 5 s ahead of the Date header',
    profile: { clockOffsetMs: 5000 },
    expected: { outcome: 'success', posts: 1 }
  },
  ...[-8, 9].map((hours): PlatformCase => ({
    name: `naive timestamps in local time ${hours > 0 ? '+' : ''}${hours} h from UTC`,
    profile: { timestampForm: 'naive', naiveUtcOffsetHours: hours },
    expected: { outcome: 'success', posts: 1 }
  })),
  ...(['postgres', 'postgres-0000', 'offset-colon', 'whole-seconds'] as const).map(
    (form): PlatformCase => ({
      name: `timestamps in the ${form} form`,
      profile: { timestampForm: form },
      expected: { outcome: 'success', posts: 1 }
    })
  ),
  {
    name: 'the POST answers with a check that was already running (de-duplicating API)',
    profile: { postMode: 'dedupe' },
    arrange(sim, id) {
      connector(sim, id)
      // Long enough to be still running when a slow-starting step sends its POST.
      sim.startCheck(id, { durationMs: 4000, ending: 'SUCCESS' })
    },
    expected: { outcome: 'success', posts: 1 },
    verify: followedTheRunningCheck
  },
  ...([409, 423] as const).map((status): PlatformCase => ({
    name: `the POST answers ${status} while a check is in progress`,
    profile: { postMode: 'conflict', conflictStatus: status },
    arrange(sim, id) {
      connector(sim, id)
      // Long enough to be still running when a slow-starting step sends its POST.
      sim.startCheck(id, { durationMs: 4000, ending: 'SUCCESS' })
    },
    expected: { outcome: 'success', posts: 1 },
    verify: followedTheRunningCheck
  })),
  {
    name: 'the POST answers 409 and no check is running',
    arrange(sim, id) {
      connector(sim, id)
      const busy = {
        type: 'status' as const,
        status: 409,
        body: JSON.stringify({ detail: 'Connection check already in progress' })
      }
      sim.setFaults(id, { post: [busy, busy] })
    },
    expected: {
      outcome: 'error',
      posts: 2,
      message: /\(409: Connection check already in progress\)/
    }
  },
  {
    // The read after it shows the check the POST created: that one is followed.
    name: 'every POST creates a check, then its answer is cut off mid-body',
    arrange: (sim, id) => {
      connector(sim, id)
      sim.setFaults(id, {
        post: Array.from({ length: 50 }, () => ({ type: 'truncate' as const, afterCreate: true }))
      })
    },
    expected: { outcome: 'success', posts: 1, transient: true }
  },
  {
    name: 'every POST creates nothing, its answer cut off mid-body',
    arrange: (sim, id) => {
      connector(sim, id)
      sim.setFaults(id, { post: Array.from({ length: 50 }, () => ({ type: 'truncate' as const })) })
    },
    expected: {
      outcome: 'error',
      posts: 2,
      message: /without starting a check this step can follow: first the answer was cut off/
    }
  },
  {
    name: 'the POST keeps answering with the same check, final long before the request',
    profile: { staleFinalPost: true },
    expected: { outcome: 'error', posts: 2, message: /already SUCCESS.*asked once more/ },
    verify(run) {
      const stale = run.checks[0]?.id ?? 'none'
      return run.errorLine.includes(`with check ${stale}`) ? undefined : `${stale} not named`
    }
  },
  ...([401, 403, 404] as const).map((status): PlatformCase => ({
    name: `an HTML ${status} page from a firewall instead of the API's JSON`,
    profile: { firewallPage: { status, title: 'Attention Required! | Cloudflare' } },
    expected: {
      outcome: 'error',
      posts: 1,
      message: new RegExp(
        `HTTP ${status} .*text/html, page title "Attention Required! \\| Cloudflare"\\) did not come from the Platform API.*proxy.*'api-url'`
      )
    }
  })),
  {
    name: 'an HTML 503 page from a load balancer, always: three POSTs, then its status',
    profile: { firewallPage: { status: 503 } },
    timeoutSeconds: 30,
    expected: {
      outcome: 'error',
      posts: 3,
      message: /all 3 POSTs .*HTTP 503 Service Unavailable; then HTTP 503/
    }
  },
  {
    name: 'a TLS certificate the runner does not trust',
    https: 'untrusted',
    timeoutSeconds: 60,
    expected: {
      outcome: 'error',
      posts: 0,
      message:
        /does not trust the TLS certificate .*\((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\).*NODE_EXTRA_CA_CERTS/
    }
  },
  {
    name: 'a private CA trusted through NODE_EXTRA_CA_CERTS',
    https: 'trusted',
    expected: { outcome: 'success', posts: 1 }
  },
  {
    name: 'a host that has not answered once (connection refused)',
    closedPort: true,
    arrange: () => undefined,
    timeoutSeconds: 4,
    expected: {
      outcome: 'error',
      posts: 0,
      message: /has not answered since the step began \(connection refused; .*'api-url'/
    }
  },
  {
    name: 'an HTTPS proxy that opens the tunnel',
    proxy: {},
    expected: { outcome: 'success', posts: 1 }
  },
  {
    name: 'an HTTPS proxy with credentials, tunnels kept for a 3 s check',
    proxy: { credentials: 'right' },
    arrange: (sim, id) => {
      connector(sim, id, 3000)
    },
    expected: { outcome: 'success', posts: 1 },
    verify: ({ proxy, sim }) => {
      const tunnels = proxy?.requests.length ?? 0
      // One tunnel for the check's read, POST and polls (gaps under the idle limit), and one for
      // the name lookup, which has a client of its own; the client's `tunnel` agent opens one each.
      if (sim.requests.length < 6) return `only ${sim.requests.length} requests`
      if (tunnels > 2) return `${tunnels} tunnels for ${sim.requests.length} requests`
      const auth = proxy?.requests[0]?.headers['proxy-authorization']
      if (typeof auth !== 'string' || !auth.startsWith('Basic ')) return 'no Proxy-Authorization'
      const leaked = sim.requests.some((r) => r.headers['proxy-authorization'] !== undefined)
      return leaked ? 'Proxy-Authorization reached the API' : undefined
    }
  },
  ...([403, 407] as const).map((refuse): PlatformCase => ({
    name: `an HTTPS proxy that refuses the tunnel with ${refuse}`,
    proxy: { refuse, ...(refuse === 407 ? { credentials: 'wrong' as const } : {}) },
    timeoutSeconds: 60,
    expected: {
      outcome: 'error',
      posts: 0,
      message: new RegExp(
        `The proxy 127\\.0\\.0\\.1:\\d+ refused to open a tunnel .*HTTP ${refuse}`
      )
    }
  })),
  {
    name: 'NO_PROXY names the API host: the proxy is not used',
    proxy: { noProxy: true },
    timeoutSeconds: 4,
    expected: { outcome: 'error', posts: 0, message: /has not answered since the step began/ }
  },
  ...(['year-9999', 'day-ahead'] as const).map((when): PlatformCase => ({
    name: `a "newer" SUCCESS stamped ${when === 'year-9999' ? 'in the year 9999' : 'a day ahead of Date'}`,
    arrange(sim, id) {
      connector(sim, id, 1500)
      sim.setFaults(id, { get: ['pass', { type: 'absurd-newer', when, status: 'SUCCESS' }] })
    },
    expected: { outcome: 'success', posts: 1 }
  })),
  {
    // uvicorn closes them after 5 s; 1.5 s makes every later poll meet a socket the server closed.
    name: 'idle sockets closed by the server between polls',
    profile: { idleTimeoutMs: 1500 },
    arrange: (sim, id) => {
      connector(sim, id, 6000)
    },
    expected: { outcome: 'success', posts: 1 }
  },
  {
    name: 'Connection: close on every answer',
    profile: { connectionClose: true },
    arrange: (sim, id) => {
      connector(sim, id, 2000)
    },
    expected: { outcome: 'success', posts: 1 }
  }
]

/** Runs one case on a fresh simulator (and proxy), against `bundle` (the tests' by default). */
export async function runPlatformCase(
  c: PlatformCase,
  bundle = bundleFile(),
  certificates?: TestCertificates
): Promise<PlatformCaseRun> {
  const https = c.https !== undefined || c.proxy !== undefined
  const certs = https ? (certificates ?? (await makeCertificates())) : undefined
  const sim = await startSimulator({
    profile: c.profile ?? {},
    ...(certs === undefined ? {} : { tls: { cert: certs.cert, key: certs.key } }),
    ...(c.proxy === undefined ? {} : { hostname: PROXIED_HOST })
  })
  let proxy: ConnectProxy | undefined
  try {
    const connectorId = randomUUID()
    const arrange = c.arrange ?? connector
    arrange(sim, connectorId)
    const extra = c.inputs ?? {}
    const env: Record<string, string> = {}
    if (certs !== undefined && c.https !== 'untrusted') env.NODE_EXTRA_CA_CERTS = certs.caCertPath
    let apiUrl = sim.url
    if (c.closedPort === true) apiUrl = await closedOrigin()
    if (c.proxy !== undefined) {
      proxy = await startConnectProxy({
        routes: { [`${PROXIED_HOST}:${sim.port}`]: { host: '127.0.0.1', port: sim.port } },
        ...(c.proxy.refuse === undefined ? {} : { refuse: c.proxy.refuse }),
        ...(c.proxy.credentials === undefined
          ? {}
          : {
              credentials: {
                username: 'ci',
                password: c.proxy.credentials === 'right' ? PROXY_PASSWORD : `${PROXY_PASSWORD}-x`
              }
            })
      })
      const userinfo = c.proxy.credentials === undefined ? '' : `ci:${PROXY_PASSWORD}@`
      env.HTTPS_PROXY = `http://${userinfo}${proxy.host}:${proxy.port}`
      if (c.proxy.noProxy === true) env.NO_PROXY = PROXIED_HOST
    }
    const inputs = {
      'source-id': connectorId,
      'api-key': sim.apiKey,
      'api-url': apiUrl,
      'timeout-seconds': String(c.timeoutSeconds ?? 20),
      ...extra
    }
    const limitMs = (c.timeoutSeconds ?? 20) * 1000 + 10_000
    const result = await (await startBundle(bundle, inputs, env, limitMs)).done
    return {
      result,
      posts: sim.requests.filter((r) => r.method === 'POST').length,
      checks: c.closedPort === true ? [] : sim.checks(connectorId),
      sim,
      proxy,
      connectorId,
      errorLine: result.stdout.split('\n').find((line) => line.startsWith('::error')) ?? ''
    }
  } finally {
    await proxy?.close()
    await sim.close()
    if (certificates === undefined) await certs?.remove()
  }
}

/** The password the proxy cases put in HTTPS_PROXY: it must never be printed. */
export const PROXY_SECRET = PROXY_PASSWORD
