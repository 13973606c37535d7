// The list endpoints of the simulator, in the vendor's shapes: bare JSON arrays, the connector
// lists filtered by type, the workflow list filtered and paged with a small default page size.
// Pure: the simulator hands in its state as the JSON it would serve, and sends what comes back.

export interface ConnectorJson {
  id: string
  name: string
  type: string
  config: Record<string, unknown>
  created_at: string
  updated_at: string | null
}

export interface WorkflowJson {
  id: string
  name: string
  sources: string[]
  destinations: string[]
  workflow_type: string | null
  workflow_nodes: unknown[]
  schedule: null
  status: 'active' | 'inactive'
  created_at: string
  updated_at: string | null
  reprocess_all: boolean
  [key: string]: unknown
}

/** How the workflow list pages. Nothing documents it, so each way is a profile setting. */
export interface Paging {
  /** Items per page without `page_size`: small, so that paging is exercised. */
  defaultSize: number
  /** The number of the first page: 1 (the default) or 0. */
  firstPage: 0 | 1
  /** A server that ignores `page` and answers the first page every time. */
  ignorePage: boolean
}

export const DEFAULT_PAGING: Paging = { defaultSize: 5, firstPage: 1, ignorePage: false }

export type ListAnswer =
  { status: 200; body: unknown[] } | { status: 422; body: { detail: unknown[] } }

/** What a list path is, with or without the slash its route has. */
export type ListName = 'sources' | 'destinations' | 'workflows'

export function parseListPath(path: string): { list: ListName; slash: boolean } | undefined {
  const match = /^\/api\/v1\/(sources|destinations|workflows)(\/?)$/.exec(path)
  if (match?.[1] === undefined) return undefined
  return { list: match[1] as ListName, slash: match[2] === '/' }
}

/** Worded like pydantic's, as FastAPI answers a query parameter that is not an integer. */
function intError(name: string, input: string): ListAnswer {
  return {
    status: 422,
    body: {
      detail: [
        {
          type: 'int_parsing',
          loc: ['query', name],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input
        }
      ]
    }
  }
}

function intParam(query: URLSearchParams, name: string): number | undefined | ListAnswer {
  const raw = query.get(name)
  if (raw === null || raw === '') return undefined
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : intError(name, raw)
}

export function connectorList(
  entries: readonly ConnectorJson[],
  kind: 'source' | 'destination',
  query: URLSearchParams
): ListAnswer {
  const type = query.get(`${kind}_type`)
  return {
    status: 200,
    body: type === null ? [...entries] : entries.filter((e) => e.type === type)
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function workflowPage(
  entries: readonly WorkflowJson[],
  query: URLSearchParams,
  paging: Paging
): ListAnswer {
  const page = intParam(query, 'page')
  if (typeof page === 'object') return page
  const size = intParam(query, 'page_size')
  if (typeof size === 'object') return size
  let found = [...entries]
  const name = query.get('name')
  if (name !== null) found = found.filter((w) => w.name === name)
  const source = query.get('source_id')?.toLowerCase()
  if (source !== undefined) found = found.filter((w) => w.sources.includes(source))
  const destination = query.get('destination_id')?.toLowerCase()
  if (destination !== undefined) found = found.filter((w) => w.destinations.includes(destination))
  const status = query.get('status')
  if (status !== null) found = found.filter((w) => w.status === status)
  const sortBy = query.get('sort_by') ?? 'id'
  const field = sortBy === 'name' || sortBy === 'created_at' ? sortBy : 'id'
  const direction = query.get('sort_direction') === 'desc' ? -1 : 1
  found.sort((a, b) => direction * compare(a[field], b[field]))
  const perPage = size !== undefined && size > 0 ? size : paging.defaultSize
  const index = paging.ignorePage ? 0 : (page ?? paging.firstPage) - paging.firstPage
  if (index < 0) return { status: 200, body: [] }
  return { status: 200, body: found.slice(index * perPage, (index + 1) * perPage) }
}
