// The paths of single resources (a connector, its connection check, a workflow) and the id in
// them, which the API validates as a UUID before it looks anything up.
import type { ConnectorKind } from '../contract.js'
import type { Exchange } from '../http/answers.js'
import { canonicalUuid } from '../platform/uuid.js'
import type { Context } from './context.js'

export type Route =
  | { target: 'check'; kind: ConnectorKind; rawId: string }
  | { target: 'connector'; kind: ConnectorKind; rawId: string }
  | { target: 'workflow'; rawId: string }

const CHECK_PATH = /^\/api\/v1\/(sources|destinations)\/([^/]+)\/connection-check$/
const CONNECTOR_PATH = /^\/api\/v1\/(sources|destinations)\/([^/]+)$/
const WORKFLOW_PATH = /^\/api\/v1\/workflows\/([^/]+)$/

/** The kind of connector that a path's 'sources' or 'destinations' names. */
export function kindOf(segment: string): ConnectorKind {
  return segment === 'sources' ? 'source' : 'destination'
}

export function parseRoute(path: string): Route | undefined {
  const check = CHECK_PATH.exec(path)
  if (check?.[1] !== undefined && check[2] !== undefined) {
    return { target: 'check', kind: kindOf(check[1]), rawId: check[2] }
  }
  const connector = CONNECTOR_PATH.exec(path)
  if (connector?.[1] !== undefined && connector[2] !== undefined) {
    return { target: 'connector', kind: kindOf(connector[1]), rawId: connector[2] }
  }
  const workflow = WORKFLOW_PATH.exec(path)
  if (workflow?.[1] !== undefined) return { target: 'workflow', rawId: workflow[1] }
  return undefined
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Worded like pydantic's uuid_parsing errors, close enough for a client to show them. */
function uuidError(input: string): string {
  const bad = /[^0-9a-fA-F-]/u.exec(input)
  if (bad !== null) {
    return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${bad[0]}\` at ${bad.index + 1}`
  }
  const groups = input.split('-')
  if (groups.length === 1) {
    return `invalid length: expected length 32 for simple format, found ${input.length}`
  }
  if (groups.length !== 5) return `invalid group count: expected 5, found ${groups.length}`
  const wanted = [8, 4, 4, 4, 12]
  const i = groups.findIndex((g, n) => g.length !== wanted[n])
  return `invalid group length in group ${i}: expected ${wanted[i] ?? 0}, found ${groups[i]?.length ?? 0}`
}

/** The route's id in canonical form; undefined when it is no UUID, and answered 422. */
export function routeId(ctx: Context, ex: Exchange, route: Route): string | undefined {
  const input = decodeSegment(route.rawId)
  const id = canonicalUuid(input)
  if (id !== undefined) return id
  const param = route.target === 'workflow' ? 'workflow_id' : `${route.kind}_id`
  const error = uuidError(input)
  ctx.answers.detail(ex, 422, [
    {
      type: 'uuid_parsing',
      loc: ['path', param],
      msg: `Input should be a valid UUID, ${error}`,
      input,
      ctx: { error }
    }
  ])
  return undefined
}
