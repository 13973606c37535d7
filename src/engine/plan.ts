import { inertTransient } from './inert.js'
import type { NamesResolved } from './contract.js'
import { stepClient, type Planned, type Step } from './context.js'
import type { PlatformApi } from '../api/client.js'
import type { ListedConnector, ListedWorkflow } from '../api/schemas.js'
import {
  uniqueConnectors,
  type Connector,
  type ConnectorInfo,
  type ConnectorKind
} from '../core/connector.js'
import { NAME_INPUTS } from './inputs.js'
import { listConnectors, listWorkflows, type ListThread, type Listing } from '../wait/listing.js'
import { type NameProblem, type NameTarget, type Problem } from '../core/problem.js'
import { resolveNames } from './resolve.js'
import { NAME_LIMIT } from '../core/remote-text.js'
import { Pacer } from '../wait/pacer.js'
import { type Subject } from './subject.js'

/** Why a step stops before any check: the problem, and what it is about. */
export type Stop = { ok: false; problem: Problem; subject: Subject }

type Found = { ok: true; value: Planned[] } | Stop

/**
 * The connectors to check, each once, in this order: those named by id, those named by name or
 * pattern, then the workflows' (by id, then by name). Every name is resolved, and every name
 * that does not resolve is reported together, before a single check starts.
 */
export async function connectorsToCheck(step: Step): Promise<Found> {
  const { settings } = step
  const wanted = NAME_INPUTS.filter(([, target]) => settings.names[target].length > 0)
  if (settings.workflowId === undefined && wanted.length === 0) {
    return {
      ok: true,
      value: settings.connectors.map((connector) => ({ connector, known: undefined }))
    }
  }
  // Every read at once, each on its own connection pool: one slow list does not hold up another.
  const [byId, sources, destinations, workflows] = await Promise.all([
    settings.workflowId === undefined ? undefined : readWorkflow(step, settings.workflowId),
    settings.names.source.length > 0
      ? listConnectors('source', listThread(step, 'source'))
      : undefined,
    settings.names.destination.length > 0
      ? listConnectors('destination', listThread(step, 'destination'))
      : undefined,
    settings.names.workflow.length > 0 ? listWorkflows(listThread(step, 'workflow')) : undefined
  ])
  if (byId !== undefined && !byId.ok) return byId
  const lists: [NameTarget, Listing<unknown> | undefined][] = [
    ['source', sources],
    ['destination', destinations],
    ['workflow', workflows]
  ]
  for (const [target, list] of lists) {
    if (list !== undefined && !list.ok) {
      return { ok: false, problem: list.problem, subject: { kind: 'list', target } }
    }
  }

  const known = new Map<string, ConnectorInfo>()
  const remember = (kind: ConnectorKind, list: Listing<ListedConnector> | undefined): void => {
    if (!list?.ok) return
    for (const entry of list.value.entries) {
      known.set(key({ kind, id: entry.id }), {
        name: entry.name === '' ? undefined : entry.name,
        type: entry.type,
        updatedAt: entry.updatedAt
      })
    }
  }
  remember('source', sources)
  remember('destination', destinations)

  const problems: NameProblem[] = []
  const lines: NamesResolved['lines'] = []
  const resolve = <T extends ListedConnector | ListedWorkflow>(
    input: string,
    target: NameTarget,
    list: Listing<T> | undefined
  ): T[] => {
    if (!list?.ok) return []
    const resolution = resolveNames(input, target, settings.names[target], list.value.entries)
    problems.push(...resolution.problems)
    for (const line of resolution.lines) lines.push({ input, ...line })
    return resolution.matched
  }
  const named = [
    ...resolve('source-name', 'source', sources).map((e) => ({
      kind: 'source' as const,
      id: e.id
    })),
    ...resolve('destination-name', 'destination', destinations).map((e) => ({
      kind: 'destination' as const,
      id: e.id
    }))
  ]
  const byName = resolve('workflow-name', 'workflow', workflows)

  const { text, reporter } = step
  step.resolved = {
    lists: lists.flatMap(([target, list]) =>
      list?.ok === true
        ? [{ target, entries: list.value.entries.length, requests: list.value.requests }]
        : []
    ),
    lines: lines.map((line) => ({
      ...line,
      name: text.clean(line.name, NAME_LIMIT),
      shown: line.shown.map((name) => text.clean(name, NAME_LIMIT))
    }))
  }
  reporter.resolved?.(step.resolved)
  if (problems.length > 0) {
    return {
      ok: false,
      problem: { kind: 'unresolved-names', items: problems },
      subject: { kind: 'inputs' }
    }
  }

  const ofWorkflow = (workflow: { sources: string[]; destinations: string[] }): Connector[] => [
    ...workflow.sources.map((id) => ({ kind: 'source' as const, id })),
    ...workflow.destinations.map((id) => ({ kind: 'destination' as const, id }))
  ]
  const connectors = uniqueConnectors([
    ...settings.connectors,
    ...named,
    ...(byId === undefined ? [] : ofWorkflow(byId.value)),
    ...byName.flatMap(ofWorkflow)
  ])
  if (connectors.length === 0) {
    const { names } = step.context
    const message =
      byId === undefined
        ? `The workflows that ${names.ref('workflow-name')} matched have no source or ` +
          'destination connectors, and no other input names one: there is nothing to check.'
        : `Workflow ${byId.value.id} has no source or destination connectors, and neither ` +
          `${names.ref('source-id')} nor ${names.ref('destination-id')} names one: there is ` +
          'nothing to check.'
    const input = byId === undefined ? 'workflow-name' : 'workflow-id'
    return {
      ok: false,
      problem: { kind: 'invalid-input', input, message },
      subject: byId === undefined ? { kind: 'inputs' } : { kind: 'workflow', id: byId.value.id }
    }
  }
  return { ok: true, value: connectors.map((c) => ({ connector: c, known: known.get(key(c)) })) }
}

function key(connector: Connector): string {
  return `${connector.kind}:${connector.id}`
}

/** One list's thread of requests: its own client and pacer, its retries reported inert. */
function listThread(step: Step, target: NameTarget): ListThread {
  const { pacing, text, reporter } = step
  return {
    client: stepClient(step, (entry) => {
      reporter.request(entry)
    }),
    pacer: new Pacer(pacing),
    retrying: (problem, delayMs, failuresInARow) => {
      reporter.listRetrying?.(target, inertTransient(problem, text), delayMs, failuresInARow)
    }
  }
}

/** The workflow named by id, with its connectors. */
async function readWorkflow(
  step: Step,
  workflowId: string
): Promise<{ ok: true; value: { id: string; sources: string[]; destinations: string[] } } | Stop> {
  const { pacing, text, reporter } = step
  const subject: Subject = { kind: 'workflow', id: workflowId }
  const client = stepClient(step, (entry) => {
    reporter.request(entry)
  })
  let workflow: Awaited<ReturnType<PlatformApi['workflow']>>
  try {
    workflow = await new Pacer(pacing).retry(
      (call) => client.workflow(workflowId, call),
      (problem, delayMs, failuresInARow) => {
        reporter.workflowRetrying(
          workflowId,
          inertTransient(problem, text),
          delayMs,
          failuresInARow
        )
      }
    )
  } finally {
    client.close()
  }
  if (!workflow.ok) return { ok: false, problem: workflow.problem, subject }
  const { sources, destinations } = workflow.value
  reporter.workflowRead(workflowId, sources.length, destinations.length)
  return { ok: true, value: { id: workflowId, sources, destinations } }
}
