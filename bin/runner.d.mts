// Types of runner.mjs, for the TypeScript that imports it (scripts/demo.ts, tests).

export const ACTION_DIR: string
export const ACTION_YML: string
export const BUNDLE: string
export const KEY_ENV: 'UNSTRUCTURED_API_KEY'
export const URL_ENV: 'UNSTRUCTURED_API_URL'

export interface InputSpec {
  name: string
  description: string
  required: boolean
  /** undefined when action.yml gives none. */
  default: string | undefined
}

export interface OutputSpec {
  name: string
  description: string
}

export interface ActionMetadata {
  inputs: InputSpec[]
  outputs: OutputSpec[]
}

export function parseActionYaml(text: string): ActionMetadata
export function actionMetadata(): ActionMetadata

export class UsageError extends Error {}

export type ParsedArguments =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'run'; inputs: Record<string, string>; debug: boolean; warnings: string[] }

/** Throws UsageError for a flag it does not know, a missing key or nothing to check. */
export function parseArguments(
  argv: readonly string[],
  env?: Record<string, string | undefined>
): ParsedArguments
export function withDefaults(given: Record<string, string>): Record<string, string>
export function helpText(command?: string): string
export function redactUserinfo(raw: string): string

export function displayWidth(text: string): number
export function rule(title: string): string

export class LogRenderer {
  constructor(options?: { debug?: boolean; color?: boolean; secrets?: string[] })
  readonly secrets: Set<string>
  mask(text: string): string
  /** The text to show for one log line, or undefined when it shows nothing. */
  line(raw: string): string | undefined
}

export function parseOutputFile(text: string): Record<string, string>
export function formatOutputs(outputs: Record<string, string>, order?: readonly string[]): string
export function decodeEntities(text: string): string
export function textTable(rows: string[][], headerRows?: number, cellWidth?: number): string
export function summaryToText(html: string): string

export interface Writer {
  write(text: string): unknown
}

export interface RunActionOptions {
  /** action.yml input names to values; inputs left out get their action.yml default. */
  inputs: Record<string, string>
  debug?: boolean
  color?: boolean
  stdout?: Writer
  stderr?: Writer
  /** The environment the child inherits (INPUT_* and the CLI's own variables removed). */
  env?: Record<string, string | undefined>
  bundle?: string
  /** Pass SIGINT and SIGTERM received by this process on to the action. */
  forwardSignals?: boolean
  /** The heading of the run, after "Run ". */
  title?: string
}

export interface RunActionResult {
  /** The child's exit code, or 128 + the signal's number when a signal ended it. */
  exitCode: number
  signal: NodeJS.Signals | null
  /** Step outputs, secrets masked. */
  outputs: Record<string, string>
  /** The job summary as written (HTML), secrets masked. */
  summary: string
  summaryText: string
  durationMs: number
}

export function runAction(options: RunActionOptions): Promise<RunActionResult>
