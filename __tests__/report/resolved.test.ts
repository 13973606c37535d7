import { describe, expect, it } from '@jest/globals'
import type { NamesResolved } from '../../src/engine/contract.js'
import { resolvedLines } from '../../src/report/resolved.js'

// What the name inputs matched, as the log and the terminal print it.

type Line = NamesResolved['lines'][number]

const line = (partial: Partial<Line>): Line => ({
  input: 'workflow-name',
  name: 'nightly-*',
  glob: true,
  matched: 0,
  shown: [],
  ...partial
})

describe('resolvedLines', () => {
  it("names a pattern's matches, in each front end's words", () => {
    const lines = [line({ matched: 3, shown: ['nightly-a', 'nightly-b', 'nightly-c'] })]
    expect(resolvedLines(lines)).toEqual([
      'workflow-name "nightly-*" matched 3 workflows: "nightly-a", "nightly-b", "nightly-c".'
    ])
    expect(resolvedLines(lines, (input) => `--${input}`)).toEqual([
      '--workflow-name "nightly-*" matched 3 workflows: "nightly-a", "nightly-b", "nightly-c".'
    ])
  })

  it('counts the matches beyond those named', () => {
    const shown = Array.from({ length: 10 }, (_, i) => `n${i}`)
    const [said] = resolvedLines([line({ input: 'source-name', matched: 25, shown })])
    expect(said).toBe(
      `source-name "nightly-*" matched 25 sources: ${shown.map((n) => `"${n}"`).join(', ')} and 15 more.`
    )
  })

  it("does not repeat a plain name's match, unless it was found by another spelling", () => {
    expect(
      resolvedLines([
        line({ name: 'orders-s3', glob: false, matched: 1, shown: ['orders-s3'] }),
        line({ name: 'padded', glob: false, matched: 1, shown: ['  padded  '] }),
        line({ name: 'shared', glob: false, matched: 2, shown: [] })
      ])
    ).toEqual([
      'workflow-name "orders-s3" matched 1 workflow.',
      'workflow-name "padded" matched 1 workflow: "  padded  ".',
      'workflow-name "shared" matched 2 workflows.'
    ])
  })

  it('says at most 20 lines, then how many more there were', () => {
    const lines = Array.from({ length: 23 }, (_, i) =>
      line({ name: `w${i}`, glob: false, matched: 1, shown: [`w${i}`] })
    )
    const said = resolvedLines(lines)
    expect(said).toHaveLength(21)
    expect(said.at(-1)).toBe('... and 3 more names.')
  })
})
