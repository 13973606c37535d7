import { Secrets } from '../core/remote-text.js'
import { displayWidth } from '../report/table.js'

/**
 * Where the terminal report is written: lines that stay, and (on a terminal) a block of live
 * lines under them that is redrawn in place. Live lines are cut to the terminal's width, since a
 * line that wraps would throw off the redraw; lines that stay are kept whole. Text arrives inert
 * from the engine; replacing the key here as well is only a second guard.
 */

/** What the report writes to: a process stream, or a test's stand-in. */
export interface Output {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
  rows?: number
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * Colours follow the usual conventions: NO_COLOR (set and not empty) turns them off, then
 * FORCE_COLOR turns them on (off for "0" or "false"), else only a terminal gets them.
 */
export function useColour(output: Output, env: Env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  return output.isTTY === true && env.TERM !== 'dumb'
}

/**
 * Live lines only where they can be redrawn: a terminal (not a dumb one). CONNCHECK_LIVE=1
 * forces them on (tests, or a terminal emulator that Node does not take for one), 0 off.
 */
export function useLive(output: Output, env: Env): boolean {
  if (env.CONNCHECK_LIVE === '1') return true
  if (env.CONNCHECK_LIVE === '0') return false
  return output.isTTY === true && env.TERM !== 'dumb'
}

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow'

const SGR: Record<Style, string> = {
  bold: '1',
  dim: '2',
  red: '31',
  green: '32',
  yellow: '33'
}

/** A piece of a line and how it looks. */
export interface Span {
  text: string
  style?: Style | undefined
}

const ELLIPSIS = '…'

/** The spans cut to `width` columns, the last shortened with an ellipsis. */
export function fit(spans: readonly Span[], width: number): Span[] {
  const total = spans.reduce((sum, s) => sum + displayWidth(s.text), 0)
  if (total <= width) return [...spans]
  const room = Math.max(0, width - 1)
  const out: Span[] = []
  let used = 0
  for (const span of spans) {
    let text = ''
    for (const { segment } of new Intl.Segmenter().segment(span.text)) {
      const w = displayWidth(segment)
      if (used + w > room) break
      text += segment
      used += w
    }
    if (text !== '') out.push({ text, style: span.style })
    if (text.length < span.text.length) break
  }
  out.push({ text: ELLIPSIS })
  return out
}

export class Screen {
  private readonly secrets = new Secrets()
  private readonly listeners: (() => void)[] = []
  /** Lines of the live block now on the screen, the cursor on the line below them. */
  private shown = 0
  private live: Span[][] = []

  /** `columns`: the width when the output does not say (COLUMNS, for a pipe). */
  constructor(
    private readonly output: Output,
    readonly colour: boolean,
    readonly isLive: boolean,
    private readonly columns = 80
  ) {}

  /** A value never to show: the key. */
  secret(value: string): void {
    this.secrets.add(value)
  }

  /** Calls `listener` after each line that stays (the heartbeat counts them). */
  onLine(listener: () => void): void {
    this.listeners.push(listener)
  }

  /** Columns of the terminal; a pseudo-terminal that never had a size says 0. */
  get width(): number {
    return Math.max(20, this.output.columns || this.columns)
  }

  /** The most live lines that fit on the screen with room to spare. */
  get height(): number {
    return Math.max(3, (this.output.rows || 24) - 2)
  }

  /**
   * A line that stays, above any live lines. It is kept whole even if it wraps: the live lines
   * are erased before it and drawn again after it, so the redraw only counts their own lines.
   */
  line(spans: readonly Span[] | string): void {
    const all = typeof spans === 'string' ? [{ text: spans }] : spans
    this.write(this.erase() + this.render(all) + '\n' + this.draw())
    for (const listener of this.listeners) listener()
  }

  /** Replaces the live lines; nothing is written when they read as before. */
  setLive(lines: Span[][]): void {
    if (!this.isLive) return
    const drawn = this.live
    this.live = lines
    if (this.shown > 0 && JSON.stringify(drawn) === JSON.stringify(lines)) return
    this.write(this.erase() + this.draw())
  }

  /** Removes the live lines for good. */
  clearLive(): void {
    this.live = []
    if (this.shown > 0) this.write(this.erase())
  }

  private erase(): string {
    if (this.shown === 0) return ''
    const up = `\x1b[${this.shown}A`
    this.shown = 0
    return `\r${up}\x1b[J`
  }

  private draw(): string {
    this.shown = this.live.length
    return this.live.map((spans) => `${this.render(fit(spans, this.width - 1))}\n`).join('')
  }

  private render(spans: readonly Span[]): string {
    return spans
      .map(({ text, style }) => {
        const safe = this.mask(text)
        return this.colour && style !== undefined ? `\x1b[${SGR[style]}m${safe}\x1b[0m` : safe
      })
      .join('')
  }

  private mask(text: string): string {
    return this.secrets.redact(text)
  }

  private write(text: string): void {
    if (text !== '') this.output.write(text)
  }
}
