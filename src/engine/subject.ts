// What a verdict is about, and how its sentences name it.
import { connectorLabel, type Connector, type ConnectorNames } from '../core/connector.js'
import type { InputNames } from './contract.js'
import type { NameTarget } from '../core/problem.js'

export interface VerdictContext {
  apiHost: string
  timeoutMs: number
  /** How to name what the user sets, in the front end's words. */
  names: InputNames
}

/** What a verdict is about: a connector (named when the API told its name), a workflow, inputs. */
export type Subject =
  | {
      kind: 'connector'
      connector: Connector
      names?: ConnectorNames | undefined
      /** A dry run's read of the connector, which starts no check. */
      reading?: boolean
    }
  | { kind: 'workflow'; id: string }
  /** A list endpoint, read to resolve names. */
  | { kind: 'list'; target: NameTarget }
  | { kind: 'inputs' }

export const PLURAL: Record<NameTarget, string> = {
  source: 'sources',
  destination: 'destinations',
  workflow: 'workflows'
}

/** Most lines of an unresolved-names message, and ids named in one line, before a count. */
export function label(subject: Subject, capital: boolean): string {
  switch (subject.kind) {
    case 'connector':
      return connectorLabel(subject.connector, subject.names, capital)
    case 'workflow':
      return `${capital ? 'Workflow' : 'workflow'} ${subject.id}`
    case 'list':
      return `${capital ? 'The' : 'the'} list of ${PLURAL[subject.target]}`
    case 'inputs':
      return capital ? 'The inputs' : 'the inputs'
  }
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
