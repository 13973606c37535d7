// What the bundles get for `undici` (tsconfig.json maps the name here; ncc resolves through that
// map). @actions/http-client imports undici for one thing, ProxyAgent, which only its
// getAgentDispatcher() builds: a dispatcher for fetch(), which neither front end uses (our
// requests go through HttpClient.request, and behind a proxy through TunnelAgent). undici itself
// is CommonJS, so the bundler cannot drop it, and loading it was the largest part of start-up.

/** Throws: nothing in this program asks @actions/http-client for a fetch() dispatcher. */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- stands in for undici's class
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled: HttpClient.getAgentDispatcher() is not available')
  }
}
