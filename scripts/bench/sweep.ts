// A sweep of a workspace by pattern: 500 connectors whose checks take 0 to 3 s, at
// max-concurrency 50, against an ideal pool of 50 workers; then resolution alone (listing and
// matching 10,000 connectors) timed in this process, with the simulator in a child of its own
// so that its CPU is not counted.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { startSimulator } from '../../simulator/platform-simulator.js'
import { addWorkspace } from '../../simulator/workspace.js'
import { WORKFLOW_PAGE_SIZE } from '../../src/wait/listing.js'
import { CAP_MS, ROOT, max, runAction, type Bench } from './common.js'
import { candidates, modelSchedule, targetLagMs } from './lag.js'

export const SWEEP_CONNECTORS = 500
export const SWEEP_CONCURRENCY = 50
export const SWEEP_LONGEST_CHECK_MS = 3_000
export const SWEEP_WORKFLOWS = 25
export const SWEEP_SLACK_MS = 2_000
export const SWEEP_RSS_LIMIT_MIB = 150
export const RESOLUTION_CONNECTORS = 10_000
export const RESOLUTION_CPU_LIMIT_MS = 200

export interface SweepReport {
  outcome: string
  checked: number
  /** Spawn to exit. */
  wallMs: number
  /** Greedy list scheduling of each check's T + 0.5 s + 0.25 T on 50 workers, in results order. */
  idealMs: number
  /** Requests per list path. */
  listRequests: { sources: number; destinations: number; workflows: number }
  workflowPages: number
  /** Connectors whose requests exceeded what the single-connector schedule allows at their T. */
  overSchedule: number
  /** Largest excess over it (0 when none). */
  worstExcess: number
  requestsPerConnector: number[]
  maxRssKiB: number | undefined
  resolution: ResolutionReport
}

export interface ResolutionReport {
  connectors: number
  /** CPU (user + system) of listing both kinds and matching, first run and the warm ones. */
  coldCpuMs: number
  warmCpuMs: number[]
  coldWallMs: number
  /** CPU of one typo's suggestions among half of them, alone. */
  suggestionsCpuMs: number
}

/** Each check's time on a worker, as the lag target allows it. */
const idealSlotMs = (tMs: number): number => tMs + targetLagMs(tMs)

/** Greedy: each item, in order, to the worker that is free first. */
function idealPool(durations: readonly number[], workers: number): number {
  const free = new Array<number>(workers).fill(0)
  for (const d of durations) {
    let best = 0
    for (let w = 1; w < workers; w += 1) if ((free[w] ?? 0) < (free[best] ?? 0)) best = w
    free[best] = (free[best] ?? 0) + d
  }
  return max(free)
}

async function sweepRun(bench: Bench): Promise<Omit<SweepReport, 'resolution'>> {
  const sim = await startSimulator()
  try {
    const workspace = addWorkspace(sim, {
      connectors: SWEEP_CONNECTORS,
      workflows: SWEEP_WORKFLOWS,
      longestCheckMs: SWEEP_LONGEST_CHECK_MS
    })
    const run = await runAction(
      bench.work,
      bench.bundle,
      {
        'source-name': '*',
        'destination-name': '*',
        'workflow-name': '*',
        'api-key': sim.apiKey,
        'api-url': sim.url,
        'timeout-seconds': '300',
        'poll-interval-seconds': String(CAP_MS / 1000),
        'max-concurrency': String(SWEEP_CONCURRENCY)
      },
      { measureRss: true, limitMs: 300_000 }
    )
    const results = JSON.parse(run.resultsFile ?? '[]') as { 'connector-id': string }[]
    const byId = new Map(workspace.connectors.map((c) => [c.id, c]))
    const durations = results.map((r) => byId.get(r['connector-id'])?.checkDurationMs ?? 0)
    const model = modelSchedule(candidates()[0])
    let overSchedule = 0
    let worstExcess = 0
    const requestsPerConnector: number[] = []
    for (const c of workspace.connectors) {
      const mine = sim.requests.filter((r) => r.path.includes(c.id))
      requestsPerConnector.push(mine.length)
      const post = mine.find((r) => r.method === 'POST')
      const finalAt = sim.checks(c.id).at(-1)?.finalAtMs
      if (post === undefined || finalAt === undefined || finalAt === null) continue
      // The single-connector schedule: POST and GETs for the check's time, plus the name lookup.
      const allowed = model.requestsAt(Math.max(0, finalAt - post.at)).most + 1
      if (mine.length > allowed) {
        overSchedule += 1
        worstExcess = Math.max(worstExcess, mine.length - allowed)
      }
    }
    const listed = (list: string): number =>
      sim.requests.filter(
        (r) => r.path.startsWith(`/api/v1/${list}/`) && !/[0-9a-f]{8}-/.test(r.path)
      ).length
    return {
      outcome: run.outputs.outcome ?? '(none)',
      checked: results.length,
      wallMs: run.exitedAt - run.startedAt,
      idealMs: idealPool(durations.map(idealSlotMs), SWEEP_CONCURRENCY),
      listRequests: {
        sources: listed('sources'),
        destinations: listed('destinations'),
        workflows: listed('workflows')
      },
      workflowPages: Math.ceil(SWEEP_WORKFLOWS / WORKFLOW_PAGE_SIZE),
      overSchedule,
      worstExcess,
      requestsPerConnector,
      maxRssKiB: run.maxRssKiB
    }
  } finally {
    await sim.close()
  }
}

/** serve.ts with a generated workspace, in a child: its CPU is not this process's. */
async function serveWorkspace(
  connectors: number
): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'simulator/serve.ts'),
      '--port',
      '0',
      '--workspace',
      String(connectors)
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  let out = ''
  child.stdout.setEncoding('utf8')
  const url = await new Promise<string>((resolve, reject) => {
    child.on('exit', () => {
      reject(new Error(`serve.ts ended early: ${out}`))
    })
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      if (found !== undefined) resolve(found)
    })
  })
  return {
    url,
    stop: async () => {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
    }
  }
}

/**
 * Resolution alone, in a fresh process as a step would run it: the bench's own process has a
 * sweep behind it (a warm JIT and a big heap), which says nothing of a step's cold start.
 */
async function measureResolution(): Promise<ResolutionReport> {
  const server = await serveWorkspace(RESOLUTION_CONNECTORS)
  try {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/bench/resolution-probe.ts'), server.url],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
    )
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (out += chunk))
    const [code] = (await once(child, 'exit')) as [number | null]
    if (code !== 0) throw new Error(`resolution-probe.ts exited with ${code}: ${out}`)
    return { connectors: RESOLUTION_CONNECTORS, ...(JSON.parse(out) as ProbeReport) }
  } finally {
    await server.stop()
  }
}

/** What resolution-probe.ts prints. */
export type ProbeReport = Omit<ResolutionReport, 'connectors'>

export async function measureSweep(bench: Bench): Promise<SweepReport> {
  const sweep = await sweepRun(bench)
  return { ...sweep, resolution: await measureResolution() }
}
