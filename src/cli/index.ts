#!/usr/bin/env node
import { cancelOnSignals } from '../cancellation.js'
import { RemoteText } from '../remote-text.js'
import { COMMAND } from './flags.js'
import { EXIT, runCli, signalExitCode } from './run.js'

// The command line's process: signals, then runCli, then an exit once the output is out.

// After Ctrl-C the verdict is written at once; this only bounds a report that something blocks.
const CANCEL_BACKSTOP_MS = 2000

// How long a slow reader of a pipe may take to read what is left once the verdict is written.
const FLUSH_LIMIT_MS = 10_000

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
    process.stderr.write(`${COMMAND}: unexpected error: ${new RemoteText([]).clean(raw)}\n`)
  })
  .finally(async () => {
    process.exitCode = exitCode
    // process.exit() drops what a pipe's reader has not taken yet, so exit only once stdout and
    // stderr have handed everything over; then exit all the same, since a socket left open
    // (behind a proxy, say) must not keep the process alive after the verdict.
    const limit = new Promise<void>((resolve) => setTimeout(resolve, FLUSH_LIMIT_MS).unref())
    await Promise.race([Promise.all([flushed(process.stdout), flushed(process.stderr)]), limit])
    process.exit(exitCode)
  })

/** Resolves once everything written to the stream so far has left the process (or failed to). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    // Writes complete in order, so an empty one completes after all that came before it.
    stream.write('', () => {
      resolve()
    })
  })
}
