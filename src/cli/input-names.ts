import type { InputNames } from '../engine/contract.js'

/** The environment variables the command line reads. */
export const KEY_ENV = 'UNSTRUCTURED_API_KEY'
export const URL_ENV = 'UNSTRUCTURED_API_URL'

/** Where the values that an environment variable may also give came from. */
export interface ValueSources {
  key: 'env' | 'flag'
  apiUrl: 'env' | 'flag' | 'default'
}

/**
 * Messages in a terminal user's words: the flag or the variable they set, as they set it
 * ("--api-url", "UNSTRUCTURED_API_KEY"), never an input or a secret of a workflow.
 */
export function terminalNames(sources: ValueSources): InputNames {
  const key = sources.key === 'flag' ? '--api-key' : KEY_ENV
  const name = (input: string): string => {
    if (input === 'api-key') return key
    if (input === 'api-url' && sources.apiUrl === 'env') return URL_ENV
    return `--${input}`
  }
  return {
    subject: name,
    ref: name,
    key,
    missingKey: `No API key: set ${KEY_ENV} (or pass --api-key, which the shell's history keeps).`,
    environment: 'the environment',
    machine: 'this machine'
  }
}
