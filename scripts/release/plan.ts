// What a release of one tag does, step by step: the dry run `npm run release-plan -- v1.2.3`
// prints, and the values the release workflow takes from it. Pure: the caller reads the files.
import { changelogSection, describeSectionProblem } from './changelog.js'
import { describeTagProblem, parseReleaseTag, type ReleaseTag } from './tag.js'

export interface ReleaseInput {
  tag: string
  /** package.json's name and version. */
  packageName: string
  packageVersion: string
  changelog: string
}

export interface ReleasePlan {
  release: ReleaseTag
  /** The tarball `npm pack` writes. */
  tarball: string
  notes: string
  steps: string[]
}

export type PlanResult = { ok: true; plan: ReleasePlan } | { ok: false; problems: string[] }

/** The subjects of the build provenance attestation, besides the tarball. */
export const BUNDLES = ['dist/index.js', 'dist/cli/index.js'] as const

export function releasePlan(input: ReleaseInput): PlanResult {
  const parsed = parseReleaseTag(input.tag)
  if (!parsed.ok) return { ok: false, problems: [describeTagProblem(parsed.problem)] }
  const release = parsed.value
  const problems: string[] = []
  if (input.packageVersion !== release.version) {
    problems.push(
      `package.json says version ${input.packageVersion}, the tag ${release.tag}: ` +
        `run npm version ${release.version} --no-git-tag-version and commit it first`
    )
  }
  const section = changelogSection(input.changelog, release.version)
  if (!section.ok) problems.push(describeSectionProblem(section.problem))
  if (!section.ok || problems.length > 0) return { ok: false, problems }

  // npm pack names a scoped package's tarball without the @ and with - for /.
  const tarball = `${input.packageName.replace(/^@/, '').replace('/', '-')}-${release.version}.tgz`
  const steps = [
    'Test: npm ci && npm test',
    'Check that dist/ is the bundle of src/: npm run check-dist',
    `Pack the package: npm pack (${tarball})`,
    `Attest build provenance of ${BUNDLES.join(', ')} and ${tarball} (actions/attest)`,
    `Create the GitHub release ${release.tag} as a draft, with the notes below and ${tarball} attached`,
    `Publish it, which makes it immutable (the tag ${release.tag} and its assets never change)`,
    `Move the tag ${release.majorTag} to the commit of ${release.tag} (forced)`,
    'Publish to npm, only if the repository variable NPM_PUBLISH is true (off by default)'
  ]
  return { ok: true, plan: { release, tarball, notes: section.notes, steps } }
}

/** The plan as the dry run prints it. */
export function formatPlan(plan: ReleasePlan): string {
  const notes = plan.notes.trimEnd().split('\n')
  return [
    `Release plan for ${plan.release.tag} (a dry run: nothing is changed)`,
    '',
    ...plan.steps.map((step, i) => `  ${i + 1}. ${step}`),
    '',
    `Release notes (CHANGELOG.md, [${plan.release.version}]):`,
    '',
    ...notes.map((line) => (line === '' ? '' : `  ${line}`)),
    ''
  ].join('\n')
}
