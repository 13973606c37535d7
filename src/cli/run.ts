import { constants } from 'node:os'
import { runStep } from '../engine/step.js'
import { type Clock, type StepReport } from '../engine/contract.js'
import { junitFileInput } from '../engine/inputs.js'
import { writeReportFile } from '../report/file.js'
import { viewOf } from '../report/view.js'
import { ACTION_VERSION } from '../core/version.js'
import { COMMAND, helpText, parseFlags, UsageError, type RunRequest } from './flags.js'
import { terminalNames } from './input-names.js'
import { Screen, useColour, useLive, type Output } from './screen.js'
import { TerminalReport } from './terminal.js'

/**
 * The command line from arguments to exit code: flags in, the engine's step, the report and the
 * files asked for out. The process itself (signals, flushing, exiting) is index.ts's.
 */

export const EXIT = { pass: 0, fail: 1, usage: 2 } as const

export interface CliContext {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  stdout: Output
  stderr: Output
  /** Aborted by SIGINT or SIGTERM, its reason the signal's name. */
  signal?: AbortSignal
  /** The step's clock (default: the system's); tests give a fake one. */
  clock?: Clock
}

const HELP_HINT = 'Run with --help to see every flag.'

export async function runCli(context: CliContext): Promise<number> {
  const { stdout, stderr } = context
  let request
  try {
    request = parseFlags(context.argv, context.env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    stderr.write(`${COMMAND}: ${error.message}\n${HELP_HINT}\n`)
    return EXIT.usage
  }
  if (request.command === 'help') {
    stdout.write(helpText())
    return EXIT.pass
  }
  if (request.command === 'version') {
    stdout.write(`${ACTION_VERSION}\n`)
    return EXIT.pass
  }
  for (const warning of request.warnings) stderr.write(`warning: ${warning}\n`)

  // With --json, stdout holds the JSON alone and the report moves to stderr.
  const reportTo = request.json ? stderr : stdout
  const screen = new Screen(
    reportTo,
    useColour(reportTo, context.env),
    useLive(reportTo, context.env),
    Number(context.env.COLUMNS) || undefined
  )
  const { clock, signal } = context
  const report = new TerminalReport(screen, { quiet: request.quiet, debug: request.debug, clock })
  let step: StepReport
  try {
    step = await runStep(
      (name) => request.inputs[name] ?? '',
      terminalNames(request.sources),
      report,
      { signal, clock }
    )
  } finally {
    // The heartbeat ends with the step, whatever comes after.
    report.stopLive()
  }

  // Inputs that could not be read are a usage error: said as one, on stderr.
  const usage = step.settings === undefined && step.outcome === 'invalid'
  if (usage && step.problem !== undefined) {
    report.stopLive()
    const lines = step.problem.message.split('\n').map((line) => `${COMMAND}: ${line}\n`)
    stderr.write(`${lines.join('')}${HELP_HINT}\n`)
  } else report.finish(step)

  if (request.json)
    stdout.write(
      `${JSON.stringify(
        step.results.map((r) => viewOf(r).entry),
        null,
        2
      )}\n`
    )
  await writeFiles(step, request, stderr)

  if (context.signal?.aborted === true) return signalExitCode(context.signal.reason)
  if (step.passed) return EXIT.pass
  return usage ? EXIT.usage : EXIT.fail
}

/** 128 plus the signal's number, as shells report a process ended by it: 130, 143. */
export function signalExitCode(reason: unknown): number {
  const number =
    typeof reason === 'string' ? constants.signals[reason as NodeJS.Signals] : undefined
  return 128 + (number ?? constants.signals.SIGINT)
}

/**
 * The JUnit report and the summary, when asked for; a file that cannot be written is a warning.
 * Each renderer is loaded only when its file is asked for: start-up need not wait for them.
 */
async function writeFiles(step: StepReport, request: RunRequest, stderr: Output): Promise<void> {
  const files: [string, string | undefined, () => Promise<string>][] = [
    [
      'JUnit report',
      junitFile(step, request),
      async () => (await import('../report/junit.js')).renderJunit(step)
    ],
    [
      'summary',
      request.summaryFile,
      async () => (await import('../report/summary.js')).renderSummary(step)
    ]
  ]
  for (const [what, file, render] of files) {
    if (file === undefined || file === '') continue
    const failed = await writeReportFile(file, await render())
    if (failed !== undefined) {
      stderr.write(`warning: the ${what} could not be written to ${file} (${failed}).\n`)
    }
  }
}

/**
 * The validated path; when the inputs could not be read, the path as given (on one line), so
 * a CI system still shows the step's one testcase in error.
 */
function junitFile(step: StepReport, request: RunRequest): string | undefined {
  if (step.settings !== undefined) return step.settings.junitFile
  return junitFileInput((name) => request.inputs[name] ?? '')
}
