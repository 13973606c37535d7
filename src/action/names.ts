// The action's words for what a workflow sets and reads: its inputs and outputs, as action.yml
// names them.
import type { InputNames } from '../engine/contract.js'

/** The action's words: inputs of a workflow step. */
export const ACTION_INPUTS: InputNames = {
  subject: (input) => `Input '${input}'`,
  ref: (input) => `'${input}'`,
  key: "the 'api-key' secret",
  missingKey:
    "Input 'api-key' is required. Pass it from a secret, e.g. `api-key: ${{ secrets.UNSTRUCTURED_API_KEY }}`; " +
    'note that secrets are empty in workflows triggered from forks.',
  environment: "the step's env",
  machine: 'the runner'
}

/** The step's outputs, as action.yml declares them. */
export const OUTPUT_NAMES = [
  'check-id',
  'status',
  'reason',
  'created-at',
  'reported-at',
  'outcome',
  'results',
  'results-file'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]
