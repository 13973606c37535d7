import { randomUUID } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import type { Simulator } from '../../simulator/platform-simulator.js'
import { runInProcess, type ActionResult } from '../support/action-harness.js'
import { stepInputs, withSimulator } from '../support/runner.js'

// Likely mistakes, recognised end to end against the simulator: a connector's id given as the
// other kind is looked up once as that kind, and the message says which input it belongs in.

/** Requests for a connector, as `METHOD path` without the /api/v1 prefix. */
const requestsFor = (sim: Simulator, id: string): string[] =>
  sim.requests
    .filter((r) => r.path.includes(id))
    .map((r) => `${r.method} ${r.path.replace('/api/v1', '')}`)

/** The first error annotation: its title and its message, decoded. */
function errorAnnotation(result: ActionResult): { title: string; message: string } {
  const line = result.stdout.split('\n').find((l) => l.startsWith('::error')) ?? ''
  const [, properties = '', message = ''] = /^::error ([^:]*)::(.*)$/.exec(line) ?? []
  return {
    title: decodeURIComponent(/title=([^,]*)/.exec(properties)?.[1] ?? ''),
    message: decodeURIComponent(message)
  }
}

describe("an id given as the other kind's", () => {
  it("fails a source's id given as destination-id as not-found, naming the input it belongs in", () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', name: 'orders-s3', type: 's3' })
      const result = await runInProcess(stepInputs(sim, { 'destination-id': id }))
      expect(result.outcome).toBe('not-found')
      expect(result.exitCode).toBe(1)
      expect(errorAnnotation(result)).toEqual({
        title: expect.stringMatching(/^destination [0-9a-f]{8}: Source given as a destination$/),
        message: expect.stringMatching(
          new RegExp(
            `^Destination connector ${id} was not found on 127\\.0\\.0\\.1:\\d+ \\(404: .*\\)\\. ` +
              `It is a source, not a destination \\("orders-s3", s3\\): use 'source-id'\\.$`
          )
        )
      })
      // The step's own reads and its one POST, all of the kind given; then one GET of the other
      // kind, and never a POST to it.
      const requests = requestsFor(sim, id)
      expect(requests.filter((r) => r.includes('/sources/'))).toEqual([`GET /sources/${id}`])
      expect(requests.at(-1)).toBe(`GET /sources/${id}`)
      expect(requests.filter((r) => r.startsWith('POST'))).toEqual([
        `POST /destinations/${id}/connection-check`
      ])
      expect(sim.checks(id)).toEqual([])
    }))

  it('says so in a dry run too, where the read of the kind given is the only other request', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'destination' })
      const result = await runInProcess(stepInputs(sim, { 'source-id': id, 'dry-run': 'true' }))
      expect(result.outcome).toBe('not-found')
      expect(errorAnnotation(result).message).toMatch(
        /It is a destination, not a source \(".+", postgres\): use 'destination-id'\.$/
      )
      expect(requestsFor(sim, id)).toEqual([`GET /sources/${id}`, `GET /destinations/${id}`])
    }))

  it('gives the plain 404 message for an id that is neither, after one GET of the other kind', () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      const result = await runInProcess(stepInputs(sim, { 'destination-id': id }))
      expect(result.outcome).toBe('not-found')
      const { title, message } = errorAnnotation(result)
      expect(title).toMatch(/^destination [0-9a-f]{8}: Connector not found$/)
      expect(message).toContain(`Destination connector ${id} was not found`)
      expect(message).toContain("Check the id and that the connector belongs to the API key's")
      expect(message).not.toContain('source')
      const requests = requestsFor(sim, id)
      expect(requests.filter((r) => r.includes('/sources/'))).toEqual([`GET /sources/${id}`])
      expect(requests.filter((r) => r.startsWith('POST'))).toHaveLength(1)
    }))

  it.each([
    ['a 500', { type: 'status', status: 500 } as const],
    ['a 401', { type: 'status', status: 401, body: '{"detail":"Invalid key"}' } as const],
    ['a body that is not that connector', { type: 'body', body: '{}' } as const]
  ])('keeps the plain 404 message when the other kind answers %s, unretried', (_, fault) =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source', name: 'orders-s3', faults: { info: [fault] } })
      const result = await runInProcess(stepInputs(sim, { 'destination-id': id }))
      expect(result.outcome).toBe('not-found')
      expect(errorAnnotation(result).title).toMatch(/: Connector not found$/)
      expect(requestsFor(sim, id).filter((r) => r.includes('/sources/'))).toEqual([
        `GET /sources/${id}`
      ])
    })
  )

  it("takes a workflow's word for a connector's kind: no read of the other kind", () =>
    withSimulator(async (sim) => {
      const id = randomUUID()
      sim.addConnector(id, { kind: 'source' })
      const workflow = randomUUID()
      sim.addWorkflow(workflow, { sources: [], destinations: [id] })
      const result = await runInProcess(stepInputs(sim, { 'workflow-id': workflow }))
      expect(result.outcome).toBe('not-found')
      expect(errorAnnotation(result).title).toMatch(/: Connector not found$/)
      expect(requestsFor(sim, id).filter((r) => r.includes('/sources/'))).toEqual([])
    }))
})
