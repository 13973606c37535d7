import type { RequestLog } from '../../src/api/client.js'
import type { Connector, ConnectorNames } from '../../src/core/connector.js'
import type { TransientProblem } from '../../src/core/problem.js'
import type {
  CheckEvents,
  ConnectorReporter,
  NamesResolved,
  Plan,
  Reporter,
  Result
} from '../../src/engine/contract.js'

/** One thing the engine told its reporter: about a connector (its id), or the step (none). */
export interface Told {
  connector: string | undefined
  line: string
}

/**
 * A Reporter that prints nothing and keeps everything it is told: one line per event, the
 * requests logged, the plan, the names resolved and each connector's finished result.
 */
export class RecordingReporter implements Reporter {
  readonly secrets: string[] = []
  readonly told: Told[] = []
  readonly requests: Parameters<RequestLog>[0][] = []
  readonly finished: Result[] = []
  readonly named = new Map<string, ConnectorNames>()
  plan: Plan | undefined
  resolution: NamesResolved | undefined

  /** `onTold` hears each thing as it is told: a test may act on one (cancel the step, say). */
  constructor(private readonly onTold: (told: Told) => void = () => undefined) {}

  readonly request: RequestLog = (entry) => {
    this.requests.push(entry)
  }

  secret(value: string): void {
    this.secrets.push(value)
  }

  workflowRetrying(workflowId: string, problem: TransientProblem, delayMs: number): void {
    this.say(undefined, `workflow ${workflowId} retrying after ${problem.reason} in ${delayMs} ms`)
  }

  workflowRead(workflowId: string, sources: number, destinations: number): void {
    this.say(undefined, `workflow ${workflowId}: ${sources} sources, ${destinations} destinations`)
  }

  listRetrying(target: string, problem: TransientProblem): void {
    this.say(undefined, `list of ${target} retrying after ${problem.reason}`)
  }

  resolved(resolution: NamesResolved): void {
    this.resolution = resolution
  }

  checking(plan: Plan): void {
    this.plan = plan
    this.say(undefined, `checking ${plan.connectors.length}`)
  }

  connector(connector: Connector): ConnectorReporter {
    const say = (line: string): void => {
      this.say(connector.id, line)
    }
    const events: CheckEvents = {
      started: (check) => {
        say(`started ${check.id} ${check.status}`)
      },
      joined: (check, refusal) => {
        say(
          `joined ${check.id} after ${refusal === undefined ? 'a lost answer' : String(refusal.status)}`
        )
      },
      finalOnArrival: (check) => {
        say(`final on arrival ${check.id} ${check.status}`)
      },
      statusChanged: (check, previous) => {
        say(`status ${check.id} ${previous} -> ${check.status}`)
      },
      superseded: (previous, newer) => {
        say(`superseded ${previous.id} by ${newer.id}`)
      },
      unknownStatus: (check) => {
        say(`unknown status ${check.status}`)
      },
      ignored: (check, relation) => {
        say(`ignored ${check.id} ${relation}`)
      },
      retrying: (problem, _delayMs, failuresInARow) => {
        say(`retrying #${failuresInARow} after ${problem.reason}`)
      }
    }
    say('begins')
    return {
      ...events,
      request: (entry) => {
        this.requests.push(entry)
      },
      named: (names) => {
        this.named.set(connector.id, names)
        say(`named ${names.name ?? '?'} (${names.type ?? '?'})`)
      },
      notReused: (why) => {
        say(`not reused: ${why}`)
      },
      rechecking: (failed, pauseMs, n, max) => {
        say(`rechecking ${failed.id} after ${pauseMs} ms (${n} of ${max})`)
      },
      finished: (result) => {
        this.finished.push(result)
        say(`finished ${result.verdict.outcome}`)
      }
    }
  }

  /** What was told about one connector, in order. */
  about(connector: Connector): string[] {
    return this.told.filter((t) => t.connector === connector.id).map((t) => t.line)
  }

  private say(connector: string | undefined, line: string): void {
    const told = { connector, line }
    this.told.push(told)
    this.onTold(told)
  }
}
