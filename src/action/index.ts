import * as core from '@actions/core'
import { cancelOnSignals } from '../core/cancellation.js'
import { exitWhenFlushed } from '../core/exit.js'
import { run } from './run.js'
import { RemoteText } from '../core/remote-text.js'

// The step passes only when run() resolved with a step that passed: any other way out, an
// exception in reporting included (say, an output file that cannot be written), exits non-zero.
const SUCCESS: number = core.ExitCode.Success
const FAILURE: number = core.ExitCode.Failure

// After a cancellation the verdict is written at once; this is only a backstop so the step
// never outlives the runner's patience if something unforeseen blocks (a log reader that has
// stopped reading included: what it has not taken by then is lost).
const CANCEL_BACKSTOP_MS = 900

// Deprecations inside bundled dependencies are nothing a user of the step can act on: the tunnel
// agent behind an authenticated HTTPS_PROXY still calls new Buffer(), and Node would say so.
process.noDeprecation = true

const cancellation = cancelOnSignals()
cancellation.signal.addEventListener('abort', () => {
  setTimeout(() => process.exit(FAILURE), CANCEL_BACKSTOP_MS).unref()
})

let exitCode = FAILURE

run({ signal: cancellation.signal })
  .then((step) => {
    if (step.passed) exitCode = SUCCESS
  })
  .catch((error: unknown) => {
    // Unexpected: one line, without a stack trace and without request details.
    const raw = error instanceof Error ? error.message : String(error)
    // Its words may come from anywhere; the runner masks the key in the log.
    const message = new RemoteText([process.env['INPUT_API-KEY'] ?? '']).clean(raw)
    try {
      core.error(`Unexpected error: ${message}`, { title: 'Connection check error' })
      core.setOutput('outcome', 'error')
    } catch {
      // Writing the output is what failed; the annotation above is already out.
    }
  })
  .finally(() => exitWhenFlushed(exitCode))
