import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { findCycle, importGraph, resolveImport, type ImportGraph } from './support/import-graph.js'

// src/ imports in one direction only: a cycle makes the order in which modules initialise matter,
// and the engine and its front ends are meant to stay separable.
const SRC = fileURLToPath(new URL('../src', import.meta.url))

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges))

describe('the import graph of src/', () => {
  it('has no cycle, and every relative import names a file', async () => {
    const { graph, unresolved } = await importGraph(SRC)
    // The graph is really read: index.ts imports main.ts.
    expect(graph.get('index.ts')).toContain('main.ts')
    expect(unresolved).toEqual([])
    const cycle = findCycle(graph)
    if (cycle !== undefined) throw new Error(`src/ has an import cycle: ${cycle.join(' → ')}`)
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
