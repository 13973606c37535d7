import * as core from '@actions/core'
import { countsInWords, ranked } from '../report/counts.js'
import type { ResultView } from '../report/view.js'
import { oneLine } from '../core/text.js'

/** GitHub shows at most this many annotations of each kind per step, and drops the rest unseen. */
export const ANNOTATIONS_PER_STEP = 10

/** Connectors the last annotation names one by one before it counts the rest. */
const NAMED_IN_REST = 30

type AnnotationKind = 'error' | 'warning'

interface Annotation {
  message: string
  title: string
}

/** How an annotation's title names a connector: its name and short id, or its kind and id. */
function who(view: ResultView): string {
  const { connector, shortId, shortName } = view
  return view.names?.name === undefined ? shortName : `${shortName} (${connector.kind} ${shortId})`
}

/**
 * "orders-s3 (source 5f1e2d3c): Connection check failed": the connector and what happened, so
 * that no two connectors' titles are the same.
 */
export function verdictTitle(view: ResultView): string {
  return `${who(view)}: ${view.verdict.title}${view.waived ? ' (waived)' : ''}`
}

/**
 * Error and warning annotations of one step, within GitHub's ten of each. Connectors' verdicts
 * are held until the end and ranked, failures first, so that timeouts cannot take the slots of
 * a real FAILURE; when more did not pass than there are slots, the last one names the rest,
 * failures first, with counts per outcome. Other annotations (a superseded check, a file not
 * written) go out at once; past the limit they are log lines, counted by one last annotation.
 */
export class Annotations {
  private readonly shown: Record<AnnotationKind, number> = { error: 0, warning: 0 }
  private readonly held: Record<AnnotationKind, Annotation[]> = { error: [], warning: [] }
  private readonly verdicts: ResultView[] = []

  error(message: string, title: string): void {
    this.add('error', { message, title })
  }

  warning(message: string, title: string): void {
    this.add('warning', { message, title })
  }

  /** A connector's verdict, annotated at the end in its rank if it did not pass or is flaky. */
  verdict(view: ResultView): void {
    this.verdicts.push(view)
  }

  /** Emits the ranked verdicts and what was held back; call once, when nothing else will come. */
  finish(): void {
    const views = ranked(this.verdicts.splice(0))
    const failing = views.filter((v) => !v.passed && !v.waived)
    this.emitRanked('error', failing.map(errorOf), failing)
    const warned = [...views.filter((v) => v.waived), ...views.filter((v) => v.flaky)]
    this.emitRanked('warning', warned.map(warningOf), warned)
    this.finishHeld('error', 'connectors did not pass', 'more connectors did not pass')
    this.finishHeld('warning', 'warnings', 'more warnings')
  }

  /** Ranked annotations: as many as fit, then one that names the rest. */
  private emitRanked(
    kind: AnnotationKind,
    annotations: readonly Annotation[],
    views: readonly ResultView[]
  ): void {
    const room = ANNOTATIONS_PER_STEP - this.shown[kind] - (this.held[kind].length > 0 ? 1 : 0)
    if (annotations.length <= room) {
      for (const annotation of annotations) this.emit(kind, annotation)
      return
    }
    const kept = Math.max(0, room - 1)
    for (const annotation of annotations.slice(0, kept)) this.emit(kind, annotation)
    const rest = views.slice(kept)
    if (room > 0) this.emit(kind, restOf(kind, rest))
    else for (const annotation of annotations.slice(kept)) this.held[kind].push(annotation)
  }

  private finishHeld(kind: AnnotationKind, plural: string, more: string): void {
    const held = this.held[kind].splice(0)
    const [only] = held
    if (held.length === 1 && only !== undefined) this.emit(kind, only)
    else if (held.length > 1) {
      this.emit(kind, {
        title: `${held.length} ${more}`,
        message:
          `${held.length} more ${plural}: GitHub shows at most ${ANNOTATIONS_PER_STEP} ${kind} ` +
          'annotations per step. Each is in the log, and every verdict in the job summary.'
      })
    }
  }

  private add(kind: AnnotationKind, annotation: Annotation): void {
    if (this.shown[kind] < ANNOTATIONS_PER_STEP - 1) {
      this.emit(kind, annotation)
      return
    }
    this.held[kind].push(annotation)
    core.info(`${annotation.title}: ${annotation.message}`)
  }

  private emit(kind: AnnotationKind, { message, title }: Annotation): void {
    this.shown[kind] += 1
    if (kind === 'error') core.error(message, { title })
    else core.warning(message, { title })
  }
}

/** A verdict that fails the step: what happened, and the likely cause on a line of its own. */
function errorOf(view: ResultView): Annotation {
  const { message } = view.verdict
  return {
    title: verdictTitle(view),
    message: view.hint === undefined ? message : `${message}\n${view.hint}`
  }
}

/** A verdict waived by on-platform-unavailable: warn, or a pass after a FAILURE. */
function warningOf(view: ResultView): Annotation {
  if (view.waived) {
    return {
      title: verdictTitle(view),
      message: [view.verdict.message, ...view.notes].join('\n')
    }
  }
  return { title: `${who(view)}: Flaky connection check`, message: view.flakyNotes.join('\n') }
}

/** The last annotation when more did not pass than there is room for: it names them all. */
function restOf(kind: AnnotationKind, rest: readonly ResultView[]): Annotation {
  const counts = countsInWords(rest.map((v) => v.outcome))
  const lines = rest.slice(0, NAMED_IN_REST).map((v) => {
    const why = oneLine(v.brief, 100)
    return `${verdictTitle(v)}${why === '' ? '' : ` (${why})`}`
  })
  const more = rest.length - lines.length
  const what = kind === 'error' ? 'did not pass' : 'have warnings'
  return {
    title: `${rest.length} more connectors ${what}: ${counts}`,
    message: [
      ...lines,
      ...(more > 0 ? [`… and ${more} more.`] : []),
      `GitHub shows at most ${ANNOTATIONS_PER_STEP} ${kind} annotations per step: every ` +
        "verdict is in the job summary, in the log's verdict table and in its connector's group."
    ].join('\n')
  }
}
