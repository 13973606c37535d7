// Which GitHub repository package.json names, and whether it is the one that builds the
// release: npm refuses a provenance publish whose repository.url names another repository, and
// by then the immutable GitHub release of the tag exists. Pure: the caller reads the files.

export interface GitHubRepository {
  owner: string
  name: string
}

/** The owner the docs and package.json use until a repository sets its own. */
export const PLACEHOLDER_OWNER = 'OWNER'

// GitHub's rules: an account is letters, digits and single hyphens (39 at most); a repository
// name is letters, digits, '.', '-' and '_'.
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})'
const NAME = '[A-Za-z0-9._-]+'
const SLUG = new RegExp(`^(${OWNER})/(${NAME})$`)
/** The forms npm accepts for a GitHub repository, and that `npm pkg fix` writes. */
const REPOSITORY_URLS = [
  new RegExp(`^(?:github:)?(${OWNER})/(${NAME})$`),
  new RegExp(`^(?:git\\+)?(?:https?|git|ssh)://(?:git@)?github\\.com/(${OWNER})/(${NAME})/?$`),
  new RegExp(`^git\\+ssh://git@github\\.com[:/](${OWNER})/(${NAME})$`),
  new RegExp(`^git@github\\.com:(${OWNER})/(${NAME})$`)
]
/** A web page of a repository: its front page, `#readme`, or a path under it (`/issues`). */
const PAGE = new RegExp(`^https://github\\.com/(${OWNER})/(${NAME})(?:[/#?].*)?$`)

function named(owner: string | undefined, name: string | undefined) {
  if (owner === undefined || name === undefined) return undefined
  const bare = name.replace(/\.git$/, '')
  // '.' and '..' are not repositories, and a name ending in .git is its clone URL's.
  if (bare === '' || bare === '.' || bare === '..') return undefined
  return { owner, name: bare }
}

/** `owner/name`, as `GITHUB_REPOSITORY` gives it. */
export function parseRepositorySlug(text: string): GitHubRepository | undefined {
  const match = SLUG.exec(text)
  return named(match?.[1], match?.[2])
}

/** A repository field's URL (or shorthand), when it names a repository on GitHub. */
export function parseRepositoryUrl(url: string): GitHubRepository | undefined {
  for (const form of REPOSITORY_URLS) {
    const match = form.exec(url.trim())
    if (match !== null) return named(match[1], match[2])
  }
  return undefined
}

/** GitHub compares owners and names without regard to case. */
export function sameRepository(a: GitHubRepository, b: GitHubRepository): boolean {
  return (
    a.owner.toLowerCase() === b.owner.toLowerCase() && a.name.toLowerCase() === b.name.toLowerCase()
  )
}

export const slug = (repository: GitHubRepository): string =>
  `${repository.owner}/${repository.name}`

/** package.json's fields that say where the package comes from, as read (any JSON). */
export interface PackageLinks {
  repository?: unknown
  homepage?: unknown
  bugs?: unknown
}

export type RepositoryProblem =
  | { kind: 'no-repository' }
  | { kind: 'not-github'; field: 'repository'; value: string }
  | { kind: 'placeholder'; field: keyof PackageLinks }
  | { kind: 'mismatch'; field: keyof PackageLinks; named: string; expected: string }

/** A string, or the `url` of an object (`{ "type": "git", "url": ... }`). */
function urlOf(field: unknown): string | undefined {
  if (typeof field === 'string') return field
  if (typeof field === 'object' && field !== null && 'url' in field) {
    const url: unknown = field.url
    if (typeof url === 'string') return url
  }
  return undefined
}

/**
 * package.json's repository must name `expected` (the repository the workflow runs in;
 * undefined when it is not known, as in a dry run without a remote), and homepage and bugs,
 * where they are pages on GitHub, the same. The placeholder owner is refused even when
 * `expected` is unknown: it is never a repository anyone releases from.
 */
export function checkPackageRepository(
  links: PackageLinks,
  expected: GitHubRepository | undefined
): RepositoryProblem[] {
  const problems: RepositoryProblem[] = []
  const check = (field: keyof PackageLinks, found: GitHubRepository | undefined) => {
    if (found === undefined) return
    // Exactly as written: an account named "owner" in lower case would be a real one.
    if (found.owner === PLACEHOLDER_OWNER) problems.push({ kind: 'placeholder', field })
    else if (expected !== undefined && !sameRepository(found, expected))
      problems.push({ kind: 'mismatch', field, named: slug(found), expected: slug(expected) })
  }
  const url = urlOf(links.repository)
  if (url === undefined || url.trim() === '') problems.push({ kind: 'no-repository' })
  else {
    const found = parseRepositoryUrl(url)
    if (found === undefined) problems.push({ kind: 'not-github', field: 'repository', value: url })
    check('repository', found)
  }
  for (const field of ['homepage', 'bugs'] as const) {
    const page = PAGE.exec(urlOf(links[field]) ?? '')
    check(field, page === null ? undefined : named(page[1], page[2]))
  }
  return problems
}

/** One line per problem, said once here. */
export function describeRepositoryProblem(problem: RepositoryProblem): string {
  switch (problem.kind) {
    case 'no-repository':
      return 'package.json has no repository: npm refuses a provenance publish without one naming this repository'
    case 'not-github':
      return `package.json's repository ${JSON.stringify(problem.value)} is not a GitHub repository URL such as git+https://github.com/OWNER/NAME.git`
    case 'placeholder':
      return `package.json's ${problem.field} still names the placeholder owner ${PLACEHOLDER_OWNER}: set repository, homepage and bugs to this repository (see RELEASING.md)`
    case 'mismatch':
      return `package.json's ${problem.field} names ${problem.named}, but the release runs in ${problem.expected}: npm would refuse its provenance`
  }
}
