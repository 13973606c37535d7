// A throw-away git repository for the release tests: commits, branches, tags and a fetched
// origin/main, with no user or system git configuration (no signing, no hooks, no name).
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

/** An environment for git and for the scripts that run it: nothing of this machine's setup. */
export function gitEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, 'no-gitconfig'),
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release-test@example.invalid',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release-test@example.invalid'
  }
}

export interface TempRepo {
  dir: string
  env: Record<string, string>
  /** Runs git in the repository; its stdout, trimmed. */
  git(...args: string[]): Promise<string>
  /** Writes the files, commits them (or an empty commit) and gives the commit's hash. */
  commit(message: string, files?: Record<string, string>): Promise<string>
  remove(): Promise<void>
}

export async function tempRepo(): Promise<TempRepo> {
  const root = await mkdtemp(path.join(tmpdir(), 'conncheck-git-'))
  const dir = path.join(root, 'repo')
  const env = gitEnv(root)
  const run = async (cwd: string, args: string[]) =>
    (await promisify(execFile)('git', args, { cwd, env })).stdout.trim()
  await run(root, ['init', '--quiet', '--initial-branch=main', dir])
  const git = (...args: string[]) => run(dir, args)
  return {
    dir,
    env,
    git,
    async commit(message, files = {}) {
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text)
      await git('add', '--all')
      await git('commit', '--quiet', '--allow-empty', '-m', message)
      return git('rev-parse', 'HEAD')
    },
    remove: () => rm(root, { recursive: true, force: true })
  }
}
