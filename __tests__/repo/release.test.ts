import { describe, expect, it } from '@jest/globals'
import { changelogSection } from '../../scripts/release/changelog.js'
import { formatPlan, releasePlan } from '../../scripts/release/plan.js'
import {
  parseReleaseTag,
  releaseDecision,
  tagLines,
  type ReleaseTag
} from '../../scripts/release/tag.js'

// The release workflow's scripts as a dry run: tag arithmetic, the CHANGELOG section, the plan
// (release-cli.test.ts runs the scripts themselves).

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

function release(tag: string): ReleaseTag {
  const parsed = parseReleaseTag(tag)
  if (!parsed.ok) throw new Error(`${tag} is not a release tag`)
  return parsed.value
}

describe('releaseDecision', () => {
  const decide = (tag: string, existing: string[]) => releaseDecision(release(tag), existing)

  it('moves the major tag and takes Latest for the newest release', () => {
    expect(decide('v1.3.0', [])).toEqual({ moveMajor: true, latest: true })
    expect(decide('v1.3.0', ['v1.0.0', 'v1.2.9', 'v1', 'v1.3.0'])).toEqual({
      moveMajor: true,
      latest: true
    })
    expect(decide('v2.0.0', ['v1.9.9', 'v1'])).toEqual({ moveMajor: true, latest: true })
  })

  it('leaves v1 and Latest alone for a backport within the major', () => {
    expect(decide('v1.2.4', ['v1.2.3', 'v1.3.0'])).toEqual({ moveMajor: false, latest: false })
    // Numbers compare as numbers: 1.10.0 is later than 1.9.0.
    expect(decide('v1.9.0', ['v1.10.0'])).toEqual({ moveMajor: false, latest: false })
    expect(decide('v1.2.4', ['v1.2.10'])).toEqual({ moveMajor: false, latest: false })
  })

  it('moves v1 for a 1.x patch after v2, but does not mark it Latest', () => {
    expect(decide('v1.4.1', ['v1.4.0', 'v2.0.0', 'v2'])).toEqual({
      moveMajor: true,
      latest: false
    })
  })

  it('counts only release tags: not prereleases, major tags, v0 or other names', () => {
    expect(
      decide('v1.2.0', [
        'v1.3.0-rc.1',
        'v2.0.0-beta',
        'v1.9.9+build.1',
        'v9',
        'v0.99.0',
        'v1.03.0',
        'release-9.9.9',
        'V3.0.0',
        ''
      ])
    ).toEqual({ moveMajor: true, latest: true })
  })

  it('treats an equal version as not later', () => {
    expect(decide('v1.2.0', ['v1.2.0', 'v1.2.0'])).toEqual({ moveMajor: true, latest: true })
  })
})

describe('tagLines', () => {
  it('reads git tag --list output, with CRLF, blanks and spaces', () => {
    expect(tagLines('v1.0.0\r\n v1.1.0 \n\nv1\n')).toEqual(['v1.0.0', 'v1.1.0', 'v1'])
    expect(tagLines('')).toEqual([])
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
    packageLinks: { repository: 'git+https://github.com/acme/unstructured-connection-check.git' },
    repository: { owner: 'acme', name: 'unstructured-connection-check' },
    changelog: CHANGELOG,
    existingTags: ['v1.0.0']
  }

  it('lists the steps, the tarball and the notes', () => {
    const result = releasePlan(input)
    if (!result.ok) throw new Error(result.problems.join('\n'))
    const { plan } = result
    expect(plan.tarball).toBe('unstructured-connection-check-1.1.0.tgz')
    expect(plan.release.majorTag).toBe('v1')
    const text = formatPlan(plan)
    expect(text).toContain('a dry run')
    expect(plan.steps[0]).toBe(
      "Check that the tag's commit is on main (git merge-base --is-ancestor with " +
        "refs/remotes/origin/main) and that package.json's repository is acme/unstructured-connection-check"
    )
    expect(text).toContain('the environment release')
    expect(text).toContain('Move the tag v1 to the commit of v1.1.0')
    expect(text).toContain('immutable')
    expect(text).toContain('  - A bug.')
    expect(text).not.toContain('Something new')
  })

  it('says a backport leaves the major tag and Latest where they are', () => {
    const result = releasePlan({ ...input, existingTags: ['v1.0.0', 'v1.2.0', 'v2.0.0'] })
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(result.plan.decision).toEqual({ moveMajor: false, latest: false })
    const text = formatPlan(result.plan)
    expect(text).toContain('Leave the tag v1 where it is: a later 1.x release exists')
    expect(text).toContain('not as Latest')
    expect(text).not.toContain('Move the tag')
  })

  it('can leave the notes out, where a line could be read as a workflow command', () => {
    const hostile = CHANGELOG.replace('- A bug.', '::error::fake\n##[group]fake')
    const result = releasePlan({ ...input, changelog: hostile })
    if (!result.ok) throw new Error(result.problems.join('\n'))
    expect(formatPlan(result.plan)).toContain('::error::fake')
    const quiet = formatPlan(result.plan, { notes: false })
    expect(quiet).not.toContain('fake')
    expect(quiet).toContain('4 line(s), not printed here')
    expect(quiet.split('\n').some((line) => /^\s*(::|##\[)/.test(line))).toBe(false)
  })

  it('says every reason to refuse at once', () => {
    const result = releasePlan({ ...input, tag: 'v1.2.0' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(2)
    expect(result.problems[0]).toContain('package.json says version 1.1.0')
    expect(result.problems[1]).toContain('no "## [1.2.0]" section')
  })

  it('refuses a package.json naming another repository, or the placeholder owner', () => {
    const fork = releasePlan({ ...input, repository: { owner: 'someone', name: 'fork' } })
    expect(fork).toEqual({
      ok: false,
      problems: [
        "package.json's repository names acme/unstructured-connection-check, but the release runs in someone/fork: npm would refuse its provenance"
      ]
    })
    const placeholder = releasePlan({
      ...input,
      packageLinks: { repository: 'github:OWNER/unstructured-connection-check' },
      repository: undefined
    })
    expect(placeholder.ok ? [] : placeholder.problems).toEqual([
      expect.stringContaining('still names the placeholder owner OWNER')
    ])
    const unknown = releasePlan({ ...input, repository: undefined })
    expect(unknown.ok && unknown.plan.steps[0]).toContain('not known here: give --repository')
  })

  it('refuses a prerelease before reading anything else', () => {
    expect(releasePlan({ ...input, tag: 'v1.1.0-rc.1' })).toEqual({
      ok: false,
      problems: [expect.stringContaining('prerelease')]
    })
  })
})
