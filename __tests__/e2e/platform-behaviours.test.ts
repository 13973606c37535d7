import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { makeCertificates, type TestCertificates } from '../../simulator/tls-certs.js'
import {
  PLATFORM_CASES,
  PROXIED_HOST,
  PROXY_SECRET,
  runPlatformCase,
  type PlatformCaseRun
} from '../support/platform-cases.js'
import { verifyInvariants } from '../support/scenarios.js'

// Platform behaviours that nothing documents, each against the bundle over real HTTP or HTTPS:
// the outcome, the POSTs, and the words of the verdict. Cases wait concurrently.
let certs: TestCertificates

beforeAll(async () => {
  certs = await makeCertificates()
})

afterAll(async () => {
  await certs.remove()
})

function secretsNowhere(run: PlatformCaseRun): void {
  const { result } = run
  verifyInvariants(result, run.sim.apiKey)
  for (const text of [result.stdout, JSON.stringify(result.outputs), result.summary]) {
    expect(text).not.toContain(PROXY_SECRET)
  }
}

describe('platform behaviours that nothing documents, on the bundle', () => {
  it.concurrent.each(PLATFORM_CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_, platformCase) => {
      const run = await runPlatformCase(platformCase, undefined, certs)
      const { result } = run
      const { expected } = platformCase
      secretsNowhere(run)
      expect({ outcome: result.outputs.outcome, error: run.errorLine }).toMatchObject({
        outcome: expected.outcome
      })
      if (expected.posts !== undefined) expect(run.posts).toBe(expected.posts)
      if (expected.message !== undefined) expect(run.errorLine).toMatch(expected.message)
      if (expected.outcome === 'error') {
        // Waiting could not help, so it did not wait for the deadline.
        const deadlineMs = (platformCase.timeoutSeconds ?? 20) * 1000
        if (platformCase.closedPort !== true && platformCase.proxy?.noProxy !== true) {
          expect(result.durationMs).toBeLessThan(deadlineMs / 2)
        }
      }
      if (expected.outcome === 'success') {
        // The verdict is a check the platform holds and decided after the step began.
        const decided = run.checks.find((c) => c.createdAt === result.outputs['created-at'])
        expect(decided).toBeDefined()
        expect(decided?.ending).toBe('SUCCESS')
        // Transient errors would show in the log: there were none, unless expected.
        if (expected.transient !== true) expect(result.stdout).not.toContain('Transient error')
      }
      expect(platformCase.verify?.(run)).toBeUndefined()
      if (run.proxy !== undefined) {
        // The proxy saw the tunnel and nothing else: no request line, no header, no key.
        for (const seen of run.proxy.requests) {
          expect(seen.method).toBe('CONNECT')
          expect(seen.target).toBe(`${PROXIED_HOST}:${run.sim.port}`)
          expect(JSON.stringify(seen.headers)).not.toContain(run.sim.apiKey)
        }
        expect(run.proxy.requests.length > 0).toBe(platformCase.proxy?.noProxy !== true)
      }
    },
    60_000
  )
})
