import { describe, expect, it } from '@jest/globals'
import {
  CATEGORIES,
  diagnose,
  READ_LIMIT,
  type Category
} from '../../../src/report/diagnose/diagnose.js'
import { CORPUS } from './corpus.js'

// Reasons of the kinds connectors report, as the platform passes them on (often cut down to the
// exception's name), each with the connector type it came from and the category it must get.
const REASONS: [type: string | undefined, reason: string, category: Category][] = [
  // S3 / boto
  [
    's3',
    'An error occurred (InvalidAccessKeyId) when calling the ListObjectsV2 operation: The AWS Access Key Id you provided does not exist in our records.',
    'credentials'
  ],
  [
    's3',
    'An error occurred (SignatureDoesNotMatch) when calling the ListObjectsV2 operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    'credentials'
  ],
  ['s3', 'NoCredentialsError', 'credentials'],
  ['s3', 'Unable to locate credentials', 'credentials'],
  [
    's3',
    'An error occurred (ExpiredToken) when calling the ListObjectsV2 operation: The provided token has expired.',
    'credentials'
  ],
  [
    's3',
    'An error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied',
    'permissions'
  ],
  ['s3', 'AccessDenied', 'permissions'],
  ['s3', 'An error occurred (403) when calling the HeadBucket operation: Forbidden', 'permissions'],
  [
    's3',
    'An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist',
    'not-found'
  ],
  [
    's3',
    'Could not connect to the endpoint URL: "https://orders.s3.us-east-7.amazonaws.com/?list-type=2"',
    'network'
  ],
  [
    's3',
    'An error occurred (PermanentRedirect) when calling the ListObjects operation: The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    'configuration'
  ],
  [
    's3',
    'An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.',
    'quota'
  ],
  // Azure Blob Storage, azure-identity
  ['azure', 'ClientAuthenticationError', 'credentials'],
  [
    'azure',
    'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:1f2e\nTime:2026-11-28T12:00:00.0000000Z\nErrorCode:AuthenticationFailed',
    'credentials'
  ],
  [
    'azure',
    'ClientSecretCredential.get_token failed: Authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID',
    'credentials'
  ],
  [
    'azure',
    'This request is not authorized to perform this operation using this permission.\nErrorCode:AuthorizationPermissionMismatch',
    'permissions'
  ],
  [
    'azure',
    'The specified container does not exist.\nRequestId:9a8b\nErrorCode:ContainerNotFound',
    'not-found'
  ],
  [
    'azure',
    '<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to establish a new connection: [Errno -2] Name or service not known',
    'network'
  ],
  ['azure', 'Connection string is either blank or malformed.', 'configuration'],
  // GCS, Google Drive
  [
    'gcs',
    'google.auth.exceptions.DefaultCredentialsError: Your default credentials were not found. To set up Application Default Credentials, see https://cloud.google.com/docs/authentication/external/set-up-adc for more information.',
    'credentials'
  ],
  [
    'gcs',
    "('invalid_grant: Invalid JWT Signature.', {'error': 'invalid_grant', 'error_description': 'Invalid JWT Signature.'})",
    'credentials'
  ],
  [
    'gcs',
    "403 GET https://storage.googleapis.com/storage/v1/b/orders/o?maxResults=1: docs@acme.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist).",
    'permissions'
  ],
  [
    'gcs',
    '404 GET https://storage.googleapis.com/storage/v1/b/orders-old?projection=noAcl&prettyPrint=false: The specified bucket does not exist.',
    'not-found'
  ],
  [
    'google_drive',
    "<HttpError 404 when requesting https://www.googleapis.com/drive/v3/files/1AbC?supportsAllDrives=true&alt=json returned \"File not found: 1AbC.\". Details: \"[{'message': 'File not found: 1AbC.', 'domain': 'global', 'reason': 'notFound', 'location': 'fileId', 'locationType': 'parameter'}]\">",
    'not-found'
  ],
  [
    'google_drive',
    '<HttpError 403 when requesting https://www.googleapis.com/drive/v3/files?alt=json returned "Google Drive API has not been used in project 123456 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/drive.googleapis.com/overview?project=123456 then retry.". Details: "[{\'reason\': \'accessNotConfigured\'}]">',
    'configuration'
  ],
  [
    'google_drive',
    '<HttpError 403 when requesting https://www.googleapis.com/drive/v3/files/1AbC?alt=json returned "The user does not have sufficient permissions for file 1AbC.". Details: "[{\'reason\': \'insufficientFilePermissions\'}]">',
    'permissions'
  ],
  // PostgreSQL / psycopg
  [
    'postgres',
    'connection to server at "db.acme.internal" (10.0.4.7), port 5432 failed: FATAL:  password authentication failed for user "ingest"',
    'credentials'
  ],
  [
    'postgres',
    '(psycopg2.OperationalError) connection to server at "db.acme.internal" (10.0.4.7), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?',
    'network'
  ],
  [
    'postgres',
    'could not translate host name "db.acme.internl" to address: Name or service not known',
    'network'
  ],
  [
    'postgres',
    'connection to server at "db.acme.internal" (10.0.4.7), port 5432 failed: timeout expired',
    'network'
  ],
  [
    'postgres',
    'OperationalError: connection to server at "db" (10.0.4.7), port 5432 failed: FATAL:  database "elements" does not exist',
    'not-found'
  ],
  [
    'postgres',
    'relation "elements" does not exist\nLINE 1: SELECT * FROM elements LIMIT 1',
    'not-found'
  ],
  ['postgres', 'permission denied for table elements', 'permissions'],
  [
    'postgres',
    'FATAL:  no pg_hba.conf entry for host "203.0.113.7", user "ingest", database "docs", SSL off',
    'permissions'
  ],
  ['postgres', 'FATAL:  role "ingest" does not exist', 'credentials'],
  ['postgres', 'FATAL:  sorry, too many clients already', 'quota'],
  ['postgres', 'column "embeddings" of relation "elements" does not exist', 'configuration'],
  ['postgres', 'SSL SYSCALL error: EOF detected', 'network'],
  // Snowflake
  [
    'snowflake',
    '250001 (08001): Failed to connect to DB: ab12345.eu-west-1.snowflakecomputing.com:443. Incorrect username or password was specified.',
    'credentials'
  ],
  [
    'snowflake',
    "002003 (02000): SQL compilation error:\nDatabase 'DOCS' does not exist or not authorized.",
    'not-found'
  ],
  [
    'snowflake',
    "390189 (08004): Role 'LOADER' specified in the connect string does not exist or not authorized. Contact your local system administrator, or attempt to login with another role, e.g. PUBLIC.",
    'permissions'
  ],
  [
    'snowflake',
    "000606 (57P03): No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command.",
    'configuration'
  ],
  [
    'snowflake',
    'Failed to connect to DB: ab12345.snowflakecomputing.com:443. IP 203.0.113.7 is not allowed to access Snowflake.  Contact your local security administrator or please create a case with Snowflake Support or reach us on our support line',
    'permissions'
  ],
  // Pinecone
  [
    'pinecone',
    '(401)\nReason: Unauthorized\nHTTP response headers: HTTPHeaderDict({\'content-type\': \'application/json\'})\nHTTP response body: {"error":{"code":"UNAUTHENTICATED","message":"Invalid API Key"},"status":401}',
    'credentials'
  ],
  [
    'pinecone',
    '(404)\nReason: Not Found\nHTTP response body: {"error":{"code":"NOT_FOUND","message":"Resource docs-index not found"},"status":404}',
    'not-found'
  ],
  [
    'pinecone',
    '(403)\nReason: Forbidden\nHTTP response body: {"error":{"code":"FORBIDDEN","message":"Request failed. You\'ve reached the max serverless indexes allowed in project Default (5). To add more serverless indexes, upgrade your plan."},"status":403}',
    'quota'
  ],
  // Elasticsearch / OpenSearch
  [
    'elasticsearch',
    "AuthenticationException(401, 'security_exception', 'unable to authenticate user [elastic] for REST request [/_cluster/health]')",
    'credentials'
  ],
  [
    'elasticsearch',
    "AuthorizationException(403, 'security_exception', 'action [indices:admin/get] is unauthorized for user [writer] with effective roles [writer] on indices [docs]')",
    'permissions'
  ],
  [
    'elasticsearch',
    "NotFoundError(404, 'index_not_found_exception', 'no such index [docs]', docs, index_or_alias)",
    'not-found'
  ],
  [
    'elasticsearch',
    'ConnectionError([SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)) caused by: SSLError([SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed)',
    'tls'
  ],
  [
    'opensearch',
    "AuthorizationException(403, 'security_exception', 'no permissions for [indices:data/write/bulk] and User [name=ingest, backend_roles=[], requestedTenant=null]')",
    'permissions'
  ],
  // MongoDB
  [
    'mongodb',
    "bad auth : authentication failed, full error: {'ok': 0, 'errmsg': 'bad auth : authentication failed', 'code': 8000, 'codeName': 'AtlasError'}",
    'credentials'
  ],
  [
    'mongodb',
    'cluster0-shard-00-01.ab1cd.mongodb.net:27017: timed out,cluster0-shard-00-00.ab1cd.mongodb.net:27017: timed out, Timeout: 30s, Topology Description: <TopologyDescription id: 65f, topology_type: ReplicaSetNoPrimary>',
    'network'
  ],
  [
    'mongodb',
    'The DNS query name does not exist: _mongodb._tcp.cluster0.wrong.mongodb.net.',
    'network'
  ],
  [
    'mongodb',
    'not authorized on docs to execute command { insert: "elements", ordered: true, $db: "docs" }',
    'permissions'
  ],
  // Weaviate, Qdrant
  [
    'weaviate-cloud',
    "Meta endpoint! Unexpected status code: 401, with response body: {'code': 401, 'message': 'anonymous access not enabled, please provide an auth scheme such as OIDC'}.",
    'credentials'
  ],
  [
    'qdrant-cloud',
    'Unexpected Response: 404 (Not Found)\nRaw response content:\nb\'{"status":{"error":"Not found: Collection `docs` doesn\'t exist!"},"time":0.0001}\'',
    'not-found'
  ],
  [
    'qdrant-cloud',
    'ResponseHandlingException: [Errno 8] nodename nor servname provided, or not known',
    'network'
  ],
  // Databricks
  [
    'databricks_volumes',
    "PermissionDenied: User does not have READ VOLUME on Volume 'main.default.docs'.",
    'permissions'
  ],
  ['databricks_volumes', 'Invalid access token. [ReqId: 7c1e]', 'credentials'],
  ['databricks_volumes', "NotFound: Catalog 'main2' does not exist.", 'not-found'],
  // SharePoint, OneDrive, Graph
  [
    'sharepoint',
    'Access denied. You do not have permission to perform this action or access this resource.',
    'permissions'
  ],
  [
    'sharepoint',
    "('-2147024891, System.UnauthorizedAccessException', 'Access denied.', '403 Client Error: Forbidden for url: https://acme.sharepoint.com/sites/docs/_api/Web')",
    'permissions'
  ],
  [
    'onedrive',
    'Error code: Authorization_RequestDenied Message: Insufficient privileges to complete the operation.',
    'permissions'
  ],
  [
    'onedrive',
    "AADSTS700016: Application with identifier '0b9e7f52' was not found in the directory 'Acme'.",
    'credentials'
  ],
  ['onedrive', 'itemNotFound: The resource could not be found.', 'not-found'],
  // Confluence, Salesforce, Box, Dropbox
  [
    'confluence',
    '401 Client Error: Unauthorized for url: https://acme.atlassian.net/wiki/rest/api/space?limit=1',
    'credentials'
  ],
  [
    'salesforce',
    'SalesforceAuthenticationFailed: INVALID_LOGIN: Invalid username, password, security token; or user locked out.',
    'credentials'
  ],
  ['salesforce', 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.', 'quota'],
  ['box', 'Message: Not Found\nStatus: 404\nCode: not_found\nRequest ID: 8c2d', 'not-found'],
  ['dropbox', "AuthError('expired_access_token', None)", 'credentials'],
  [
    'dropbox',
    "AuthError('missing_scope', TokenScopeError(required_scope='files.metadata.read'))",
    'permissions'
  ],
  // Bare names and generic texts, with the type unknown
  [undefined, 'SSLError', 'tls'],
  [undefined, 'Read timed out. (read timeout=10)', 'network'],
  [undefined, '429 Too Many Requests', 'quota'],
  [
    undefined,
    '503 Server Error: Service Unavailable for url: https://api.example.com/v1',
    'outage'
  ],
  [undefined, 'HTTP 401 Unauthorized', 'credentials'],
  [undefined, 'wrong password', 'credentials'],
  [undefined, 'Could not connect: AccessDenied on bucket "prod-out"', 'permissions'],
  [undefined, '1 validation error for S3AccessConfig\nkey\n  Field required', 'configuration'],
  // Nothing to go on: these must stay unknown.
  [undefined, '', 'unknown'],
  [undefined, '   ', 'unknown'],
  [undefined, 'Internal error', 'unknown'],
  [undefined, 'Internal Server Error', 'unknown'],
  [undefined, 'Connection check failed', 'unknown'],
  [undefined, 'simulated failure', 'unknown'],
  [undefined, 'Something went wrong, please try again later', 'unknown'],
  ['postgres', 'OperationalError', 'unknown'],
  ['postgres', 'psycopg2.OperationalError', 'unknown'],
  ['snowflake', 'ProgrammingError', 'unknown'],
  ['s3', 'ClientError', 'unknown'],
  ['azure', 'HttpResponseError', 'unknown'],
  [undefined, "KeyError: 'data'", 'unknown'],
  [
    undefined,
    '::error title=pwned::gotcha ##[set-output name=outcome;]success %0A::stop-commands::x',
    'unknown'
  ],
  [undefined, '\u202e\u0000\u001b[31mred\u001b[0m <U+202E> ' + '('.repeat(5000), 'unknown']
]

describe('diagnose', () => {
  it('has a table of at least 40 reasons, some of every category', () => {
    expect(REASONS.length).toBeGreaterThanOrEqual(40)
    const seen = new Set(REASONS.map(([, , category]) => category))
    expect([...seen].sort()).toEqual([...CATEGORIES].sort())
    expect(
      REASONS.filter(([, , category]) => category === 'unknown').length
    ).toBeGreaterThanOrEqual(10)
  })

  // Titles on one line, and short.
  const title = (reason: string): string => JSON.stringify(reason.slice(0, 100))
  it.each(
    REASONS.map(
      ([type, reason, category]) => [category, type ?? '?', title(reason), reason, type] as const
    )
  )('%s from %s: %s', (category, _, __, reason, type) => {
    const diagnosis = diagnose(reason, type)
    expect(diagnosis.category).toBe(category)
    // Without its type, a reason reads the same.
    expect(diagnose(reason).category).toBe(category)
    if (category === 'unknown') expect(diagnosis.hint).toBeUndefined()
    else expect(diagnosis.hint).toMatch(/^Likely cause: [^\n]{20,300}$/)
  })

  it('gives no hint without a reason', () => {
    expect(diagnose(null, 's3')).toEqual({ category: 'unknown', hint: undefined })
    expect(diagnose(undefined)).toEqual({ category: 'unknown', hint: undefined })
  })

  it("refines the hint by the connector's type", () => {
    const reason = 'Access Denied'
    expect(diagnose(reason, 's3').hint).toContain('s3:ListBucket')
    expect(diagnose(reason, 'azure').hint).toContain('Storage Blob Data Reader')
    expect(diagnose(reason, 'snowflake').hint).toContain('USAGE on the warehouse')
    expect(diagnose('password authentication failed for user "x"', 'postgres').hint).toContain(
      'PostgreSQL user name or password'
    )
    expect(diagnose('Invalid API Key', 'pinecone').hint).toContain('Pinecone API key')
    expect(diagnose('no such index [docs]', 'elasticsearch').hint).toContain('lower case')
    // Types are matched however they are spelled; one without known fixes gets the generic hint.
    expect(diagnose(reason, 'Weaviate_Cloud').hint).toBe(diagnose(reason, 'weaviate-cloud').hint)
    expect(diagnose(reason, 'sftp').hint).toBe(diagnose(reason, 'no-such-type').hint)
    expect(diagnose(reason, 'sftp').hint).toContain('lack a permission')
  })

  it("takes the service from the reason's words when the type is unknown", () => {
    expect(diagnose('InvalidAccessKeyId').hint).toContain('AWS access key ID')
    expect(diagnose('password authentication failed for user "x"').hint).toContain('PostgreSQL')
  })

  it("gives the generic hint for another service's words", () => {
    // A Snowflake stage on S3 fails with S3's words: the S3 fix would be a guess.
    const diagnosis = diagnose('AccessDenied', 'snowflake')
    expect(diagnosis.category).toBe('permissions')
    expect(diagnosis.hint).not.toContain('s3:')
    expect(diagnosis.hint).not.toContain('Snowflake')
    expect(diagnosis.hint).toContain('lack a permission')
  })

  it("finds a phrase's parts only close together, at any of their first occurrences", () => {
    const apart = `role ${'word '.repeat(30)}does not exist`
    // Too far apart for "role … does not exist": only the generic "does not exist" is left.
    expect(diagnose(apart, 'postgres').category).toBe('not-found')
    expect(
      diagnose(`role of the job; ${'word '.repeat(30)} role "etl" does not exist`).category
    ).toBe('credentials')
  })

  it('never quotes the reason in its hint', () => {
    const reason = 'Access denied ::error::injected ##[warning]x'
    const { hint } = diagnose(reason, 's3')
    expect(hint).not.toContain('::')
    expect(hint).not.toContain('##[')
    expect(hint).not.toContain('injected')
  })

  it('reads a bounded part of a long, hostile reason', () => {
    const filler = 'x'.repeat(READ_LIMIT)
    expect(diagnose(`${filler} AccessDenied`).category).toBe('unknown')
    expect(diagnose(`AccessDenied ${filler.repeat(250)}`).category).toBe('permissions')
    // Inputs that make a backtracking matcher slow: long runs of capitals, of one separator,
    // of a phrase's first word over and over.
    for (const hostile of [
      'A'.repeat(1_000_000),
      '_'.repeat(1_000_000),
      'role '.repeat(200_000),
      'database '.repeat(100_000) + 'does not exist'
    ]) {
      expect(CATEGORIES).toContain(diagnose(hostile, 'x'.repeat(100_000)).category)
    }
  })
})

describe('the corpus of connector reasons', () => {
  const reasons = CORPUS.flatMap((entry) => [
    { ...entry, text: entry.reason, expected: entry.category, front: false },
    {
      ...entry,
      text: `${entry.raisedAs}: ${entry.reason}`,
      expected: entry.withClass ?? entry.category,
      front: true
    }
  ])

  it('has at least 150 reasons over 25 connector types, in both forms, each with its source', () => {
    expect(reasons.length).toBeGreaterThanOrEqual(150)
    expect(new Set(CORPUS.map((entry) => entry.type)).size).toBeGreaterThanOrEqual(25)
    for (const form of ['full', 'stripped'] as const) {
      expect(CORPUS.filter((entry) => entry.form === form).length).toBeGreaterThanOrEqual(50)
    }
    for (const entry of CORPUS) expect(entry.source.length).toBeGreaterThan(10)
    const seen = new Set(reasons.map((reason) => reason.expected))
    expect([...seen].sort()).toEqual([...CATEGORIES].sort())
  })

  it.each(
    reasons.map(
      (r) =>
        [
          r.expected,
          r.type,
          r.form,
          r.front ? 'class' : 'bare',
          JSON.stringify(r.text.slice(0, 90)),
          r
        ] as const
    )
  )('%s from %s (%s, %s): %s', (expected, type, _, __, ___, r) => {
    const diagnosis = diagnose(r.text, type)
    expect(diagnosis.category).toBe(expected)
    if (expected === 'unknown') expect(diagnosis.hint).toBeUndefined()
    else expect(diagnosis.hint).toMatch(/^Likely cause: [^\n]{20,300}$/)
  })

  it('lets a generic class in front decide nothing, and a meaningful one decide only alone', () => {
    for (const generic of [
      'DestinationConnectionError',
      'SourceConnectionError',
      'ConnectionError'
    ]) {
      expect(
        diagnose(`${generic}: failed to validate connection: OperationalError`, 'postgres')
      ).toEqual({ category: 'unknown', hint: undefined })
      expect(diagnose(`Error in connecting to downstream data source: ${generic}`).category).toBe(
        generic === 'ConnectionError' ? 'network' : 'unknown'
      )
    }
    expect(diagnose('UserAuthError: ValueError', 'databricks_volumes').category).toBe('credentials')
    expect(diagnose('unstructured_ingest.error.NotFoundError: KeyError', 'pinecone').category).toBe(
      'not-found'
    )
    expect(diagnose('User error: ClientError', 's3').category).toBe('configuration')
    // What the rest says comes first: SharePoint raises a 403 as UserAuthError.
    expect(
      diagnose('UserAuthError: [HTTP 403] Access forbidden to SharePoint site x', 'sharepoint')
        .category
    ).toBe('permissions')
  })

  it('reads codes that mean one thing for one service only for its connectors', () => {
    expect(
      diagnose(`failed to validate connection: OperationFailure(code=13)`, 'mongodb').category
    ).toBe('permissions')
    expect(
      diagnose(`failed to validate connection: OperationFailure(code=13)`, 'redis').category
    ).toBe('unknown')
    expect(diagnose('UnexpectedResponse(status_code=403)', 'qdrant-cloud').category).toBe(
      'credentials'
    )
    expect(diagnose('UnexpectedResponse(status_code=403)', 'pinecone').category).toBe('permissions')
    expect(diagnose('HttpResponseError(status_code=403)', 'azure_ai_search').hint).toContain(
      'admin API key'
    )
  })

  it('reads at most 64 characters of a field value, and a hostile run of fields quickly', () => {
    expect(diagnose(`X(status_code=${'4'.repeat(100)})`).category).toBe('unknown')
    expect(diagnose('x'.repeat(70) + ': HttpError(status_code=404)').category).toBe('not-found')
    for (const hostile of [
      'status_code='.repeat(100_000),
      '='.repeat(1_000_000),
      'a: '.repeat(300_000)
    ]) {
      expect(CATEGORIES).toContain(diagnose(hostile, 'mongodb').category)
    }
  })
})
