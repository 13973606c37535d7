// Reuse (reuse-success-seconds): a step that passes on a recent SUCCESS, spawn to exit, beside a
// minimal Node script that makes the one request such a verdict needs (the GET of the latest
// check); and, on a simulated clock, the checks reuse saves in a run of gates on the same
// connectors, through the action's own decision (src/policy.ts).
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { startNode, withSimulator } from '../../__tests__/support/runner.js'
import { ConnectionCheckSchema } from '../../src/api/schemas.js'
import { reuseDecision } from '../../src/engine/policy.js'
import {
  againstScript,
  defaultInputs,
  pct,
  runAction,
  type ActionRun,
  type Bench,
  type Section
} from './common.js'

const REUSE_RUNS = 15

/** The run of gates: 20 steps over 5 minutes, each checking the same 10 connectors. */
export const GATES = { gates: 20, connectors: 10, spanS: 300, checkS: 5 } as const
/** The reuse windows the run of gates is modelled with. */
export const REUSE_WINDOWS_S = [60, 120, 300] as const

export interface ReuseReport {
  bundleMs: number[]
  fetchMs: number[]
  /** Checks started in the run of gates, without reuse and with each window. */
  gates: { windowS: number; checks: number }[]
  withoutReuse: number
}

function expectReused(run: ActionRun): void {
  if (
    run.exitCode === 0 &&
    run.outputs.outcome === 'success' &&
    run.outputs['check-id'] === undefined
  ) {
    return
  }
  throw new Error(`reuse: exit ${String(run.exitCode)}\n${run.stdout}\n${run.stderr}`)
}

export async function measureReuse(bench: Bench): Promise<ReuseReport> {
  const { work, bundle } = bench
  const fetchScript = work.path('minimal-latest.mjs')
  // The one request a verdict on a recent SUCCESS needs, and nothing else.
  await writeFile(
    fetchScript,
    [
      'const [url, key] = process.argv.slice(2)',
      "const res = await fetch(url, { headers: { 'unstructured-api-key': key } })",
      'const check = await res.json()',
      "process.exit(res.ok && check.status === 'SUCCESS' ? 0 : 1)",
      ''
    ].join('\n')
  )
  const report = await withSimulator(async (sim) => {
    const id = randomUUID()
    sim.addConnector(id, { kind: 'source' })
    // Reported 2 s before the step, far inside the window.
    sim.startCheck(id, { ageMs: 3000, durationMs: 1000, ending: 'SUCCESS' })
    const url = `${sim.url}/api/v1/sources/${id}/connection-check`
    const env = { PATH: process.env.PATH ?? '' }
    const inputs = { ...defaultInputs(sim, id), 'reuse-success-seconds': '3600' }
    const bundleMs: number[] = []
    const fetchMs: number[] = []
    const variants = [
      async () => {
        const run = await runAction(work, bundle, inputs, { measureRss: false, limitMs: 20_000 })
        expectReused(run)
        bundleMs.push(run.exitedAt - run.startedAt)
      },
      async () => {
        const run = await startNode([fetchScript, url, sim.apiKey], env, 20_000).done
        if (run.code !== 0) throw new Error(`minimal GET script failed: ${run.stderr}`)
        fetchMs.push(run.exitedAt - run.startedAt)
      }
    ]
    // One warm-up round, then rounds in a rotating order so drift hits both alike.
    for (const variant of variants) await variant()
    bundleMs.length = 0
    fetchMs.length = 0
    for (let round = 0; round < REUSE_RUNS; round += 1) {
      for (let v = 0; v < variants.length; v += 1) await variants[(round + v) % variants.length]?.()
    }
    if (sim.requests.some((r) => r.method === 'POST')) throw new Error('reuse: a POST was sent')
    return { bundleMs, fetchMs }
  })
  return {
    ...report,
    gates: REUSE_WINDOWS_S.map((windowS) => ({ windowS, checks: gateChecks(windowS) })),
    withoutReuse: gateChecks(0)
  }
}

const iso = (ms: number): string => new Date(ms).toISOString()

/**
 * Checks started by GATES.gates steps, evenly spread over GATES.spanS, each on the same
 * GATES.connectors connectors whose checks take GATES.checkS and pass; a window of 0 is no
 * reuse. The Date header is the simulated clock, which also writes the timestamps.
 */
export function gateChecks(windowS: number): number {
  const { gates, connectors, spanS, checkS } = GATES
  const epoch = Date.UTC(2026, 0, 1)
  const latest: (ReturnType<typeof ConnectionCheckSchema.parse> | undefined)[] = Array.from(
    { length: connectors },
    () => undefined
  )
  let checks = 0
  for (let gate = 0; gate < gates; gate += 1) {
    const at = epoch + Math.round((gate * spanS * 1000) / gates)
    for (let c = 0; c < connectors; c += 1) {
      const previous = latest[c]
      // What the GET answers at `at`: the check as it stands then.
      const seen =
        previous === undefined
          ? undefined
          : { ...previous, serverDateMs: at, ...(reportedBy(previous, at) ? {} : unfinished) }
      if (windowS > 0 && reuseDecision(seen, windowS * 1000).ok) continue
      checks += 1
      latest[c] = ConnectionCheckSchema.parse({
        id: randomUUID(),
        status: 'SUCCESS',
        created_at: iso(at),
        reported_at: iso(at + checkS * 1000)
      })
    }
  }
  return checks
}

const unfinished = { status: 'SCHEDULED', reportedAt: null }

function reportedBy(check: { reportedAt: string | null }, at: number): boolean {
  return check.reportedAt !== null && Date.parse(check.reportedAt) <= at
}

/** The verdict on a recent SUCCESS beside one request, and the checks reuse saves. */
export function reuseRows(reuse: ReuseReport): Section {
  const { gates, connectors, spanS, checkS } = GATES
  const saved = reuse.gates.map(
    (g) =>
      `${g.windowS} s: ${g.checks} checks, ${reuse.withoutReuse - g.checks} saved ` +
      `(${pct(1 - g.checks / reuse.withoutReuse)})`
  )
  const timing = againstScript({
    label: 'reuse: spawn to exit',
    claim: 'With reuse, the verdict (spawn to exit) beside one GET',
    bundleMs: reuse.bundleMs,
    scriptMs: reuse.fetchMs,
    scriptLabel: 'GET script',
    limit: 1.3
  })
  return {
    rows: [
      timing.row,
      [
        `reuse: ${gates} gates on ${connectors}\nconnectors in ${spanS / 60} min\n` +
          `(model, checks of ${checkS} s)`,
        saved.join('\n'),
        `no reuse: ${reuse.withoutReuse} checks`,
        'report it',
        'yes'
      ]
    ],
    targets: [
      timing.target,
      `Checks reuse saves in ${gates} gates on the same ${connectors} connectors within ` +
        `${spanS / 60} minutes (a simulated clock, checks of ${checkS} s): with ` +
        `reuse-success-seconds ${saved.join('; ')}; ${reuse.withoutReuse} without.`
    ]
  }
}
