// `npm run release-plan -- v1.2.3`: prints what a release of that tag would do, or why it would
// be refused (exit 1; exit 2 for a usage error), from package.json, CHANGELOG.md and git of the
// current folder (npm run's is the package's root). The existing tags, which decide whether v1
// moves and whether the release is Latest, come from `git tag --list 'v*'` unless given with
// --existing TAG (repeated; --existing= for none). The repository package.json must name is
// --repository OWNER/NAME, else $GITHUB_REPOSITORY, else the GitHub remote `origin`; with none
// of them, only the placeholder owner is refused. The release workflow's test job runs it too,
// with --github-output: the version, the major tag, the tarball's name and the release notes as
// step outputs, and the plan on stdout without the notes. --notes-file FILE writes the notes.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { promisify } from 'node:util'
import { formatPlan, releasePlan } from './plan.js'
import { parseRepositorySlug, parseRepositoryUrl, type GitHubRepository } from './repository.js'
import { tagLines } from './tag.js'

function usage(message: string): never {
  process.stderr.write(
    `release-plan: ${message}\n` +
      'Usage: npm run release-plan -- vMAJOR.MINOR.PATCH [--existing TAG]... [--repository OWNER/NAME]\n' +
      '         [--notes-file FILE] [--github-output]\n'
  )
  process.exit(2)
}

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'notes-file': { type: 'string' },
      'github-output': { type: 'boolean' },
      repository: { type: 'string' },
      existing: { type: 'string', multiple: true }
    }
  })
}
try {
  parsed = parse()
} catch (error) {
  usage(error instanceof Error ? error.message : String(error))
}
const [tag, ...extra] = parsed.positionals
if (tag === undefined || extra.length > 0) usage('give exactly one tag')

const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
  name: string
  version: string
  repository?: unknown
  homepage?: unknown
  bugs?: unknown
}
async function gitTags(): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('git', ['tag', '--list', 'v*'])
    return tagLines(stdout)
  } catch (error) {
    process.stderr.write(
      `release-plan: cannot list the tags with git (${error instanceof Error ? error.message : String(error)}): give them with --existing\n`
    )
    process.exit(1)
  }
}
async function repository(): Promise<GitHubRepository | undefined> {
  const named = parsed.values.repository ?? process.env.GITHUB_REPOSITORY
  if (named !== undefined && named !== '') {
    return parseRepositorySlug(named) ?? usage(`${JSON.stringify(named)} is not OWNER/NAME`)
  }
  try {
    const { stdout } = await promisify(execFile)('git', ['remote', 'get-url', 'origin'])
    return parseRepositoryUrl(stdout.trim())
  } catch {
    return undefined
  }
}

const given = parsed.values.existing
const result = releasePlan({
  tag,
  packageName: pkg.name,
  packageVersion: pkg.version,
  packageLinks: { repository: pkg.repository, homepage: pkg.homepage, bugs: pkg.bugs },
  repository: await repository(),
  changelog: await readFile('CHANGELOG.md', 'utf8'),
  existingTags: given === undefined ? await gitTags() : given.flatMap(tagLines)
})
if (!result.ok) {
  for (const problem of result.problems) process.stderr.write(`release-plan: ${problem}\n`)
  process.exitCode = 1
} else {
  const { plan } = result
  const githubOutput = parsed.values['github-output'] === true
  process.stdout.write(formatPlan(plan, { notes: !githubOutput }))
  const notesFile = parsed.values['notes-file']
  if (notesFile !== undefined) await writeFile(notesFile, plan.notes)
  if (githubOutput) {
    const output = process.env.GITHUB_OUTPUT
    if (output === undefined || output === '') usage('--github-output needs GITHUB_OUTPUT set')
    const values = {
      version: plan.release.version,
      'major-tag': plan.release.majorTag,
      tarball: plan.tarball
    }
    // The notes span lines: a block with a delimiter that no line of them can be.
    const delimiter = `NOTES_${randomBytes(16).toString('hex')}`
    await appendFile(
      output,
      Object.entries(values)
        .map(([name, value]) => `${name}=${value}\n`)
        .join('') + `notes<<${delimiter}\n${plan.notes}${delimiter}\n`
    )
  }
}
