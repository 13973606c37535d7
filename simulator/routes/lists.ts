// The list paths: GET /sources/, /destinations/ and /workflows/ (filtered and paged as lists.ts
// says), each of them redirected when asked for without its slash.
import type { Exchange } from '../http/answers.js'
import { connectorList, workflowPage, type ListAnswer, type ListName } from '../lists.js'
import { connectorJson, workflowJson } from '../platform/state.js'
import { authorized } from './api-key.js'
import type { Context } from './context.js'
import { serveQueued } from './faults.js'
import { kindOf } from './paths.js'

function listAnswer(ctx: Context, list: ListName, query: URLSearchParams): ListAnswer {
  const { connectors, workflows } = ctx.store
  if (list === 'workflows')
    return workflowPage([...workflows.values()].map(workflowJson), query, ctx.paging)
  const kind = kindOf(list)
  const entries = [...connectors.values()].filter((s) => s.kind === kind).map(connectorJson)
  return connectorList(entries, kind, query)
}

/** A list path: 307 without its slash, as FastAPI answers; else faults, then the list. */
export function serveList(
  ctx: Context,
  ex: Exchange,
  list: ListName,
  slash: boolean,
  url: URL
): void {
  if (!slash) {
    // Starlette's redirect_slashes: before any route runs, so before the key is looked at.
    const host = ex.req.headers.host ?? '127.0.0.1'
    const location = `${ctx.scheme}://${host}${url.pathname}/${url.search}`
    ctx.answers.send(ex, 307, '', undefined, { location })
    return
  }
  if (ex.req.method !== 'GET') {
    ctx.answers.phrase(ex, 405, { allow: 'GET' })
    return
  }
  if (!authorized(ctx, ex)) return
  serveQueued(ctx, ex, ctx.store.listFaults.get(list)?.shift(), {
    okStatus: 200,
    truncated: () => JSON.stringify(listAnswer(ctx, list, url.searchParams).body),
    answer: () => {
      const { status, body } = listAnswer(ctx, list, url.searchParams)
      ctx.answers.json(ex, status, body)
    }
  })
}
