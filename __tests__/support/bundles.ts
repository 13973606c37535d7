import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The bundles the end-to-end tests, the demo and the benchmark start: the committed dist/, or
// those in CONNCHECK_BUNDLE_DIR when it is set (bundles built from the current source).
const DIR =
  process.env.CONNCHECK_BUNDLE_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url))

/** The GitHub Action: dist/index.js. */
export const ACTION_BUNDLE = path.join(DIR, 'index.js')
/** The command line: dist/cli/index.js. */
export const CLI_BUNDLE = path.join(DIR, 'cli', 'index.js')
