import type { Answer, CallOptions, PlatformClient } from './api/client.js'
import type { ListedConnector, ListedWorkflow } from './api/schemas.js'
import type { ConnectorKind } from './connector.js'
import type { Problem } from './problems.js'
import type { Pacer, RetryEvent } from './wait/pacer.js'

/**
 * Reads the list endpoints, once per kind and step, whatever the number of names: each list is
 * one thread of requests with its own client and pacer, retried like a workflow read.
 */

export type Listing<T> =
  { ok: true; entries: T[]; requests: number } | { ok: false; problem: Problem }

/** A list's own connection pool and pacer, closed when the list has been read. */
export interface ListThread {
  client: PlatformClient
  pacer: Pacer
  retrying: RetryEvent
}

/**
 * More pages than this is no workspace but a server that never says "the end" (each page adding
 * new ids): a stop, so that memory stays bounded.
 */
export const MAX_WORKFLOW_PAGES = 2000

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
    return answer.ok ? { ok: true, entries: answer.value, requests: 1 } : answer
  } finally {
    thread.client.close()
  }
}

/**
 * Every workflow, page by page. Neither the default page size nor whether `page` counts from 0
 * or 1 is documented, so: first without `page`, then `page=1`, 2, ... until a page is empty,
 * keeping each id once. `page=1` may repeat the first answer (pages from 1); a later page that
 * adds nothing new means the server ignores `page`, and ends the list too.
 */
export async function listWorkflows(thread: ListThread): Promise<Listing<ListedWorkflow>> {
  const byId = new Map<string, ListedWorkflow>()
  let requests = 0
  const page = (n: number | undefined): Promise<Answer<ListedWorkflow[]>> => {
    requests += 1
    return retried(thread, (call) => thread.client.listWorkflows(n, call))
  }
  const add = (items: readonly ListedWorkflow[]): number => {
    let added = 0
    for (const item of items) {
      if (byId.has(item.id)) continue
      byId.set(item.id, item)
      added += 1
    }
    return added
  }
  try {
    const first = await page(undefined)
    if (!first.ok) return first
    add(first.value)
    for (let n = 1; first.value.length > 0; n += 1) {
      if (n > MAX_WORKFLOW_PAGES) {
        const reason = `the workflow list did not end after ${MAX_WORKFLOW_PAGES} pages`
        return { ok: false, problem: { kind: 'malformed', status: 200, reason } }
      }
      const answer = await page(n)
      if (!answer.ok) return answer
      const added = add(answer.value)
      if (answer.value.length === 0 || (n > 1 && added === 0)) break
    }
    return { ok: true, entries: [...byId.values()], requests }
  } finally {
    thread.client.close()
  }
}
