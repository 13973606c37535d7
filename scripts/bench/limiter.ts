// A step behind a rate limiter of 1 request a second per key: 10 connectors whose checks take
// 3 s, at the default max-concurrency. Once behind a real nginx (`limit_req`, burst 0,
// `limit_req_status 429`, no Retry-After) in front of the simulator, and once against the
// simulator's own token bucket (same rate and burst, with Retry-After).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { connect, createServer, type AddressInfo } from 'node:net'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'
import { defaultInputs, pct, runAction, sec, yes, type Bench, type Section } from './common.js'

export const LIMITER_CONNECTORS = 10
export const LIMITER_CHECK_MS = 3_000
export const LIMITER_RATE_PER_S = 1
/** The targets: 429s at most this share of requests, accepted ones at least this many a second. */
export const LIMITER_MAX_429_SHARE = 1 / 3
export const LIMITER_MIN_ACCEPTED_PER_S = 0.6
const NGINX = '/usr/sbin/nginx'
/**
 * A request that reaches the limiter this soon after a 429 is taken as sent before it arrived:
 * the limiter sees arrivals, not sends, and on a loaded machine the opening burst's requests
 * (sent together, before any answer) reach it up to a few hundred ms apart.
 */
export const ON_ITS_WAY_MS = 250

export interface LimiterRun {
  limiter: 'nginx' | 'simulator'
  outcome: string
  wallMs: number
  requests: number
  rejected: number
  /**
   * The shortest time from a 429's answer to the next request reaching the limiter, among those
   * that came more than ON_ITS_WAY_MS after it (earlier ones were sent before it arrived).
   */
  quietAfter429Ms: number | undefined
}

export type LimiterCase = LimiterRun | { limiter: 'nginx'; skipped: string }

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`)
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => {
        resolve(false)
      })
    })
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`nginx did not listen on ${port}`)
}

/** nginx in the foreground with a config of its own, under `prefix`; never a system service. */
async function startNginx(
  prefix: string,
  upstreamPort: number
): Promise<{ url: string; accessLog: string; stop: () => Promise<void> }> {
  await mkdir(prefix, { recursive: true })
  const port = await freePort()
  const accessLog = `${prefix}/access.log`
  const conf = `${prefix}/nginx.conf`
  // $msec - $request_time: when each request arrived, to measure the quiet after each 429.
  await writeFile(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 512; }
http {
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  log_format timed '$msec $request_time $status';
  access_log ${accessLog} timed;
  limit_req_zone $http_unstructured_api_key zone=perkey:1m rate=${LIMITER_RATE_PER_S}r/s;
  limit_req_status 429;
  upstream simulator { server 127.0.0.1:${upstreamPort}; keepalive 16; }
  server {
    listen 127.0.0.1:${port};
    location / {
      limit_req zone=perkey;
      proxy_pass http://simulator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
    }
  }
}
`
  )
  const child = spawn(NGINX, ['-p', `${prefix}/`, '-c', conf], { stdio: 'ignore' })
  await waitForPort(port, child)
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    }
  }
}

function addConnectors(sim: Simulator): string[] {
  const ids = Array.from({ length: LIMITER_CONNECTORS }, () => randomUUID())
  for (const id of ids) {
    sim.addConnector(id, { kind: 'source', checkDurationMs: LIMITER_CHECK_MS, ending: 'SUCCESS' })
  }
  return ids
}

/**
 * The shortest time from a 429 to a later request not already on its way, from (arrival ms,
 * status) in arrival order; a 429 is answered as the request arrives.
 */
function quietAfter429(answers: readonly { at: number; status: number }[]): number | undefined {
  let shortest: number | undefined
  for (const [i, answer] of answers.entries()) {
    if (answer.status !== 429) continue
    const next = answers.slice(i + 1).find((a) => a.at - answer.at > ON_ITS_WAY_MS)
    if (next !== undefined) shortest = Math.min(shortest ?? Infinity, next.at - answer.at)
  }
  return shortest
}

async function nginxRun(bench: Bench): Promise<LimiterCase> {
  if (!existsSync(NGINX)) {
    return { limiter: 'nginx', skipped: 'nginx is not installed (apt-get install -y nginx)' }
  }
  const sim = await startSimulator()
  const nginx = await startNginx(bench.work.path('nginx'), sim.port)
  try {
    const ids = addConnectors(sim)
    const inputs = { ...defaultInputs(sim, ids.join('\n')), 'api-url': nginx.url }
    const run = await runAction(bench.work, bench.bundle, inputs, {
      measureRss: false,
      limitMs: 300_000
    })
    const lines = (await readFile(nginx.accessLog, 'utf8')).trim().split('\n')
    const answers = lines
      .map((line) => {
        const [done = '', took = '', status = ''] = line.split(' ')
        return { at: (Number(done) - Number(took)) * 1000, status: Number(status) }
      })
      .sort((a, b) => a.at - b.at)
    return limiterRun('nginx', run, answers)
  } finally {
    await nginx.stop()
    await sim.close()
  }
}

/** What one run behind a limiter shows, from the answers the limiter gave in time order. */
function limiterRun(
  limiter: LimiterRun['limiter'],
  run: { outputs: Record<string, string>; exitedAt: number; startedAt: number },
  answers: { at: number; status: number }[]
): LimiterRun {
  return {
    limiter,
    outcome: run.outputs.outcome ?? '(none)',
    wallMs: run.exitedAt - run.startedAt,
    requests: answers.length,
    rejected: answers.filter((a) => a.status === 429).length,
    quietAfter429Ms: quietAfter429(answers)
  }
}

async function simulatorRun(bench: Bench): Promise<LimiterRun> {
  const sim = await startSimulator({
    profile: { rateLimit: { ratePerSecond: LIMITER_RATE_PER_S, burst: 0 } }
  })
  try {
    const ids = addConnectors(sim)
    const run = await runAction(bench.work, bench.bundle, defaultInputs(sim, ids.join('\n')), {
      measureRss: false,
      limitMs: 300_000
    })
    const answers = sim.requests.map((r) => ({
      at: r.at,
      status: typeof r.status === 'number' ? r.status : 0
    }))
    return limiterRun('simulator', run, answers)
  } finally {
    await sim.close()
  }
}

export async function measureLimiter(bench: Bench): Promise<LimiterCase[]> {
  return [await nginxRun(bench), await simulatorRun(bench)]
}

/** Accepted requests a second of wall time. */
export const acceptedPerS = (run: LimiterRun): number =>
  (run.requests - run.rejected) / (run.wallMs / 1000)

export function limiterRows(cases: LimiterCase[]): Section {
  const rows: string[][] = []
  const targets: string[] = []
  for (const c of cases) {
    const label = `${LIMITER_RATE_PER_S} r/s limiter,\n${c.limiter === 'nginx' ? 'nginx limit_req' : 'simulator bucket'}\n(${LIMITER_CONNECTORS} connectors,\nchecks ${LIMITER_CHECK_MS / 1000} s)`
    if ('skipped' in c) {
      rows.push([label, c.skipped, '-', '-', 'not measured'])
      targets.push(`Behind ${c.limiter}: not measured (${c.skipped}).`)
      continue
    }
    const share = c.rejected / c.requests
    const rate = acceptedPerS(c)
    const quiet = c.quietAfter429Ms
    const quietOk = quiet === undefined || quiet >= 1000
    rows.push([
      label,
      [
        `wall ${sec(c.wallMs)}, outcome ${c.outcome}`,
        `${c.rejected} of ${c.requests} requests 429 (${pct(share)})`,
        `${rate.toFixed(2)} accepted requests/s`,
        `quiet after a 429: ${quiet === undefined ? 'no 429' : `${sec(quiet)} shortest`}`
      ].join('\n'),
      `the limit: ${LIMITER_RATE_PER_S} request/s`,
      `429 <= ${pct(LIMITER_MAX_429_SHARE)} of requests\naccepted >= ${LIMITER_MIN_ACCEPTED_PER_S}/s\nnothing < 1 s after a 429`,
      [
        `${yes(share <= LIMITER_MAX_429_SHARE)}: ${pct(share)}`,
        `${yes(rate >= LIMITER_MIN_ACCEPTED_PER_S)}: ${rate.toFixed(2)}/s`,
        yes(quietOk)
      ].join('\n')
    ])
    targets.push(
      `Behind ${c.limiter === 'nginx' ? "nginx's limit_req" : "the simulator's token bucket"} ` +
        `(${LIMITER_RATE_PER_S} r/s, burst 0): ${c.rejected} of ${c.requests} requests were 429 ` +
        `(${pct(share)}, target <= ${pct(LIMITER_MAX_429_SHARE)}), ${rate.toFixed(2)} accepted ` +
        `requests/s (target >= ${LIMITER_MIN_ACCEPTED_PER_S}), wall ${sec(c.wallMs)}.`
    )
  }
  return { rows, targets }
}
