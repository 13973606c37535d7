import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { jest } from '@jest/globals'
import { run } from '../../src/action/run.js'
import type { Outcome } from '../../src/core/outcome.js'
import type { Clock } from '../../src/wait/clock.js'
import { collect, inputEnv, runFiles, startBundle, type ActionResult } from './runner.js'
import { bundleFile } from './test-bundles.js'

export { inputEnv, type ActionResult } from './runner.js'

export interface BundleOptions {
  env?: Record<string, string>
  /**
   * Send this signal once stdout contains `when`, once `whenTrue()` holds (polled every 10 ms),
   * or after `afterMs`.
   */
  kill?: {
    signal: NodeJS.Signals
    when?: string | RegExp
    whenTrue?: () => boolean
    afterMs?: number
  }
  /** Safety net for a test that would otherwise hang. */
  limitMs?: number
}

/**
 * Runs the action's bundle of src/ as a runner does, and sends it a signal when asked to.
 * `signalledAt` is when it was sent, on the clock of the simulator's request log.
 */
export async function runBundle(
  inputs: Record<string, string>,
  options: BundleOptions = {}
): Promise<ActionResult & { signalledAt?: number }> {
  const started = await startBundle(
    bundleFile(),
    inputs,
    options.env ?? {},
    options.limitMs ?? 30_000
  )
  const { kill: killWhen } = options
  let signalledAt: number | undefined
  const timers: NodeJS.Timeout[] = []
  if (killWhen !== undefined) {
    const kill = (): void => {
      if (signalledAt !== undefined) return
      signalledAt = performance.now()
      started.child.kill(killWhen.signal)
    }
    const { when, whenTrue, afterMs } = killWhen
    if (when !== undefined) {
      started.child.stdout?.on('data', () => {
        const stdout = started.stdout()
        if (typeof when === 'string' ? stdout.includes(when) : when.test(stdout)) kill()
      })
    }
    if (whenTrue !== undefined) {
      timers.push(
        setInterval(() => {
          if (whenTrue()) kill()
        }, 10)
      )
    }
    if (afterMs !== undefined) timers.push(setTimeout(kill, afterMs))
  }
  const result = await started.done
  for (const timer of timers) clearTimeout(timer) // also clears intervals
  return signalledAt === undefined ? result : { ...result, signalledAt }
}

let summaryFile: string | undefined

/**
 * Runs src/action/run.ts's run() in this process, against the real @actions/core: inputs through
 * process.env, outputs and summary through temp files, the log captured from stdout. With a
 * `clock` (a FakeClock, say), the step's time is that clock's; durationMs stays wall time.
 */
export async function runInProcess(
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string>
    signal?: AbortSignal
    clock?: Clock
    random?: () => number
  } = {}
): Promise<ActionResult & { outcome: Outcome }> {
  // @actions/core remembers the summary file's path after its first write, so in one process
  // every run shares one summary file, emptied before each run.
  summaryFile ??= path.join(await mkdtemp(path.join(tmpdir(), 'conncheck-summary-')), 'summary')
  await writeFile(summaryFile, '')
  const files = { ...(await runFiles()), summaryFile }
  const saved = { ...process.env }
  const savedExitCode = process.exitCode
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name.startsWith('GITHUB_') || name.startsWith('RUNNER_'))
      Reflect.deleteProperty(process.env, name)
  }
  Object.assign(process.env, {
    GITHUB_OUTPUT: files.outputFile,
    GITHUB_STEP_SUMMARY: files.summaryFile,
    RUNNER_TEMP: files.tempDir,
    ...inputEnv(inputs),
    ...options.env
  })
  let stdout = ''
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      return true
    })
  process.exitCode = undefined
  const started = performance.now()
  let outcome: Outcome
  let exitCode: number
  try {
    const { signal, clock, random } = options
    const step = await run({ signal, clock, random, startedAt: clock?.now() ?? started })
    outcome = step.outcome
    // As index.ts decides: only a step that passed exits 0.
    exitCode = step.passed ? 0 : 1
  } finally {
    spy.mockRestore()
    process.exitCode = savedExitCode
    for (const name of Object.keys(process.env))
      if (!(name in saved)) Reflect.deleteProperty(process.env, name)
    Object.assign(process.env, saved)
  }
  const result = await collect(files, {
    exitCode,
    stdout,
    stderr: '',
    durationMs: performance.now() - started
  })
  return { ...result, outcome }
}
