// What every part of one step shares, and the one way it reaches the platform.
import { PlatformClient, type PlatformApi, type RequestLog } from '../api/client.js'
import type { Connector, ConnectorInfo } from '../core/connector.js'
import type { RemoteText } from '../core/remote-text.js'
import type { PacerOptions } from '../wait/pacer.js'
import type { Connect, NamesResolved, Reporter, Settings } from './contract.js'
import { inertRequests } from './inert.js'
import type { VerdictContext } from './subject.js'

/** What every part of one step shares. */
export interface Step {
  settings: Settings
  pacing: PacerOptions
  context: VerdictContext
  text: RemoteText
  reporter: Reporter
  connect: Connect
  /** What the name inputs matched, once they are resolved. */
  resolved?: NamesResolved
}

/** A connector to check, with its name, type and updated_at when a list already told them. */
export interface Planned {
  connector: Connector
  known: ConnectorInfo | undefined
}

/** The platform over HTTP: what a step uses unless it is given another way in. */
export const connectOverHttp: Connect = ({ base, apiKey, epochNow, log }) =>
  new PlatformClient(base, apiKey, epochNow, log)

/** A client of the step's API, its requests logged inert; each has its own connections. */
export function stepClient(step: Step, log: RequestLog): PlatformApi {
  const { settings, pacing, text } = step
  return step.connect({
    base: settings.api.base,
    apiKey: settings.apiKey,
    epochNow: () => pacing.clock.epochNow(),
    log: inertRequests(log, text)
  })
}
