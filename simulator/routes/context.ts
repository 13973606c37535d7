// What every route reads: the platform's state, the profile, and how to answer.
import type { Socket } from 'node:net'
import type { Answers } from '../http/answers.js'
import type { Paging } from '../lists.js'
import type { Store } from '../platform/store.js'
import type { PlatformProfile } from '../profile.js'
import type { RateLimiter } from '../rate-limit.js'

export interface Context {
  profile: Readonly<PlatformProfile>
  store: Store
  answers: Answers
  apiKeys: ReadonlySet<string>
  /** The API listener's scheme, for the Location of a redirect to itself. */
  scheme: 'http' | 'https'
  /** How GET /workflows/ pages, the profile's over the defaults. */
  paging: Paging
  limiter: RateLimiter | undefined
  /** Only a TCP socket can send an RST; under TLS that is the socket the TLS one wraps. */
  tcpSocketOf(socket: Socket): Socket
  /** Runs `run` after `ms`, unless the simulator is closed first. */
  later(ms: number, run: () => void): void
}
