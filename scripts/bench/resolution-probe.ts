// Run by the sweep benchmark in a fresh process, as a step would list and match: one cold run,
// then warm ones, then one typo's suggestions alone. Prints a ProbeReport as JSON.
//   node --import tsx scripts/bench/resolution-probe.ts URL
import { PlatformClient } from '../../src/api/client.js'
import type { ListedConnector } from '../../src/api/schemas.js'
import { resolveNames } from '../../src/engine/resolve.js'
import { DEFAULT_API_KEY } from '../../simulator/platform-simulator.js'
import { generateWorkspace } from '../../simulator/workspace.js'
import { RESOLUTION_CONNECTORS, type ProbeReport } from './sweep.js'

const RUNS = 5

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

const url = process.argv[2]
if (url === undefined) throw new Error('usage: resolution-probe.ts URL')

// What a step asks: a sweep of one kind, a team's pattern, and a dozen plain names.
const sources = generateWorkspace({ connectors: RESOLUTION_CONNECTORS }).connectors.filter(
  (c) => c.kind === 'source' && /^[a-z]+-[a-z_]+-\d{4}$/.test(c.name)
)
const plain = Array.from({ length: 12 }, (_, i) => sources[(i * 397) % sources.length]?.name ?? '')
const lines = {
  source: ['*', 'orders-*', ...new Set(plain)],
  destination: ['search-*', '*-pinecone-*']
}
const call = { timeoutMs: 60_000, signal: new AbortController().signal }

async function once(): Promise<{ cpu: number; wall: number; sources: ListedConnector[] }> {
  const client = new PlatformClient(`${url}/api/v1`, DEFAULT_API_KEY, () => Date.now())
  const started = performance.now()
  const before = process.cpuUsage()
  const [listed, destinations] = await Promise.all([
    client.listConnectors('source', call),
    client.listConnectors('destination', call)
  ])
  if (!listed.ok || !destinations.ok) throw new Error('resolution: a list failed')
  const resolved = [
    resolveNames('source-name', 'source', lines.source, listed.value),
    resolveNames('destination-name', 'destination', lines.destination, destinations.value)
  ]
  const cpu = cpuMs(before)
  client.close()
  // Every line must resolve: suggestions for a miss are timed apart.
  if (resolved.some((r) => r.problems.length > 0)) throw new Error('resolution: a name missed')
  return { cpu, wall: performance.now() - started, sources: listed.value }
}

const cold = await once()
const warmCpuMs: number[] = []
for (let i = 0; i < RUNS; i += 1) warmCpuMs.push((await once()).cpu)
const before = process.cpuUsage()
const typo = resolveNames('source-name', 'source', ['ordres-s3-0001'], cold.sources)
if (typo.problems.length !== 1) throw new Error('resolution: the typo was found')
const report: ProbeReport = {
  coldCpuMs: cold.cpu,
  warmCpuMs,
  coldWallMs: cold.wall,
  suggestionsCpuMs: cpuMs(before)
}
process.stdout.write(`${JSON.stringify(report)}\n`)
