import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { changelogSection } from '../scripts/release/changelog.js'
import { formatPlan, releasePlan } from '../scripts/release/plan.js'
import { parseReleaseTag } from '../scripts/release/tag.js'
import { parseOutputs, runNode } from './support/runner.js'

// The release workflow's scripts as a dry run: tag arithmetic, the CHANGELOG section, the plan.

const ROOT = fileURLToPath(new URL('..', import.meta.url))

describe('parseReleaseTag', () => {
  it('reads v1.2.3 and names its major tag', () => {
    expect(parseReleaseTag('v1.2.3')).toEqual({
      ok: true,
      value: { tag: 'v1.2.3', version: '1.2.3', major: 1, minor: 2, patch: 3, majorTag: 'v1' }
    })
    const big = parseReleaseTag('v12.0.10')
    expect(big.ok && big.value.majorTag).toBe('v12')
  })

  it.each([
    ['v1.2.3-rc.1', 'prerelease'],
    ['v1.2.3-beta', 'prerelease'],
    ['v1.2.3+build.5', 'prerelease'],
    ['v1.2', 'not-a-release-tag'],
    ['1.2.3', 'not-a-release-tag'],
    ['v1', 'not-a-release-tag'],
    ['V1.2.3', 'not-a-release-tag'],
    ['v1.2.3.4', 'not-a-release-tag'],
    ['v1.2.x', 'not-a-release-tag'],
    ['release-1.2.3', 'not-a-release-tag'],
    [' v1.2.3', 'not-a-release-tag'],
    ['v1.02.3', 'leading-zero'],
    ['v01.2.3', 'leading-zero'],
    ['v0.9.0', 'major-zero']
  ])('refuses %j (%s)', (tag, kind) => {
    const result = parseReleaseTag(tag)
    expect(result.ok ? undefined : result.problem.kind).toBe(kind)
  })
})

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- Something new.

## [1.1.0] - 2026-03-01

### Fixed

- A bug.

## [1.0.0]

- First.

## [0.9.0]

[Unreleased]: ../../compare/v1.1.0...HEAD
[1.1.0]: ../../releases/tag/v1.1.0
`

describe('changelogSection', () => {
  it("takes a version's section without its heading, up to the next one", () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toEqual({
      ok: true,
      notes: '### Fixed\n\n- A bug.\n'
    })
    expect(changelogSection(CHANGELOG, '1.0.0')).toEqual({ ok: true, notes: '- First.\n' })
  })

  it('stops at the link definitions, and reports a missing or empty section', () => {
    expect(changelogSection(CHANGELOG, '0.9.0')).toEqual({
      ok: false,
      problem: { kind: 'empty', version: '0.9.0' }
    })
    expect(changelogSection(CHANGELOG, '1.2.0')).toEqual({
      ok: false,
      problem: { kind: 'missing', version: '1.2.0' }
    })
    // A version is matched whole, not as a prefix.
    expect(changelogSection(CHANGELOG, '1.1').ok).toBe(false)
  })

  it('reads CRLF line ends', () => {
    expect(changelogSection(CHANGELOG.replace(/\n/g, '\r\n'), '1.0.0')).toEqual({
      ok: true,
      notes: '- First.\n'
    })
  })
})

describe('releasePlan', () => {
  const input = {
    tag: 'v1.1.0',
    packageName: 'unstructured-connection-check',
    packageVersion: '1.1.0',
    changelog: CHANGELOG
  }

  it('lists the steps, the tarball and the notes', () => {
    const result = releasePlan(input)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const { plan } = result
    expect(plan.tarball).toBe('unstructured-connection-check-1.1.0.tgz')
    expect(plan.release.majorTag).toBe('v1')
    const text = formatPlan(plan)
    expect(text).toContain('a dry run')
    expect(text).toContain('Move the tag v1 to the commit of v1.1.0')
    expect(text).toContain('immutable')
    expect(text).toContain('  - A bug.')
    expect(text).not.toContain('Something new')
  })

  it('says every reason to refuse at once', () => {
    const result = releasePlan({ ...input, tag: 'v1.2.0' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(2)
    expect(result.problems[0]).toContain('package.json says version 1.1.0')
    expect(result.problems[1]).toContain('no "## [1.2.0]" section')
  })

  it('refuses a prerelease before reading anything else', () => {
    expect(releasePlan({ ...input, tag: 'v1.1.0-rc.1' })).toEqual({
      ok: false,
      problems: [expect.stringContaining('prerelease')]
    })
  })
})

describe('npm run release-plan', () => {
  const TSX_CLI = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const CLI = path.join(ROOT, 'scripts', 'release', 'cli.ts')
  const env = { PATH: process.env.PATH ?? '' }

  it("prints this repository's plan, and writes the notes and outputs for the workflow", async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-release-'))
    try {
      const outputFile = path.join(dir, 'output')
      await writeFile(outputFile, '')
      const notesFile = path.join(dir, 'notes.md')
      const run = await runNode(
        [TSX_CLI, CLI, `v${version}`, '--notes-file', notesFile, '--github-output'],
        { ...env, GITHUB_OUTPUT: outputFile },
        30_000
      )
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Release plan for v${version}`)
      const notes = await readFile(notesFile, 'utf8')
      expect(notes.length).toBeGreaterThan(0)
      expect(run.stdout).toContain(notes.split('\n')[0])
      expect(parseOutputs(await readFile(outputFile, 'utf8'))).toEqual({
        version,
        'major-tag': `v${version.split('.')[0] ?? ''}`,
        tarball: `unstructured-connection-check-${version}.tgz`,
        // The output parser drops the last line end, as a runner does.
        notes: notes.replace(/\n$/, '')
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('exits 1 for a tag it will not release, and 2 without one', async () => {
    const refused = await runNode([TSX_CLI, CLI, 'v1.2.3-rc.1'], env, 30_000)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('prerelease')
    expect(refused.stdout).toBe('')
    const usage = await runNode([TSX_CLI, CLI], env, 30_000)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: npm run release-plan')
  })
})
