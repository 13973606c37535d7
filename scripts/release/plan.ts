// What a release of one tag does, step by step: the dry run `npm run release-plan -- v1.2.3`
// prints, and the values the release workflow takes from it. Pure: the caller reads the files.
import { MAIN_REF } from './ancestry.js'
import { changelogSection, describeSectionProblem } from './changelog.js'
import {
  checkPackageRepository,
  describeRepositoryProblem,
  slug,
  type GitHubRepository,
  type PackageLinks
} from './repository.js'
import {
  describeTagProblem,
  parseReleaseTag,
  releaseDecision,
  type ReleaseDecision,
  type ReleaseTag
} from './tag.js'

export interface ReleaseInput {
  tag: string
  /** package.json's name and version. */
  packageName: string
  packageVersion: string
  /** package.json's repository, homepage and bugs. */
  packageLinks: PackageLinks
  /** The repository the release runs in; undefined when not known (no remote). */
  repository: GitHubRepository | undefined
  changelog: string
  /** The tags that exist already (`git tag --list 'v*'`): they decide v1 and Latest. */
  existingTags: readonly string[]
}

export interface ReleasePlan {
  release: ReleaseTag
  decision: ReleaseDecision
  /** The tarball `npm pack` writes. */
  tarball: string
  notes: string
  steps: string[]
}

export type PlanResult = { ok: true; plan: ReleasePlan } | { ok: false; problems: string[] }

/**
 * The subjects of the build provenance attestation, besides the tarball: each bundle's entry and
 * the chunks it loads when first needed.
 */
export const BUNDLES = ['dist/*.js', 'dist/cli/*.js'] as const

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
  problems.push(
    ...checkPackageRepository(input.packageLinks, input.repository).map(describeRepositoryProblem)
  )
  if (!section.ok || problems.length > 0) return { ok: false, problems }

  // npm pack names a scoped package's tarball without the @ and with - for /.
  const tarball = `${input.packageName.replace(/^@/, '').replace('/', '-')}-${release.version}.tgz`
  const decision = releaseDecision(release, input.existingTags)
  const named =
    input.repository === undefined
      ? "package.json's repository is the one the workflow runs in (not known here: give --repository)"
      : `package.json's repository is ${slug(input.repository)}`
  const steps = [
    `Check that the tag's commit is on main (git merge-base --is-ancestor with ${MAIN_REF}) and that ${named}`,
    'Test: npm ci && npm test',
    'Check that dist/ is the bundle of src/: npm run check-dist',
    'Wait for the approval of the environment release (its reviewers, set in the repository settings), then check the commit and package.json again',
    `Pack the package: npm pack --ignore-scripts (${tarball})`,
    `Attest build provenance of ${BUNDLES.join(', ')} and ${tarball} (actions/attest)`,
    `Create the GitHub release ${release.tag} as a draft, with the notes below and ${tarball} attached`,
    decision.latest
      ? `Publish it as Latest, which makes it immutable (the tag ${release.tag} and its assets never change)`
      : `Publish it, not as Latest since a later release exists, which makes it immutable (the tag ${release.tag} and its assets never change)`,
    decision.moveMajor
      ? `Move the tag ${release.majorTag} to the commit of ${release.tag} (forced)`
      : `Leave the tag ${release.majorTag} where it is: a later ${release.major}.x release exists`,
    `Publish the attested ${tarball} to npm (npm publish --ignore-scripts), only if the repository variable NPM_PUBLISH is true (off by default)`
  ]
  return { ok: true, plan: { release, decision, tarball, notes: section.notes, steps } }
}

/**
 * The plan as the dry run prints it. Without the notes where stdout is a workflow log: a
 * CHANGELOG line starting with :: or ##[ would be read as a workflow command there.
 */
export function formatPlan(plan: ReleasePlan, options: { notes: boolean } = { notes: true }) {
  const notes = plan.notes.trimEnd().split('\n')
  return [
    `Release plan for ${plan.release.tag} (a dry run: nothing is changed)`,
    '',
    ...plan.steps.map((step, i) => `  ${i + 1}. ${step}`),
    '',
    ...(options.notes
      ? [
          `Release notes (CHANGELOG.md, [${plan.release.version}]):`,
          '',
          ...notes.map((line) => (line === '' ? '' : `  ${line}`))
        ]
      : [
          `Release notes (CHANGELOG.md, [${plan.release.version}]): ${notes.length} line(s), not printed here`
        ]),
    ''
  ].join('\n')
}
