#!/usr/bin/env node
import { cancelOnSignals } from '../core/cancellation.js'
import { exitWhenFlushed } from '../core/exit.js'
import { RemoteText } from '../core/remote-text.js'
import { COMMAND } from './flags.js'
import { EXIT, runCli, signalExitCode } from './run.js'

// The command line's process: signals, then runCli, then an exit once the output is out.

// After Ctrl-C the verdict is written at once; this only bounds a report that something blocks.
const CANCEL_BACKSTOP_MS = 2000

// Deprecations inside bundled dependencies are nothing a user can act on (the tunnel agent
// behind an authenticated HTTPS_PROXY still calls new Buffer()).
process.noDeprecation = true

// A reader that went away (`| head`) is not an error of the check.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined)

const cancellation = cancelOnSignals()
let signals = 0
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    signals += 1
    // A second Ctrl-C means now.
    if (signals > 1) process.exit(signalExitCode(name))
  })
}
cancellation.signal.addEventListener('abort', () => {
  const code = signalExitCode(cancellation.signal.reason)
  setTimeout(() => process.exit(code), CANCEL_BACKSTOP_MS).unref()
})

let exitCode: number = EXIT.fail

runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: cancellation.signal
})
  .then((code) => {
    exitCode = code
  })
  .catch((error: unknown) => {
    // Unexpected: one line, without a stack trace or request details, its words made inert.
    const raw = error instanceof Error ? error.message : String(error)
    // Its words may come from anywhere, the key included: nothing masks a terminal.
    const key = process.env.UNSTRUCTURED_API_KEY ?? ''
    process.stderr.write(`${COMMAND}: unexpected error: ${new RemoteText([key]).clean(raw)}\n`)
  })
  .finally(() => exitWhenFlushed(exitCode))
