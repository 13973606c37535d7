import * as core from '@actions/core'
import { cancelOnSignals } from './cancellation.js'
import { run } from './main.js'

// After a cancellation the verdict is written at once; this is only a backstop so the step
// never outlives the runner's patience if something unforeseen blocks.
const CANCEL_BACKSTOP_MS = 900

const cancellation = cancelOnSignals()
cancellation.signal.addEventListener('abort', () => {
  setTimeout(() => process.exit(core.ExitCode.Failure), CANCEL_BACKSTOP_MS).unref()
})

run({ signal: cancellation.signal })
  .catch((error: unknown) => {
    // Unexpected: report it in one line, without a stack trace and without request details.
    const message = error instanceof Error ? error.message : String(error)
    core.setOutput('outcome', 'error')
    core.error(`Unexpected error: ${message}`, { title: 'Connection check error' })
    process.exitCode = core.ExitCode.Failure
  })
  .finally(() => {
    // A socket left open (say, behind a proxy) must not keep the step alive after the verdict.
    process.exit(process.exitCode ?? core.ExitCode.Success)
  })
