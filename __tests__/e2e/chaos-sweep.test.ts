import { availableParallelism } from 'node:os'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { bundleRunner, pool } from '../support/chaos.js'
import {
  describeSweepFailure,
  runSweepCase,
  sweepCaseArb,
  type SweepReport
} from '../support/chaos-sweep.js'

// The policies and the queue under random partial outages, on the bundle: the step passes only
// on SUCCESSes decided during the step (or reused where asked for), dry runs that started
// nothing, or waivers that a started check earned; never more than 3 POSTs per check.
// `npm run chaos -- --sweeps --runs 1000 --seed S` runs many more.
const SEED = 20_261_206
const RUNS = 48
const CHILDREN = Math.min(8, Math.max(2, 3 * availableParallelism()))

describe('chaos: policies and sweeps', () => {
  it(`hold the oracle in ${RUNS} runs (seed ${SEED})`, async () => {
    const cases = fc.sample(sweepCaseArb, { seed: SEED, numRuns: RUNS })
    const reports: SweepReport[] = []
    await pool(
      cases.map((_, index) => index),
      CHILDREN,
      async (index) => {
        const sweepCase = cases[index]
        if (sweepCase !== undefined) reports[index] = await runSweepCase(sweepCase, bundleRunner)
      }
    )
    const failures = reports.flatMap((report, index) =>
      report.violations.length === 0
        ? []
        : [describeSweepFailure(report, `--sweeps --seed ${SEED} --path ${index}`)]
    )
    expect(failures).toEqual([])
  }, 240_000)
})
