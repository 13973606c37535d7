import { connectionCheckPath, type Connector } from '../connector.js'
import type { Problem } from '../problems.js'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import { classifyResponse, type Classified, type RawResponse } from './classify.js'
import type { ConnectionCheck } from './schemas.js'
import { Transport } from './transport.js'

export interface CallOptions {
  timeoutMs: number
  signal: AbortSignal
}

/** What one call gave: a check, or a problem with a kind. `cancelled` when the signal fired. */
export type CallResult = { ok: true; check: ConnectionCheck } | { ok: false; problem: Problem }

/** The two calls the wait loop needs; a fake of this is what the loop's unit tests drive. */
export interface ConnectionCheckApi {
  startCheck(connector: Connector, options: CallOptions): Promise<CallResult>
  latestCheck(connector: Connector, options: CallOptions): Promise<CallResult>
}

/** Per-request detail for debug logs: path and status only, never headers or options. */
export type RequestLog = (entry: {
  method: string
  path: string
  outcome: string
  elapsedMs: number
}) => void

export class PlatformClient implements ConnectionCheckApi {
  private readonly transport: Transport

  constructor(
    private readonly apiBase: string,
    apiKey: string,
    private readonly epochNow: () => number,
    private readonly log: RequestLog = () => undefined
  ) {
    this.transport = new Transport(
      apiBase,
      { 'unstructured-api-key': apiKey, accept: 'application/json' },
      `${ACTION_NAME}/${ACTION_VERSION}`
    )
  }

  startCheck(connector: Connector, options: CallOptions): Promise<CallResult> {
    return this.call('POST', connectionCheckPath(connector), options)
  }

  latestCheck(connector: Connector, options: CallOptions): Promise<CallResult> {
    return this.call('GET', connectionCheckPath(connector), options)
  }

  close(): void {
    this.transport.close()
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    options: CallOptions
  ): Promise<CallResult> {
    const started = performance.now()
    const sent = await this.transport.send(method, `${this.apiBase}${path}`, options)
    const result = this.interpret(sent, options.timeoutMs)
    this.log({
      method,
      path,
      outcome: sent.ok ? summarise(sent.response, result) : describeProblem(result),
      elapsedMs: performance.now() - started
    })
    return result
  }

  private interpret(sent: Awaited<ReturnType<Transport['send']>>, timeoutMs: number): CallResult {
    if (sent.ok) return classifyResponse(sent.response, this.epochNow())
    switch (sent.failure) {
      case 'aborted':
        return { ok: false, problem: { kind: 'cancelled', signal: undefined } }
      case 'timed-out':
        return transient(`no answer within ${(timeoutMs / 1000).toFixed(1)} s`)
      case 'network':
        return transient(sent.reason)
    }
  }
}

function transient(reason: string): CallResult {
  return {
    ok: false,
    problem: { kind: 'transient', status: undefined, reason, retryAfterMs: undefined }
  }
}

function summarise(response: RawResponse, result: Classified): string {
  return result.ok
    ? `${response.status} ${result.check.status} (check ${result.check.id})`
    : `${response.status} ${result.problem.kind}`
}

function describeProblem(result: CallResult): string {
  if (result.ok) return 'ok'
  return result.problem.kind === 'transient' ? result.problem.reason : result.problem.kind
}
