// The step's log, written through @actions/core as log.ts writes it, each line noted as it goes
// out: the heartbeat speaks only after a silence, so it must hear of every line. The runner's
// log is one per process, and so is this.
import * as core from '@actions/core'

export type { AnnotationProperties } from '@actions/core'
export { isDebug, setSecret } from '@actions/core'

const listeners = new Set<() => void>()

/** Calls `listener` after each line the log shows, until the function returned is called. */
export function onLine(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

function shown(): void {
  for (const listener of listeners) listener()
}

export function info(message: string): void {
  core.info(message)
  shown()
}

/** A debug line is shown only when the run has step debug logging on. */
export function debug(message: string): void {
  core.debug(message)
  if (core.isDebug()) shown()
}

export function error(message: string | Error, properties?: core.AnnotationProperties): void {
  core.error(message, properties)
  shown()
}

export function warning(message: string | Error, properties?: core.AnnotationProperties): void {
  core.warning(message, properties)
  shown()
}

export function startGroup(name: string): void {
  core.startGroup(name)
  shown()
}

export function endGroup(): void {
  core.endGroup()
  shown()
}
