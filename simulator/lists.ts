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

/**
 * How the workflow list pages. The vendor's document gives `page` from 1 (its default) and
 * `page_size` 20 by default, with no maximum published; the other ways are profile settings.
 */
export interface Paging {
  /** Items per page without `page_size` (the vendor's document says 20). */
  defaultSize: number
  /** The largest `page_size` served: a larger one is cut down to this. */
  maxSize: number | undefined
  /** A server that ignores `page_size` and answers `defaultSize` items per page. */
  ignorePageSize: boolean
  /** A server that ignores `page` and answers the first page every time. */
  ignorePage: boolean
  /** A list that never ends: past the real workflows, every page is made of new ones. */
  endless: boolean
}

export const DEFAULT_PAGING: Paging = {
  defaultSize: 20,
  maxSize: undefined,
  ignorePageSize: false,
  ignorePage: false,
  endless: false
}

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
  const asked = size !== undefined && size > 0 && !paging.ignorePageSize ? size : paging.defaultSize
  const perPage = Math.min(asked, paging.maxSize ?? asked)
  const index = paging.ignorePage ? 0 : (page ?? 1) - 1
  if (index < 0) return { status: 200, body: [] }
  const start = index * perPage
  const body = found.slice(start, start + perPage)
  if (paging.endless) {
    for (let n = Math.max(start, found.length); body.length < perPage; n += 1) {
      body.push(endlessWorkflow(n))
    }
  }
  return { status: 200, body }
}

/** The n-th workflow of a list that never ends: a new id for every n, no connectors. */
function endlessWorkflow(n: number): WorkflowJson {
  const hex = n.toString(16).padStart(12, '0')
  return {
    id: `eeeeeeee-0000-4000-8000-${hex}`,
    name: `endless-${n}`,
    sources: [],
    destinations: [],
    workflow_type: null,
    workflow_nodes: [],
    schedule: null,
    status: 'active',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: null,
    reprocess_all: false
  }
}
