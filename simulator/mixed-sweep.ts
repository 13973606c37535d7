// A sweep as a new user's workspace gives it: 37 connectors of mixed outcomes (22 pass, 10 fail
// with reasons worded as the platform's connectors word them, 5 never finish before a short
// deadline), in no particular order. Larger sweeps repeat the same 37 with a numbered suffix,
// so their mix stays the same. The dev script scripts/see-summary.ts renders its job summary;
// tests of the report read the same run.
import { createHash } from 'node:crypto'
import type { ConnectorKind, Simulator } from './platform-simulator.js'

/** What a connector of the sweep should come to, as the action's `outcome` names it. */
export type MixedOutcome = 'success' | 'failure' | 'timeout'

export interface MixedConnector {
  id: string
  kind: ConnectorKind
  name: string
  type: string
  expected: MixedOutcome
  /** The platform's FAILURE reason; undefined unless `expected` is failure. */
  reason: string | undefined
  /** How long a check takes; undefined for a check that never finishes. */
  checkDurationMs: number | undefined
}

export interface MixedSweep {
  connectors: MixedConnector[]
  counts: Record<MixedOutcome, number>
  /** A deadline that every finishing check meets, on a loaded machine too, and no other does. */
  timeoutSeconds: number
  /** Enough slots that the never-finishing checks do not push the others past the deadline. */
  maxConcurrency: number
  /**
   * The step's inputs besides `api-key` and `api-url`: every source and every destination by
   * pattern, as a nightly sweep names them, so the simulator must hold this sweep alone.
   */
  inputs: Record<string, string>
}

/** The sweep's size when none is asked for. */
export const MIXED_SWEEP_SIZE = 37

interface Base {
  kind: ConnectorKind
  name: string
  type: string
  /** A check's duration in ms; 'never' for one that stays SCHEDULED. */
  ends: number | 'never'
  /** Set for a FAILURE. */
  reason?: string
}

const V = 'failed to validate connection: '

// Reasons as unstructured-ingest raises them (the error class, then its message), from the
// corpus the hint rules are scored on.
const BASE: readonly Base[] = [
  {
    kind: 'source',
    name: 'orders-s3',
    type: 's3',
    ends: 900,
    reason: 'UserAuthError: Access Denied'
  },
  { kind: 'source', name: 'invoices-s3', type: 's3', ends: 700 },
  { kind: 'destination', name: 'reporting-postgres', type: 'postgres', ends: 1100 },
  {
    kind: 'destination',
    name: 'warehouse-postgres',
    type: 'postgres',
    ends: 1300,
    reason: `DestinationConnectionError: ${V}connection to server at "db.acme.internal" (10.0.4.7), port 5432 failed: FATAL:  password authentication failed for user "ingest"`
  },
  { kind: 'source', name: 'legacy-sftp', type: 'sftp', ends: 'never' },
  { kind: 'source', name: 'hr-onedrive', type: 'onedrive', ends: 1500 },
  {
    kind: 'destination',
    name: 'analytics-snowflake',
    type: 'snowflake',
    ends: 2200,
    reason: `DestinationConnectionError: ${V}250001 (08001): Failed to connect to DB: ab12345.eu-west-1.snowflakecomputing.com:443. Incorrect username or password was specified.`
  },
  { kind: 'destination', name: 'kb-weaviate', type: 'weaviate-cloud', ends: 800 },
  { kind: 'source', name: 'support-zendesk', type: 'zendesk', ends: 1200 },
  {
    kind: 'source',
    name: 'finance-azure-blob',
    type: 'azure',
    ends: 1600,
    reason:
      'UserAuthError: ClientSecretCredential.get_token failed: Authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID'
  },
  { kind: 'destination', name: 'chunks-qdrant', type: 'qdrant-cloud', ends: 600 },
  { kind: 'source', name: 'eng-confluence', type: 'confluence', ends: 1000 },
  { kind: 'destination', name: 'lake-databricks', type: 'databricks_volumes', ends: 'never' },
  {
    kind: 'source',
    name: 'contracts-sharepoint',
    type: 'sharepoint',
    ends: 1800,
    reason:
      "UserError: Failed to validate SharePoint connection: ('-2147024891, System.UnauthorizedAccessException', 'Access denied.', '403 Client Error: Forbidden for url: https://acme.sharepoint.com/sites/docs/_api/Web')"
  },
  { kind: 'source', name: 'legal-google-drive', type: 'google_drive', ends: 1400 },
  { kind: 'destination', name: 'search-azure-ai', type: 'azure_ai_search', ends: 900 },
  {
    kind: 'destination',
    name: 'search-elastic',
    type: 'elasticsearch',
    ends: 1000,
    reason: `DestinationConnectionError: ${V}TlsError(TLS error caused by: SSLError([SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)))`
  },
  { kind: 'source', name: 'archive-slack', type: 'slack', ends: 2000 },
  { kind: 'destination', name: 'docs-astradb', type: 'astradb', ends: 700 },
  { kind: 'source', name: 'design-dropbox', type: 'dropbox', ends: 'never' },
  {
    kind: 'destination',
    name: 'vectors-pinecone',
    type: 'pinecone',
    ends: 500,
    reason: `DestinationConnectionError: ${V}(401)\nReason: Unauthorized\nHTTP response body: {"error":{"code":"UNAUTHENTICATED","message":"Invalid API Key"},"status":401}`
  },
  { kind: 'source', name: 'legal-box', type: 'box', ends: 1100 },
  { kind: 'destination', name: 'graph-neo4j', type: 'neo4j', ends: 1300 },
  { kind: 'source', name: 'mail-outlook', type: 'outlook', ends: 1700 },
  {
    kind: 'destination',
    name: 'docs-mongodb',
    type: 'mongodb',
    ends: 1200,
    reason:
      "DestinationConnectionError: Failed to validate connection: bad auth : authentication failed, full error: {'ok': 0, 'errmsg': 'bad auth : authentication failed', 'code': 8000, 'codeName': 'AtlasError'}"
  },
  { kind: 'destination', name: 'cache-redis', type: 'redis', ends: 400 },
  { kind: 'source', name: 'tickets-jira', type: 'jira', ends: 'never' },
  { kind: 'source', name: 'reports-gcs', type: 'gcs', ends: 900 },
  {
    kind: 'source',
    name: 'marketing-gcs',
    type: 'gcs',
    ends: 800,
    reason:
      "UserError: 403 GET https://storage.googleapis.com/storage/v1/b/marketing/o?maxResults=1: docs@acme.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist)."
  },
  { kind: 'destination', name: 'vectors-milvus', type: 'milvus', ends: 1500 },
  { kind: 'source', name: 'policies-sharepoint', type: 'sharepoint', ends: 1900 },
  {
    kind: 'source',
    name: 'crm-salesforce',
    type: 'salesforce',
    ends: 1400,
    reason: `SourceConnectionError: ${V}INVALID_LOGIN: Invalid username, password, security token; or user locked out.`
  },
  { kind: 'destination', name: 'olap-motherduck', type: 'motherduck', ends: 1000 },
  { kind: 'destination', name: 'kb-qdrant', type: 'qdrant-cloud', ends: 'never' },
  { kind: 'source', name: 'images-azure-blob', type: 'azure', ends: 1200 },
  { kind: 'destination', name: 'backup-s3', type: 's3', ends: 600 },
  { kind: 'source', name: 'wiki-notion', type: 'notion', ends: 1600 }
]

/** A UUID (version 4 in form) that depends only on `seed`, so every run has the same ids. */
function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex').slice(0, 32).split('')
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function expectedOf(base: Base): MixedOutcome {
  if (base.ends === 'never') return 'timeout'
  return base.reason === undefined ? 'success' : 'failure'
}

/** The sweep without a simulator: its connectors, what each should come to, and the inputs. */
export function mixedSweep(options: { connectors?: number } = {}): MixedSweep {
  const total = options.connectors ?? MIXED_SWEEP_SIZE
  if (!Number.isInteger(total) || total < 1) {
    throw new RangeError(`a sweep needs a whole number of connectors, not ${String(total)}`)
  }
  const connectors: MixedConnector[] = []
  for (let i = 0; i < total; i += 1) {
    const base = BASE[i % BASE.length] as Base
    const copy = Math.floor(i / BASE.length)
    const name = copy === 0 ? base.name : `${base.name}-${String(copy + 1).padStart(2, '0')}`
    connectors.push({
      id: stableUuid(`mixed-sweep/${name}`),
      kind: base.kind,
      name,
      type: base.type,
      expected: expectedOf(base),
      reason: base.reason,
      checkDurationMs: base.ends === 'never' ? undefined : base.ends
    })
  }
  const counts: Record<MixedOutcome, number> = { success: 0, failure: 0, timeout: 0 }
  for (const c of connectors) counts[c.expected] += 1
  // The action takes up to 100 checks at once. Checks that never finish hold their slots to
  // the deadline, so the rest go through what is left, in rounds of up to 3 s (the longest
  // check, 2.2 s, and the poll that sees it); 4 s more covers the lists, the baselines and a
  // loaded machine.
  const maxConcurrency = Math.min(100, total)
  const finishing = total - counts.timeout
  const slots = Math.max(1, maxConcurrency - counts.timeout)
  const rounds = Math.ceil(finishing / slots)
  const timeoutSeconds = Math.max(8, Math.ceil(rounds * 3) + 4)
  return {
    connectors,
    counts,
    timeoutSeconds,
    maxConcurrency,
    inputs: {
      'source-name': '*',
      'destination-name': '*',
      'timeout-seconds': String(timeoutSeconds),
      'max-concurrency': String(maxConcurrency)
    }
  }
}

/** Adds the sweep's connectors to a simulator, and says what each should come to. */
export function addMixedSweep(sim: Simulator, options: { connectors?: number } = {}): MixedSweep {
  const sweep = mixedSweep(options)
  for (const c of sweep.connectors) {
    sim.addConnector(c.id, {
      kind: c.kind,
      name: c.name,
      type: c.type,
      ...(c.checkDurationMs === undefined
        ? { ending: 'NEVER' as const }
        : { checkDurationMs: c.checkDurationMs }),
      ...(c.reason === undefined ? {} : { ending: 'FAILURE' as const, reason: c.reason })
    })
  }
  return sweep
}
