// Whether a commit is on main: `git merge-base --is-ancestor COMMIT origin/main`. A release is
// a tag on main (RELEASING.md); a tag on any other commit would release, attest and move v1 to
// code nobody merged. Node's own modules only: the release job runs it with no installed package.
import { execFile } from 'node:child_process'

/** Where main is once the checkout fetched every branch (fetch-depth: 0). */
export const MAIN_REF = 'refs/remotes/origin/main'

export type AncestryProblem =
  | { kind: 'not-on-main'; commit: string }
  | { kind: 'no-main' }
  | { kind: 'shallow' }
  | { kind: 'no-commit'; commit: string }
  | { kind: 'git'; message: string }

export type AncestryResult = { ok: true; commit: string } | { ok: false; problem: AncestryProblem }

interface GitRun {
  code: number
  stdout: string
  stderr: string
}

function git(args: string[], cwd: string): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
      resolve({ code, stdout, stderr: stderr || (error?.message ?? '') })
    })
  })
}

/** The full hash of a commit, or undefined when `ref` names none. */
async function commitOf(ref: string, cwd: string): Promise<string | undefined> {
  const run = await git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    cwd
  )
  return run.code === 0 ? run.stdout.trim() : undefined
}

/** Whether `commit` is `main` or one of its ancestors, in the repository at `cwd`. */
export async function checkOnMain(
  commit: string,
  cwd: string,
  main: string = MAIN_REF
): Promise<AncestryResult> {
  // In a shallow clone an ancestor can look like none: say so, rather than "not on main".
  const shallow = await git(['rev-parse', '--is-shallow-repository'], cwd)
  if (shallow.code !== 0)
    return { ok: false, problem: { kind: 'git', message: shallow.stderr.trim() } }
  if (shallow.stdout.trim() === 'true') return { ok: false, problem: { kind: 'shallow' } }
  const mainCommit = await commitOf(main, cwd)
  if (mainCommit === undefined) return { ok: false, problem: { kind: 'no-main' } }
  const full = await commitOf(commit, cwd)
  if (full === undefined) return { ok: false, problem: { kind: 'no-commit', commit } }
  const run = await git(['merge-base', '--is-ancestor', full, mainCommit], cwd)
  if (run.code === 0) return { ok: true, commit: full }
  // 1 is git's "not an ancestor"; anything else is git failing (a shallow history, say).
  if (run.code === 1) return { ok: false, problem: { kind: 'not-on-main', commit: full } }
  return { ok: false, problem: { kind: 'git', message: run.stderr.trim() } }
}

export function describeAncestryProblem(problem: AncestryProblem): string {
  switch (problem.kind) {
    case 'not-on-main':
      return `the tag's commit ${problem.commit} is not on main: a release is a tag on a commit merged to main`
    case 'no-main':
      return `${MAIN_REF} is not there: check out with fetch-depth: 0, so that main is fetched`
    case 'shallow':
      return 'the clone is shallow, so the history cannot show the commit on main: check out with fetch-depth: 0'
    case 'no-commit':
      return `${JSON.stringify(problem.commit)} is not a commit of this repository`
    case 'git':
      return `git merge-base --is-ancestor failed: ${problem.message}`
  }
}
