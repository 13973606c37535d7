// A generated workspace: hundreds or thousands of connectors with realistic names and types,
// a few names that are hard to handle (shared by two connectors, with spaces and commas, in
// other scripts), checks of 0 to 3 s, and workflows that join them. The same seed gives the same
// workspace, ids included, so a sweep can be measured again.
import type { ConnectorBehavior, ConnectorKind, Simulator } from './platform-simulator.js'
import { hyphenated } from './platform/uuid.js'

export interface WorkspaceOptions {
  /** Connectors in all, half sources (rounded up), half destinations. */
  connectors: number
  /** Workflows joining them; default one per 20 connectors. */
  workflows?: number
  /** Each check takes from 0 to this long (uniformly); default 3000. */
  longestCheckMs?: number
  /** How many connectors' checks end in FAILURE; default none. */
  failing?: number
  seed?: number
}

export interface GeneratedConnector {
  id: string
  kind: ConnectorKind
  name: string
  type: string
  checkDurationMs: number
  ending: 'SUCCESS' | 'FAILURE'
}

export interface GeneratedWorkflow {
  id: string
  name: string
  sources: string[]
  destinations: string[]
}

export interface Workspace {
  connectors: GeneratedConnector[]
  workflows: GeneratedWorkflow[]
}

export const GENERATED_FAILURE = 'simulated failure: the credentials were rejected'

/** Names people do give, and that break naive handling: each is used once, by position. */
export const HARD_NAMES: readonly { kind: ConnectorKind; name: string }[] = [
  { kind: 'source', name: 'shared-bucket' },
  { kind: 'source', name: 'shared-bucket' },
  { kind: 'source', name: 'Finance, EMEA (prod)' },
  { kind: 'destination', name: 'Überweisungen – Zürich' },
  { kind: 'destination', name: '東京 オフィス' },
  { kind: 'source', name: 'rocket 🚀 ingest' },
  { kind: 'destination', name: '  padded name  ' }
]

const TEAMS = ['orders', 'billing', 'search', 'crm', 'hr', 'ops', 'marketing', 'legal']
const SOURCE_TYPES = ['s3', 'sharepoint', 'google_drive', 'confluence', 'postgres', 'azure']
const DESTINATION_TYPES = ['postgres', 'elasticsearch', 'pinecone', 's3', 'weaviate-cloud']

/** mulberry32: small, fast and good enough for test data. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = (8 + Math.floor(random() * 4)).toString(16)
  return hyphenated(hex.join(''))
}

/** The workspace without a simulator: for a model to compare a sweep against. */
export function generateWorkspace(options: WorkspaceOptions): Workspace {
  const random = generator(options.seed ?? 12)
  const longest = options.longestCheckMs ?? 3000
  const total = options.connectors
  const failing = new Set<number>()
  while (failing.size < Math.min(options.failing ?? 0, total)) {
    failing.add(Math.floor(random() * total))
  }
  const connectors: GeneratedConnector[] = []
  const sourceCount = Math.ceil(total / 2)
  for (let i = 0; i < total; i += 1) {
    const hard = HARD_NAMES[i]
    const kind: ConnectorKind = hard?.kind ?? (i < sourceCount ? 'source' : 'destination')
    const types = kind === 'source' ? SOURCE_TYPES : DESTINATION_TYPES
    const type = types[i % types.length] ?? 's3'
    const team = TEAMS[Math.floor(i / types.length) % TEAMS.length] ?? 'ops'
    connectors.push({
      id: uuid(random),
      kind,
      name: hard?.name ?? `${team}-${type}-${String(i).padStart(4, '0')}`,
      type,
      checkDurationMs: Math.round(random() * longest),
      ending: failing.has(i) ? 'FAILURE' : 'SUCCESS'
    })
  }
  const sources = connectors.filter((c) => c.kind === 'source')
  const destinations = connectors.filter((c) => c.kind === 'destination')
  const workflows: GeneratedWorkflow[] = []
  const workflowCount = options.workflows ?? Math.floor(total / 20)
  const pick = (from: GeneratedConnector[]): string[] => {
    const n = from.length === 0 ? 0 : 1 + Math.floor(random() * Math.min(2, from.length))
    return [
      ...new Set(
        Array.from({ length: n }, () => from[Math.floor(random() * from.length)]?.id ?? '')
      )
    ]
  }
  for (let i = 0; i < workflowCount; i += 1) {
    workflows.push({
      id: uuid(random),
      name: `${TEAMS[i % TEAMS.length] ?? 'ops'}-pipeline-${String(i).padStart(3, '0')}`,
      sources: pick(sources),
      destinations: pick(destinations)
    })
  }
  return { connectors, workflows }
}

/** Adds a generated workspace to a simulator, and says what it holds. */
export function addWorkspace(sim: Simulator, options: WorkspaceOptions): Workspace {
  const workspace = generateWorkspace(options)
  for (const c of workspace.connectors) {
    const behavior: ConnectorBehavior = {
      kind: c.kind,
      name: c.name,
      type: c.type,
      checkDurationMs: c.checkDurationMs,
      ending: c.ending,
      reason: GENERATED_FAILURE,
      config: configOf(c)
    }
    sim.addConnector(c.id, behavior)
  }
  for (const w of workspace.workflows) {
    sim.addWorkflow(w.id, { name: w.name, sources: w.sources, destinations: w.destinations })
  }
  return workspace
}

/** A config of the size real ones have, so that list answers weigh what they would. */
function configOf(c: GeneratedConnector): Record<string, unknown> {
  const slug = c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
  return {
    remote_url: `${c.type}://${slug}/incoming/`,
    recursive: true,
    batch_size: 100,
    credentials: { key_id: `AKIA${c.id.slice(0, 12).toUpperCase()}`, secret: '**********' }
  }
}
