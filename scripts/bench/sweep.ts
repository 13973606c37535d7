// Large sweeps: one step with `source-name: '*'` and `destination-name: '*'` over 2,000 and
// 10,000 connectors at max-concurrency 100, whose checks take 1 to 3 s and whose previous check
// took as long (the prior the engine reads to order its queue, longest first). Wall time beside
// the ideal makespan, POSTs, requests per connector beside the schedule's, peak RSS. The
// simulator runs in a child process of its own (sweep-server.ts), so its CPU is not the bench's.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  CAP_MS,
  ROOT,
  log,
  max,
  mean,
  mib,
  runAction,
  sec,
  verdict,
  yes,
  type Bench,
  type Section
} from './common.js'
import { expectedWithPrior } from './prior.js'

export const SWEEP_SIZES = [2_000, 10_000] as const
export const SWEEP_CONCURRENCY = 100
/** Peak RSS of the action's process, at every size. */
export const SWEEP_RSS_LIMIT_MIB = 200
/**
 * Wall time (spawn to exit) at most this multiple of the ideal makespan. The ideal already
 * holds each check's own lag, so the rest is the machine's: start-up, two lists, a read of every
 * connector's latest check before the queue starts, and some 300 requests a second through one
 * process on a shared 2-core machine.
 */
export const SWEEP_WALL_LIMIT = 1.1

/** What sweep-server.ts sends once it listens. */
export interface SweepServed {
  kind: 'served'
  url: string
  apiKey: string
  /** Every connector and how long each of its checks takes (its prior took as long). */
  connectors: { id: string; durationMs: number }[]
}

/** What sweep-server.ts counted, when asked after the step. Times are epoch ms. */
export interface SweepTally {
  kind: 'tally'
  /** In the order of SweepServed.connectors. */
  perConnector: { requests: number; posts: number; readsBeforePost: number }[]
  /** Requests naming no connector: the lists, and anything else. */
  lists: { sources: number; destinations: number; other: number }
  firstRequestAt: number
  /** The first request naming a connector: the lists are read and matched by then. */
  firstConnectorAt: number
  firstPostAt: number
  lastFinalAt: number
  /** Connectors with no check started by a POST, and with one not final. */
  notStarted: number
  undecided: number
  /** The simulator's own CPU over its life. */
  cpuMs: number
}

export interface SweepRun {
  connectors: number
  timeoutS: number
  outcome: string
  exitCode: number | null
  wallMs: number
  /** Longest-first on the slots, each check taking its T plus the schedule's mean lag. */
  idealMs: number
  /** The same with T alone: what the platform needs. */
  floorMs: number
  /** The same with the lag the schedule gives without the prior: what the prior saves. */
  withoutPriorMs: number
  /** Per connector, the model with the prior: mean lag and calls, the most calls any draw needs. */
  model: { meanLagMs: number; meanCalls: number; mostCalls: number }
  requests: { mean: number; max: number }
  posts: number
  /** Connectors with a POST count other than one. */
  postsNotOne: number
  readsBeforePost: number
  lists: SweepTally['lists']
  /** Spawn to the first list request, to the first connector read, to the first POST. */
  firstRequestMs: number
  listedMs: number
  firstPostMs: number
  exitAfterLastFinalMs: number
  notStarted: number
  undecided: number
  maxRssKiB: number | undefined
  cpuMs: number | undefined
  simCpuMs: number
  /** One-minute load average before and after the step. */
  load: [number, number]
}

/** The model's figures for each check time, computed once per distinct time. */
function memo<T>(compute: (ms: number) => T): (ms: number) => T {
  const known = new Map<number, T>()
  return (ms) => {
    let value = known.get(ms)
    if (value === undefined) {
      value = compute(ms)
      known.set(ms, value)
    }
    return value
  }
}

/** Longest-processing-time list scheduling: longest first, each to the slot that frees first. */
export function longestFirstMakespan(durations: readonly number[], slots: number): number {
  const free = new Array<number>(slots).fill(0)
  for (const d of [...durations].sort((a, b) => b - a)) {
    let first = 0
    for (let s = 1; s < slots; s += 1) if ((free[s] ?? 0) < (free[first] ?? 0)) first = s
    free[first] = (free[first] ?? 0) + d
  }
  return max(free)
}

interface SweepServer {
  served: SweepServed
  tally(): Promise<SweepTally>
  stop(): Promise<void>
}

/** sweep-server.ts in a child, with an IPC channel. */
async function startSweepServer(connectors: number): Promise<SweepServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/bench/sweep-server.ts'), String(connectors)],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
  )
  const next = <T extends SweepServed | SweepTally>(kind: T['kind']): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => {
        reject(new Error(`sweep-server.ts ended with ${String(code)} before its ${kind}`))
      }
      child.once('exit', onExit)
      const onMessage = (message: SweepServed | SweepTally): void => {
        if (message.kind !== kind) return
        child.off('message', onMessage)
        child.off('exit', onExit)
        resolve(message as T)
      }
      child.on('message', onMessage)
    })
  const served = await next<SweepServed>('served')
  return {
    served,
    tally: () => {
      const answer = next<SweepTally>('tally')
      child.send('tally')
      return answer
    },
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = once(child, 'exit')
      child.send('close')
      await exited
    }
  }
}

async function sweepRun(bench: Bench, connectors: number): Promise<SweepRun> {
  const server = await startSweepServer(connectors)
  try {
    const { served } = server
    const durations = served.connectors.map((c) => c.durationMs)
    const withPrior = memo((ms) => expectedWithPrior(ms / 1000, ms / 1000))
    const withoutPrior = memo((ms) => expectedWithPrior(undefined, ms / 1000))
    const makespan = (slotMs: (tMs: number) => number): number =>
      longestFirstMakespan(durations.map(slotMs), SWEEP_CONCURRENCY)
    const floorMs = makespan((t) => t)
    const idealMs = makespan((t) => t + withPrior(t).lagMs)
    // Room for twice the ideal: the queue rule never has to hold a check back.
    const timeoutS = Math.ceil((2 * floorMs + 60_000) / 1000)
    const loadBefore = os.loadavg()[0] ?? Number.NaN
    log(
      `sweep of ${connectors}: ideal ${sec(idealMs)}, timeout-seconds ${timeoutS}, ` +
        `load ${loadBefore.toFixed(1)}`
    )
    const run = await runAction(
      bench.work,
      bench.bundle,
      {
        'source-name': '*',
        'destination-name': '*',
        'api-key': served.apiKey,
        'api-url': served.url,
        'timeout-seconds': String(timeoutS),
        'poll-interval-seconds': String(CAP_MS / 1000),
        'max-concurrency': String(SWEEP_CONCURRENCY)
      },
      { measureRss: true, limitMs: (timeoutS + 60) * 1000 }
    )
    const loadAfter = os.loadavg()[0] ?? Number.NaN
    const tally = await server.tally()
    const requests = tally.perConnector.map((c) => c.requests)
    const spawnedAt = performance.timeOrigin + run.startedAt
    return {
      connectors,
      timeoutS,
      outcome: run.outputs.outcome ?? '(none)',
      exitCode: run.exitCode,
      wallMs: run.exitedAt - run.startedAt,
      idealMs,
      floorMs,
      withoutPriorMs: makespan((t) => t + withoutPrior(t).lagMs),
      model: {
        meanLagMs: mean(durations.map((t) => withPrior(t).lagMs)),
        meanCalls: mean(durations.map((t) => withPrior(t).calls)),
        mostCalls: max(durations.map((t) => withPrior(t).mostCalls))
      },
      requests: { mean: mean(requests), max: max(requests) },
      posts: tally.perConnector.reduce((n, c) => n + c.posts, 0),
      postsNotOne: tally.perConnector.filter((c) => c.posts !== 1).length,
      readsBeforePost: tally.perConnector.reduce((n, c) => n + c.readsBeforePost, 0),
      lists: tally.lists,
      firstRequestMs: tally.firstRequestAt - spawnedAt,
      listedMs: tally.firstConnectorAt - spawnedAt,
      firstPostMs: tally.firstPostAt - spawnedAt,
      exitAfterLastFinalMs: performance.timeOrigin + run.exitedAt - tally.lastFinalAt,
      notStarted: tally.notStarted,
      undecided: tally.undecided,
      maxRssKiB: run.maxRssKiB,
      cpuMs: run.cpuMs,
      simCpuMs: tally.cpuMs,
      load: [loadBefore, loadAfter]
    }
  } finally {
    await server.stop()
  }
}

export async function measureSweeps(bench: Bench): Promise<SweepRun[]> {
  const runs: SweepRun[] = []
  // SWEEP_SIZES=2000 (comma-separated) measures only those sizes, for a quicker look at one.
  const only = (process.env.SWEEP_SIZES ?? '')
    .split(',')
    .filter((s) => s !== '')
    .map(Number)
  const sizes = only.length > 0 ? only : SWEEP_SIZES
  for (const connectors of sizes) runs.push(await sweepRun(bench, connectors))
  return runs
}

// ---------------------------------------------------------------------------------------------
// Rows

const rssMiB = (run: SweepRun): number =>
  run.maxRssKiB === undefined ? Number.NaN : run.maxRssKiB / 1024

export function sweepRows(runs: SweepRun[]): Section {
  const section: Section = { rows: [], targets: [] }
  for (const run of runs) {
    const wallRatio = run.wallMs / run.idealMs
    const wallOk = wallRatio <= SWEEP_WALL_LIMIT && run.outcome === 'success'
    const rssOk = rssMiB(run) <= SWEEP_RSS_LIMIT_MIB
    const postsOk = run.postsNotOne === 0
    const listsOk = run.lists.sources <= 1 && run.lists.destinations <= 1
    const n = run.connectors.toLocaleString('en-US')
    section.rows.push([
      `sweep of ${n}\n(checks 1-3 s,\nwith priors,\nmax-concurrency\n${SWEEP_CONCURRENCY}, by '*')`,
      [
        `wall ${sec(run.wallMs)}, outcome ${run.outcome}`,
        `first list ${sec(run.firstRequestMs)}, matched`,
        `${sec(run.listedMs)}, first POST ${sec(run.firstPostMs)}`,
        `exit ${sec(run.exitAfterLastFinalMs)} after the last final`,
        `${run.posts} POSTs (${run.postsNotOne} not 1 a connector)`,
        `requests/connector ${run.requests.mean.toFixed(1)} mean,`,
        `  ${run.requests.max} max`,
        `lists: sources ${run.lists.sources}, destinations ${run.lists.destinations}`,
        `max RSS ${Number.isNaN(rssMiB(run)) ? '?' : mib(rssMiB(run) * 2 ** 20)}`,
        `CPU ${run.cpuMs === undefined ? '?' : sec(run.cpuMs, 1)} (simulator ${sec(run.simCpuMs, 1)})`,
        `load ${run.load[0].toFixed(1)} before, ${run.load[1].toFixed(1)} after`
      ].join('\n'),
      [
        `ideal makespan ${sec(run.idealMs)}:`,
        `longest first on ${SWEEP_CONCURRENCY} slots,`,
        `each T + the schedule's lag`,
        `with the prior (${sec(run.model.meanLagMs)} mean);`,
        `T alone ${sec(run.floorMs)};`,
        `lag without the prior ${sec(run.withoutPriorMs)}`,
        `model: ${run.model.meanCalls.toFixed(1)} requests/connector`,
        `  mean, ${run.model.mostCalls} most`
      ].join('\n'),
      [
        `wall <= ${SWEEP_WALL_LIMIT}x ideal`,
        `(${sec(SWEEP_WALL_LIMIT * run.idealMs)})`,
        '1 POST a connector',
        'lists <= 1 a kind',
        `RSS <= ${SWEEP_RSS_LIMIT_MIB} MiB`
      ].join('\n'),
      [
        `${yes(wallOk)}: ${wallRatio.toFixed(2)}x`,
        '',
        `${yes(postsOk)}: ${run.posts} for ${run.connectors}`,
        yes(listsOk),
        `${yes(rssOk)}: ${Number.isNaN(rssMiB(run)) ? '?' : rssMiB(run).toFixed(0)} MiB`
      ].join('\n')
    ])
    section.targets.push(
      `Sweep of ${n} connectors (checks of 1 to 3 s, each with a prior) at max-concurrency ` +
        `${SWEEP_CONCURRENCY}: wall within ${SWEEP_WALL_LIMIT}x the ideal makespan ` +
        `${verdict(wallOk)}, ${sec(run.wallMs)} against ${sec(run.idealMs)} ` +
        `(${wallRatio.toFixed(2)}x; T alone ${sec(run.floorMs)}), outcome ${run.outcome}; ` +
        `one POST a connector ${verdict(postsOk)} (${run.posts}); ` +
        `${run.requests.mean.toFixed(1)} requests a connector (model ` +
        `${run.model.meanCalls.toFixed(1)}), ${run.requests.max} at most; peak RSS at most ` +
        `${SWEEP_RSS_LIMIT_MIB} MiB ${verdict(rssOk)} ` +
        `(${Number.isNaN(rssMiB(run)) ? '?' : mib(rssMiB(run) * 2 ** 20)}); load ` +
        `${run.load[0].toFixed(1)} to ${run.load[1].toFixed(1)}.`
    )
  }
  return section
}
