import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { checkWorkflow, type Finding } from '../../scripts/workflow-rules.js'

// The workflow-security check (npm run lint runs it on .github/workflows): this repository's
// workflows pass, and each bad workflow below is caught by the rule meant for it.

const DIR = fileURLToPath(new URL('../../.github/workflows/', import.meta.url))
const CHECKOUT = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1'
const GITHUB_SCRIPT = 'actions/github-script@3a2844b7e9c422d3c10d287c895573f7108da1b3 # v9.0.0'

/** A workflow that passes, with `job` as the steps and settings of its one job. */
function workflow(job: string, top = 'permissions: {}'): string {
  return `name: t
on: [push]
${top}
jobs:
  build:
    runs-on: ubuntu-latest
${job}`
}

const GOOD_JOB = `    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - run: echo "$TITLE"
        env:
          TITLE: \${{ github.event.pull_request.title }}
`

const rules = (text: string): Finding['rule'][] => checkWorkflow(text).map((f) => f.rule)

describe('the workflow-security check', () => {
  it("passes this repository's workflows", async () => {
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.yml'))
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']))
    for (const file of files) {
      expect({
        file,
        findings: checkWorkflow(await readFile(path.join(DIR, file), 'utf8'))
      }).toEqual({ file, findings: [] })
    }
  })

  it('passes a workflow that keeps every rule', () => {
    expect(checkWorkflow(workflow(GOOD_JOB))).toEqual([])
  })

  it.each<[string, string, Finding['rule']]>([
    ['a tag', GOOD_JOB.replace(CHECKOUT, 'actions/checkout@v7'), 'unpinned'],
    ['a short SHA', GOOD_JOB.replace(CHECKOUT, 'actions/checkout@3d3c42e # v7.0.1'), 'unpinned'],
    ['a branch', GOOD_JOB.replace(CHECKOUT, 'someone/action@main'), 'unpinned'],
    ['a SHA without its version', GOOD_JOB.replace(' # v7.0.1', ''), 'no-version-comment'],
    ['an old major', GOOD_JOB.replace('# v7.0.1', '# v4.2.2'), 'old-major'],
    [
      'an image by tag',
      GOOD_JOB.replace(CHECKOUT, 'docker://alpine:3').replace(
        /\n {8}with:\n {10}persist-credentials: false/,
        ''
      ),
      'unpinned'
    ],
    [
      'no job permissions',
      GOOD_JOB.replace('    permissions:\n      contents: read\n', ''),
      'job-permissions'
    ],
    [
      'an expression in run',
      GOOD_JOB.replace('echo "$TITLE"', 'echo "${{ github.event.pull_request.title }}"'),
      'expression-in-run'
    ],
    [
      'an expression in a multi-line run',
      GOOD_JOB.replace(
        '- run: echo "$TITLE"',
        '- run: |\n          git log\n          echo ${{ github.head_ref }}'
      ),
      'expression-in-run'
    ],
    [
      'write-all for a job',
      GOOD_JOB.replace('    permissions:\n      contents: read\n', '    permissions: write-all\n'),
      'job-permissions'
    ],
    [
      "an expression in github-script's script",
      GOOD_JOB.replace(
        '- run: echo "$TITLE"',
        `- uses: ${GITHUB_SCRIPT}\n        with:\n          script: |\n            core.info('\${{ github.event.pull_request.title }}')`
      ),
      'expression-in-script'
    ],
    [
      'credentials left in the checkout',
      GOOD_JOB.replace('persist-credentials: false', 'fetch-depth: 0'),
      'persisted-credentials'
    ]
  ])('rejects %s', (_, job, rule) => {
    const text = workflow(job)
    // Each fixture is still a valid workflow: only the rule under test is broken.
    expect(parse(text)).toBeTruthy()
    expect(rules(text)).toEqual([rule])
  })

  it.each([
    ['no top-level permissions', ''],
    ['write-all at the top', 'permissions: write-all'],
    ['read-all at the top', 'permissions: read-all'],
    ['top-level grants', 'permissions:\n  contents: read']
  ])('rejects %s', (_, top) => {
    expect(rules(workflow(GOOD_JOB, top))).toEqual(['top-level-permissions'])
  })

  it('rejects pull_request_target, workflow_run and issue_comment, in any form of on:', () => {
    const on = (trigger: string) => workflow(GOOD_JOB).replace('on: [push]', trigger)
    expect(rules(on('on: pull_request_target'))).toEqual(['dangerous-trigger'])
    expect(rules(on('on: [push, workflow_run]'))).toEqual(['dangerous-trigger'])
    expect(rules(on('on:\n  pull_request_target:\n    types: [opened]'))).toEqual([
      'dangerous-trigger'
    ])
    expect(rules(on('on:\n  issue_comment:\n    types: [created]'))).toEqual(['dangerous-trigger'])
    expect(checkWorkflow(on('on: [issue_comment]'))[0]?.message).toContain('comment')
  })

  it('allows github-script when its expressions come through env:, and read-all for a job', () => {
    const job = GOOD_JOB.replace('contents: read', 'read-all')
      .replace('    permissions:\n      read-all\n', '    permissions: read-all\n')
      .replace(
        '- run: echo "$TITLE"',
        `- uses: ${GITHUB_SCRIPT}\n        with:\n          script: core.info(process.env.TITLE)`
      )
    expect(job).toContain('permissions: read-all')
    expect(checkWorkflow(workflow(job))).toEqual([])
  })

  it('rejects secrets: inherit for a reusable workflow', () => {
    const text = workflow(`    permissions:
      contents: read
    uses: ./.github/workflows/ci.yml
    secrets: inherit
`).replace('    runs-on: ubuntu-latest\n', '')
    expect(rules(text)).toEqual(['secrets-inherit'])
    expect(
      rules(text.replace('secrets: inherit', 'secrets:\n      TOKEN: ${{ secrets.TOKEN }}'))
    ).toEqual([])
  })

  it('names the line of each finding', () => {
    const text = workflow(GOOD_JOB.replace(CHECKOUT, 'actions/checkout@v7'))
    const [finding] = checkWorkflow(text)
    expect(text.split('\n')[(finding?.line ?? 0) - 1]).toContain('actions/checkout@v7')
  })

  it('reports YAML it cannot read', () => {
    expect(rules('jobs: [unclosed')).toContain('yaml')
  })

  it('gives the release job only what it needs, and the others read access at most', async () => {
    const release = parse(await readFile(path.join(DIR, 'release.yml'), 'utf8')) as {
      on: { push: { tags: string[] } }
      jobs: Record<string, { permissions: Record<string, string> }>
    }
    expect(release.on.push.tags).toEqual(['v*.*.*'])
    expect(release.jobs.release?.permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
      attestations: 'write'
    })
    expect(release.jobs.test?.permissions).toEqual({ contents: 'read' })
  })

  it('checks the tag is on main and package.json names the repository, before anything is created', async () => {
    const release = parse(await readFile(path.join(DIR, 'release.yml'), 'utf8')) as {
      jobs: Record<
        string,
        {
          environment?: unknown
          steps: { uses?: string; run?: string; with?: Record<string, unknown> }[]
        }
      >
    }
    const GUARD = 'node scripts/release/guard.ts "$GITHUB_REPOSITORY" "$GITHUB_SHA"'
    for (const name of ['test', 'release']) {
      const steps = release.jobs[name]?.steps ?? []
      // main's history is there for git merge-base, and the token is not.
      expect(steps[0]?.uses).toMatch(/^actions\/checkout@/)
      expect(steps[0]?.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false })
      const guard = steps.findIndex((step) => step.run === GUARD)
      const first = steps.findIndex(
        (step) =>
          step.uses?.startsWith('actions/attest@') === true ||
          /\bnpm (ci|pack|test)\b|\bgh (api|release)\b/.test(step.run ?? '')
      )
      expect({ name, guard }).toEqual({ name, guard: 2 })
      expect(first).toBeGreaterThan(guard)
    }
    // Reviewers approve the job that releases and moves v1, as the npm job's publish.
    expect(release.jobs.release?.environment).toBe('release')
    expect(release.jobs.npm?.environment).toBe('npm')
    expect(release.jobs.test?.environment).toBeUndefined()
  })

  it('takes nothing from the test job into the jobs that write, and publishes the attested bytes', async () => {
    const text = await readFile(path.join(DIR, 'release.yml'), 'utf8')
    const release = parse(text) as {
      jobs: Record<string, { outputs?: unknown; steps: { uses?: string; run?: string }[] }>
    }
    expect(release.jobs.test?.outputs).toBeUndefined()
    expect(text).not.toContain('needs.test.outputs')
    const runs = (job: string) => release.jobs[job]?.steps.map((step) => step.run ?? '') ?? []
    expect(runs('release').join('\n')).toContain('node scripts/release/decide.ts')
    expect(runs('release').join('\n')).toContain('MAJOR_TAG="${TAG%%.*}"')
    expect(runs('release').join('\n')).toContain('npm pack --silent --ignore-scripts')
    const npm = release.jobs.npm?.steps ?? []
    expect(npm.some((step) => step.uses?.startsWith('actions/checkout@'))).toBe(false)
    expect(npm.some((step) => step.uses?.startsWith('actions/download-artifact@'))).toBe(true)
    expect(runs('npm').join('\n')).toMatch(/npm publish "\$1" --ignore-scripts/)
  })
})
