// What the simulated platform holds (connectors with their checks and scripted faults,
// workflows), and how each is written in an answer.
import type { ConnectorKind, Ending, FaultSlot, ListFault, SimCheck } from '../contract.js'
import type { ConnectorJson, WorkflowJson } from '../lists.js'

export interface InternalCheck extends SimCheck {
  createdAtUs: number
}

export interface ConnectorState {
  id: string
  kind: ConnectorKind
  name: string
  type: string
  checkDurationMs: number
  ending: Ending
  /** What the next checks that POSTs create end with, in turn. */
  endings: Ending[]
  reason: string | null
  config: Record<string, unknown>
  createdAt: string
  /** Null until updateConnector. */
  updatedAt: string | null
  checks: InternalCheck[]
  /** The one check every POST answers under staleFinalPost. */
  stale: InternalCheck | undefined
  postFaults: FaultSlot[]
  getFaults: FaultSlot[]
  readFaults: FaultSlot[]
  infoFaults: (ListFault | 'pass')[]
  /** A POST has reached this connector: GETs take from getFaults from now on. */
  posted: boolean
}

export interface WorkflowState {
  id: string
  name: string
  sources: string[]
  destinations: string[]
  status: 'active' | 'inactive'
  workflowType: string | null
  createdAt: string
  override: Record<string, unknown>
}

export interface CheckJson {
  id: string
  status: string
  reason: string | null
  created_at: string
  reported_at: string | null
}

export type CheckStatus = 'SCHEDULED' | 'SUCCESS' | 'FAILURE'

export function connectorJson(state: ConnectorState): ConnectorJson {
  return {
    id: state.id,
    name: state.name,
    type: state.type,
    config: state.config,
    created_at: state.createdAt,
    updated_at: state.updatedAt
  }
}

export function workflowJson(workflow: WorkflowState): WorkflowJson {
  return {
    id: workflow.id,
    name: workflow.name,
    sources: workflow.sources,
    destinations: workflow.destinations,
    workflow_type: workflow.workflowType,
    workflow_nodes: [],
    schedule: null,
    status: workflow.status,
    created_at: workflow.createdAt,
    updated_at: null,
    reprocess_all: false,
    ...workflow.override
  }
}
