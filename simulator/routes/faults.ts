// Scripted faults that any path answers alike (a check path also has faults of its own, in
// connection-check.ts): errors, pages from a proxy, dropped and cut-off connections, delays.
import type { ListFault } from '../contract.js'
import { JSON_TYPE, statusTitle, type Exchange } from '../http/answers.js'
import type { Context } from './context.js'

/** The answer a fault stands in for: its 2xx status, its body cut off halfway, itself. */
export interface NormalAnswer {
  okStatus: number
  truncated: () => string
  answer: () => void
}

/** The page nginx serves for an error of its own. */
function htmlPage(status: number): string {
  const title = statusTitle(status)
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
}

export function serveFault(ctx: Context, ex: Exchange, slot: ListFault, how: NormalAnswer): void {
  const { answers } = ctx
  switch (slot.type) {
    case 'status':
      answers.send(
        ex,
        slot.status,
        slot.body ?? JSON.stringify({ detail: `simulated ${slot.status}` }),
        slot.contentType ?? JSON_TYPE,
        slot.headers
      )
      return
    case 'html':
      answers.send(ex, slot.status, htmlPage(slot.status), 'text/html; charset=utf-8')
      return
    case 'rate-limit': {
      const headers: Record<string, string> = {}
      if (slot.retryAfter !== undefined) headers['retry-after'] = slot.retryAfter
      answers.phrase(ex, 429, headers)
      return
    }
    case 'reset':
      ex.record.status = 'reset'
      // An RST rather than a FIN, so the client sees ECONNRESET as from a dropped connection.
      ctx.tcpSocketOf(ex.req.socket).resetAndDestroy()
      return
    case 'truncate': {
      const body = how.truncated()
      ex.record.status = 'truncate'
      ex.res.writeHead(
        how.okStatus,
        answers.headers({
          'content-type': JSON_TYPE,
          'content-length': String(Buffer.byteLength(body))
        })
      )
      ex.res.write(body.slice(0, Math.floor(body.length / 2)), () => {
        ex.req.socket.destroy()
      })
      return
    }
    case 'delay':
      ctx.later(slot.ms, () => {
        if (!ex.res.destroyed) how.answer()
      })
      return
    case 'hang':
      // record.status stays 'hang'; close() destroys the socket.
      return
    case 'body':
      answers.send(ex, slot.status ?? how.okStatus, slot.body, slot.contentType ?? JSON_TYPE)
      return
    case 'redirect':
      answers.send(ex, slot.status ?? 307, '', undefined, { location: slot.location })
      return
    case 'not-found':
      answers.phrase(ex, 404)
      return
    case 'validation':
      answers.detail(ex, 422, slot.detail)
      return
  }
}

/** The next queued answer of a path that is not a check: a fault, or else the normal answer. */
export function serveQueued(
  ctx: Context,
  ex: Exchange,
  slot: ListFault | 'pass' | undefined,
  how: NormalAnswer
): void {
  if (slot === undefined || slot === 'pass') how.answer()
  else serveFault(ctx, ex, slot, how)
}
