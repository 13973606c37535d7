import { randomUUID } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  startSimulator,
  type FaultSlot,
  type Simulator
} from '../../simulator/platform-simulator.js'
import { checkInvariants, pool, spawnBundle, type RunResult } from '../support/chaos.js'

// Cancellation: SIGINT and SIGTERM reach the bundled action at random points. It must exit
// non-zero, with outcome `cancelled`, the check id (when it has one) in the log and the outputs,
// and no stack trace. The points and delays are drawn by fast-check from a fixed seed; a failure
// names the case's index.
const SEED = 3_000_003
const CASES = 24
const CHILDREN = Math.max(2, 3 * availableParallelism())
// The action exits within about a second of a signal (a backstop forces it at 0.9 s); this limit
// only tells a hang from that, so a loaded machine cannot reach it. The deadline (30 s) and the
// slow answers (20 s) are longer, so a run that ignored the signal would pass it.
const CANCEL_LIMIT_MS = 10_000

type Point =
  /** The POST hangs or is slow; the signal comes while it is in flight. */
  | { at: 'post'; fault: 'hang' | 'delay'; afterCreate: boolean; offsetMs: number }
  /** The POST failed (503) and the action waits to retry it. */
  | { at: 'post-retry'; offsetMs: number }
  /** The check was started; the signal comes some time after, usually between two polls. */
  | { at: 'between-polls'; offsetMs: number }
  /** The n-th GET hangs or is slow; the signal comes while it is in flight. */
  | { at: 'get'; fault: 'hang' | 'delay'; afterPolls: number; offsetMs: number }

interface SignalCase {
  signal: 'SIGINT' | 'SIGTERM'
  point: Point
}

const offset = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max })
const inFlight = fc.constantFrom('hang' as const, 'delay' as const)

const signalCaseArb: fc.Arbitrary<SignalCase> = fc.record({
  signal: fc.constantFrom('SIGINT' as const, 'SIGTERM' as const),
  point: fc.oneof(
    fc.record({
      at: fc.constant('post' as const),
      fault: inFlight,
      afterCreate: fc.boolean(),
      offsetMs: offset(400)
    }),
    fc.record({ at: fc.constant('post-retry' as const), offsetMs: offset(300) }),
    fc.record({ at: fc.constant('between-polls' as const), offsetMs: offset(1500) }),
    fc.record({
      at: fc.constant('get' as const),
      fault: inFlight,
      afterPolls: fc.integer({ min: 0, max: 3 }),
      offsetMs: offset(300)
    })
  )
})

/** Faults that hold the action at the point, and when the point has been reached. */
function arrange(
  sim: Simulator,
  id: string,
  point: Point
): { faults: { post: FaultSlot[]; get: FaultSlot[] }; reached: (stdout: string) => boolean } {
  // Longer than the test lasts: a slow answer must still be pending when the signal comes.
  const slow = (fault: 'hang' | 'delay', afterCreate = false): FaultSlot =>
    fault === 'hang' ? { type: 'hang', afterCreate } : { type: 'delay', ms: 20_000, afterCreate }
  // Requests to the connection-check path: the name lookup is not one.
  const requests = (method: string) =>
    sim.requests.filter((r) => r.method === method && r.path.endsWith(`${id}/connection-check`))
  switch (point.at) {
    case 'post':
      return {
        faults: { post: [slow(point.fault, point.afterCreate)], get: [] },
        reached: () => requests('POST').length > 0
      }
    case 'post-retry':
      return {
        faults: { post: [{ type: 'status', status: 503 }], get: [] },
        reached: () => requests('POST').some((r) => r.status === 503)
      }
    case 'between-polls':
      return { faults: { post: [], get: [] }, reached: (stdout) => /started check/.test(stdout) }
    case 'get':
      return {
        faults: {
          post: [],
          get: [...Array<FaultSlot>(point.afterPolls).fill('pass'), slow(point.fault)]
        },
        // The polls: the GET before the POST reads the latest check.
        reached: () => requests('GET').length > point.afterPolls + 1
      }
  }
}

interface SignalRun {
  result: RunResult
  /** From the signal to the process's end. */
  exitMs: number
  /** The check the POST's answer named, when one was served. */
  served: string | undefined
  connectorId: string
}

async function runSignalCase(sim: Simulator, c: SignalCase): Promise<SignalRun> {
  const id = randomUUID()
  const { faults, reached } = arrange(sim, id, c.point)
  sim.addConnector(id, { kind: 'source', ending: 'NEVER', faults })
  const action = await spawnBundle(
    { 'source-id': id, 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': '30' },
    { RUNNER_DEBUG: '1' },
    20_000
  )
  let signalledAt: number | undefined
  // An object, not a let: TypeScript does not see the callback set it.
  const state = { ended: false }
  void action.done.then(() => {
    state.ended = true
  })
  // Wait for the point, then for the drawn offset, then signal.
  while (!state.ended && !reached(action.stdout())) await sleep(5)
  if (!state.ended) {
    await sleep(c.point.offsetMs)
    signalledAt = performance.now()
    action.child.kill(c.signal)
  }
  const result = await action.done
  const endedAt = action.startedAt + result.durationMs
  const posted = sim.served().filter((s) => s.connectorId === id && s.method === 'POST')
  return {
    result,
    exitMs: signalledAt === undefined ? Number.POSITIVE_INFINITY : endedAt - signalledAt,
    served: posted.at(-1)?.checkId,
    connectorId: id
  }
}

/** What is wrong with how a signalled run ended; empty when nothing is. */
function problemsOf(sim: Simulator, c: SignalCase, run: SignalRun): string[] {
  const { result, exitMs, served } = run
  const found: string[] = []
  if (exitMs > CANCEL_LIMIT_MS) found.push(`exited ${Math.round(exitMs)} ms after the signal`)
  if (result.exitCode === 0 || result.exitCode === null)
    found.push(`exit code ${String(result.exitCode)}`)
  if (result.outputs.outcome !== 'cancelled')
    found.push(`outcome ${result.outputs.outcome ?? 'absent'}`)
  const errorLine = result.stdout.split('\n').find((l) => l.startsWith('::error')) ?? ''
  if (!errorLine.includes(c.signal)) found.push(`the error does not name ${c.signal}`)
  if (served === undefined) {
    if (result.outputs['check-id'] !== undefined)
      found.push(`check-id ${result.outputs['check-id']} but no check was started`)
  } else {
    if (result.outputs['check-id'] !== served)
      found.push(`check-id ${result.outputs['check-id'] ?? 'absent'}, not ${served}`)
    if (!errorLine.includes(served)) found.push(`the error does not name check ${served}`)
  }
  // No leak, no stack trace, one error annotation, outputs that match what was served.
  const records = {
    connectorId: run.connectorId,
    apiKey: sim.apiKey,
    checks: [],
    served: sim.served(),
    trap: sim.trap.requests,
    requests: sim.requests
  }
  for (const v of checkInvariants(result, records, 30_000)) {
    if (v.invariant !== 'no-false-pass') found.push(`[${v.invariant}] ${v.message}`)
  }
  return found
}

describe('SIGINT and SIGTERM at random points (the bundle)', () => {
  it(`stop the action cleanly in ${CASES} cases (seed ${SEED})`, async () => {
    const cases = fc.sample(signalCaseArb, { seed: SEED, numRuns: CASES })
    const sim = await startSimulator()
    try {
      const found = await pool(cases, CHILDREN, async (c) =>
        problemsOf(sim, c, await runSignalCase(sim, c))
      )
      const problems: string[] = []
      for (const [index, c] of cases.entries()) {
        const list = found[index] ?? []
        if (list.length > 0)
          problems.push(
            `case ${index} of seed ${SEED}: ${JSON.stringify(c)}\n  ${list.join('\n  ')}`
          )
      }
      expect(problems).toEqual([])
    } finally {
      await sim.close()
    }
  }, 60_000)
})
