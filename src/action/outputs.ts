import { randomUUID } from 'node:crypto'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import type { StepReport } from '../engine/contract.js'
import { viewOf } from '../report/view.js'
import type { OutputName } from './names.js'
import { bytes, count } from '../core/text.js'
import { overallStatus } from '../core/outcome.js'
import type { Annotations } from './annotations.js'

/** GitHub keeps at most 1 MB of step outputs per job; this leaves room for other steps' too. */
export const OUTPUTS_BUDGET_BYTES = 900_000
/**
 * What one output costs in GITHUB_OUTPUT beyond its name and value: `<<`, a delimiter of 49
 * characters twice, and line ends (103 bytes), rounded up.
 */
const OUTPUT_FRAMING_BYTES = 120

/**
 * The step outputs (the single-check fields only when there is one connector), within
 * OUTPUTS_BUDGET_BYTES: when every entry does not fit, `results` and `check-id` hold the first
 * `kept` connectors, and the results file has them all.
 */
export function stepOutputs(
  step: StepReport,
  resultsFile: string
): { outputs: Partial<Record<OutputName, string>>; kept: number } {
  const { results } = step
  // Stopped before any check: there is no check, status or reason to tell of.
  if (step.problem !== undefined) {
    return {
      outputs: { outcome: step.outcome, results: '[]', 'results-file': resultsFile },
      kept: 0
    }
  }
  const outputs: Partial<Record<OutputName, string>> = {
    outcome: step.outcome,
    status: overallStatus(results.map((r) => viewOf(r).status)),
    results: '[]',
    'results-file': resultsFile
  }
  const [only] = results
  const single = results.length === 1 && only !== undefined
  if (single) {
    const { check: shown, checkId } = viewOf(only)
    if (checkId !== undefined) outputs['check-id'] = checkId
    if (shown !== undefined) {
      outputs.reason = shown.reason ?? ''
      outputs['created-at'] = shown.createdAt
      outputs['reported-at'] = shown.reportedAt ?? ''
    }
  } else outputs['check-id'] = ''
  let used = Object.entries(outputs).reduce(
    (sum, [name, value]) => sum + bytes(name) + bytes(value) + OUTPUT_FRAMING_BYTES,
    0
  )
  const entries: string[] = []
  const checkIds: string[] = []
  for (const result of results) {
    const view = viewOf(result)
    const entry = JSON.stringify(view.entry)
    // One line per connector in results order; an empty line where no check was created.
    const checkId = single ? '' : (view.checkId ?? '')
    const cost = bytes(entry) + 1 + (single ? 0 : bytes(checkId) + 1)
    if (used + cost > OUTPUTS_BUDGET_BYTES) break
    used += cost
    entries.push(entry)
    checkIds.push(checkId)
  }
  outputs.results = `[${entries.join(',')}]`
  if (!single) outputs['check-id'] = checkIds.join('\n')
  return { outputs, kept: entries.length }
}

/** Entries per write of the results file: thousands at once would be one text of megabytes. */
const FILE_CHUNK_ENTRIES = 500

/**
 * Writes every entry, uncut, where later steps can read it: the text JSON.stringify gives the
 * list, written a chunk at a time. The path, or '' if it failed.
 */
async function writeResultsFile(step: StepReport, annotations: Annotations): Promise<string> {
  const file = path.join(
    process.env.RUNNER_TEMP || tmpdir(),
    `unstructured-connection-check-results-${randomUUID()}.json`
  )
  try {
    const handle = await open(file, 'w', 0o600)
    try {
      const { results } = step
      if (results.length === 0) await handle.write('[]\n')
      for (let from = 0; from < results.length; from += FILE_CHUNK_ENTRIES) {
        const chunk = results
          .slice(from, from + FILE_CHUNK_ENTRIES)
          .map((r) => JSON.stringify(viewOf(r).entry))
          .join(',')
        const last = from + FILE_CHUNK_ENTRIES >= results.length
        await handle.write(`${from === 0 ? '[' : ','}${chunk}${last ? ']\n' : ''}`)
      }
    } finally {
      await handle.close()
    }
    return file
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    annotations.warning(`The results file could not be written (${why}).`, 'No results file')
    return ''
  }
}

/**
 * Sets every output and writes the results file. Returns what a reader of the job summary must
 * know as well: that the outputs were cut short, if they were.
 */
export async function writeOutputs(step: StepReport, annotations: Annotations): Promise<string[]> {
  const file = await writeResultsFile(step, annotations)
  const { outputs, kept } = stepOutputs(step, file)
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  const total = step.results.length
  if (kept === total) return []
  const where =
    file === ''
      ? 'The results file could not be written.'
      : `All ${total} are in ${file} (the results-file output).`
  const cut =
    `The results and check-id outputs hold the first ${kept} of ${count(total, 'connector')}: ` +
    `GitHub keeps at most 1 MB of step outputs per job. ${where}`
  annotations.warning(cut, 'Results output cut short')
  return [cut]
}
