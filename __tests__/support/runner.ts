import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  startSimulator,
  type Simulator,
  type SimulatorOptions
} from '../../simulator/platform-simulator.js'

// Child processes for tests and scripts: any node script (runNode), and a bundle of the action
// run as a runner would run it (startBundle), read back through its output and summary files.
// Nothing here imports jest, so the chaos and bench scripts (run by tsx) can use it too.

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

/** A GITHUB_OUTPUT file that a runner would refuse: the step's outputs cannot be trusted. */
export class OutputsFileError extends Error {
  override name = 'OutputsFileError'
}

/**
 * Reads a GITHUB_OUTPUT file as the runner reads it: `name=value` lines, and `name<<DELIMITER`
 * blocks whose value is every line up to the first line that is exactly DELIMITER (whichever of
 * `=` and `<<` comes first decides the form). Blank lines between entries are skipped; a later
 * entry of the same name wins. Anything else, a block never closed included, throws: a runner
 * fails the step on such a file, so a test must not read something out of it.
 */
export function parseOutputs(text: string): Record<string, string> {
  // A Map, then fromEntries: a name such as __proto__ stays an output, not a prototype.
  const outputs = new Map<string, string>()
  const lines = text.split(/\r?\n/)
  const fail = (index: number, problem: string): never => {
    throw new OutputsFileError(`GITHUB_OUTPUT line ${String(index + 1)}: ${problem}`)
  }
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? ''
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      if (equals === 0) fail(i, `no name before '=': ${JSON.stringify(line)}`)
      outputs.set(line.slice(0, equals), line.slice(equals + 1))
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (name === '' || delimiter === '')
        fail(i, `a name and a delimiter must surround '<<': ${JSON.stringify(line)}`)
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0)
        fail(i, `the value of ${name} is never closed by a line ${JSON.stringify(delimiter)}`)
      outputs.set(name, lines.slice(i + 1, end).join('\n'))
      i = end
    } else {
      fail(i, `neither name=value nor name<<DELIMITER: ${JSON.stringify(line.slice(0, 200))}`)
    }
  }
  return Object.fromEntries(outputs)
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

/** Extras for a child process; by default it gets no stdin and this process's cwd. */
export interface NodeOptions {
  /**
   * Runs this executable instead of node, `args` being its arguments: an installed `bin`,
   * started through its `#!` line as a shell would.
   */
  command?: string
  /** Options for node itself, before the script: `--cpu-prof`, say. */
  nodeArgs?: string[]
  cwd?: string
  /** Written to the child's stdin, which is then closed. */
  stdin?: string
  /** Called with everything on stdout and stderr so far, after each chunk (to send a signal). */
  onOutput?: (output: { stdout: string; stderr: string }, child: ChildProcess) => void
}

/** How a child process ended, and what it wrote. */
export interface NodeRun {
  /** null when the process was killed by a signal (the safety limit, say). */
  code: number | null
  signal: NodeJS.Signals | null
  /** performance.now() of this process just before the spawn. */
  startedAt: number
  /** performance.now() at the 'exit' event: when the process ended. */
  exitedAt: number
  /** performance.now() at the 'close' event: its pipes drained too. */
  closedAt: number
  stdout: string
  stderr: string
}

export interface StartedNode {
  child: ChildProcess
  /** performance.now() when the child was spawned. */
  startedAt: number
  /** Everything the child wrote to stdout so far. */
  stdout(): string
  done: Promise<NodeRun>
}

/**
 * Starts `node ...args` (or `options.command ...args`) with exactly `env` (nothing inherited).
 * `limitMs` is a safety net: the child is killed (SIGKILL) if it is still running then.
 */
export function startNode(
  args: string[],
  env: Record<string, string>,
  limitMs: number,
  options: NodeOptions = {}
): StartedNode {
  const startedAt = performance.now()
  const command = options.command ?? process.execPath
  const child = spawn(command, [...(options.nodeArgs ?? []), ...args], {
    env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
  })
  const output = { stdout: '', stderr: '' }
  const listen = (stream: 'stdout' | 'stderr') => (chunk: string) => {
    output[stream] += chunk
    options.onOutput?.(output, child)
  }
  child.stdout?.setEncoding('utf8').on('data', listen('stdout'))
  child.stderr?.setEncoding('utf8').on('data', listen('stderr'))
  if (options.stdin !== undefined) child.stdin?.end(options.stdin)
  const limit = setTimeout(() => child.kill('SIGKILL'), limitMs)
  let exitedAt = Number.NaN
  child.on('exit', () => {
    exitedAt = performance.now()
  })
  const done = new Promise<NodeRun>((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(limit)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(limit)
      resolve({ code, signal, startedAt, exitedAt, closedAt: performance.now(), ...output })
    })
  })
  return { child, startedAt, stdout: () => output.stdout, done }
}

/** Runs `node ...args` to its end (see startNode). */
export function runNode(
  args: string[],
  env: Record<string, string>,
  limitMs: number,
  options: NodeOptions = {}
): Promise<NodeRun> {
  return startNode(args, env, limitMs, options).done
}

/** A run of the bundle: what it left behind, and when it started and ended. */
export type BundleRun = ActionResult & Pick<NodeRun, 'startedAt' | 'exitedAt' | 'signal'>

export interface StartedBundle {
  child: ChildProcess
  /** performance.now() when the child was spawned. */
  startedAt: number
  /** Everything the child wrote to stdout so far. */
  stdout(): string
  done: Promise<BundleRun>
}

/**
 * Starts a bundle as a runner does: a child process with only PATH, the INPUT_* variables and
 * the output and summary files and RUNNER_TEMP (plus `env`). `limitMs` is a safety net
 * (SIGKILL).
 */
export async function startBundle(
  bundle: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  limitMs: number,
  options: NodeOptions = {}
): Promise<StartedBundle> {
  const files = await runFiles()
  const started = startNode(
    [bundle],
    {
      PATH: process.env.PATH ?? '',
      GITHUB_OUTPUT: files.outputFile,
      GITHUB_STEP_SUMMARY: files.summaryFile,
      RUNNER_TEMP: files.tempDir,
      ...inputEnv(inputs),
      ...env
    },
    limitMs,
    options
  )
  const done = started.done.then(async (run): Promise<BundleRun> => {
    const partial = {
      exitCode: run.code,
      stdout: run.stdout,
      stderr: run.stderr,
      durationMs: run.closedAt - run.startedAt
    }
    const { startedAt, exitedAt, signal } = run
    return { ...(await collect(files, partial)), startedAt, exitedAt, signal }
  })
  return { ...started, done }
}

/** Runs `test` against a fresh simulator of its own, closed afterwards whatever happens. */
export async function withSimulator<T>(
  test: (sim: Simulator) => Promise<T>,
  options: SimulatorOptions = {}
): Promise<T> {
  const sim = await startSimulator(options)
  try {
    return await test(sim)
  } finally {
    await sim.close()
  }
}

/** A step's inputs against the simulator: its key and URL, a short deadline, and `extra`. */
export function stepInputs(
  sim: Simulator,
  extra: Record<string, string>,
  timeoutSeconds = '15'
): Record<string, string> {
  return { 'api-key': sim.apiKey, 'api-url': sim.url, 'timeout-seconds': timeoutSeconds, ...extra }
}

/**
 * An origin where nothing listens: a host that never answers. The port is bound, then closed,
 * on a loopback address of its own, since a port freed on 127.0.0.1 may be handed at once to a
 * server of another test running alongside.
 */
export async function closedOrigin(): Promise<string> {
  const host = '127.0.0.3'
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve()
    })
  )
  return `http://${host}:${port}`
}
