// The profile's firewall page: an HTML page from a CDN or proxy in front of the API, instead of
// the API's JSON, for every path or only the connection-check ones.
import { statusTitle, type Exchange } from '../http/answers.js'
import type { FirewallPage } from '../profile.js'
import type { Context } from './context.js'

/** The kind of block page a CDN or corporate proxy serves; the title goes in verbatim. */
function firewallHtml(page: FirewallPage): string {
  const title = page.title ?? statusTitle(page.status)
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US">',
    `<head><meta charset="UTF-8"><title>${title}</title></head>`,
    '<body>',
    `<h1>Sorry, you have been blocked (${page.status})</h1>`,
    '<p>This request was stopped by a security service before it reached the website.</p>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

/** True when the firewall page answered the request. */
export function firewalled(ctx: Context, ex: Exchange, path: string): boolean {
  const page = ctx.profile.firewallPage
  if (page === undefined || (page.paths === 'checks' && !path.endsWith('/connection-check'))) {
    return false
  }
  ctx.answers.send(ex, page.status, firewallHtml(page), 'text/html; charset=UTF-8')
  return true
}
