import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { ProxyAgent } from '../../src/api/undici-stub.js'

// The bundles get this stand-in for undici (tsconfig.json's paths): it holds only while nothing
// asks @actions/http-client for the one thing it imports undici for.
const SRC = fileURLToPath(new URL('../../src', import.meta.url))

async function sources(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await sources(file)))
    else if (entry.name.endsWith('.ts')) found.push(file)
  }
  return found
}

describe('the stand-in for undici', () => {
  it('says what is missing if it is ever built', () => {
    expect(() => new ProxyAgent()).toThrow(
      'undici is not bundled: HttpClient.getAgentDispatcher() is not available'
    )
  })

  it('is needed by nothing in src/: no fetch() dispatcher, no import of undici', async () => {
    const files = (await sources(SRC)).filter((file) => !file.endsWith('undici-stub.ts'))
    expect(files.length).toBeGreaterThan(40)
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      expect({ file, asks: /getAgentDispatcher|from 'undici'/.test(text) }).toEqual({
        file,
        asks: false
      })
    }
  })

  it('is what tsconfig.json maps undici to', async () => {
    const tsconfig = await readFile(new URL('../../tsconfig.json', import.meta.url), 'utf8')
    const { compilerOptions } = JSON.parse(tsconfig) as {
      compilerOptions: { paths?: Record<string, string[]> }
    }
    expect(compilerOptions.paths).toEqual({ undici: ['./src/api/undici-stub.ts'] })
  })
})
