// The simulator of a large sweep, in a process of its own so that its CPU is neither the
// action's nor the bench's: a generated workspace of N connectors whose checks take 1 to 3 s,
// each with a check of the same length that ended an hour before the step (its prior). Over IPC
// it sends a SweepServed when it listens, answers 'tally' with a SweepTally, and ends on 'close'.
//   node --import tsx scripts/bench/sweep-server.ts N
import { performance } from 'node:perf_hooks'
import { startSimulator } from '../../simulator/platform-simulator.js'
import { generateWorkspace } from '../../simulator/workspace.js'
import type { SweepServed, SweepTally } from './sweep.js'

/** Each check takes SHORTEST_MS plus up to SPREAD_MS more, the same every time it runs. */
const SHORTEST_MS = 1_000
const SPREAD_MS = 2_000
const HOUR_MS = 3_600_000
const CONNECTOR_PATH = /^\/api\/v1\/(?:sources|destinations)\/([0-9a-f-]{36})(\/[^?]*)?/

const count = Number(process.argv[2])
if (!Number.isInteger(count) || count < 1 || process.send === undefined) {
  throw new Error('usage: sweep-server.ts N, spawned with an IPC channel')
}
const send = (message: SweepServed | SweepTally): void => {
  process.send?.(message)
}
/** Epoch ms of a performance.now() of this process, to compare with the bench's. */
const epoch = (at: number): number => performance.timeOrigin + at

const sim = await startSimulator()
// The seeded generator's names and types (and a config of the size real ones have); no
// workflows: the sweep is by pattern over both kinds.
const workspace = generateWorkspace({ connectors: count, workflows: 0, longestCheckMs: SPREAD_MS })
const connectors = workspace.connectors.map((c) => ({
  id: c.id,
  durationMs: SHORTEST_MS + c.checkDurationMs
}))
for (const [i, c] of workspace.connectors.entries()) {
  const durationMs = connectors[i]?.durationMs ?? SHORTEST_MS
  sim.addConnector(c.id, {
    kind: c.kind,
    name: c.name,
    type: c.type,
    checkDurationMs: durationMs,
    ending: 'SUCCESS',
    config: {
      remote_url: `${c.type}://${c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}/incoming/`,
      recursive: true,
      batch_size: 100,
      credentials: { key_id: `AKIA${c.id.slice(0, 12).toUpperCase()}`, secret: '**********' }
    }
  })
  sim.startCheck(c.id, { ageMs: HOUR_MS, durationMs, ending: 'SUCCESS' })
}
send({ kind: 'served', url: sim.url, apiKey: sim.apiKey, connectors })

function tally(): SweepTally {
  const index = new Map(connectors.map((c, i) => [c.id, i]))
  const perConnector = connectors.map(() => ({ requests: 0, posts: 0, readsBeforePost: 0 }))
  const lists = { sources: 0, destinations: 0, other: 0 }
  let firstPostAt = Infinity
  let firstConnectorAt = Infinity
  for (const r of sim.requests) {
    const match = CONNECTOR_PATH.exec(r.path)
    const i = match?.[1] === undefined ? undefined : index.get(match[1])
    const mine = i === undefined ? undefined : perConnector[i]
    if (mine === undefined) {
      if (r.path.startsWith('/api/v1/sources/')) lists.sources += 1
      else if (r.path.startsWith('/api/v1/destinations/')) lists.destinations += 1
      else lists.other += 1
      continue
    }
    mine.requests += 1
    firstConnectorAt = Math.min(firstConnectorAt, r.at)
    if (r.method === 'POST') {
      mine.posts += 1
      firstPostAt = Math.min(firstPostAt, r.at)
    } else if (mine.posts === 0 && match?.[2] === '/connection-check') mine.readsBeforePost += 1
  }
  let lastFinalAt = -Infinity
  let notStarted = 0
  let undecided = 0
  for (const c of connectors) {
    const started = sim.checks(c.id).filter((check) => check.origin === 'post')
    const finalAt = started.at(-1)?.finalAtMs
    if (started.length === 0) notStarted += 1
    else if (finalAt === undefined || finalAt === null) undecided += 1
    else lastFinalAt = Math.max(lastFinalAt, finalAt)
  }
  const cpu = process.cpuUsage()
  return {
    kind: 'tally',
    perConnector,
    lists,
    firstRequestAt: epoch(sim.requests[0]?.at ?? Number.NaN),
    firstConnectorAt: epoch(firstConnectorAt),
    firstPostAt: epoch(firstPostAt),
    lastFinalAt: epoch(lastFinalAt),
    notStarted,
    undecided,
    cpuMs: (cpu.user + cpu.system) / 1000
  }
}

process.on('message', (message) => {
  if (message === 'tally') send(tally())
  if (message === 'close') void sim.close().then(() => process.exit(0))
})
