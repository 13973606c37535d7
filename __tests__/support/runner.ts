import { startSimulator, type Simulator } from '../../simulator/platform-simulator.js'

// Pieces of "run the action as a runner would" that tests and scripts share. Nothing here
// imports jest, so the chaos and bench scripts (run by tsx) can use it too.

/** action.yml names to the INPUT_ variables a runner sets (upper case, hyphens kept). */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
  )
}

/** Reads a GITHUB_OUTPUT file (`name<<DELIM`, value lines, `DELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match?.[1] || !match[2]) continue
    const end = lines.indexOf(match[2], i + 1)
    outputs[match[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return outputs
}

/** Runs `test` against a fresh simulator of its own, closed afterwards whatever happens. */
export async function withSimulator<T>(test: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator()
  try {
    return await test(sim)
  } finally {
    await sim.close()
  }
}
