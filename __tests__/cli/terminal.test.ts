import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { runCli, signalExitCode } from '../../src/cli/run.js'
import { fit, Screen, useColour, useLive, type Output } from '../../src/cli/screen.js'
import { withSimulator } from '../support/runner.js'
import { finalScreen } from '../support/virtual-terminal.js'

// The terminal report in-process: the screen's live lines and colours, and runCli against the
// simulator with stand-ins for stdout and stderr (the bundle's own tests are in cli.test.ts).

const ESC = '\u001b'

class FakeOutput implements Output {
  text = ''
  constructor(
    readonly isTTY = false,
    readonly columns = 100,
    readonly rows = 30
  ) {}
  write(text: string): boolean {
    this.text += text
    return true
  }
}

describe('colours and live lines', () => {
  const tty = new FakeOutput(true)
  const pipe = new FakeOutput(false)
  it.each([
    [tty, {}, true],
    [pipe, {}, false],
    [tty, { NO_COLOR: '1' }, false],
    [tty, { NO_COLOR: '' }, true],
    [pipe, { FORCE_COLOR: '1' }, true],
    [tty, { FORCE_COLOR: '0' }, false],
    [pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
    [tty, { TERM: 'dumb' }, false]
  ])('colour on %#: %j -> %s', (output, env, expected) => {
    expect(useColour(output, env)).toBe(expected)
  })

  it.each([
    [tty, {}, true],
    [pipe, {}, false],
    [pipe, { CONNCHECK_LIVE: '1' }, true],
    [tty, { CONNCHECK_LIVE: '0' }, false],
    [tty, { TERM: 'dumb' }, false]
  ])('live lines on %#: %j -> %s', (output, env, expected) => {
    expect(useLive(output, env)).toBe(expected)
  })
})

describe('Screen', () => {
  it('redraws live lines in place under the lines that stay', () => {
    const out = new FakeOutput(true, 40)
    const screen = new Screen(out, false, true)
    screen.line('first')
    screen.setLive([[{ text: 'a 0.1 s' }], [{ text: 'b 0.1 s' }]])
    screen.setLive([[{ text: 'a 0.2 s' }], [{ text: 'b 0.2 s' }]])
    expect(finalScreen(out.text)).toEqual(['first', 'a 0.2 s', 'b 0.2 s'])
    screen.line('second')
    screen.setLive([[{ text: 'b 0.3 s' }]])
    expect(finalScreen(out.text)).toEqual(['first', 'second', 'b 0.3 s'])
    const before = out.text
    screen.setLive([[{ text: 'b 0.3 s' }]])
    expect(out.text).toBe(before) // nothing changed, nothing written
    screen.clearLive()
    expect(finalScreen(out.text)).toEqual(['first', 'second'])
  })

  it('cuts live lines to the width, keeps lines that stay whole, and masks the key', () => {
    const out = new FakeOutput(true, 20)
    const screen = new Screen(out, true, true)
    screen.secret('s3cr3t-key')
    screen.line([{ text: 'a line that stays whole, with s3cr3t-key in it', style: 'red' }])
    screen.setLive([[{ text: 'x'.repeat(50) }]])
    const shown = finalScreen(out.text)
    expect(shown[0]).toBe('a line that stays whole, with *** in it')
    expect(shown[1]).toBe(`${'x'.repeat(18)}…`)
    expect(out.text).toContain('\u001b[31m')
    expect(out.text).not.toContain('s3cr3t')
  })

  it('writes no escape sequence off a terminal', () => {
    const out = new FakeOutput(false)
    const screen = new Screen(out, false, false)
    screen.setLive([[{ text: 'never shown' }]])
    screen.line([{ text: 'kept', style: 'green' }])
    screen.clearLive()
    expect(out.text).toBe('kept\n')
  })

  it('fits spans by display width, emoji taking two columns', () => {
    expect(fit([{ text: '✅ ok' }], 5)).toEqual([{ text: '✅ ok' }])
    expect(fit([{ text: '✅ ' }, { text: 'okay', style: 'green' }], 5)).toEqual([
      { text: '✅ ', style: undefined },
      { text: 'o', style: 'green' },
      { text: '…' }
    ])
  })
})

describe('signalExitCode', () => {
  it('is 128 plus the signal number', () => {
    expect(signalExitCode('SIGINT')).toBe(130)
    expect(signalExitCode('SIGTERM')).toBe(143)
    expect(signalExitCode(undefined)).toBe(130)
  })
})

interface Ran {
  code: number
  stdout: FakeOutput
  stderr: FakeOutput
}

async function cli(
  argv: string[],
  env: Record<string, string>,
  options: { tty?: boolean; signal?: AbortSignal } = {}
): Promise<Ran> {
  const stdout = new FakeOutput(options.tty === true, 120, 30)
  const stderr = new FakeOutput(false)
  const code = await runCli({ argv, env, stdout, stderr, signal: options.signal })
  return { code, stdout, stderr }
}

describe('runCli, in-process against the simulator', () => {
  it.concurrent('shows live lines, then the verdict table, on a terminal', () =>
    withSimulator(async (sim) => {
      const [a, b] = [randomUUID(), randomUUID()]
      sim.addConnector(a, { kind: 'source', name: 'orders', type: 's3', checkDurationMs: 300 })
      sim.addConnector(b, { kind: 'destination', checkDurationMs: 100, ending: 'FAILURE' })
      const ran = await cli(
        ['--source-id', a, '--destination-id', b, '--api-url', sim.url],
        {
          UNSTRUCTURED_API_KEY: sim.apiKey,
          FORCE_COLOR: '1'
        },
        { tty: true }
      )
      expect(ran.code).toBe(1)
      expect(ran.stderr.text).toBe('')
      expect(ran.stdout.text).toMatch(/source +orders +.*SCHEDULED/)
      const screen = finalScreen(ran.stdout.text).map((l) =>
        l.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '')
      )
      expect(screen).toEqual([
        expect.stringMatching(/^Checking 2 connectors on 127\.0\.0\.1:\d+\.$/),
        expect.stringMatching(/^ +OUTCOME +KIND +CONNECTOR +STATUS +TIME$/),
        // Failures first, in the table and in the lines after it.
        expect.stringMatching(
          /^❌ +failure +destination +sim-destination-([0-9a-f]{8}) \(postgres\) \1 +FAILURE/
        ),
        expect.stringMatching(
          /^✅ +success +source +orders \(s3\) [0-9a-f]{8} +SUCCESS +\d+\.\d s$/
        ),
        expect.stringMatching(/^❌ sim-destination-[0-9a-f]{8} failed: simulated failure$/),
        expect.stringMatching(/^2 connectors checked in \d+\.\d s: 1 failed, 1 passed\.$/)
      ])
    })
  )

  it.concurrent('says each verdict as it comes off a terminal, debug lines with --debug', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', checkDurationMs: 100 })
      const ran = await cli(['--source-id', id, '--api-url', sim.url, '--debug'], {
        UNSTRUCTURED_API_KEY: sim.apiKey
      })
      expect(ran.code).toBe(0)
      const lines = ran.stdout.text.trimEnd().split('\n')
      expect(lines[0]).toBe(`Checking source connector ${id} on ${new URL(sim.url).host}.`)
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^debug: POST /sources/${id}/connection-check -> 202 SCHEDULED`)
        )
      )
      expect(lines).toContainEqual(expect.stringMatching(/^debug: Check .*: SCHEDULED -> SUCCESS/))
      expect(lines.at(-2)).toMatch(/^✅ Source ".*\) passed its connection check in/)
      expect(lines.at(-1)).toMatch(/^The connection check passed in \d+\.\d s\.$/)
      expect(ran.stdout.text).not.toContain(sim.apiKey)
    })
  )

  it.concurrent('reports a cancellation and exits 130', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', ending: 'NEVER' })
      const controller = new AbortController()
      const started = setInterval(() => {
        // A poll means the POST's answer, and with it the check's id, has arrived (the GET
        // before the POST reads the connector's latest check).
        const post = sim.requests.findIndex((r) => r.method === 'POST')
        const polled =
          post >= 0 &&
          sim.requests
            .slice(post + 1)
            .some((r) => r.method === 'GET' && r.path.endsWith('/connection-check'))
        if (polled) controller.abort('SIGINT')
      }, 20)
      const ran = await cli(
        ['--source-id', id, '--api-url', sim.url, '--json'],
        {
          UNSTRUCTURED_API_KEY: sim.apiKey
        },
        { signal: controller.signal }
      )
      clearInterval(started)
      expect(ran.code).toBe(130)
      expect(JSON.parse(ran.stdout.text)).toEqual([
        expect.objectContaining({ outcome: 'cancelled', status: 'SCHEDULED' })
      ])
      expect(ran.stderr.text).toContain('Cancelled (SIGINT) while waiting for check')
    })
  )

  it.concurrent('says a workflow problem on stdout, bad inputs on stderr as a usage error', () =>
    withSimulator(async (sim) => {
      const workflow = randomUUID()
      sim.addWorkflow(workflow, { sources: [], destinations: [] })
      const empty = await cli(['--workflow-id', workflow, '--api-url', sim.url, '--quiet'], {
        UNSTRUCTURED_API_KEY: sim.apiKey
      })
      expect(empty.code).toBe(1)
      expect(empty.stdout.text).toBe(
        `Workflow ${workflow} has no source or destination connectors, and neither --source-id nor --destination-id names one: there is nothing to check.\n`
      )
      const bad = await cli(['--source-id', 'nope', '--timeout-seconds', '0', '--json'], {
        UNSTRUCTURED_API_KEY: sim.apiKey
      })
      expect(bad.code).toBe(2)
      expect(bad.stdout.text).toBe('[]\n')
      expect(bad.stderr.text.split('\n')).toEqual([
        'unstructured-connection-check: --source-id must be connector UUIDs; got "nope"; to check sources by name, use --source-name.',
        expect.stringMatching(/^unstructured-connection-check: --timeout-seconds must be /),
        'Run with --help to see every flag.',
        ''
      ])
    })
  )

  it.concurrent('says the first error of a streak, a newer check and an unknown status', () =>
    withSimulator(async (sim) => {
      const [retried, replaced, odd] = [randomUUID(), randomUUID(), randomUUID()]
      sim.addConnector(retried, {
        kind: 'source',
        checkDurationMs: 50,
        faults: {
          post: [
            { type: 'status', status: 503 },
            { type: 'status', status: 503 }
          ]
        }
      })
      sim.addConnector(replaced, {
        kind: 'source',
        checkDurationMs: 1000,
        faults: { get: [{ type: 'newer-check', durationMs: 50 }] }
      })
      sim.addConnector(odd, {
        kind: 'destination',
        checkDurationMs: 50,
        faults: { get: [{ type: 'unknown-status', status: 'WARMING_UP' }] }
      })
      const ran = await cli(
        ['--source-id', retried, '--source-id', replaced, '--destination-id', odd],
        { UNSTRUCTURED_API_KEY: sim.apiKey, UNSTRUCTURED_API_URL: sim.url }
      )
      expect(ran.code).toBe(0)
      const lines = ran.stdout.text.trimEnd().split('\n')
      // The second 503 of the streak is left to --debug.
      expect(lines.filter((l) => l.includes('retrying in'))).toEqual([
        expect.stringMatching(new RegExp(`^source connector ${retried}: .*503.*; retrying in`))
      ])
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^warning: a newer check .* of source connector ${replaced} `)
        )
      )
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^warning: check .* has status "WARMING_UP", which this tool does not know/
        )
      )
      expect(lines).toHaveLength(8)
    })
  )

  it('warns when a report file cannot be written, and keeps the verdict', async () => {
    const ran = await cli(['--summary-file', '/dev/null/summary.html'], {
      UNSTRUCTURED_API_KEY: 'key_12345678'
    })
    expect(ran.code).toBe(2)
    expect(ran.stderr.text).toMatch(
      /^warning: the summary could not be written to \/dev\/null\/summary\.html \(/m
    )
  })

  it('prints --help and --version on stdout', async () => {
    const help = await cli(['--help'], {})
    expect(help.code).toBe(0)
    expect(help.stdout.text).toContain('Usage: unstructured-connection-check')
    const version = await cli(['--version'], {})
    expect(version.stdout.text).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})
