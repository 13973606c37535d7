// The connectors and workflow of the demo (scripts/demo.ts) and of the standalone simulator
// (simulator/serve.ts), with fixed ids so commands and workflows can name them.
import type { ConnectorBehavior, Simulator } from './platform-simulator.js'

export const DEMO = {
  /** Passes after 1.5 s. */
  passingSource: '5f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b',
  /** Passes after 1 s. */
  secondSource: '7a2b9c4d-1e3f-4a5b-8c6d-2e4f6a8b0c1d',
  /** Passes after 1.2 s. */
  passingDestination: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
  /** Passes after 0.8 s. */
  secondDestination: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  /** Fails after 1 s with FAILING_REASON. */
  failingDestination: 'd15ab1ed-0b9e-4f52-9111-422283334444',
  /** Never leaves SCHEDULED. */
  stuckSource: '5c4ed01e-d000-4000-8000-00000000cafe',
  /** passingSource and secondSource into passingDestination and secondDestination. */
  workflow: '3c1b8a52-7d0e-4f2a-9b61-0e5d4c3b2a19'
} as const

export const FAILING_REASON = 'password authentication failed for user "etl" (SQLSTATE 28P01)'

const CONNECTORS: [string, ConnectorBehavior][] = [
  [DEMO.passingSource, { kind: 'source', name: 'orders-s3', type: 's3', checkDurationMs: 1500 }],
  [
    DEMO.secondSource,
    { kind: 'source', name: 'contracts-sharepoint', type: 'sharepoint', checkDurationMs: 1000 }
  ],
  [
    DEMO.passingDestination,
    { kind: 'destination', name: 'warehouse-postgres', type: 'postgres', checkDurationMs: 1200 }
  ],
  [
    DEMO.secondDestination,
    { kind: 'destination', name: 'search-elastic', type: 'elasticsearch', checkDurationMs: 800 }
  ],
  [
    DEMO.failingDestination,
    {
      kind: 'destination',
      name: 'analytics-postgres',
      type: 'postgres',
      checkDurationMs: 1000,
      ending: 'FAILURE',
      reason: FAILING_REASON
    }
  ],
  [DEMO.stuckSource, { kind: 'source', name: 'legacy-sftp', type: 'sftp', ending: 'NEVER' }]
]

/** Registers the demo connectors and workflow with a simulator. */
export function addDemoConnectors(sim: Simulator): void {
  for (const [id, behavior] of CONNECTORS) sim.addConnector(id, behavior)
  sim.addWorkflow(DEMO.workflow, {
    name: 'nightly-ingest',
    sources: [DEMO.passingSource, DEMO.secondSource],
    destinations: [DEMO.passingDestination, DEMO.secondDestination]
  })
}

/** One line per connector and the workflow, for a terminal. */
export function describeDemoConnectors(): string[] {
  const lines = CONNECTORS.map(([id, b]) => {
    const ending =
      b.ending === 'NEVER'
        ? 'never finishes'
        : b.ending === 'FAILURE'
          ? `fails after ${(b.checkDurationMs ?? 0) / 1000} s: ${b.reason ?? ''}`
          : `passes after ${(b.checkDurationMs ?? 0) / 1000} s`
    return `  ${b.kind.padEnd(12)} ${id}  ${`${b.name ?? ''} (${b.type ?? ''})`.padEnd(32)} ${ending}`
  })
  lines.push(
    `  ${'workflow'.padEnd(12)} ${DEMO.workflow}  ${'nightly-ingest'.padEnd(32)} 2 sources, 2 destinations`
  )
  return lines
}
