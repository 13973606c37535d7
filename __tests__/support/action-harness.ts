import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { jest } from '@jest/globals'
import { run } from '../../src/main.js'
import type { Outcome } from '../../src/verdict.js'
import { inputEnv, parseOutputs } from './runner.js'

export { inputEnv, parseOutputs } from './runner.js'

export const BUNDLE = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

/** What a run of the action left behind, read the way a runner would read it. */
export interface ActionResult {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
}

interface RunFiles {
  dir: string
  outputFile: string
  summaryFile: string
}

async function runFiles(): Promise<RunFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  // Runners create both files before the step starts.
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  return { dir, outputFile, summaryFile }
}

async function collect(
  files: RunFiles,
  partial: Omit<ActionResult, 'outputs' | 'summary'>
): Promise<ActionResult> {
  const outputs = parseOutputs(await readFile(files.outputFile, 'utf8'))
  const summary = await readFile(files.summaryFile, 'utf8')
  await rm(files.dir, { recursive: true, force: true })
  return { ...partial, outputs, summary }
}

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

/** Runs dist/index.js as a runner does: a child process with INPUT_* and the two files. */
export async function runBundle(
  inputs: Record<string, string>,
  options: BundleOptions = {}
): Promise<ActionResult & { killedAt?: number }> {
  const files = await runFiles()
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: files.outputFile,
    GITHUB_STEP_SUMMARY: files.summaryFile,
    ...inputEnv(inputs),
    ...options.env
  }
  const started = performance.now()
  const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let killedAt: number | undefined
  const kill = (): void => {
    if (killedAt !== undefined || !options.kill) return
    killedAt = performance.now()
    child.kill(options.kill.signal)
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    const when = options.kill?.when
    if (
      when !== undefined &&
      (typeof when === 'string' ? stdout.includes(when) : when.test(stdout))
    )
      kill()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const timers: NodeJS.Timeout[] = []
  if (options.kill?.afterMs !== undefined) timers.push(setTimeout(kill, options.kill.afterMs))
  const whenTrue = options.kill?.whenTrue
  if (whenTrue !== undefined) {
    const poll = setInterval(() => {
      if (whenTrue()) kill()
    }, 10)
    timers.push(poll)
  }
  timers.push(setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 30_000))
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      resolve(code)
    })
  })
  const ended = performance.now()
  for (const timer of timers) clearTimeout(timer) // also clears intervals
  const result = await collect(files, { exitCode, stdout, stderr, durationMs: ended - started })
  return killedAt === undefined ? result : { ...result, killedAt: ended - killedAt }
}

let summaryFile: string | undefined

/**
 * Runs src/main.ts's run() in this process, against the real @actions/core: inputs through
 * process.env, outputs and summary through temp files, the log captured from stdout.
 */
export async function runInProcess(
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; signal?: AbortSignal } = {}
): Promise<ActionResult & { outcome: Outcome }> {
  // @actions/core remembers the summary file's path after its first write, so in one process
  // every run shares one summary file, emptied before each run.
  summaryFile ??= path.join(await mkdtemp(path.join(tmpdir(), 'conncheck-summary-')), 'summary')
  await writeFile(summaryFile, '')
  const files = { ...(await runFiles()), summaryFile }
  const saved = { ...process.env }
  const savedExitCode = process.exitCode
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name.startsWith('GITHUB_') || name === 'RUNNER_DEBUG')
      Reflect.deleteProperty(process.env, name)
  }
  Object.assign(process.env, {
    GITHUB_OUTPUT: files.outputFile,
    GITHUB_STEP_SUMMARY: files.summaryFile,
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
    outcome = await run({ signal: options.signal, startedAt: started })
    // As index.ts decides: only 'success' exits 0.
    exitCode = outcome === 'success' ? 0 : 1
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
