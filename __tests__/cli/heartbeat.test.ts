import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { runCli } from '../../src/cli/run.js'
import type { Output } from '../../src/cli/screen.js'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { FakeClock } from '../support/fake-clock.js'
import { beats, expectSpaced, lineIndex } from '../support/heartbeat-lines.js'
import { withSimulator } from '../support/runner.js'

// The command line's heartbeat, in-process against the simulator on an injected clock: off a
// terminal only, where no live line shows that the checks go on.

class FakeOutput implements Output {
  text = ''
  constructor(readonly isTTY = false) {}
  write(text: string): boolean {
    this.text += text
    return true
  }
}

/** A run of `ids`, one never ending, on a fake clock; the report's text. */
async function cli(
  sim: Simulator,
  ids: string[],
  flags: string[],
  tty = false
): Promise<{ code: number; report: string; json: string }> {
  const stdout = new FakeOutput(tty)
  const stderr = new FakeOutput(false)
  const argv = [...ids.flatMap((id) => ['--source-id', id]), '--timeout-seconds', '60', ...flags]
  const code = await runCli({
    argv,
    env: { UNSTRUCTURED_API_KEY: sim.apiKey, UNSTRUCTURED_API_URL: sim.url, COLUMNS: '200' },
    stdout,
    stderr,
    clock: new FakeClock()
  })
  // With --json the report is on stderr.
  return flags.includes('--json')
    ? { code, report: stderr.text, json: stdout.text }
    : { code, report: stdout.text, json: '' }
}

function connectors(sim: Simulator): string[] {
  const [pass, never] = [randomUUID(), randomUUID()]
  sim.addConnector(pass, { kind: 'source', checkDurationMs: 0 })
  sim.addConnector(never, { kind: 'source', ending: 'NEVER' })
  return [pass, never]
}

describe('the heartbeat of the command line', () => {
  it.concurrent('says what is decided and what is awaited when the output is piped', () =>
    withSimulator(async (sim) => {
      const ran = await cli(sim, connectors(sim), [])
      expect(ran.code).toBe(1)
      const found = beats(ran.report)
      expect(found.length).toBeGreaterThanOrEqual(2)
      expect(found.at(-1)?.line).toMatch(
        /^Still waiting on 1 of 2 connectors \(1 passed so far\); \d+ s left before the deadline \(--timeout-seconds 60\)\.$/
      )
      expectSpaced(found)
      // After the first verdict, before the last one and the closing line.
      const passed = lineIndex(ran.report, /^✅ /)
      const timedOut = lineIndex(ran.report, /^⏱️ /)
      expect(found.every(({ index }) => index > passed && index < timedOut)).toBe(true)
    })
  )

  it.concurrent('goes with the report to stderr under --json', () =>
    withSimulator(async (sim) => {
      const ran = await cli(sim, connectors(sim), ['--json'])
      expect(beats(ran.report).length).toBeGreaterThanOrEqual(2)
      expect(ran.json).not.toContain('Still waiting')
    })
  )

  it.concurrent.each([
    ['--debug', 'each request is a line', ['--debug'], false],
    ['--quiet', 'only the verdict line is wanted', ['--quiet'], false],
    ['a terminal', 'the live lines show progress', [], true]
  ])('is not heard with %s: %s', (_, __, flags, tty) =>
    withSimulator(async (sim) => {
      const ran = await cli(sim, connectors(sim), flags, tty)
      expect(ran.code).toBe(1)
      expect(ran.report).toMatch(/timed out|did not pass/)
      expect(ran.report).not.toContain('Still waiting')
    })
  )
})
