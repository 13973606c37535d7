import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { Paging } from '../../simulator/lists.js'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { MAX_WORKFLOW_PAGES, WORKFLOW_PAGE_GAP_MS } from '../../src/wait/listing.js'
import { runInProcess, type ActionResult } from '../support/action-harness.js'
import { FakeClock, seededRandom } from '../support/fake-clock.js'
import { stepInputs, withSimulator } from '../support/runner.js'

// The workflow list read page by page, over real HTTP against the simulator in each way a
// server may page (nothing but the vendor's defaults is documented), on an injected clock so
// that the pace between pages is measured without waiting for it.

interface Paged {
  result: ActionResult & { outcome: string }
  /** The workflow list's requests, path and query. */
  pages: string[]
  /** Step time, on the injected clock, when the run ended. */
  elapsedMs: number
  /** The source of the workflow named "target". */
  target: string
}

/**
 * `count` workflows (ids in list order), each with a source of its own; the last is named
 * "target", so that it is found only on the list's last page. Matches `target` and `wf-1*`.
 */
async function paged(
  paging: Partial<Paging>,
  count: number,
  inputs: Record<string, string> = {}
): Promise<Paged> {
  return withSimulator(
    async (sim: Simulator) => {
      let target = ''
      for (let i = 0; i < count; i += 1) {
        const source = randomUUID()
        sim.addConnector(source, { kind: 'source', name: `s-${i}`, checkDurationMs: 0 })
        sim.addWorkflow(`${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, {
          name: i === count - 1 ? 'target' : `wf-${i}`,
          sources: [source],
          destinations: []
        })
        target = source
      }
      const clock = new FakeClock()
      const result = await runInProcess(
        stepInputs(sim, { 'workflow-name': 'target', ...inputs }, '60'),
        { clock, random: seededRandom(3) }
      )
      const pages = sim.requests
        .filter((r) => r.path.startsWith('/api/v1/workflows/?') || r.path === '/api/v1/workflows/')
        .map((r) => r.path)
      return { result, pages, elapsedMs: clock.now(), target }
    },
    { profile: { workflowPaging: paging } }
  )
}

const page = (n: number, size = 100): string => `/api/v1/workflows/?page=${n}&page_size=${size}`
const pagesUpTo = (n: number): string[] => Array.from({ length: n }, (_, i) => page(i + 1))

function checked(result: ActionResult): string[] {
  const entries = JSON.parse(result.resultsFile ?? result.outputs.results ?? '[]') as {
    'connector-id': string
  }[]
  return entries.map((e) => e['connector-id'])
}

describe('paging the workflow list', () => {
  it('asks from page 1 for 100 a page: 500 workflows in 6 requests, paced', async () => {
    const { result, pages, elapsedMs, target } = await paged({}, 500)
    expect(result.outcome).toBe('success')
    expect(checked(result)).toEqual([target])
    // Never without `page`: the vendor's default is page 1, and asking so would repeat it.
    expect(pages).toEqual(pagesUpTo(6))
    expect(result.stdout).toContain('Listed 500 workflows (6 requests).')
    // At most 10 pages a second.
    expect(elapsedMs).toBeGreaterThanOrEqual(5 * WORKFLOW_PAGE_GAP_MS)
  })

  it('ends on a page shorter than the ones before, without asking for an empty one', async () => {
    const { result, pages } = await paged({}, 250)
    expect(result.outcome).toBe('success')
    expect(pages).toEqual(pagesUpTo(3))
  })

  it('asks once more after a first page shorter than asked: it may be a cap', async () => {
    const { result, pages } = await paged({}, 12)
    expect(result.outcome).toBe('success')
    expect(pages).toEqual(pagesUpTo(2))
  })

  it.each([
    ['caps page_size at 20', { maxSize: 20 }],
    ['ignores page_size (20 a page)', { ignorePageSize: true }]
  ])('reads every page of a server that %s', async (_label, paging) => {
    const { result, pages, target } = await paged(paging, 500)
    expect(result.outcome).toBe('success')
    expect(checked(result)).toEqual([target])
    // 25 full pages of 20, then an empty one: a page of 20 when 100 were asked is not the end.
    expect(pages).toEqual(pagesUpTo(26))
    expect(result.stdout).toContain('Listed 500 workflows (26 requests).')
  })

  it('ends on the short page of a server that caps page_size', async () => {
    const { result, pages, target } = await paged({ maxSize: 20 }, 45)
    expect(result.outcome).toBe('success')
    expect(checked(result)).toEqual([target])
    expect(pages).toEqual(pagesUpTo(3))
  })

  it('stops paging a server that ignores page: the second page adds nothing new', async () => {
    const { result, pages, target } = await paged({ ignorePage: true }, 8)
    expect(result.outcome).toBe('success')
    expect(checked(result)).toEqual([target])
    expect(pages).toEqual(pagesUpTo(2))
  })

  it('ends a list that never ends after the cap, paced, naming the cap', async () => {
    const { result, pages, elapsedMs } = await paged({ endless: true }, 3)
    expect(result.outcome).toBe('error')
    expect(pages).toEqual(pagesUpTo(MAX_WORKFLOW_PAGES))
    expect(elapsedMs).toBeGreaterThanOrEqual((MAX_WORKFLOW_PAGES - 1) * WORKFLOW_PAGE_GAP_MS)
    const error = result.stdout.split('\n').find((line) => line.startsWith('::error'))
    expect(error).toContain(`the workflow list did not end after ${MAX_WORKFLOW_PAGES} pages`)
  })

  it('gives up paging at the deadline, as a timeout', async () => {
    // 200 pages a tenth of a second apart need 20 s; the step has 5.
    const { result, pages } = await paged({ endless: true }, 3, { 'timeout-seconds': '5' })
    expect(result.outcome).toBe('timeout')
    expect(pages.length).toBeLessThan(50)
    expect(pages.length).toBeGreaterThan(40)
  })
})
