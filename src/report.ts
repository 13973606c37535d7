import * as core from '@actions/core'
import type { ConnectionCheck } from './api/schemas.js'
import { describeConnector, kindTitle, type Connector } from './connector.js'
import type { CheckEvents, CheckRun } from './wait/check-run.js'
import { seconds, type Verdict } from './verdict.js'

/**
 * Everything the user sees: log lines, annotations, step outputs and the job summary. The key
 * was masked before anything here runs, and nothing here ever receives headers or options.
 */

/** Log lines while a check runs: one per status change, per-poll detail in debug only. */
export function logEvents(
  connector: Connector,
  apiHost: string,
  elapsed: () => number
): CheckEvents {
  const who = describeConnector(connector)
  return {
    started(check) {
      core.info(`Checking ${who} on ${apiHost}: started check ${check.id} (${check.status}).`)
    },
    statusChanged(check, previousStatus) {
      core.info(
        `Check ${check.id}: ${previousStatus} -> ${check.status} after ${seconds(elapsed())}.`
      )
    },
    superseded(previous, newer) {
      core.warning(
        `A newer check ${newer.id} of ${who} (created ${newer.createdAt}, ${newer.status}) replaced ` +
          `check ${previous.id}, perhaps from "Save and Test" in the web UI or a parallel run. ` +
          'It tests the same connector, so its result decides this step.',
        { title: 'Connection check superseded' }
      )
    },
    unknownStatus(check) {
      core.warning(
        `Check ${check.id} has status "${check.status}", which this action does not know; ` +
          'it is treated as not final and the wait goes on.',
        { title: 'Unknown check status' }
      )
    },
    ignored(answer, relation) {
      core.debug(
        `Ignoring check ${answer.id} (created ${answer.createdAt}, ${answer.status}): ` +
          (relation === 'older'
            ? 'it is older than ours.'
            : 'same creation time as ours, another id.')
      )
    },
    retrying(problem, delayMs, failuresInARow) {
      const line = `${problem.reason}; retrying in ${seconds(delayMs)}.`
      // The first failure in a row is worth a line; the rest of a streak goes to debug.
      if (failuresInARow === 1) core.info(`Transient error from ${apiHost}: ${line}`)
      else core.debug(`Transient error #${failuresInARow}: ${line}`)
    }
  }
}

export interface StepOutputs {
  'check-id'?: string
  status?: string
  reason?: string
  'created-at'?: string
  'reported-at'?: string
  outcome: string
}

/** The outputs whose values are known: nothing about a check when none was created. */
export function stepOutputs(run: CheckRun | undefined, verdict: Verdict): StepOutputs {
  const outputs: StepOutputs = { outcome: verdict.outcome }
  if (run?.created === undefined) return outputs
  const shown: ConnectionCheck = run.followed ?? run.created
  outputs['check-id'] = run.created.id
  outputs.status = shown.status
  outputs.reason = shown.reason ?? ''
  outputs['created-at'] = shown.createdAt
  outputs['reported-at'] = shown.reportedAt ?? ''
  return outputs
}

/** Outputs, the final log line or error annotation, the job summary and the exit code. */
export async function reportVerdict(
  run: CheckRun | undefined,
  verdict: Verdict,
  apiHost: string | undefined
): Promise<void> {
  const outputs = stepOutputs(run, verdict)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)

  if (verdict.outcome === 'success') {
    core.info(verdict.message)
  } else {
    core.error(verdict.message, { title: verdict.title })
    process.exitCode = core.ExitCode.Failure
  }
  await writeSummary(run, verdict, apiHost)
}

async function writeSummary(
  run: CheckRun | undefined,
  verdict: Verdict,
  apiHost: string | undefined
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No GITHUB_STEP_SUMMARY file: skipping the job summary.')
    return
  }
  const passed = verdict.outcome === 'success'
  const summary = core.summary.addHeading(
    `${passed ? '✅' : '❌'} Unstructured connection check: ${passed ? 'passed' : verdict.outcome}`,
    3
  )
  if (run !== undefined) {
    const shown = run.followed ?? run.created
    summary.addTable([
      [
        { data: 'Connector', header: true },
        { data: 'Check', header: true },
        { data: 'Status', header: true },
        { data: 'Reason', header: true },
        { data: 'Duration', header: true }
      ],
      [
        `${kindTitle(run.connector.kind)} <code>${run.connector.id}</code>`,
        checkCell(run),
        shown?.status ?? 'not started',
        escapeHtml(shown?.reason ?? ''),
        seconds(run.durationMs)
      ]
    ])
  }
  summary.addRaw(`<p>${escapeHtml(verdict.message)}</p>`, true)
  if (apiHost !== undefined)
    summary.addRaw(`<p>API host: <code>${escapeHtml(apiHost)}</code></p>`, true)
  await summary.write()
}

function checkCell(run: CheckRun): string {
  if (run.created === undefined) return 'none'
  const ours = `<code>${run.created.id}</code>`
  const followed = run.followed
  return followed && followed.id !== run.created.id
    ? `${ours}, replaced by <code>${followed.id}</code>`
    : ours
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
