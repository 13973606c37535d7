// Release tags: which tags a release is cut from, and the major tag that follows each release.
// Pure: no git, no files.

export interface ReleaseTag {
  /** The tag as pushed: v1.2.3. */
  tag: string
  /** Without the v: 1.2.3. */
  version: string
  major: number
  minor: number
  patch: number
  /** The moving tag of the major version: v1. */
  majorTag: string
}

export type TagProblem =
  | { kind: 'not-a-release-tag'; tag: string }
  | { kind: 'prerelease'; tag: string }
  | { kind: 'leading-zero'; tag: string }
  | { kind: 'major-zero'; tag: string }

export type TagResult = { ok: true; value: ReleaseTag } | { ok: false; problem: TagProblem }

// Semantic versioning's numbers: no leading zeros, which the leading-zero check reports alone.
const RELEASE = /^v(\d+)\.(\d+)\.(\d+)$/
const PRERELEASE = /^v\d+\.\d+\.\d+[-+]/

/** Reads a pushed tag: only v<major>.<minor>.<patch>, with a major of 1 or more, is a release. */
export function parseReleaseTag(tag: string): TagResult {
  if (PRERELEASE.test(tag)) return { ok: false, problem: { kind: 'prerelease', tag } }
  const match = RELEASE.exec(tag)
  if (match === null) return { ok: false, problem: { kind: 'not-a-release-tag', tag } }
  const parts = match.slice(1, 4)
  if (parts.some((part) => part.length > 1 && part.startsWith('0')))
    return { ok: false, problem: { kind: 'leading-zero', tag } }
  const [major, minor, patch] = parts.map(Number) as [number, number, number]
  // v0 has no stable major tag to move: a 0.x release is not cut by this workflow.
  if (major === 0) return { ok: false, problem: { kind: 'major-zero', tag } }
  return {
    ok: true,
    value: {
      tag,
      version: `${major}.${minor}.${patch}`,
      major,
      minor,
      patch,
      majorTag: `v${major}`
    }
  }
}

/** One line per problem, said once here. */
export function describeTagProblem(problem: TagProblem): string {
  const shown = JSON.stringify(problem.tag)
  switch (problem.kind) {
    case 'not-a-release-tag':
      return `${shown} is not a release tag: releases are tagged v<major>.<minor>.<patch>, such as v1.2.3`
    case 'prerelease':
      return `${shown} is a prerelease or carries build metadata: only v<major>.<minor>.<patch> is released`
    case 'leading-zero':
      return `${shown} has a number with a leading zero, which semantic versioning does not allow`
    case 'major-zero':
      return `${shown} is a 0.x version: releases start at v1.0.0, so that @v1 means something`
  }
}

/** What a release does to the moving tags, given the tags that already exist. */
export interface ReleaseDecision {
  /** Move the major tag (v1) to this release: no later release of the same major exists. */
  moveMajor: boolean
  /** Mark the GitHub release Latest: no later release of any major exists. */
  latest: boolean
}

function compare(a: ReleaseTag, b: ReleaseTag): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

/**
 * A backport (v1.2.4 after v1.3.0, or a 1.x after v2.0.0) must not pull v1 back nor take
 * Latest from the newer release. Only release tags count: prereleases, the major tags
 * themselves and anything else are ignored, and an equal version (this tag) is not later.
 */
export function releaseDecision(
  release: ReleaseTag,
  existingTags: readonly string[]
): ReleaseDecision {
  const later = existingTags
    .map(parseReleaseTag)
    .flatMap((parsed) => (parsed.ok ? [parsed.value] : []))
    .filter((other) => compare(other, release) > 0)
  return {
    moveMajor: !later.some((other) => other.major === release.major),
    latest: later.length === 0
  }
}

/** Tags one a line, as `git tag --list` prints them; blank lines and spaces are dropped. */
export function tagLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}
