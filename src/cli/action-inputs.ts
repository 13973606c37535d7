// Generated from action.yml by `npm run docs` (scripts/docs.ts): edit action.yml, then run it.
// The command line takes its flags and --help from here, not from YAML at run time.

export interface ActionInput {
  name: string
  description: string
  required: boolean
  /** Absent when action.yml gives none. */
  default?: string
}

export const ACTION_YML_INPUTS: readonly ActionInput[] = [
  {
    name: 'source-id',
    description:
      'UUID of a source connector to check, or several separated by newlines, commas or spaces. Combines with `destination-id` and `workflow-id`; at least one of the three is needed.',
    required: false,
    default: ''
  },
  {
    name: 'destination-id',
    description:
      'UUID of a destination connector to check, or several separated by newlines, commas or spaces.',
    required: false,
    default: ''
  },
  {
    name: 'workflow-id',
    description:
      'UUID of a workflow: every source and destination connector it uses is checked. Combines with `source-id` and `destination-id`; a connector named twice is checked once.',
    required: false,
    default: ''
  },
  {
    name: 'api-key',
    description:
      'Unstructured API key, sent only to `api-url` in the `unstructured-api-key` header. Pass it from a secret, e.g. `secrets.UNSTRUCTURED_API_KEY`. It is masked in the log.',
    required: true
  },
  {
    name: 'api-url',
    description:
      'Base URL of the Platform API. The form with `/api/v1` and a trailing slash are accepted too. Must be https (http only for localhost, 127.0.0.0/8 and [::1]).',
    required: false,
    default: 'https://platform.unstructuredapp.io'
  },
  {
    name: 'timeout-seconds',
    description:
      'Deadline for the whole step, in seconds from start to exit (decimals allowed, at most 21600, 6 hours). All checks share it.',
    required: false,
    default: '300'
  },
  {
    name: 'poll-interval-seconds',
    description:
      "Longest wait between two polls of a check, in seconds, from 1 to 21600. Polling starts within half a second of the check's start and slows down gradually to this cap; retries back off up to it as well.",
    required: false,
    default: '10'
  },
  {
    name: 'max-concurrency',
    description: 'Most connector checks in flight at once (a whole number from 1 to 100).',
    required: false,
    default: '10'
  },
  {
    name: 'junit-file',
    description:
      'Path of a JUnit XML report to write, one testcase per connector with the reason of any that did not pass, for test-report tools (dorny/test-reporter, GitLab, Jenkins). Relative paths start in the workspace; missing folders are created. Empty: no report.',
    required: false,
    default: ''
  }
]
