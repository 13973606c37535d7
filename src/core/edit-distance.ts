// How far apart two names are, for "did you mean" suggestions of names and flags alike.

/** The code point at `index` (a UTF-16 index). */
function codePointAt(text: string, index: number): number {
  return text.codePointAt(index) ?? 0
}

const width = (codePoint: number): number => (codePoint > 0xffff ? 2 : 1)

/** Past this many code points, names are compared by their start only: they are far anyway. */
const DISTANCE_CHARS = 200

// Reused by every call: a search over thousands of names then allocates nothing.
const left = new Int32Array(DISTANCE_CHARS)
const right = new Int32Array(DISTANCE_CHARS)
let beforeRow = new Int32Array(DISTANCE_CHARS + 1)
let previousRow = new Int32Array(DISTANCE_CHARS + 1)
let currentRow = new Int32Array(DISTANCE_CHARS + 1)

/** Writes up to DISTANCE_CHARS code points of `text` into `into`; returns how many. */
function load(text: string, into: Int32Array): number {
  let n = 0
  for (let i = 0; i < text.length && n < DISTANCE_CHARS; n += 1) {
    const c = codePointAt(text, i)
    into[n] = c
    i += width(c)
  }
  return n
}

/**
 * Edit distance by code point: insertions, deletions, substitutions and swaps of neighbours
 * (optimal string alignment), so "soruce" is one edit from "source". Anything above `bound`
 * comes back as bound + 1 without finishing, which keeps a search over thousands of names cheap.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  const x = load(a, left)
  const y = load(b, right)
  if (Math.abs(x - y) > bound) return bound + 1
  // Only cells within `bound` of the diagonal can lead to a distance within it (Ukkonen).
  const band = Number.isFinite(bound) ? bound : Math.max(x, y)
  const beyond = band + 1
  for (let j = 0; j <= y; j += 1) previousRow[j] = j
  for (let i = 1; i <= x; i += 1) {
    const lo = Math.max(1, i - band)
    const hi = Math.min(y, i + band)
    currentRow[lo - 1] = lo === 1 ? i : beyond
    let rowMin = currentRow[lo - 1] ?? beyond
    const c = left[i - 1]
    for (let j = lo; j <= hi; j += 1) {
      const cost = c === right[j - 1] ? 0 : 1
      let value = Math.min(
        (previousRow[j] ?? beyond) + 1,
        (currentRow[j - 1] ?? beyond) + 1,
        (previousRow[j - 1] ?? beyond) + cost
      )
      // Row i - 2 holds cell j - 2 within its band whenever this cell is within this one.
      if (i > 1 && j > 1 && c === right[j - 2] && left[i - 2] === right[j - 1]) {
        value = Math.min(value, (beforeRow[j - 2] ?? beyond) + 1)
      }
      currentRow[j] = value
      if (value < rowMin) rowMin = value
    }
    // The next row reads one cell past this band: it must not see a stale value there.
    if (hi < y) currentRow[hi + 1] = beyond
    if (rowMin > bound) return bound + 1
    ;[beforeRow, previousRow, currentRow] = [previousRow, currentRow, beforeRow]
  }
  const distance = previousRow[y] ?? beyond
  return distance > bound ? bound + 1 : distance
}
