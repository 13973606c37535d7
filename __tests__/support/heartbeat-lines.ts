import { expect } from '@jest/globals'

// The heartbeat's lines in a front end's output, for the tests of each front end.

export interface Beat {
  line: string
  index: number
  /** Seconds left before the deadline, as the line says them. */
  leftS: number
}

const BEAT =
  /^Still waiting on (?:the connection check|all \d+ connectors|\d+ of \d+ connectors \([^)]*so far\)); (?:(?:(\d+) h ?)?(?:(\d+) min ?)?(?:(\d+) s)? left before the deadline|the deadline) \((?:--)?timeout-seconds [\d.]+\)(?: has passed)?\.$/

/** Every heartbeat line of `text`, checked against the one wording, with where it is. */
export function beats(text: string): Beat[] {
  const lines = text.split('\n')
  const found: Beat[] = []
  lines.forEach((line, index) => {
    if (!line.startsWith('Still waiting')) return
    const match = BEAT.exec(line)
    expect(match).not.toBeNull()
    const [, h, min, s] = match ?? []
    found.push({
      line,
      index,
      leftS: Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)
    })
  })
  return found
}

/** Index of the first line of `text` that matches `pattern`. */
export function lineIndex(text: string, pattern: RegExp): number {
  return text.split('\n').findIndex((line) => pattern.test(line))
}

/**
 * Consecutive heartbeats with nothing printed between them are at least 20 s apart on the step's
 * clock, which their time left shows (to the second it is rounded to).
 */
export function expectSpaced(found: readonly Beat[]): void {
  for (let i = 1; i < found.length; i += 1) {
    const [before, after] = [found[i - 1], found[i]]
    if (before === undefined || after === undefined || after.index !== before.index + 1) continue
    expect(before.leftS - after.leftS).toBeGreaterThanOrEqual(19)
  }
}
