import { queueMakespan } from './queue.js'

/**
 * The sweep's queue while the latest checks are still being read: each read that arrives joins
 * those waiting, and a slot that frees takes the longest of them by its prior (those without one
 * first, as they may be the longest; ties in the connectors' order): longest-processing-time. Slots
 * need not wait for every read: at thousands of connectors the reads alone take seconds.
 */
export class Turns<T> {
  /** Each connector's prior once read (undefined while unread, or when it has none). */
  private readonly priors: (number | undefined)[]
  private readonly waiting: { index: number; rank: number; item: T }[] = []
  private unread: number
  private wake: (() => void)[] = []
  private roomWake: (() => void)[] = []
  private makespan: { ms: number | undefined } | undefined

  private readonly ahead: number
  /** Reads still to arrive before the first turn (see the constructor). */
  private untilOpen: number

  /**
   * `firstReads`: how many reads must be in before the first slot takes a turn (the reads in
   * flight at once), so that the first checks too are the longest of a choice, not merely the
   * quickest to be read. `ahead`: how many read connectors may wait for a slot before the next
   * read begins (at least `firstReads`): the longest of thousands go first all the same, and the
   * step need not hold every connector's latest check from the start.
   */
  constructor(
    count: number,
    private readonly slots: number,
    firstReads: number,
    ahead: number = count
  ) {
    this.ahead = Math.max(1, firstReads, ahead)
    this.priors = new Array<number | undefined>(count).fill(undefined)
    this.unread = count
    this.untilOpen = Math.min(count, firstReads)
  }

  /** The read of connector `index` has ended: it waits for a slot from now on. */
  arrived(index: number, priorMs: number | undefined, item: T): void {
    this.priors[index] = priorMs
    this.unread = Math.max(0, this.unread - 1)
    this.untilOpen = Math.max(0, this.untilOpen - 1)
    this.push({ index, rank: priorMs ?? Number.POSITIVE_INFINITY, item })
    this.wakeAll()
  }

  /** Resolves once a next read may begin (see `ahead`). */
  async room(): Promise<void> {
    while (this.waiting.length >= this.ahead) {
      await new Promise<void>((resolve) => this.roomWake.push(resolve))
    }
  }

  /** No more reads will arrive (every one ended, or the reading stopped). */
  allRead(): void {
    this.unread = 0
    this.untilOpen = 0
    this.wakeAll()
  }

  /** The next connector for a free slot; undefined once every one has had its turn. */
  async next(): Promise<{ index: number; item: T } | undefined> {
    for (;;) {
      const first = this.untilOpen === 0 ? this.pop() : undefined
      if (first !== undefined) {
        const wake = this.roomWake
        this.roomWake = []
        for (const resolve of wake) resolve()
        return { index: first.index, item: first.item }
      }
      if (this.unread === 0 && this.untilOpen === 0) return undefined
      await new Promise<void>((resolve) => this.wake.push(resolve))
    }
  }

  /**
   * How long the queue needs by the priors read so far (see queueMakespan: one still unread
   * counts as the mean of those known), for messages. Computed once when every read is in.
   */
  queueMs(): number | undefined {
    if (this.makespan !== undefined) return this.makespan.ms
    const ms = queueMakespan(this.priors, this.slots)
    if (this.unread === 0) this.makespan = { ms }
    return ms
  }

  private wakeAll(): void {
    const wake = this.wake
    this.wake = []
    for (const resolve of wake) resolve()
  }

  /** Whether a goes before b: the longer prior first, then the earlier connector. */
  private static before(
    a: { index: number; rank: number },
    b: { index: number; rank: number }
  ): boolean {
    return a.rank > b.rank || (a.rank === b.rank && a.index < b.index)
  }

  // A binary heap: thousands of reads arrive one by one, each slot takes the first of them.
  private push(entry: { index: number; rank: number; item: T }): void {
    const heap = this.waiting
    heap.push(entry)
    let at = heap.length - 1
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (!Turns.before(entry, heap[parent] as typeof entry)) break
      heap[at] = heap[parent] as typeof entry
      at = parent
    }
    heap[at] = entry
  }

  private pop(): { index: number; rank: number; item: T } | undefined {
    const heap = this.waiting
    const first = heap[0]
    const last = heap.pop()
    if (first === undefined || last === undefined || heap.length === 0) return first
    let at = 0
    for (;;) {
      const left = 2 * at + 1
      if (left >= heap.length) break
      const right = left + 1
      const child =
        right < heap.length && Turns.before(heap[right] as typeof last, heap[left] as typeof last)
          ? right
          : left
      if (!Turns.before(heap[child] as typeof last, last)) break
      heap[at] = heap[child] as typeof last
      at = child
    }
    heap[at] = last
    return first
  }
}
