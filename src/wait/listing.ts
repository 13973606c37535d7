import type { CallOptions, PlatformApi } from '../api/client.js'
import type { Answer } from '../core/answer.js'
import type { ListedConnector, ListedWorkflow } from '../api/schemas.js'
import type { ConnectorKind } from '../core/connector.js'
import type { Pacer, RetryEvent } from './pacer.js'

/**
 * Reads the list endpoints, once per kind and step, whatever the number of names: each list is
 * one thread of requests with its own client and pacer, retried like a workflow read.
 */

/** A list read whole: its entries, and the requests it took. */
export type Listing<T> = Answer<{ entries: T[]; requests: number }>

/** A list's own connection pool and pacer, closed when the list has been read. */
export interface ListThread {
  client: PlatformApi
  pacer: Pacer
  retrying: RetryEvent
}

/** Workflows asked for per page: the vendor's default is 20, and no maximum is published. */
export const WORKFLOW_PAGE_SIZE = 100

/**
 * More pages than this is no workspace (20,000 workflows at 100 a page) but a server that never
 * says "the end" (each page adding new ids): a stop, so that time and memory stay bounded.
 */
export const MAX_WORKFLOW_PAGES = 200

/** Pages go out no faster than 10 a second: a list is a burst on the same key as the checks. */
export const WORKFLOW_PAGE_GAP_MS = 100

async function retried<T>(
  thread: ListThread,
  call: (options: CallOptions) => Promise<Answer<T>>
): Promise<Answer<T>> {
  return thread.pacer.retry(call, thread.retrying)
}

export async function listConnectors(
  kind: ConnectorKind,
  thread: ListThread
): Promise<Listing<ListedConnector>> {
  try {
    const answer = await retried(thread, (call) => thread.client.listConnectors(kind, call))
    return answer.ok ? { ok: true, value: { entries: answer.value, requests: 1 } } : answer
  } finally {
    thread.client.close()
  }
}

/**
 * Every workflow, page by page: `page` counts from 1 (the vendor's default) and each page asks
 * for WORKFLOW_PAGE_SIZE, keeping each id once. A server may cap or ignore `page_size`, so a page
 * is short only against the longest page seen so far; the first page, which has nothing to be
 * measured against, is never taken as the last unless empty. The list ends on an empty or short
 * page, or a page that adds nothing new (a server that ignores `page`).
 */
export async function listWorkflows(thread: ListThread): Promise<Listing<ListedWorkflow>> {
  const byId = new Map<string, ListedWorkflow>()
  let requests = 0
  let longest = 0
  let lastSentAt: number | undefined
  try {
    for (let n = 1; ; n += 1) {
      if (n > MAX_WORKFLOW_PAGES) {
        const reason =
          `the workflow list did not end after ${MAX_WORKFLOW_PAGES} pages ` +
          `of ${WORKFLOW_PAGE_SIZE} (the most this action reads)`
        return { ok: false, problem: { kind: 'malformed', status: 200, reason } }
      }
      if (
        lastSentAt !== undefined &&
        !(await thread.pacer.waitForSlot(lastSentAt, lastSentAt + WORKFLOW_PAGE_GAP_MS))
      ) {
        return {
          ok: false,
          problem: thread.pacer.aborted() ? thread.pacer.cancelled() : thread.pacer.timedOut()
        }
      }
      requests += 1
      const answer = await thread.pacer.retry(
        (call) => thread.client.listWorkflows(n, WORKFLOW_PAGE_SIZE, call),
        thread.retrying
      )
      if (!answer.ok) return answer
      lastSentAt = answer.sentAt
      const items = answer.value
      let added = 0
      for (const item of items) {
        if (byId.has(item.id)) continue
        byId.set(item.id, item)
        added += 1
      }
      if (items.length === 0 || items.length < longest || added === 0) break
      longest = items.length
    }
    return { ok: true, value: { entries: [...byId.values()], requests } }
  } finally {
    thread.client.close()
  }
}
