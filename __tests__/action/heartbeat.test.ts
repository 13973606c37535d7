import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { runInProcess } from '../support/action-harness.js'
import { FakeClock, seededRandom } from '../support/fake-clock.js'
import { beats, expectSpaced, lineIndex } from '../support/heartbeat-lines.js'
import { withSimulator } from '../support/runner.js'

// The GitHub log's heartbeat, in-process against the simulator on an injected clock: the step's
// minutes pass in the engine's sleeps, and no test waits for them.

const inputs = (sim: Simulator, ids: string[], timeout: string): Record<string, string> => ({
  'source-id': ids.join(' '),
  'api-key': sim.apiKey,
  'api-url': sim.url,
  'timeout-seconds': timeout
})

describe('the heartbeat of the GitHub log', () => {
  it('says, after 20 s of silence, what is decided and what is awaited, until the end', () =>
    withSimulator(async (sim) => {
      const [pass, fail, never] = [randomUUID(), randomUUID(), randomUUID()]
      sim.addConnector(pass, { kind: 'source', checkDurationMs: 0 })
      sim.addConnector(fail, { kind: 'source', checkDurationMs: 0, ending: 'FAILURE' })
      sim.addConnector(never, { kind: 'source', ending: 'NEVER' })
      const result = await runInProcess(inputs(sim, [pass, fail, never], '90'), {
        clock: new FakeClock(),
        random: seededRandom(5)
      })
      expect(result.outcome).toBe('failure')
      const found = beats(result.stdout)
      expect(found.length).toBeGreaterThanOrEqual(2)
      expect(found.at(-1)?.line).toMatch(
        /^Still waiting on 1 of 3 connectors \(1 failed, 1 passed so far\); (\d+ s|1 min( \d+ s)?) left before the deadline \(timeout-seconds 90\)\.$/
      )
      expectSpaced(found)
      // None before the checks begin, none once the step has ended.
      const checking = lineIndex(result.stdout, /^Checking 3 connectors /)
      const table = lineIndex(result.stdout, /^OUTCOME +CONNECTOR /)
      expect(checking).toBeGreaterThanOrEqual(0)
      expect(found.every(({ index }) => index > checking && index < table)).toBe(true)
    }))

  it('speaks for a single check too, and not while lines are printed', () =>
    withSimulator(async (sim) => {
      const quiet = randomUUID()
      sim.addConnector(quiet, { kind: 'source', ending: 'NEVER' })
      const silent = await runInProcess(inputs(sim, [quiet], '60'), {
        clock: new FakeClock(),
        random: seededRandom(5)
      })
      expect(silent.outcome).toBe('timeout')
      const found = beats(silent.stdout)
      expect(found.length).toBeGreaterThanOrEqual(2)
      expect(found[0]?.line).toMatch(
        /^Still waiting on the connection check; \d+ s left before the deadline \(timeout-seconds 60\)\.$/
      )
      expectSpaced(found)

      // With step debug logging, each poll's request is a line in the log.
      const busy = randomUUID()
      sim.addConnector(busy, { kind: 'source', ending: 'NEVER' })
      const debugged = await runInProcess(inputs(sim, [busy], '60'), {
        clock: new FakeClock(),
        random: seededRandom(5),
        env: { RUNNER_DEBUG: '1' }
      })
      expect(debugged.outcome).toBe('timeout')
      expect(debugged.stdout).toMatch(/^::debug::GET \/sources\/.*\/connection-check -> 200/m)
      expect(beats(debugged.stdout)).toEqual([])
    }))
})
