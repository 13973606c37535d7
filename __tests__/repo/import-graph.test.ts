import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import {
  describeBreach,
  findCycle,
  importGraph,
  layerBreaches,
  resolveImport,
  type ImportGraph
} from '../support/import-graph.js'

// src/ imports in one direction only: a cycle makes the order in which modules initialise matter,
// and the engine and its front ends are meant to stay separable.
const SRC = fileURLToPath(new URL('../../src', import.meta.url))

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges))

describe('the import graph of src/', () => {
  it('has no cycle, and every relative import names a file', async () => {
    const { graph, unresolved } = await importGraph(SRC)
    // The graph is really read: the action's entry imports its run.
    expect(graph.get('action/index.ts')).toContain('action/run.ts')
    expect(unresolved).toEqual([])
    const cycle = findCycle(graph)
    if (cycle !== undefined) throw new Error(`src/ has an import cycle: ${cycle.join(' → ')}`)
  })

  it('imports down the layers only', async () => {
    const { graph } = await importGraph(SRC)
    const breaches = layerBreaches(graph).map(describeBreach)
    if (breaches.length > 0) throw new Error(`layer rules broken:\n${breaches.join('\n')}`)
    expect(graph.size).toBeGreaterThan(40)
  })

  it('keeps at most 5 files at the root of src/', async () => {
    const { graph } = await importGraph(SRC)
    expect([...graph.keys()].filter((file) => !file.includes('/')).length).toBeLessThanOrEqual(5)
  })
})

describe('layerBreaches', () => {
  const graph = graphOf({
    'core/text.ts': [],
    'api/client.ts': ['core/text.ts'],
    'engine/contract.ts': ['api/client.ts'],
    'engine/step.ts': ['engine/contract.ts', 'api/client.ts'],
    'report/view.ts': ['engine/contract.ts', 'core/text.ts'],
    'cli/run.ts': ['report/view.ts', 'engine/step.ts']
  })

  it('accepts imports down the layers and the contract', () => {
    expect(layerBreaches(graph)).toEqual([])
  })

  it.each([
    [
      'core/text.ts',
      'api/client.ts',
      'src/core/text.ts imports src/api/client.ts, but core/ may import only nothing outside itself'
    ],
    [
      'report/view.ts',
      'engine/step.ts',
      'src/report/view.ts imports src/engine/step.ts, but report/ may import only engine/contract.ts, core'
    ],
    [
      'cli/run.ts',
      'api/client.ts',
      'src/cli/run.ts imports src/api/client.ts, but cli/ may import only report, engine, core'
    ],
    ['loose.ts', 'core/text.ts', 'src/loose.ts is in no layer (it imports src/core/text.ts)']
  ])('names %s importing %s', (from, to, message) => {
    const broken = new Map(graph)
    broken.set(from, [...(broken.get(from) ?? []), to])
    expect(layerBreaches(broken).map(describeBreach)).toEqual([message])
  })
})

describe('findCycle', () => {
  it('finds none in a graph without one', () => {
    expect(findCycle(graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toBe(
      undefined
    )
  })

  it.each([
    ['a file that imports itself', { 'a.ts': ['a.ts'] }, ['a.ts', 'a.ts']],
    ['two files', { 'a.ts': ['b.ts'], 'b.ts': ['a.ts'] }, ['a.ts', 'b.ts', 'a.ts']],
    [
      'a long way round, reached from outside it',
      { 'x.ts': ['a.ts'], 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'] },
      ['a.ts', 'b.ts', 'c.ts', 'a.ts']
    ],
    [
      'one behind a file already searched',
      { 'a.ts': ['b.ts', 'd.ts'], 'b.ts': [], 'd.ts': ['e.ts'], 'e.ts': ['d.ts', 'b.ts'] },
      ['d.ts', 'e.ts', 'd.ts']
    ]
  ])('finds %s', (_, edges, cycle) => {
    expect(findCycle(graphOf(edges))).toEqual(cycle)
  })

  it('finds one in files on disk, through every kind of import', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-graph-'))
    try {
      await mkdir(path.join(dir, 'wait'))
      const files: Record<string, string> = {
        'index.ts': "import { run } from './main.js'\n// import { x } from './nowhere.js'\nrun()\n",
        'main.ts': "export { step } from './wait/step.js'\nexport const run = (): void => {}\n",
        'wait/step.ts': "import type { Run } from '../types.js'\nexport const step = 1\n",
        'types.ts':
          "export type Run = Awaited<typeof import('./main.js')>\nimport data from '../package.json'\n"
      }
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text)
      const { graph, unresolved } = await importGraph(dir)
      expect(unresolved).toEqual([])
      expect(graph.get('index.ts')).toEqual(['main.ts'])
      expect(findCycle(graph)).toEqual(['main.ts', 'wait/step.ts', 'types.ts', 'main.ts'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('reports an import that names no file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-graph-'))
    try {
      await writeFile(path.join(dir, 'a.ts'), "import './gone.js'\n")
      expect((await importGraph(dir)).unresolved).toEqual([
        { from: 'a.ts', specifier: './gone.js' }
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('resolveImport', () => {
  it.each([
    ['main.ts', './wait/pool.js', 'wait/pool.ts'],
    ['wait/pool.ts', '../text.js', 'text.ts'],
    ['wait/pool.ts', './clock.ts', 'wait/clock.ts'],
    ['main.ts', '../package.json', undefined],
    ['main.ts', './data.json', undefined]
  ])('in %s, %s is %s', (from, specifier, target) => {
    expect(resolveImport(from, specifier)).toBe(target)
  })
})
