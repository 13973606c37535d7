/** The two kinds of connector the Platform API can check, and how each is spelled. */
export type ConnectorKind = 'source' | 'destination'

export interface Connector {
  kind: ConnectorKind
  id: string
}

/** A connector's name and type, when the API told them. */
export interface ConnectorNames {
  name?: string | undefined
  type?: string | undefined
}

/** What a lookup of the connector told: its names, and when it was last updated. */
export interface ConnectorInfo extends ConnectorNames {
  /** The id the answer gave, lower-cased; a read by id counts only when it is the one asked for. */
  id?: string | undefined
  /** `updated_at` as the API wrote it; null when it said null, undefined when it gave none. */
  updatedAt?: string | null | undefined
  /** The answer's Age header in seconds, when a cache answered instead of the server. */
  cacheAgeSeconds?: number
}

const PATH_SEGMENT: Record<ConnectorKind, string> = {
  source: 'sources',
  destination: 'destinations'
}

/** "Source" / "Destination", for the start of a sentence or a table cell. */
export function kindTitle(kind: ConnectorKind): string {
  return kind === 'source' ? 'Source' : 'Destination'
}

/**
 * How a connector reads in a sentence: `source "orders-s3" (s3, 5f1e...)` when its name is
 * known, else `source connector 5f1e...`. `capital` starts it with a capital letter.
 */
export function connectorLabel(
  connector: Connector,
  names?: ConnectorNames,
  capital = false
): string {
  const kind = capital ? kindTitle(connector.kind) : connector.kind
  if (names?.name === undefined) return `${kind} connector ${connector.id}`
  const type = names.type === undefined ? '' : `${names.type}, `
  return `${kind} "${names.name}" (${type}${connector.id})`
}

/** Each connector once, in the order first named: the inputs and a workflow may repeat one. */
export function uniqueConnectors(connectors: readonly Connector[]): Connector[] {
  const seen = new Set<string>()
  return connectors.filter((connector) => {
    const key = `${connector.kind}:${connector.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function connectorPath(connector: Connector): string {
  // Ids are validated as UUIDs; encoding them as well keeps a path a path whatever happens.
  return `/${PATH_SEGMENT[connector.kind]}/${encodeURIComponent(connector.id)}`
}

/** The list of one kind, with the slash the API's routes end in: without it, a 307 answers. */
export function listPath(kind: ConnectorKind): string {
  return `/${PATH_SEGMENT[kind]}/`
}

export function connectionCheckPath(connector: Connector): string {
  return `${connectorPath(connector)}/connection-check`
}
