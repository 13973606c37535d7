import { appendFile } from 'node:fs/promises'
import * as core from '@actions/core'
import { runStep } from '../engine/step.js'
import { type EngineOptions, type StepReport } from '../engine/contract.js'
import { GitHubLog } from './log.js'
import { onLine } from './lines.js'
import { junitFileInput } from '../engine/inputs.js'
import { ACTION_INPUTS } from './names.js'
import { writeReportFile } from '../report/file.js'
import { seconds } from '../core/text.js'

export type RunOptions = EngineOptions

/**
 * The GitHub front end: inputs from the runner, progress in the log, then annotations, outputs,
 * the job summary and the JUnit report. Returns the engine's report, whose `passed` alone
 * decides whether the step passes.
 */
export async function run(options: RunOptions = {}): Promise<StepReport> {
  const log = new GitHubLog(options.clock)
  const heard = onLine(() => {
    log.heartbeat.printed()
  })
  let step: StepReport
  try {
    step = await runStep((name) => core.getInput(name), ACTION_INPUTS, log, options)
  } finally {
    log.heartbeat.stop()
    heard()
  }
  log.finish(step)
  // What writes the outputs, the JUnit report and the summary is loaded once the step has ended,
  // so that start-up, spent before the first request, does not wait for it.
  const [{ writeOutputs }, { renderJunit }, { renderSummary }] = await Promise.all([
    import('./outputs.js'),
    import('../report/junit.js'),
    import('../report/summary.js')
  ])
  const notes = await writeOutputs(step, log.annotations)
  const junitFile = step.settings?.junitFile ?? junitFileInput((name) => core.getInput(name))
  if (junitFile !== undefined) {
    const failed = await writeReportFile(junitFile, renderJunit(step))
    if (failed === undefined) core.info(`JUnit report written to ${junitFile}.`)
    else
      log.annotations.warning(
        `The JUnit report could not be written (${failed}).`,
        'No JUnit report'
      )
  }
  log.annotations.finish()
  const summaryFile = process.env.GITHUB_STEP_SUMMARY
  if (summaryFile) await appendFile(summaryFile, renderSummary(step, notes))
  else core.debug('No GITHUB_STEP_SUMMARY file: skipping the job summary.')
  // The last line, always: a log that ends without it was cut short.
  core.debug(`Finished in ${seconds(process.uptime() * 1000)} with outcome ${step.outcome}.`)
  return step
}
