import { describe, expect, it } from '@jest/globals'
import { Turns } from '../../src/wait/turns.js'
import { queueMakespan } from '../../src/wait/queue.js'

/** Takes every turn there is now, without waiting for reads still to come. */
async function drain(turns: Turns<string>, n: number): Promise<string[]> {
  const taken: string[] = []
  for (let i = 0; i < n; i += 1) {
    const turn = await turns.next()
    if (turn === undefined) break
    taken.push(turn.item)
  }
  return taken
}

describe('Turns', () => {
  it('gives the longest read so far first, those without a prior before all, ties in order', async () => {
    const turns = new Turns<string>(6, 2, 1)
    const priors = [1000, undefined, 3000, 1000, undefined, 2000]
    priors.forEach((prior, index) => {
      turns.arrived(index, prior, `c${index}`)
    })
    turns.allRead()
    expect(await drain(turns, 7)).toEqual(['c1', 'c4', 'c2', 'c5', 'c0', 'c3'])
    expect(await turns.next()).toBeUndefined()
  })

  it('waits for the first reads, then starts while the others still come in', async () => {
    const turns = new Turns<string>(5, 1, 2)
    const first = turns.next()
    let given: string | undefined
    void first.then((turn) => (given = turn?.item))
    turns.arrived(0, 1000, 'short')
    await Promise.resolve()
    await Promise.resolve()
    // One read in of the two wanted: no turn yet, however long the wait.
    expect(given).toBeUndefined()
    turns.arrived(1, 5000, 'long')
    expect((await first)?.item).toBe('long')
    // Reads still to come: a free slot takes what is in, the longest of it.
    turns.arrived(2, 3000, 'middle')
    expect((await turns.next())?.item).toBe('middle')
    expect((await turns.next())?.item).toBe('short')
    // Nothing left that is read: the next slot waits for the next read.
    const later = turns.next()
    turns.arrived(4, undefined, 'unknown')
    expect((await later)?.item).toBe('unknown')
    turns.arrived(3, 2000, 'last')
    expect((await turns.next())?.item).toBe('last')
    const none = turns.next()
    turns.allRead()
    expect(await none).toBeUndefined()
  })

  it('ends every waiting slot when the reading stops short', async () => {
    const turns = new Turns<string>(3, 2, 3)
    const waiting = [turns.next(), turns.next()]
    turns.arrived(0, 1000, 'a')
    turns.allRead()
    expect((await Promise.all(waiting)).map((t) => t?.item)).toEqual(['a', undefined])
  })

  it('estimates the queue by the priors read so far, and once for all when every read is in', () => {
    const turns = new Turns<string>(3, 1, 1)
    expect(turns.queueMs()).toBeUndefined()
    turns.arrived(0, 1000, 'a')
    // The two still unread count as the mean of those known.
    expect(turns.queueMs()).toBe(3000)
    turns.arrived(1, 3000, 'b')
    turns.arrived(2, undefined, 'c')
    expect(turns.queueMs()).toBe(queueMakespan([1000, 3000, undefined], 1))
    expect(turns.queueMs()).toBe(6000)
  })
})

describe('Turns.room', () => {
  it('lets a read begin only while fewer than `ahead` read connectors wait', async () => {
    const turns = new Turns<string>(4, 1, 1, 2)
    await turns.room()
    turns.arrived(0, 1000, 'a')
    await turns.room()
    turns.arrived(1, 2000, 'b')
    let roomy = false
    const room = turns.room().then(() => (roomy = true))
    await Promise.resolve()
    expect(roomy).toBe(false)
    expect((await turns.next())?.item).toBe('b')
    await room
    expect(roomy).toBe(true)
  })
})
