// The release job's own reading of its tag (release.yml): whether the major tag moves, whether
// the release is marked Latest, and its notes, taken from no other job. Node runs this file
// itself (type stripping, Node 22.18 or later), so that the job, which can write to the
// repository, runs no installed package: hence the .ts imports, of pure modules only.
// Usage: node scripts/release/decide.ts TAG TAGS_FILE NOTES_FILE, TAGS_FILE holding the
// existing tags one a line. Prints move-major= and latest= lines for $GITHUB_OUTPUT and writes
// the notes; exits 1 for a tag or a CHANGELOG it refuses, 2 for a usage error.
import { readFile, writeFile } from 'node:fs/promises'
import process from 'node:process'
import { changelogSection, describeSectionProblem } from './changelog.ts'
import { describeTagProblem, parseReleaseTag, releaseDecision, tagLines } from './tag.ts'

function refuse(message: string, code: number): never {
  process.stderr.write(`decide: ${message}\n`)
  process.exit(code)
}

const [tag, tagsFile, notesFile, ...extra] = process.argv.slice(2)
if (tag === undefined || tagsFile === undefined || notesFile === undefined || extra.length > 0)
  refuse('usage: node scripts/release/decide.ts TAG TAGS_FILE NOTES_FILE', 2)

const parsed = parseReleaseTag(tag)
if (!parsed.ok) refuse(describeTagProblem(parsed.problem), 1)
const release = parsed.value
const changelog = await readFile(new URL('../../CHANGELOG.md', import.meta.url), 'utf8')
const section = changelogSection(changelog, release.version)
if (!section.ok) refuse(describeSectionProblem(section.problem), 1)

const decision = releaseDecision(release, tagLines(await readFile(tagsFile, 'utf8')))
await writeFile(notesFile, section.notes)
process.stdout.write(
  `move-major=${String(decision.moveMajor)}\nlatest=${String(decision.latest)}\n`
)
