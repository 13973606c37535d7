// Serves the Platform API simulator on a fixed loopback port, with the demo connectors, until
// it is stopped (Ctrl-C, SIGTERM). For trying the command line by hand (`npm run simulator`
// prints a command to paste), and for the example gate workflow:
//
//   npx tsx simulator/serve.ts [--port 8765] [--https] [--workspace N] [--profile NAME[=VALUE]]...
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { addDemoConnectors, DEMO, describeDemoConnectors } from './demo-connectors.js'
import { startSimulator, type PlatformProfile } from './platform-simulator.js'
import { parseProfileFlags, PROFILE_FLAGS_HELP } from './profile-flags.js'
import { makeCertificates, type TestCertificates } from './tls-certs.js'
import { addWorkspace } from './workspace.js'

export const DEFAULT_PORT = 8765

/** The line before the command to paste, so a test can find the command. */
const TRY_IT = 'Try the command line against it (paste into another terminal here):'

/** The committed command line, relative to where the simulator was started. */
const CLI_BUNDLE = path.relative(
  process.cwd(),
  fileURLToPath(new URL('../dist/cli/index.js', import.meta.url))
)

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n`)
  process.exit(2)
}

let values: {
  port?: string | undefined
  https?: boolean | undefined
  workspace?: string | undefined
  profile?: string[] | undefined
  help?: boolean | undefined
}
try {
  ;({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      https: { type: 'boolean' },
      workspace: { type: 'string' },
      profile: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  }))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
if (values.help === true) {
  process.stdout.write(
    'Usage: npx tsx simulator/serve.ts [--port N] [--https] [--workspace N] [--profile NAME[=VALUE]]...\n\n' +
      `Serves the Platform API simulator on http://127.0.0.1:N (default $SIMULATOR_PORT, else ${DEFAULT_PORT})\n` +
      'with the demo connectors, until stopped. 0 picks a free port.\n\n' +
      '  --https                 serve https://localhost:N with a throwaway CA made at start;\n' +
      '                          trust it with NODE_EXTRA_CA_CERTS=<the path printed>\n' +
      '  --workspace N           add a generated workspace of N connectors (checks of 0-3 s,\n' +
      '                          duplicate and unicode names) and N/20 workflows\n' +
      '  --profile NAME[=VALUE]  a platform behaviour nothing documents (repeatable):\n' +
      `${PROFILE_FLAGS_HELP}\n`
  )
  process.exit(0)
}
const portText = values.port ?? process.env.SIMULATOR_PORT ?? String(DEFAULT_PORT)
const port = Number(portText)
if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be 0 to 65535; got ${portText}`)

const workspaceText = values.workspace ?? '0'
const workspaceSize = Number(workspaceText)
if (!/^\d+$/.test(workspaceText) || workspaceSize > 100_000) {
  fail(`--workspace must be 0 to 100000 connectors; got ${workspaceText}`)
}

let profile: PlatformProfile
try {
  profile = parseProfileFlags(values.profile ?? [])
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}

let certs: TestCertificates | undefined
if (values.https === true) {
  try {
    certs = await makeCertificates()
  } catch (error) {
    fail(`cannot make a certificate: ${error instanceof Error ? error.message : ''}`)
  }
}

let sim: Awaited<ReturnType<typeof startSimulator>>
try {
  sim = await startSimulator({
    port,
    profile,
    ...(certs === undefined
      ? {}
      : { tls: { cert: certs.cert, key: certs.key }, hostname: 'localhost' })
  })
} catch (error) {
  await certs?.remove()
  fail(`cannot listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : ''}`)
}
addDemoConnectors(sim)
const workspace = workspaceSize > 0 ? addWorkspace(sim, { connectors: workspaceSize }) : undefined
const flags = values.profile ?? []
process.stdout.write(
  [
    `Platform API simulator listening on ${sim.url} (loopback only).`,
    ...(certs === undefined
      ? []
      : [
          `CA certificate (removed on stop): ${certs.caCertPath}`,
          `  trust it with: export NODE_EXTRA_CA_CERTS=${certs.caCertPath}`
        ]),
    ...(flags.length === 0 ? [] : [`Profile: ${flags.join(' ')}`]),
    `API key: ${sim.apiKey} (a simulator key, valid nowhere else)`,
    'Connectors:',
    ...describeDemoConnectors(),
    ...(workspace === undefined
      ? []
      : [
          `  and a generated workspace of ${workspace.connectors.length} connectors and ` +
            `${workspace.workflows.length} workflows: try --source-name '*' --destination-name '*'`
        ]),
    '',
    TRY_IT,
    `  ${[
      ...(certs === undefined ? [] : [`NODE_EXTRA_CA_CERTS=${certs.caCertPath}`]),
      `UNSTRUCTURED_API_KEY=${sim.apiKey}`,
      `UNSTRUCTURED_API_URL=${sim.url}`,
      'node',
      CLI_BUNDLE,
      '--workflow-id',
      DEMO.workflow
    ].join(' ')}`,
    '(npx unstructured-connection-check takes the same flags where the package is installed.)',
    '',
    'Stop it with Ctrl-C.',
    ''
  ].join('\n')
)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    void sim
      .close()
      .then(() => certs?.remove())
      .then(() => {
        process.stdout.write('Simulator stopped.\n')
        process.exit(0)
      })
  })
}
