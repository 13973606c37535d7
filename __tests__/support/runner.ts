import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'

// Pieces of "run the action as a runner would" that tests and scripts share. Nothing here
// imports jest, so the chaos and bench scripts (run by tsx) can use it too.

/** What a run of the action left behind, read the way a runner would read it. */
export interface ActionResult {
  /** null when the process was killed by a signal (the safety limit, say). */
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** Size of the GITHUB_OUTPUT file, framing included: what GitHub's 1 MB limit counts. */
  outputBytes: number
  summary: string
  /** What the file named by the results-file output holds; undefined when there is none. */
  resultsFile: string | undefined
  durationMs: number
}

/** action.yml names to the INPUT_ variables a runner sets (upper case, hyphens kept). */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
  )
}

/** Reads a GITHUB_OUTPUT file (`name<<DELIM`, value lines, `DELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match?.[1] || !match[2]) continue
    const end = lines.indexOf(match[2], i + 1)
    outputs[match[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

export interface RunFiles {
  dir: string
  outputFile: string
  summaryFile: string
  /** RUNNER_TEMP: the runner's folder for a job's temporary files. */
  tempDir: string
}

/** A temp folder with the output and summary files, created as a runner creates them. */
export async function runFiles(): Promise<RunFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-'))
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  const tempDir = path.join(dir, 'temp')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  await mkdir(tempDir)
  return { dir, outputFile, summaryFile, tempDir }
}

/** Reads what a run left in its files, then removes them. */
export async function collect(
  files: RunFiles,
  partial: Omit<ActionResult, 'outputs' | 'outputBytes' | 'summary' | 'resultsFile'>
): Promise<ActionResult> {
  const outputText = await readFile(files.outputFile, 'utf8')
  const outputs = parseOutputs(outputText)
  const summary = await readFile(files.summaryFile, 'utf8')
  const named = outputs['results-file']
  const resultsFile =
    named !== undefined && named !== ''
      ? await readFile(named, 'utf8').catch(() => undefined)
      : undefined
  await rm(files.dir, { recursive: true, force: true })
  return {
    ...partial,
    outputs,
    outputBytes: Buffer.byteLength(outputText),
    summary,
    resultsFile
  }
}

export interface StartedBundle {
  child: ChildProcess
  /** performance.now() when the child was spawned. */
  startedAt: number
  /** Everything the child wrote to stdout so far. */
  stdout(): string
  done: Promise<ActionResult & { startedAt: number }>
}

/**
 * Starts a bundle as a runner does: a child process with only PATH, the INPUT_* variables and
 * the output and summary files (plus `env`). `limitMs` is a safety net (SIGKILL).
 */
export async function startBundle(
  bundle: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  limitMs: number
): Promise<StartedBundle> {
  const files = await runFiles()
  const startedAt = performance.now()
  const child = spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_OUTPUT: files.outputFile,
      GITHUB_STEP_SUMMARY: files.summaryFile,
      RUNNER_TEMP: files.tempDir,
      ...inputEnv(inputs),
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const limit = setTimeout(() => child.kill('SIGKILL'), limitMs)
  const done = (async () => {
    const exitCode = await new Promise<number | null>((resolve) => {
      child.on('close', (code) => {
        resolve(code)
      })
    })
    const durationMs = performance.now() - startedAt
    clearTimeout(limit)
    return { ...(await collect(files, { exitCode, stdout, stderr, durationMs })), startedAt }
  })()
  return { child, startedAt, stdout: () => stdout, done }
}

/** Runs `test` against a fresh simulator of its own, closed afterwards whatever happens. */
export async function withSimulator<T>(test: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator()
  try {
    return await test(sim)
  } finally {
    await sim.close()
  }
}

export interface NodeRun {
  /** null when a signal ended the process (the safety limit, say). */
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  durationMs: number
}

export interface NodeRunOptions {
  /** The child's whole environment (PATH is added when missing). */
  env: Record<string, string>
  /** Safety net: SIGKILL after this long. */
  limitMs: number
  cwd?: string
  /** Called with everything on stdout and stderr so far, after each chunk (to send a signal). */
  onOutput?: (output: { stdout: string; stderr: string }, child: ChildProcess) => void
}

/** Runs `node <args>` with only the given environment, and collects what it printed. */
export function runNode(args: string[], options: NodeRunOptions): Promise<NodeRun> {
  const startedAt = performance.now()
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...options.env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const output = { stdout: '', stderr: '' }
  const listen = (stream: 'stdout' | 'stderr') => (chunk: string) => {
    output[stream] += chunk
    options.onOutput?.(output, child)
  }
  child.stdout.setEncoding('utf8').on('data', listen('stdout'))
  child.stderr.setEncoding('utf8').on('data', listen('stderr'))
  const limit = setTimeout(() => child.kill('SIGKILL'), options.limitMs)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      clearTimeout(limit)
      resolve({ exitCode, signal, ...output, durationMs: performance.now() - startedAt })
    })
  })
}
