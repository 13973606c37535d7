// The requests the action spends on the network's shape: the workflow list paged by a server
// that honours `page_size` and one that caps it, and a step's requests and tunnels through a
// real CONNECT proxy (squid, with its own config on a loopback port, counting CONNECTs in its
// access log), beside @actions/http-client alone sending as many requests through it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { connect, createServer, type AddressInfo } from 'node:net'
import { startBundle, startNode, withSimulator } from '../../__tests__/support/runner.js'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { makeCertificates } from '../../simulator/tls-certs.js'
import { MAX_WORKFLOW_PAGES, WORKFLOW_PAGE_SIZE } from '../../src/wait/listing.js'
import { ROOT, log, runAction, sec, verdict, yes, type Bench, type Section } from './common.js'

export const PAGING_WORKFLOWS = 500
/** The server's page sizes measured: what the action asks for, and a cap below it. */
export const PAGING_SIZES = [WORKFLOW_PAGE_SIZE, 20] as const
/** The connectors of the step behind the proxy, by how long their checks take. */
export const PROXY_CHECKS_MS = [2_000, 4_000, 6_000, 8_000, 10_000] as const
const API_HOST = 'api.platform.test'

export interface PagingCase {
  /** The most the server answers per page. */
  serverPageSize: number
  requests: number
  /** Requests that prove the end: every full page, then one short or empty page. */
  fewest: number
  wallMs: number
  found: boolean
}

export interface ProxyReport {
  /** Why it was not measured (no squid), or the figures. */
  skipped?: string
  action?: { requests: number; tunnels: number; outcome: string; wallMs: number }
  client?: { requests: number; tunnels: number }
}

export interface NetworkReport {
  paging?: PagingCase[]
  proxy?: ProxyReport
}

async function pagingCase(bench: Bench, serverPageSize: number): Promise<PagingCase> {
  const profile = { workflowPaging: { maxSize: serverPageSize } }
  return withSimulator(
    async (sim) => {
      let target = ''
      for (let i = 0; i < PAGING_WORKFLOWS; i += 1) {
        const source = randomUUID()
        sim.addConnector(source, { kind: 'source', checkDurationMs: 0 })
        sim.addWorkflow(`${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, {
          name: i === PAGING_WORKFLOWS - 1 ? 'target' : `wf-${i}`,
          sources: [source],
          destinations: []
        })
        target = source
      }
      const run = await runAction(
        bench.work,
        bench.bundle,
        { 'workflow-name': 'target', 'api-key': sim.apiKey, 'api-url': sim.url },
        { measureRss: false, limitMs: 120_000 }
      )
      const lists = sim.requests.filter(
        (r) => r.path === '/api/v1/workflows/' || r.path.startsWith('/api/v1/workflows/?')
      )
      const first = lists[0]?.at ?? 0
      const last = lists.at(-1)?.at ?? 0
      return {
        serverPageSize,
        requests: lists.length,
        fewest: Math.floor(PAGING_WORKFLOWS / serverPageSize) + 1,
        wallMs: last - first,
        found: run.outputs.outcome === 'success' && (run.resultsFile ?? '').includes(target)
      }
    },
    { profile }
  )
}

export async function measurePaging(bench: Bench): Promise<PagingCase[]> {
  const cases: PagingCase[] = []
  for (const size of PAGING_SIZES) cases.push(await pagingCase(bench, size))
  return cases
}

// ---------------------------------------------------------------------------------------------
// Through squid

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve()
    })
  )
  return port
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => {
      resolve(false)
    })
  })
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

interface Squid {
  url: string
  /** CONNECTs logged so far; squid logs a tunnel when it closes. */
  tunnels(): Promise<number>
  /** Waits until no more tunnels are logged (all closed), then returns how many. */
  settled(): Promise<number>
  stop(): Promise<void>
}

/** squid on a loopback port, resolving API_HOST to 127.0.0.1 from its own hosts file. */
async function startSquid(): Promise<Squid> {
  // squid started as root works as its own user (`proxy` on Debian): it must reach and write
  // its folder, which the bench's own (mode 700) would not let it.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'conncheck-squid-'))
  await chmod(dir, 0o777)
  const port = await freePort()
  const accessLog = `${dir}/access.log`
  await writeFile(`${dir}/hosts`, `127.0.0.1 ${API_HOST}\n`)
  await writeFile(
    `${dir}/squid.conf`,
    [
      `http_port 127.0.0.1:${port}`,
      `pid_filename ${dir}/squid.pid`,
      `access_log stdio:${accessLog} squid`,
      `cache_log ${dir}/cache.log`,
      'cache_store_log none',
      'cache deny all',
      'cache_mem 4 MB',
      `hosts_file ${dir}/hosts`,
      `coredump_dir ${dir}`,
      'netdb_filename none',
      'pinger_enable off',
      'shutdown_lifetime 0 seconds',
      'acl self src 127.0.0.1',
      'http_access allow self',
      'http_access deny all',
      ''
    ].join('\n')
  )
  const child: ChildProcess = spawn('squid', ['-N', '-f', `${dir}/squid.conf`], {
    stdio: 'ignore'
  })
  for (let tries = 0; !(await portOpen(port)); tries += 1) {
    if (tries > 100 || child.exitCode !== null) {
      child.kill('SIGKILL')
      const why = await readFile(`${dir}/cache.log`, 'utf8').catch(() => '')
      await rm(dir, { recursive: true, force: true })
      throw new Error(`squid did not start on port ${port}:\n${why.slice(-800)}`)
    }
    await sleep(100)
  }
  const tunnels = async (): Promise<number> => {
    const text = await readFile(accessLog, 'utf8').catch(() => '')
    return text.split('\n').filter((line) => / CONNECT /.test(line)).length
  }
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    async settled() {
      let seen = await tunnels()
      for (let i = 0; i < 30; i += 1) {
        await sleep(200)
        const now = await tunnels()
        if (now === seen && i >= 2) return now
        seen = now
      }
      return seen
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** The requests that reached the simulator, all of them through the proxy. */
const requestsSince = (sim: Simulator, before: number): number => sim.requests.length - before

export async function measureProxy(bench: Bench): Promise<ProxyReport> {
  if (spawnSync('squid', ['-v']).error !== undefined) {
    const skipped = 'squid is not installed (apt-get install -y squid): not measured'
    log(`proxy: ${skipped}`)
    return { skipped }
  }
  const certs = await makeCertificates()
  const squid = await startSquid()
  try {
    return await withSimulator(
      async (sim) => {
        const base = `https://${API_HOST}:${sim.port}/api/v1`
        const env = { HTTPS_PROXY: squid.url, NODE_EXTRA_CA_CERTS: certs.caCertPath }
        const ids = PROXY_CHECKS_MS.map((checkDurationMs) => {
          const id = randomUUID()
          sim.addConnector(id, { kind: 'source', checkDurationMs, ending: 'SUCCESS' })
          return id
        })
        const before = sim.requests.length
        const run = await startBundle(
          bench.bundle,
          { 'source-id': ids.join('\n'), 'api-key': sim.apiKey, 'api-url': base },
          env,
          60_000
        )
        const done = await run.done
        const actionRequests = requestsSince(sim, before)
        const actionTunnels = await squid.settled()

        // @actions/http-client on its own, as many GETs in a row through the same proxy.
        const script = [
          "import { HttpClient } from '@actions/http-client'",
          "const client = new HttpClient('bench', [], { keepAlive: true })",
          'const [url, key, n] = process.argv.slice(1)',
          'for (let i = 0; i < Number(n); i += 1) {',
          "  const res = await client.get(url, { 'unstructured-api-key': key })",
          '  await res.readBody()',
          '}',
          'client.dispose()'
        ].join('\n')
        const clientBefore = sim.requests.length
        const url = `${base}/sources/${ids[0] ?? ''}/connection-check`
        const plain = await startNode(
          ['--input-type=module', '-e', script, url, sim.apiKey, String(actionRequests)],
          { PATH: process.env.PATH ?? '', ...env },
          60_000,
          { cwd: ROOT }
        ).done
        if (plain.code !== 0) throw new Error(`proxy: the client alone failed\n${plain.stderr}`)
        const clientRequests = requestsSince(sim, clientBefore)
        const clientTunnels = (await squid.settled()) - actionTunnels
        return {
          action: {
            requests: actionRequests,
            tunnels: actionTunnels,
            outcome: done.outputs.outcome ?? '(none)',
            wallMs: done.exitedAt - done.startedAt
          },
          client: { requests: clientRequests, tunnels: clientTunnels }
        }
      },
      { tls: { cert: certs.cert, key: certs.key }, hostname: API_HOST }
    )
  } finally {
    await squid.stop()
    await certs.remove()
  }
}

// ---------------------------------------------------------------------------------------------
// Rows

export function pagingRows(cases: PagingCase[]): Section {
  const section: Section = { rows: [], targets: [] }
  for (const c of cases) {
    // The bound where the server honours the page size; else the fewest that see the end.
    const limit = c.serverPageSize === WORKFLOW_PAGE_SIZE ? 7 : c.fewest
    const ok = c.found && c.requests <= limit
    // Arrival times at the server: a few ms of jitter on gaps the action keeps at 100 ms.
    const minGapOk = c.requests <= 1 || c.wallMs >= (c.requests - 1) * 100 * 0.95
    const perS = ((c.requests - 1) / (c.wallMs / 1000)).toFixed(1)
    section.rows.push([
      `paging ${PAGING_WORKFLOWS}\nworkflows, server\ngives ${c.serverPageSize} a page`,
      [
        `${c.requests} list requests`,
        `in ${sec(c.wallMs)} (first to last)`,
        c.found ? 'the last one found' : 'the last one NOT found'
      ].join('\n'),
      `to see the end:\n${c.fewest} requests`,
      `<= ${limit} requests\n<= 10 a second`,
      `${yes(ok)}: ${c.requests}\n${yes(minGapOk)}: ${perS}/s`
    ])
    section.targets.push(
      `Paging ${PAGING_WORKFLOWS} workflows from a server giving ${c.serverPageSize} a page ` +
        `(asked for ${WORKFLOW_PAGE_SIZE}) in at most ${limit} requests, 10 a second: ` +
        `${verdict(ok && minGapOk)}, ${c.requests} over ${sec(c.wallMs)} (${c.fewest} are ` +
        `needed to see the end; at most ${MAX_WORKFLOW_PAGES} pages)` +
        `${c.found ? '' : ', **the last workflow was not found**'}.`
    )
  }
  return section
}

export function proxyRows(proxy: ProxyReport): Section {
  const { action, client } = proxy
  if (action === undefined || client === undefined) {
    return {
      rows: [['through squid', proxy.skipped ?? 'not measured', '-', '-', '-']],
      targets: [`Tunnels through a CONNECT proxy: ${proxy.skipped ?? 'not measured'}.`]
    }
  }
  const checks = PROXY_CHECKS_MS.map((ms) => ms / 1000).join(', ')
  const ok = action.tunnels <= action.requests / 3
  return {
    rows: [
      [
        `through squid\n(${PROXY_CHECKS_MS.length} connectors,\nchecks ${checks} s)`,
        [
          `${action.requests} requests,`,
          `${action.tunnels} CONNECT tunnels`,
          `wall ${sec(action.wallMs)}, outcome ${action.outcome}`
        ].join('\n'),
        `@actions/http-client\nalone: ${client.requests} requests,\n${client.tunnels} tunnels`,
        'a few tunnels,\nnot one per request',
        `${yes(ok)}: ${(action.requests / Math.max(1, action.tunnels)).toFixed(1)}\nrequests a tunnel`
      ]
    ],
    targets: [
      `Through a CONNECT proxy (squid), tunnels kept: ${verdict(ok)}, ` +
        `${action.requests} requests in ${action.tunnels} tunnels for ${PROXY_CHECKS_MS.length} ` +
        `connectors; @actions/http-client alone opened ${client.tunnels} for ${client.requests}.`
    ]
  }
}
