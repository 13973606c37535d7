#!/usr/bin/env node
// Runs the Unstructured Connection Check action from a terminal or another CI system:
//
//   UNSTRUCTURED_API_KEY=... npm start -- --source-id <uuid> [--destination-id <uuid>] ...
//
// Flags and environment variables become the action's inputs; the bundled action runs as a
// runner would run it; its log, outputs and job summary are printed as text; the exit code is
// the step's verdict (0 only when every check passed, 2 for a usage error). --help lists
// every flag with its default, read from action.yml.
import { readFileSync } from 'node:fs'
import process from 'node:process'
import { URL } from 'node:url'
import { parseArguments, helpText, runAction, UsageError } from './runner.mjs'

const COMMAND = 'unstructured-connection-check'

function useColor(stream) {
  if ('NO_COLOR' in process.env) return false
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0'
  return stream.isTTY === true
}

async function main() {
  let parsed
  try {
    parsed = parseArguments(process.argv.slice(2), process.env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${COMMAND}: ${error.message}\nRun with --help to see every option.\n`)
    return 2
  }
  if (parsed.command === 'help') {
    process.stdout.write(helpText(COMMAND))
    return 0
  }
  if (parsed.command === 'version') {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    process.stdout.write(`${String(pkg.version)}\n`)
    return 0
  }
  for (const warning of parsed.warnings) process.stderr.write(`Warning: ${warning}\n`)
  const result = await runAction({
    inputs: parsed.inputs,
    debug: parsed.debug,
    color: useColor(process.stdout),
    forwardSignals: true
  })
  return result.exitCode
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    process.stderr.write(`${COMMAND}: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
)
