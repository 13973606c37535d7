import { STATUS_CODES } from 'node:http'

/** A status as messages name it: `HTTP 503 Service Unavailable`, or `HTTP 599` for one unnamed. */
export function httpStatusText(status: number): string {
  const text = STATUS_CODES[status]
  return text ? `HTTP ${status} ${text}` : `HTTP ${status}`
}
