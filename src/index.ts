import * as core from '@actions/core'
import { cancelOnSignals } from './cancellation.js'
import { run } from './main.js'

// The step passes only when run() resolved with 'success': any other way out, an exception in
// reporting included (say, an output file that cannot be written), exits non-zero. Literals,
// not core.ExitCode: @github/local-action's stand-in for @actions/core lacks it.
const SUCCESS = 0
const FAILURE = 1

// After a cancellation the verdict is written at once; this is only a backstop so the step
// never outlives the runner's patience if something unforeseen blocks.
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
  .then((outcome) => {
    if (outcome === 'success') exitCode = SUCCESS
  })
  .catch((error: unknown) => {
    // Unexpected: one line, without a stack trace and without request details.
    const message = error instanceof Error ? error.message : String(error)
    try {
      core.error(`Unexpected error: ${message}`, { title: 'Connection check error' })
      core.setOutput('outcome', 'error')
    } catch {
      // Writing the output is what failed; the annotation above is already out.
    }
  })
  .finally(() => {
    // A socket left open (say, behind a proxy) must not keep the step alive after the verdict.
    process.exit(exitCode)
  })
