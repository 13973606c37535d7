// The release's first step, in the job that tests and in the job that writes (release.yml),
// before anything is created: the tag's commit is on main, and package.json's repository is
// the repository the workflow runs in (else npm refuses the provenance publish after the
// immutable release exists, and the version is burned). Node runs this file itself (type
// stripping), so that the job that writes runs no installed package.
// Usage: node scripts/release/guard.ts OWNER/NAME COMMIT, in the repository's checkout, with
// main fetched (fetch-depth: 0). Says every problem at once; exits 1 on any, 2 for a usage error.
import { readFile } from 'node:fs/promises'
import process from 'node:process'
import { checkOnMain, describeAncestryProblem, MAIN_REF } from './ancestry.ts'
import {
  checkPackageRepository,
  describeRepositoryProblem,
  parseRepositorySlug,
  slug
} from './repository.ts'

function usage(message: string): never {
  process.stderr.write(
    `guard: ${message}\nUsage: node scripts/release/guard.ts OWNER/NAME COMMIT\n`
  )
  process.exit(2)
}

const [repositoryArg, commit, ...extra] = process.argv.slice(2)
if (repositoryArg === undefined || commit === undefined || commit === '' || extra.length > 0)
  usage('give the repository and the commit')
const repository = parseRepositorySlug(repositoryArg)
if (repository === undefined) usage(`${JSON.stringify(repositoryArg)} is not OWNER/NAME`)

const cwd = process.cwd()
const problems: string[] = []
const onMain = await checkOnMain(commit, cwd)
if (!onMain.ok) problems.push(describeAncestryProblem(onMain.problem))
let links: unknown
try {
  links = JSON.parse(await readFile('package.json', 'utf8'))
} catch (error) {
  problems.push(
    `cannot read package.json: ${error instanceof Error ? error.message : String(error)}`
  )
}
if (typeof links === 'object' && links !== null) {
  problems.push(...checkPackageRepository(links, repository).map(describeRepositoryProblem))
} else if (links !== undefined) problems.push('package.json is not a JSON object')

if (problems.length > 0) {
  for (const problem of problems) process.stderr.write(`guard: ${problem}\n`)
  process.exit(1)
}
process.stdout.write(
  `${onMain.ok ? onMain.commit : commit} is on main (${MAIN_REF}), and package.json names ${slug(repository)}.\n`
)
