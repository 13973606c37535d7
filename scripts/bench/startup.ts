// Start-up: from the spawn to the moment the simulator receives the process's first request, for
// the action's bundle, a minified build of it and the CLI bundle, beside a minimal fetch script
// that sends one POST (and an empty Node script, spawn to exit). The action's first request is a
// read (the connector's latest check, or its name), not the POST: either way it is the moment
// the process has started and is on the network. The rest of a run is the wait for the verdict.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { startNode, withSimulator } from '../../__tests__/support/runner.js'
import type { Simulator } from '../../simulator/platform-simulator.js'
import {
  CAP_MS,
  TIMEOUT_S,
  defaultInputs,
  expectSuccess,
  againstScript,
  log,
  median,
  msRange,
  ratio,
  readUsage,
  runAction,
  type Bench,
  type Section
} from './common.js'

const STARTUP_RUNS = 15

export interface StartupReport {
  bundleMs: number[]
  minifiedMs: number[]
  fetchMs: number[]
  emptyMs: number[]
  /** undefined when there is no CLI bundle to time. */
  cliMs: number[] | undefined
  fetchRssKiB: number | undefined
}

/** The command line a terminal user types, with action.yml's inputs as flags. */
function cliArgs(cli: string, sim: Simulator, sourceId: string): string[] {
  return [
    cli,
    '--source-id',
    sourceId,
    '--api-url',
    sim.url,
    '--timeout-seconds',
    String(TIMEOUT_S),
    '--poll-interval-seconds',
    String(CAP_MS / 1000)
  ]
}

/**
 * `cli` is the CLI bundle's path; it is timed only when that file exists, since the CLI front
 * end may not be built yet.
 */
export async function measureStartup(
  bench: Bench,
  minifiedBundle: string,
  cli: string
): Promise<StartupReport> {
  const { work, bundle } = bench
  const fetchScript = work.path('minimal-fetch.mjs')
  const emptyScript = work.path('empty.mjs')
  // The same single POST the action makes, and nothing else.
  await writeFile(
    fetchScript,
    [
      'const [url, key] = process.argv.slice(2)',
      "const res = await fetch(url, { method: 'POST', headers: { 'unstructured-api-key': key } })",
      'await res.json()',
      'process.exit(res.ok ? 0 : 1)',
      ''
    ].join('\n')
  )
  await writeFile(emptyScript, '')
  const hasCli = existsSync(cli)
  if (!hasCli) log(`no CLI bundle at ${cli}: the CLI's start-up is not measured`)
  return withSimulator(async (sim) => {
    /** Runs `start` and returns the time from its spawn to the arrival of its first request. */
    const toFirstRequest = async (
      start: () => Promise<{ startedAt: number }>,
      what: string
    ): Promise<number> => {
      const before = sim.requests.length
      const { startedAt } = await start()
      const first = sim.requests[before]
      if (first === undefined) throw new Error(`start-up, ${what}: no request arrived`)
      return first.at - startedAt
    }
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source', checkDurationMs: 0, ending: 'SUCCESS' })
    const postUrl = `${sim.url}/api/v1/sources/${id}/connection-check`
    const env = { PATH: process.env.PATH ?? '' }
    const report: StartupReport = {
      bundleMs: [],
      minifiedMs: [],
      fetchMs: [],
      emptyMs: [],
      cliMs: hasCli ? [] : undefined,
      fetchRssKiB: undefined
    }
    const variants: (() => Promise<void>)[] = [
      async () => {
        const ms = await toFirstRequest(async () => {
          const run = await runAction(work, bundle, defaultInputs(sim, id), {
            measureRss: false,
            limitMs: 20_000
          })
          expectSuccess(run, 'start-up, bundle')
          return run
        }, 'bundle')
        report.bundleMs.push(ms)
      },
      async () => {
        const ms = await toFirstRequest(async () => {
          const run = await runAction(work, minifiedBundle, defaultInputs(sim, id), {
            measureRss: false,
            limitMs: 20_000
          })
          expectSuccess(run, 'start-up, minified bundle')
          return run
        }, 'minified bundle')
        report.minifiedMs.push(ms)
      },
      async () => {
        const ms = await toFirstRequest(async () => {
          const run = await startNode([fetchScript, postUrl, sim.apiKey], env, 20_000).done
          if (run.code !== 0) throw new Error(`minimal fetch script failed: ${run.stderr}`)
          return run
        }, 'fetch script')
        report.fetchMs.push(ms)
      },
      async () => {
        const run = await startNode([emptyScript], env, 20_000).done
        report.emptyMs.push(run.exitedAt - run.startedAt)
      }
    ]
    if (hasCli) {
      // No runner files or INPUT_* variables: the key comes from where a terminal user sets it.
      const cliEnv = { ...env, UNSTRUCTURED_API_KEY: sim.apiKey }
      variants.push(async () => {
        const ms = await toFirstRequest(async () => {
          const run = await startNode(cliArgs(cli, sim, id), cliEnv, 20_000).done
          if (run.code !== 0) {
            throw new Error(`start-up, CLI: exit ${String(run.code)}\n${run.stdout}\n${run.stderr}`)
          }
          return run
        }, 'CLI')
        report.cliMs?.push(ms)
      })
    }
    // One warm-up round (disk cache), then rounds in a rotating order so drift hits all alike.
    for (const variant of variants) await variant()
    report.bundleMs = []
    report.minifiedMs = []
    report.fetchMs = []
    report.emptyMs = []
    if (hasCli) report.cliMs = []
    for (let round = 0; round < STARTUP_RUNS; round += 1) {
      for (let v = 0; v < variants.length; v += 1) await variants[(round + v) % variants.length]?.()
    }
    const rssFile = work.rssFile()
    await startNode([fetchScript, postUrl, sim.apiKey], { ...env, ...work.rssEnv(rssFile) }, 20_000)
      .done
    report.fetchRssKiB = (await readUsage(rssFile))?.maxRssKiB
    return report
  })
}

export function startupRows(startup: StartupReport, cliLabel: string): Section {
  const cli = startup.cliMs
  const timing = againstScript({
    label: 'start-up: spawn to\nfirst request',
    claim: 'Start-up, spawn to the first request',
    bundleMs: startup.bundleMs,
    scriptMs: startup.fetchMs,
    scriptLabel: 'fetch POST script',
    limit: 1.5,
    more: [
      `minified: ${Math.round(median(startup.minifiedMs))} ms`,
      ...(cli === undefined ? [] : [`CLI: ${Math.round(median(cli))} ms (${msRange(cli)})`])
    ],
    moreScript: [`empty node: ${Math.round(median(startup.emptyMs))} ms`]
  })
  const targets = [timing.target]
  if (cli !== undefined) {
    targets.push(
      `CLI start-up (${cliLabel}, no target): ${Math.round(median(cli))} ms ` +
        `(${msRange(cli)}), ${ratio(median(cli) / timing.scriptMedian)} the minimal script's ` +
        `${Math.round(timing.scriptMedian)} ms; the action's is ${Math.round(timing.bundleMedian)} ms.`
    )
  }
  return { rows: [timing.row], targets }
}
