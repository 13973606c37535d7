// The release notes of one version: its section of CHANGELOG.md (Keep a Changelog's layout,
// `## [1.2.3]` or `## [1.2.3] - 2026-01-31`), without the heading. Pure.

export type SectionResult =
  | { ok: true; notes: string }
  | { ok: false; problem: { kind: 'missing' | 'empty'; version: string } }

const HEADING = /^## \[([^\]]+)\]/
// The link definitions at the end of the file belong to no section.
const LINK_DEFINITION = /^\[[^\]]+\]:\s/

export function changelogSection(changelog: string, version: string): SectionResult {
  const lines = changelog.split(/\r?\n/)
  const start = lines.findIndex((line) => HEADING.exec(line)?.[1] === version)
  if (start < 0) return { ok: false, problem: { kind: 'missing', version } }
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => HEADING.test(line) || LINK_DEFINITION.test(line))
  const notes = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim()
  if (notes === '') return { ok: false, problem: { kind: 'empty', version } }
  return { ok: true, notes: `${notes}\n` }
}

export function describeSectionProblem(problem: { kind: 'missing' | 'empty'; version: string }) {
  return problem.kind === 'missing'
    ? `CHANGELOG.md has no "## [${problem.version}]" section: rename [Unreleased] to it first`
    : `CHANGELOG.md's [${problem.version}] section is empty: say what the release changes`
}
