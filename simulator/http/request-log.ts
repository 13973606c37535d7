// The request log: every request recorded on arrival, in order, with what it was answered.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { RecordedRequest } from '../contract.js'
import type { Exchange } from './answers.js'

/**
 * A request listener that records each request in `log`, then answers it once its (unexpected)
 * body has been drained, as a real server does, so the connection stays usable for keep-alive.
 */
export function logged(
  log: RecordedRequest[],
  answer: (ex: Exchange) => void
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const record: RecordedRequest = {
      at: performance.now(),
      method: req.method ?? '',
      path: req.url ?? '',
      headers: { ...req.headers },
      // Until answered; it stays so for an answer that never comes.
      status: 'hang'
    }
    log.push(record)
    req.on('end', () => {
      answer({ req, res, record })
    })
    req.resume()
  }
}
