// The graph of relative imports between the TypeScript files under a folder, and a search for a
// cycle in it. Module specifiers are read by TypeScript's own pre-processor, which knows
// comments and strings from code; resolving them is this file's: `./x.js` is x.ts.
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import ts from 'typescript'

/** File (relative to the folder, with forward slashes) to the files it imports, sorted. */
export type ImportGraph = Map<string, string[]>

/** An import that names no file in the folder. */
export interface Unresolved {
  from: string
  specifier: string
}

async function typescriptFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`
    if (entry.isDirectory()) found.push(...(await typescriptFiles(dir, relative)))
    else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
      found.push(relative)
  }
  return found.sort()
}

/**
 * The file a relative specifier names, relative to the folder; undefined when it leaves the
 * folder (package.json, say) or names something other than TypeScript (JSON, say).
 */
export function resolveImport(from: string, specifier: string): string | undefined {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
  if (target.startsWith('../')) return undefined
  // NodeNext resolution: the source says .js for the .ts file that compiles to it.
  if (target.endsWith('.js')) return `${target.slice(0, -'.js'.length)}.ts`
  if (target.endsWith('.ts')) return target
  return undefined
}

/** Every relative import of every .ts file under `dir`, and those that name no file. */
export async function importGraph(
  dir: string
): Promise<{ graph: ImportGraph; unresolved: Unresolved[] }> {
  const graph: ImportGraph = new Map()
  const unresolved: Unresolved[] = []
  for (const file of await typescriptFiles(dir)) {
    const text = await readFile(path.join(dir, file), 'utf8')
    const targets = new Set<string>()
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('.')) continue
      const target = resolveImport(file, specifier)
      if (target === undefined) continue
      if (existsSync(path.join(dir, target))) targets.add(target)
      else unresolved.push({ from: file, specifier })
    }
    graph.set(file, [...targets].sort())
  }
  return { graph, unresolved }
}

/**
 * A cycle in the graph, as the files along it with the first repeated at the end
 * (`a.ts → b.ts → a.ts`), or undefined when there is none. Depth-first, in sorted order, so the
 * same graph always gives the same cycle.
 */
export function findCycle(graph: ImportGraph): string[] | undefined {
  const done = new Set<string>()
  const trail: string[] = []
  const onTrail = new Set<string>()
  const visit = (file: string): string[] | undefined => {
    if (onTrail.has(file)) return [...trail.slice(trail.indexOf(file)), file]
    if (done.has(file)) return undefined
    trail.push(file)
    onTrail.add(file)
    for (const target of graph.get(file) ?? []) {
      const cycle = visit(target)
      if (cycle !== undefined) return cycle
    }
    trail.pop()
    onTrail.delete(file)
    done.add(file)
    return undefined
  }
  for (const file of [...graph.keys()].sort()) {
    const cycle = visit(file)
    if (cycle !== undefined) return cycle
  }
  return undefined
}

/** Each layer of src/, and what it may import besides itself. */
export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  core: [],
  api: ['core'],
  wait: ['api', 'core'],
  engine: ['wait', 'api', 'core'],
  // Renderers read the engine's contract only, never how it reached a result.
  report: ['engine/contract.ts', 'core'],
  action: ['report', 'engine', 'core'],
  cli: ['report', 'engine', 'core']
}

export interface LayerBreach {
  from: string
  to: string
  allowed: readonly string[]
}

const layerOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] ?? '') : '')

/** Every import that crosses layers the wrong way; files outside a layer are breaches too. */
export function layerBreaches(
  graph: ImportGraph,
  layers: Readonly<Record<string, readonly string[]>> = LAYERS
): LayerBreach[] {
  const breaches: LayerBreach[] = []
  for (const [from, targets] of graph) {
    const layer = layerOf(from)
    const allowed = layers[layer]
    for (const to of targets) {
      if (allowed !== undefined && layerOf(to) === layer) continue
      const ok =
        allowed !== undefined &&
        allowed.some((rule) => (rule.endsWith('.ts') ? to === rule : layerOf(to) === rule))
      if (!ok) breaches.push({ from, to, allowed: allowed ?? [] })
    }
  }
  return breaches
}

export function describeBreach({ from, to, allowed }: LayerBreach): string {
  const layer = layerOf(from)
  if (layer === '' || !(layer in LAYERS)) return `src/${from} is in no layer (it imports src/${to})`
  const may = allowed.length === 0 ? 'nothing outside itself' : allowed.join(', ')
  return `src/${from} imports src/${to}, but ${layer}/ may import only ${may}`
}
