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
    name: 'source-name',
    description:
      'Name of a source connector to check, or several, one per line. Names may hold spaces and commas. A line with `*` (any run of characters) or `?` (one character) is a pattern that may match many, e.g. `orders-*`, or `*` for every source; `\\*`, `\\?` and `\\\\` stand for the characters themselves. Matching is case-sensitive. A plain name must match exactly one source, and a pattern at least one, or the step fails before any check starts, naming the closest names. Combines with every other way of naming connectors; at least one is needed.',
    required: false,
    default: ''
  },
  {
    name: 'destination-name',
    description:
      'Name of a destination connector to check, or several, one per line; patterns as for `source-name`.',
    required: false,
    default: ''
  },
  {
    name: 'workflow-name',
    description:
      'Name of a workflow, or several, one per line; patterns as for `source-name`. Every source and destination connector of each workflow matched is checked.',
    required: false,
    default: ''
  },
  {
    name: 'source-id',
    description:
      'UUID of a source connector, or several separated by newlines, commas or spaces. It pins one connector where several share a name. Combines with `destination-id` and `workflow-id`, and with the name inputs.',
    required: false,
    default: ''
  },
  {
    name: 'destination-id',
    description:
      'UUID of a destination connector, or several separated by newlines, commas or spaces.',
    required: false,
    default: ''
  },
  {
    name: 'workflow-id',
    description:
      'UUID of a workflow: every source and destination connector it uses is checked. A connector named several ways is checked once.',
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
      'Deadline for the whole step, in seconds from start to exit. All checks share it; decimals are allowed, up to 21600 (6 hours).',
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
      'Path of a JUnit XML report to write, one testcase per connector. It gives the reason of any that did not pass, for test-report tools (dorny/test-reporter, GitLab, Jenkins). Relative paths start in the workspace; missing folders are created. Empty: no report.',
    required: false,
    default: ''
  },
  {
    name: 'on-platform-unavailable',
    description:
      '`fail` or `warn`: what a connector whose started check the platform gave no verdict on does to the step. No verdict means the deadline passed while the check was still SCHEDULED, or while 5xx, 429 or network errors went on. With `warn` the step passes with a warning annotation and a line in the job summary, while `outcome` still says `timeout`. A check never started (every POST failed, the queue left no time), a host that never answered, a FAILURE, a key refused (401, 403), a 404, a 422 and bad inputs always fail the step.',
    required: false,
    default: 'fail'
  },
  {
    name: 'recheck-failures',
    description:
      'Checks to start again after a FAILURE (0 to 3). Each comes after a 2 s pause, within the same deadline. A connector that passes on a later check passes, marked flaky: a warning names each failed check and its reason, and `results` has `attempts` and `flaky`.',
    required: false,
    default: '0'
  },
  {
    name: 'reuse-success-seconds',
    description:
      "Seconds within which a connector's latest SUCCESS passes it without a new check. Its reported_at must be at most this many seconds before the API's Date header. A reported time more than 5 s ahead of Date means the platform's clocks disagree, and a check is started as usual; so it is after a FAILURE or an older SUCCESS, for a connector updated since that check began, and for an answer from a cache. `results[].reused` names the check reused and its age. 0: always start a check.",
    required: false,
    default: '0'
  },
  {
    name: 'dry-run',
    description:
      '`true`: read each connector and workflow, and start no check. This proves that the key may read them and that the ids or names are right. The step passes, with the outcome dry-run, when every connector exists and the key can read it.',
    required: false,
    default: 'false'
  }
]
