// `npm test` builds the test bundles of the current src/ while it type-checks and lints, so
// jest's global setup finds them in the cache instead of building them after the lint.
import { fileURLToPath } from 'node:url'
import globalSetup from '../__tests__/support/test-bundles.js'

await globalSetup({ rootDir: fileURLToPath(new URL('..', import.meta.url)) })
