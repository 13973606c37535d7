/** How long a slow reader of a pipe may take to read what is left once the verdict is written. */
const FLUSH_LIMIT_MS = 10_000

/**
 * Exits with `code` once stdout and stderr have handed over everything written so far:
 * process.exit() drops what a pipe's reader has not taken yet. Then exits all the same, since a
 * socket left open (behind a proxy, say) must not keep the process alive after the verdict, and
 * a reader that stopped reading gets a bounded wait, not the rest of time.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  process.exitCode = code
  const limit = new Promise<void>((resolve) => setTimeout(resolve, FLUSH_LIMIT_MS).unref())
  await Promise.race([Promise.all([flushed(process.stdout), flushed(process.stderr)]), limit])
  process.exit(code)
}

/** Resolves once everything written to the stream so far has left the process (or failed to). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    // Writes complete in order, so an empty one completes after all that came before it.
    stream.write('', () => {
      resolve()
    })
  })
}
