import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { changelogSection } from '../../scripts/release/changelog.js'
import { tempRepo, type TempRepo } from '../support/git-repo.js'
import { parseOutputs, runNode } from '../support/runner.js'

// The release scripts as the workflow and a person run them: the dry run in a clone of this
// repository's package.json and CHANGELOG.md, and the release job's decision.

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

describe('npm run release-plan', () => {
  const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const CLI = path.join(ROOT, 'scripts', 'release', 'cli.ts')
  const ACME = 'https://github.com/acme/unstructured-connection-check'
  let repo: TempRepo
  let version = ''
  let major = ''
  const plan = (args: string[], env: Record<string, string> = {}) =>
    runNode([TSX_CLI, CLI, ...args], { ...repo.env, ...env }, 30_000, { cwd: repo.dir })

  // A clone of this repository's package.json and CHANGELOG.md, its repository set to acme's:
  // the plan reads the folder it runs in, as npm run's is the package's root.
  beforeAll(async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    version = pkg.version
    major = version.split('.')[0] ?? ''
    repo = await tempRepo()
    await repo.commit('ready to release', {
      'package.json': JSON.stringify({
        ...pkg,
        repository: { type: 'git', url: `git+${ACME}.git` },
        homepage: `${ACME}#readme`,
        bugs: { url: `${ACME}/issues` }
      }),
      'CHANGELOG.md': await readFile(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
    })
  })
  afterAll(async () => {
    await repo.remove()
  })

  it('prints the plan, and writes the notes and outputs for the workflow', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-release-'))
    try {
      const outputFile = path.join(dir, 'output')
      await writeFile(outputFile, '')
      const notesFile = path.join(dir, 'notes.md')
      const run = await plan([`v${version}`, '--notes-file', notesFile, '--github-output'], {
        GITHUB_OUTPUT: outputFile,
        GITHUB_REPOSITORY: 'acme/unstructured-connection-check'
      })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Release plan for v${version}`)
      expect(run.stdout).toContain(
        "package.json's repository is acme/unstructured-connection-check"
      )
      // This repository's CHANGELOG has the current version's section.
      const notes = await readFile(notesFile, 'utf8')
      expect(notes.length).toBeGreaterThan(0)
      // The job log would read a notes line as a workflow command: they are not printed.
      expect(run.stdout).toContain('not printed here')
      expect(run.stdout).not.toContain(notes.split('\n')[0])
      expect(parseOutputs(await readFile(outputFile, 'utf8'))).toEqual({
        version,
        'major-tag': `v${major}`,
        tarball: `unstructured-connection-check-${version}.tgz`,
        // The output parser drops the last line end, as a runner does.
        notes: notes.replace(/\n$/, '')
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('takes the existing tags from --existing, or else from git', async () => {
    const later = `v${major}.999.0`
    const given = await plan([`v${version}`, '--existing', `v${version}`, '--existing', later])
    expect(given.stderr).toBe('')
    expect(given.stdout).toContain(`Leave the tag v${major} where it is`)
    expect(given.stdout).toContain('Release notes (CHANGELOG.md')
    expect((await plan([`v${version}`])).stdout).toContain(`Move the tag v${major} to the commit`)
    await repo.git('tag', later)
    try {
      const fromGit = await plan([`v${version}`])
      expect(fromGit.stderr).toBe('')
      expect(fromGit.code).toBe(0)
      expect(fromGit.stdout).toContain(`Leave the tag v${major} where it is`)
      const none = await plan([`v${version}`, '--existing='])
      expect(none.stdout).toContain(`Move the tag v${major} to the commit`)
    } finally {
      await repo.git('tag', '--delete', later)
    }
  })

  it('checks the repository from --repository, $GITHUB_REPOSITORY or the origin remote', async () => {
    const unknown = await plan([`v${version}`])
    expect(unknown.code).toBe(0)
    expect(unknown.stdout).toContain('not known here: give --repository')

    await repo.git(
      'remote',
      'add',
      'origin',
      'git@github.com:Acme/Unstructured-Connection-Check.git'
    )
    try {
      const remote = await plan([`v${version}`])
      expect(remote.stderr).toBe('')
      expect(remote.stdout).toContain(
        "package.json's repository is Acme/Unstructured-Connection-Check"
      )

      const fork = 'someone/unstructured-connection-check'
      const mismatch = await plan([`v${version}`], { GITHUB_REPOSITORY: fork })
      expect(mismatch.code).toBe(1)
      expect(mismatch.stdout).toBe('')
      expect(mismatch.stderr).toContain(`but the release runs in ${fork}: npm would refuse`)
      const flag = await plan(
        [`v${version}`, '--repository', 'acme/unstructured-connection-check'],
        {
          GITHUB_REPOSITORY: fork
        }
      )
      expect(flag.code).toBe(0)
      expect((await plan([`v${version}`, '--repository', 'acme'])).code).toBe(2)
    } finally {
      await repo.git('remote', 'remove', 'origin')
    }
  })

  it('refuses the placeholder owner that this repository ships until its owner is set', async () => {
    const placeholder = await tempRepo()
    try {
      const pkg = await readFile(path.join(repo.dir, 'package.json'), 'utf8')
      await placeholder.commit('placeholder', {
        'package.json': pkg.replaceAll('/acme/', '/OWNER/'),
        'CHANGELOG.md': await readFile(path.join(repo.dir, 'CHANGELOG.md'), 'utf8')
      })
      const run = await runNode([TSX_CLI, CLI, `v${version}`], placeholder.env, 30_000, {
        cwd: placeholder.dir
      })
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(
        "package.json's repository still names the placeholder owner OWNER"
      )
      expect(run.stderr).toContain("package.json's homepage still names")
    } finally {
      await placeholder.remove()
    }
  })

  it('exits 1 for a tag it will not release, and 2 without one', async () => {
    const refused = await plan(['v1.2.3-rc.1'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('prerelease')
    expect(refused.stdout).toBe('')
    const usage = await plan([])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: npm run release-plan')
  })
})

describe('the release job: scripts/release/decide.ts', () => {
  const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const DECIDE = path.join(ROOT, 'scripts', 'release', 'decide.ts')
  const env = { PATH: process.env.PATH ?? '' }

  it('prints the decision for $GITHUB_OUTPUT and writes the notes, or refuses', async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const [major = ''] = version.split('.')
    const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-decide-'))
    try {
      const tags = path.join(dir, 'tags')
      const notes = path.join(dir, 'notes.md')
      await writeFile(
        tags,
        `v${version}\nv${major}\nv${major}.999.0-rc.1\nv${Number(major) + 1}.0.0\n`
      )
      const run = await runNode([TSX_CLI, DECIDE, `v${version}`, tags, notes], env, 30_000)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(parseOutputs(run.stdout)).toEqual({ 'move-major': 'true', latest: 'false' })
      const section = changelogSection(
        await readFile(path.join(ROOT, 'CHANGELOG.md'), 'utf8'),
        version
      )
      expect(section.ok && (await readFile(notes, 'utf8')) === section.notes).toBe(true)

      const refused = await runNode([TSX_CLI, DECIDE, 'v1.2.3-rc.1', tags, notes], env, 30_000)
      expect(refused.code).toBe(1)
      expect(refused.stdout).toBe('')
      expect(refused.stderr).toContain('prerelease')
      const usage = await runNode([TSX_CLI, DECIDE, `v${version}`], env, 30_000)
      expect(usage.code).toBe(2)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
