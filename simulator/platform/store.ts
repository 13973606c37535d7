// The simulated platform's connectors and workflows, and the controls a test scripts them with.
import type { ListFault, Simulator } from '../contract.js'
import type { ListName } from '../lists.js'
import type { PlatformProfile } from '../profile.js'
import { checksOf, snapshot, type Checks } from './checks.js'
import { HOUR_MS, HOUR_US, type PlatformClock } from './clock.js'
import type { ConnectorState, WorkflowState } from './state.js'
import { canonicalUuid } from './uuid.js'

export type Controls = Pick<
  Simulator,
  | 'addConnector'
  | 'updateConnector'
  | 'addWorkflow'
  | 'setFaults'
  | 'setListFaults'
  | 'addNewerCheck'
  | 'startCheck'
  | 'checks'
>

export interface Store {
  connectors: ReadonlyMap<string, ConnectorState>
  workflows: ReadonlyMap<string, WorkflowState>
  /** The answers queued for each list path, taken one per request. */
  listFaults: ReadonlyMap<ListName, (ListFault | 'pass')[]>
  checks: Checks
  controls: Controls
}

export function createStore(profile: PlatformProfile, clock: PlatformClock): Store {
  const checks = checksOf(clock, profile.postMode ?? 'create')
  const stale =
    profile.staleFinalPost === undefined || profile.staleFinalPost === false
      ? undefined
      : profile.staleFinalPost === true
        ? {}
        : profile.staleFinalPost
  const connectors = new Map<string, ConnectorState>()
  const workflows = new Map<string, WorkflowState>()
  const listFaults = new Map<ListName, (ListFault | 'pass')[]>()

  function connectorOrThrow(id: string): ConnectorState {
    const state = connectors.get(canonicalUuid(id) ?? id)
    if (state === undefined) throw new Error(`simulator: unknown connector ${id}`)
    return state
  }

  const controls: Controls = {
    addConnector(id, behavior) {
      const canonical = canonicalUuid(id)
      if (canonical === undefined) throw new Error(`simulator: connector id ${id} is not a UUID`)
      const previous = connectors.get(canonical)
      const state: ConnectorState = {
        id: canonical,
        kind: behavior.kind,
        name: behavior.name ?? `sim-${behavior.kind}-${canonical.slice(0, 8)}`,
        type: behavior.type ?? (behavior.kind === 'source' ? 's3' : 'postgres'),
        checkDurationMs: behavior.checkDurationMs ?? 1000,
        ending: behavior.ending ?? 'SUCCESS',
        endings: [...(behavior.endings ?? [])],
        reason: behavior.reason !== undefined ? behavior.reason : 'simulated failure',
        config: { ...behavior.config },
        createdAt: previous?.createdAt ?? clock.stamp(clock.nowUs() - HOUR_US),
        updatedAt: previous?.updatedAt ?? null,
        // Re-adding a connector changes its behaviour but keeps its history.
        checks: previous?.checks ?? [],
        stale: previous?.stale,
        postFaults: [...(behavior.faults?.post ?? [])],
        getFaults: [...(behavior.faults?.get ?? [])],
        readFaults: [...(behavior.faults?.read ?? [])],
        infoFaults: [...(behavior.faults?.info ?? [])],
        posted: previous?.posted ?? false
      }
      if (stale !== undefined && state.stale === undefined) {
        state.stale = checks.stale(state, stale.ageMs ?? HOUR_MS, stale.status ?? 'SUCCESS')
      }
      connectors.set(canonical, state)
    },

    updateConnector(id, opts = {}) {
      const state = connectorOrThrow(id)
      if (opts.config !== undefined) state.config = { ...opts.config }
      state.updatedAt = clock.stamp(clock.nowUs() - Math.round((opts.agoMs ?? 0) * 1000))
      return state.updatedAt
    },

    addWorkflow(id, workflow) {
      const canonical = canonicalUuid(id)
      if (canonical === undefined) throw new Error(`simulator: workflow id ${id} is not a UUID`)
      workflows.set(canonical, {
        id: canonical,
        name: workflow.name ?? `sim-workflow-${canonical.slice(0, 8)}`,
        sources: [...workflow.sources],
        destinations: [...workflow.destinations],
        status: workflow.status ?? 'active',
        workflowType: workflow.workflowType ?? null,
        createdAt: clock.stamp(clock.nowUs() - HOUR_US),
        override: { ...workflow.override }
      })
    },

    setListFaults(list, faults) {
      listFaults.set(list, [...faults])
    },

    setFaults(id, faults) {
      const state = connectorOrThrow(id)
      state.postFaults = [...(faults.post ?? [])]
      state.getFaults = [...(faults.get ?? [])]
      state.readFaults = [...(faults.read ?? [])]
      state.infoFaults = [...(faults.info ?? [])]
    },

    addNewerCheck(id, opts) {
      return snapshot(checks.create(connectorOrThrow(id), 'newer', opts))
    },

    startCheck(id, opts) {
      const state = connectorOrThrow(id)
      const ageMs = opts?.ageMs ?? 0
      if (ageMs > 0) return snapshot(checks.past(state, ageMs, opts ?? {}))
      return snapshot(checks.create(state, 'other', opts))
    },

    checks(id) {
      return connectorOrThrow(id).checks.map(snapshot)
    }
  }

  return { connectors, workflows, listFaults, checks, controls }
}
