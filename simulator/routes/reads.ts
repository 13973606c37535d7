// Reads of a single resource: GET /sources/{id} and /destinations/{id} (with the connector's
// scripted `info` faults), and GET /workflows/{id}.
import type { Exchange } from '../http/answers.js'
import { connectorJson, workflowJson, type ConnectorState } from '../platform/state.js'
import type { Context } from './context.js'
import { serveQueued } from './faults.js'

export function serveConnector(ctx: Context, ex: Exchange, state: ConnectorState): void {
  // As the connector is when the request arrives, even if a fault delays the answer.
  const body = connectorJson(state)
  serveQueued(ctx, ex, state.infoFaults.shift(), {
    okStatus: 200,
    truncated: () => JSON.stringify(body),
    answer: () => {
      ctx.answers.json(ex, 200, body)
    }
  })
}

export function serveWorkflow(ctx: Context, ex: Exchange, id: string): void {
  const workflow = ctx.store.workflows.get(id)
  if (workflow === undefined) {
    ctx.answers.detail(ex, 404, `Workflow ${id} not found`)
    return
  }
  ctx.answers.json(ex, 200, workflowJson(workflow))
}
