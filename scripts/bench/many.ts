// Several connectors per step: one step checking 50 connectors whose checks take 0 to 3 s, with
// the default max-concurrency and with all of them at once.
import { randomUUID } from 'node:crypto'
import { withSimulator } from '../../__tests__/support/runner.js'
import { defaultInputs, max, runAction, type Bench } from './common.js'

export const MANY_CONNECTORS = 50
export const MANY_LONGEST_CHECK_MS = 3_000

export interface ManyRun {
  /** max-concurrency as given; '' leaves the action's default. */
  maxConcurrency: string
  outcome: string
  wallMs: number
  lagAfterLastFinalMs: number
  requestsPerConnector: number[]
  maxRssKiB: number | undefined
}

export type ManyReport = { supported: false; reason: string } | { supported: true; runs: ManyRun[] }

async function manyRun(bench: Bench, maxConcurrency: string): Promise<ManyRun> {
  return withSimulator(async (sim) => {
    const ids = Array.from({ length: MANY_CONNECTORS }, () => randomUUID())
    for (const [i, id] of ids.entries()) {
      const checkDurationMs = Math.round((MANY_LONGEST_CHECK_MS * i) / (MANY_CONNECTORS - 1))
      sim.addConnector(id, { kind: 'source', checkDurationMs, ending: 'SUCCESS' })
    }
    const inputs = { ...defaultInputs(sim, ids.join('\n')), 'max-concurrency': maxConcurrency }
    const run = await runAction(bench.work, bench.bundle, inputs, {
      measureRss: true,
      limitMs: 120_000
    })
    const lastFinal = max(ids.map((id) => sim.checks(id).at(-1)?.finalAtMs ?? Number.NaN))
    return {
      maxConcurrency,
      outcome: run.outputs.outcome ?? '(none)',
      wallMs: run.exitedAt - run.startedAt,
      lagAfterLastFinalMs: run.exitedAt - lastFinal,
      requestsPerConnector: ids.map((id) => sim.requests.filter((r) => r.path.includes(id)).length),
      maxRssKiB: run.maxRssKiB
    }
  })
}

/**
 * A bundle that takes one id per step reads the row as n/a: a probe with two ids (newline
 * separated) tells which. Otherwise 50 connectors run with the default max-concurrency and with
 * all 50 at once.
 */
export async function measureManyConnectors(bench: Bench): Promise<ManyReport> {
  const probe = await withSimulator(async (sim) => {
    const ids = [randomUUID(), randomUUID()]
    for (const id of ids) sim.addConnector(id, { kind: 'source', checkDurationMs: 0 })
    return runAction(bench.work, bench.bundle, defaultInputs(sim, ids.join('\n')), {
      measureRss: false,
      limitMs: 30_000
    })
  })
  if (probe.outputs.outcome === 'invalid') {
    return { supported: false, reason: 'n/a (one connector per step)' }
  }
  return {
    supported: true,
    runs: [await manyRun(bench, ''), await manyRun(bench, String(MANY_CONNECTORS))]
  }
}
