import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { checkOnMain, MAIN_REF } from '../../scripts/release/ancestry.js'
import {
  checkPackageRepository,
  parseRepositorySlug,
  parseRepositoryUrl,
  type PackageLinks
} from '../../scripts/release/repository.js'
import { tempRepo, type TempRepo } from '../support/git-repo.js'
import { runNode } from '../support/runner.js'

// What the release checks before it creates anything: the tag's commit is on main, and
// package.json names the repository the release runs in (npm's provenance requires it).

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ACME = { owner: 'acme', name: 'unstructured-connection-check' }
const LINKS: PackageLinks = {
  repository: { type: 'git', url: 'git+https://github.com/acme/unstructured-connection-check.git' },
  homepage: 'https://github.com/acme/unstructured-connection-check#readme',
  bugs: { url: 'https://github.com/acme/unstructured-connection-check/issues' }
}

describe('parseRepositoryUrl', () => {
  it.each([
    'git+https://github.com/acme/unstructured-connection-check.git',
    'https://github.com/acme/unstructured-connection-check',
    'https://github.com/acme/unstructured-connection-check.git',
    'https://github.com/acme/unstructured-connection-check/',
    'git://github.com/acme/unstructured-connection-check.git',
    'git+ssh://git@github.com/acme/unstructured-connection-check.git',
    'ssh://git@github.com/acme/unstructured-connection-check.git',
    'git@github.com:acme/unstructured-connection-check.git',
    'github:acme/unstructured-connection-check',
    'acme/unstructured-connection-check'
  ])('reads %s', (url) => {
    expect(parseRepositoryUrl(url)).toEqual(ACME)
  })

  it.each([
    'https://gitlab.com/acme/unstructured-connection-check',
    'https://github.com.evil.example/acme/unstructured-connection-check',
    'https://evil.example/github.com/acme/unstructured-connection-check',
    'https://github.com/acme',
    'https://github.com/acme/repo/tree/main',
    'gitlab:acme/unstructured-connection-check',
    'https://github.com/-acme/repo',
    'https://github.com/acme/.git',
    ''
  ])('refuses %j', (url) => {
    expect(parseRepositoryUrl(url)).toBeUndefined()
  })

  it('reads GITHUB_REPOSITORY, and nothing else, as OWNER/NAME', () => {
    expect(parseRepositorySlug('acme/unstructured-connection-check')).toEqual(ACME)
    expect(parseRepositorySlug('acme/unstructured-connection-check/x')).toBeUndefined()
    expect(parseRepositorySlug('https://github.com/acme/x')).toBeUndefined()
    expect(parseRepositorySlug('acme')).toBeUndefined()
  })
})

describe('checkPackageRepository', () => {
  const kinds = (links: PackageLinks, expected = ACME) =>
    checkPackageRepository(links, expected).map((p) => p.kind)

  it('passes package.json fields naming the repository, in any letter case', () => {
    expect(checkPackageRepository(LINKS, ACME)).toEqual([])
    expect(
      checkPackageRepository(LINKS, { owner: 'ACME', name: 'Unstructured-Connection-Check' })
    ).toEqual([])
    expect(kinds({ repository: 'github:Acme/unstructured-connection-check' })).toEqual([])
    // A homepage elsewhere is the owner's choice; bugs as a plain string is npm's other form.
    expect(
      kinds({ ...LINKS, homepage: 'https://docs.example.com/', bugs: LINKS.homepage })
    ).toEqual([])
  })

  it('refuses a repository that is missing, not on GitHub, or another one', () => {
    expect(kinds({})).toEqual(['no-repository'])
    expect(kinds({ repository: { type: 'git' } })).toEqual(['no-repository'])
    expect(kinds({ repository: 'https://gitlab.com/acme/x' })).toEqual(['not-github'])
    const fork = checkPackageRepository(
      { ...LINKS, repository: 'git+https://github.com/someone/unstructured-connection-check.git' },
      ACME
    )
    expect(fork).toEqual([
      {
        kind: 'mismatch',
        field: 'repository',
        named: 'someone/unstructured-connection-check',
        expected: 'acme/unstructured-connection-check'
      }
    ])
    expect(kinds(LINKS, { owner: 'acme', name: 'other' })).toEqual([
      'mismatch',
      'mismatch',
      'mismatch'
    ])
    expect(kinds({ ...LINKS, bugs: 'https://github.com/acme/old-name/issues' })).toEqual([
      'mismatch'
    ])
  })

  it('refuses the placeholder owner, even where the repository is not known', () => {
    const placeholder = JSON.parse(
      JSON.stringify(LINKS).replaceAll('/acme/', '/OWNER/')
    ) as PackageLinks
    expect(checkPackageRepository(placeholder, undefined).map((p) => p.kind)).toEqual([
      'placeholder',
      'placeholder',
      'placeholder'
    ])
    expect(checkPackageRepository(LINKS, undefined)).toEqual([])
  })

  it("names one repository in this package.json's repository, homepage and bugs", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as PackageLinks
    const url = typeof pkg.repository === 'object' ? (pkg.repository as { url: string }).url : ''
    const named = parseRepositoryUrl(url)
    expect(named?.name).toBe('unstructured-connection-check')
    if (named === undefined) return
    // Until the owner is set, only the placeholder is refused (see RELEASING.md).
    expect(
      checkPackageRepository(pkg, named).filter((problem) => problem.kind !== 'placeholder')
    ).toEqual([])
  })
})

describe('checkOnMain: git merge-base --is-ancestor with origin/main', () => {
  let repo: TempRepo
  const commits: Record<string, string> = {}

  beforeAll(async () => {
    repo = await tempRepo()
    commits.first = await repo.commit('first')
    commits.second = await repo.commit('second')
    // main as a checkout with fetch-depth: 0 has it: a remote-tracking ref.
    await repo.git('update-ref', MAIN_REF, commits.second)
    await repo.git('switch', '--quiet', '--create', 'unreviewed', commits.first)
    commits.offMain = await repo.commit('not merged')
    await repo.git('tag', '--annotate', '-m', 'v1.1.0', 'v1.1.0', commits.offMain)
    await repo.git('tag', 'v1.0.0', commits.first)
    commits.ahead = await repo.commit('later, on main only locally', { 'x.txt': 'x' })
  })
  afterAll(async () => {
    await repo.remove()
  })

  it('accepts a commit on main, by hash or by tag', async () => {
    expect(await checkOnMain(commits.first ?? '', repo.dir)).toEqual({
      ok: true,
      commit: commits.first
    })
    expect(await checkOnMain(commits.second ?? '', repo.dir)).toMatchObject({ ok: true })
    expect(await checkOnMain('v1.0.0', repo.dir)).toEqual({ ok: true, commit: commits.first })
  })

  it('refuses a tag off main, and a commit only a local branch has', async () => {
    expect(await checkOnMain('v1.1.0', repo.dir)).toEqual({
      ok: false,
      problem: { kind: 'not-on-main', commit: commits.offMain }
    })
    expect(await checkOnMain(commits.ahead ?? '', repo.dir)).toMatchObject({
      ok: false,
      problem: { kind: 'not-on-main' }
    })
  })

  it('says what is missing: main not fetched, a commit that is not there, a shallow clone', async () => {
    expect(await checkOnMain('v9.9.9', repo.dir)).toEqual({
      ok: false,
      problem: { kind: 'no-commit', commit: 'v9.9.9' }
    })
    expect(await checkOnMain('--output=x', repo.dir)).toMatchObject({
      problem: { kind: 'no-commit' }
    })
    expect(await checkOnMain(commits.first ?? '', repo.dir, 'refs/remotes/origin/nope')).toEqual({
      ok: false,
      problem: { kind: 'no-main' }
    })
    const shallow = path.join(path.dirname(repo.dir), 'shallow')
    await promisify(execFile)(
      'git',
      ['clone', '--quiet', '--depth', '1', '--branch', 'main', `file://${repo.dir}`, shallow],
      { env: repo.env }
    )
    expect(await checkOnMain('HEAD', shallow)).toEqual({ ok: false, problem: { kind: 'shallow' } })
  })
})

describe('the guard step: scripts/release/guard.ts', () => {
  const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const GUARD = path.join(ROOT, 'scripts', 'release', 'guard.ts')
  // The workflow runs it with Node alone (type stripping); an older Node needs tsx.
  const strips = (process.features as { typescript?: unknown }).typescript !== undefined
  let repo: TempRepo
  let onMain = ''
  let offMain = ''
  const guard = (...args: string[]) =>
    runNode(strips ? [GUARD, ...args] : [TSX_CLI, GUARD, ...args], repo.env, 30_000, {
      cwd: repo.dir
    })

  beforeAll(async () => {
    repo = await tempRepo()
    onMain = await repo.commit('release', {
      'package.json': JSON.stringify({ name: 'unstructured-connection-check', ...LINKS })
    })
    await repo.git('update-ref', MAIN_REF, onMain)
    await repo.git('switch', '--quiet', '--create', 'unreviewed')
    offMain = await repo.commit('not merged')
  })
  afterAll(async () => {
    await repo.remove()
  })

  it('passes the commit of a tag on main, in the repository package.json names', async () => {
    const run = await guard('Acme/Unstructured-Connection-Check', onMain)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${onMain} is on main`)
  })

  it('refuses a tag off main, a mismatched repository, and says both at once', async () => {
    const offMainRun = await guard('acme/unstructured-connection-check', offMain)
    expect(offMainRun.code).toBe(1)
    expect(offMainRun.stdout).toBe('')
    expect(offMainRun.stderr).toContain(`${offMain} is not on main`)

    const fork = await guard('someone/unstructured-connection-check', onMain)
    expect(fork.code).toBe(1)
    expect(fork.stderr).toContain(
      "package.json's repository names acme/unstructured-connection-check, but the release runs in someone/unstructured-connection-check"
    )
    expect(fork.stderr).not.toContain('not on main')

    const both = await guard('someone/unstructured-connection-check', offMain)
    expect(both.code).toBe(1)
    expect(both.stderr.split('\n').filter((line) => line.startsWith('guard: '))).toHaveLength(4)
  })

  it('refuses the placeholder owner, and exits 2 for a usage error', async () => {
    await repo.git('switch', '--quiet', '--detach', onMain)
    const placeholder = await repo.commit('placeholder', {
      'package.json': JSON.stringify(LINKS).replaceAll('/acme/', '/OWNER/')
    })
    await repo.git('update-ref', MAIN_REF, placeholder)
    const run = await guard('acme/unstructured-connection-check', placeholder)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      "package.json's repository still names the placeholder owner OWNER"
    )
    expect((await guard('acme', onMain)).code).toBe(2)
    expect((await guard('acme/unstructured-connection-check')).code).toBe(2)
  })
})
