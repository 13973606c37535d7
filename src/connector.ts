/** The two kinds of connector the Platform API can check, and how each is spelled. */
export type ConnectorKind = 'source' | 'destination'

export interface Connector {
  kind: ConnectorKind
  id: string
}

const PATH_SEGMENT: Record<ConnectorKind, string> = {
  source: 'sources',
  destination: 'destinations'
}

/** e.g. "source 5f1e…" as it reads in a sentence. */
export function describeConnector(connector: Connector): string {
  return `${connector.kind} ${connector.id}`
}

/** "Source" / "Destination", for the start of a sentence or a table cell. */
export function kindTitle(kind: ConnectorKind): string {
  return kind === 'source' ? 'Source' : 'Destination'
}

export function connectionCheckPath(connector: Connector): string {
  return `/${PATH_SEGMENT[connector.kind]}/${connector.id}/connection-check`
}
