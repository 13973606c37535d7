import type { Category } from '../../../src/report/diagnose/diagnose.js'

/**
 * FAILURE reasons as the platform's connectors build them, each with where its text comes from.
 * `form` is `full` for unstructured-ingest up to 1.6.30 (the client library's text inside the
 * connector's message) and `stripped` from 1.6.31 (the exception's type name and allow-listed
 * fields only; sentences the connector writes itself are kept). `raisedAs` is the library's
 * error class around it: each reason is scored bare and with `raisedAs: ` in front. A reason
 * whose class decides what it means gives that in `withClass`.
 */
export interface CorpusCase {
  type: string
  form: 'full' | 'stripped'
  raisedAs: string
  reason: string
  category: Category
  withClass?: Category
  source: string
}

const I = 'unstructured-ingest unstructured_ingest/processes/connectors/'
const V = 'failed to validate connection: '
const SRC = 'SourceConnectionError'
const DST = 'DestinationConnectionError'

export const CORPUS: readonly CorpusCase[] = [
  // s3: fsspec/s3.py wrap_error (s3fs turns botocore's codes into PermissionError and the like)
  {
    type: 's3',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason: 'The AWS Access Key Id you provided does not exist in our records.',
    category: 'credentials',
    source: `${I}fsspec/s3.py; s3fs errors.py; botocore InvalidAccessKeyId`
  },
  {
    type: 's3',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason:
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    category: 'credentials',
    source: `${I}fsspec/s3.py; botocore SignatureDoesNotMatch`
  },
  {
    type: 's3',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason: 'Access Denied',
    category: 'permissions',
    source: `${I}fsspec/s3.py; botocore AccessDenied through s3fs PermissionError`
  },
  {
    type: 's3',
    form: 'full',
    raisedAs: 'UserError',
    reason: 'File not found: [Errno 2] The specified bucket does not exist',
    category: 'not-found',
    source: `${I}fsspec/s3.py (UserError "File not found"); botocore NoSuchBucket`
  },
  {
    type: 's3',
    form: 'full',
    raisedAs: 'SourceConnectionError',
    reason:
      'Could not connect to the endpoint URL: "https://orders.s3.us-east-7.amazonaws.com/?list-type=2"',
    category: 'network',
    source: `${I}fsspec/fsspec.py precheck; botocore EndpointConnectionError`
  },
  {
    type: 's3',
    form: 'full',
    raisedAs: 'UserError',
    reason:
      'An error occurred (PermanentRedirect) when calling the ListObjectsV2 operation: The bucket you are attempting to access must be addressed using the specified endpoint.',
    category: 'configuration',
    source: `${I}fsspec/s3.py (4xx as UserError); botocore PermanentRedirect`
  },
  {
    type: 's3',
    form: 'full',
    raisedAs: 'ProviderError',
    reason:
      'An error occurred (SlowDown) when calling the ListObjectsV2 operation (reached max retries: 4): Please reduce your request rate.',
    category: 'quota',
    source: `${I}fsspec/s3.py (5xx as ProviderError); botocore SlowDown 503`
  },
  {
    type: 's3',
    form: 'full',
    raisedAs: 'SourceConnectionError',
    reason: 'Unable to locate credentials',
    category: 'credentials',
    source: 'botocore NoCredentialsError'
  },
  {
    type: 's3',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'PermissionError(errno=13)',
    category: 'unknown',
    withClass: 'credentials',
    source: `${I}fsspec/s3.py (PermissionError as UserAuthError); error.py safe_error_summary`
  },
  {
    type: 's3',
    form: 'stripped',
    raisedAs: 'SourceConnectionError',
    reason: 'NoCredentialsError',
    category: 'credentials',
    source: 'botocore NoCredentialsError; error.py safe_error_summary'
  },
  {
    type: 's3',
    form: 'stripped',
    raisedAs: 'SourceConnectionError',
    reason: 'EndpointConnectionError',
    category: 'network',
    source: 'botocore EndpointConnectionError; error.py safe_error_summary'
  },
  {
    type: 's3',
    form: 'stripped',
    raisedAs: 'ProviderError',
    reason: 'ClientError',
    category: 'unknown',
    withClass: 'outage',
    source: `${I}fsspec/s3.py (5xx as ProviderError)`
  },
  {
    type: 's3',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'ClientError',
    category: 'unknown',
    withClass: 'configuration',
    source: `${I}fsspec/s3.py (4xx as UserError)`
  },
  // azure (Blob Storage): fsspec/azure.py wrap_error; azure-core keeps error_code
  {
    type: 'azure',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason:
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:1f2e\nErrorCode:AuthenticationFailed',
    category: 'credentials',
    source: `${I}fsspec/azure.py; azure-storage-blob AuthenticationFailed`
  },
  {
    type: 'azure',
    form: 'full',
    raisedAs: 'UserError',
    reason:
      'This request is not authorized to perform this operation using this permission.\nRequestId:9a8b\nErrorCode:AuthorizationPermissionMismatch',
    category: 'permissions',
    source: `${I}fsspec/azure.py; azure-storage-blob AuthorizationPermissionMismatch`
  },
  {
    type: 'azure',
    form: 'full',
    raisedAs: 'UserError',
    reason: 'The specified container does not exist.\nRequestId:9a8b\nErrorCode:ContainerNotFound',
    category: 'not-found',
    source: `${I}fsspec/azure.py; azure-storage-blob ContainerNotFound`
  },
  {
    type: 'azure',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason:
      'ClientSecretCredential.get_token failed: Authentication failed: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID',
    category: 'credentials',
    source:
      'azure-identity ClientSecretCredential; https://learn.microsoft.com/entra/identity-platform/reference-error-codes'
  },
  {
    type: 'azure',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason:
      "ClientSecretCredential.get_token failed: Authentication failed: AADSTS90002: Tenant 'acme.onmicrosoft.co' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.",
    category: 'configuration',
    source: 'azure-identity; Entra error code AADSTS90002 (tenant not found)'
  },
  {
    type: 'azure',
    form: 'full',
    raisedAs: 'SourceConnectionError',
    reason:
      '<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to establish a new connection: [Errno -2] Name or service not known',
    category: 'network',
    source: 'azure-core ServiceRequestError over urllib3'
  },
  {
    type: 'azure',
    form: 'full',
    raisedAs: 'UserError',
    reason:
      'This request is not authorized to perform this operation.\nRequestId:2c1d\nErrorCode:AuthorizationFailure',
    category: 'permissions',
    source: 'azure-storage-blob AuthorizationFailure (storage firewall or network rules)'
  },
  {
    type: 'azure',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'HttpResponseError(status_code=403, error_code=AuthorizationPermissionMismatch)',
    category: 'permissions',
    source: `${I}fsspec/azure.py; azure-core HttpResponseError.error_code; error.py`
  },
  {
    type: 'azure',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'ResourceNotFoundError(status_code=404, error_code=ContainerNotFound)',
    category: 'not-found',
    source: `${I}fsspec/azure.py; azure-core ResourceNotFoundError`
  },
  {
    type: 'azure',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'ClientAuthenticationError(status_code=403, error_code=AuthenticationFailed)',
    category: 'credentials',
    source: `${I}fsspec/azure.py (ClientAuthenticationError as UserAuthError)`
  },
  {
    type: 'azure',
    form: 'stripped',
    raisedAs: 'ProviderError',
    reason: 'HttpResponseError(status_code=503, error_code=ServerBusy)',
    category: 'outage',
    source: `${I}fsspec/azure.py (5xx as ProviderError); Azure Storage ServerBusy`
  },
  {
    type: 'azure',
    form: 'stripped',
    raisedAs: 'SourceConnectionError',
    reason: 'ServiceRequestError',
    category: 'network',
    source: 'azure-core ServiceRequestError (no response)'
  },
  // gcs: fsspec/gcs.py writes its own sentences for 403 and 400
  {
    type: 'gcs',
    form: 'stripped',
    raisedAs: 'UserError',
    reason:
      'Access to the GCS resource was forbidden. Check that the service account has permission for the requested bucket and object.',
    category: 'permissions',
    source: `${I}fsspec/gcs.py wrap_error (forbidden_message)`
  },
  {
    type: 'gcs',
    form: 'stripped',
    raisedAs: 'UserError',
    reason:
      'The GCS request was rejected as a bad request. Check the bucket name and the service account credentials.',
    category: 'configuration',
    source: `${I}fsspec/gcs.py wrap_error (bad_request_message)`
  },
  {
    type: 'gcs',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'File not found: FileNotFoundError(errno=2)',
    category: 'not-found',
    source: `${I}fsspec/gcs.py wrap_error`
  },
  {
    type: 'gcs',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'HttpError(code=401)',
    category: 'credentials',
    source: `${I}fsspec/gcs.py (4xx as UserError); gcsfs retry.HttpError.code`
  },
  {
    type: 'gcs',
    form: 'stripped',
    raisedAs: 'ProviderError',
    reason: 'HttpError(code=503)',
    category: 'outage',
    source: `${I}fsspec/gcs.py (5xx as ProviderError)`
  },
  {
    type: 'gcs',
    form: 'stripped',
    raisedAs: 'ValueError',
    reason: 'Invalid auth token value',
    category: 'credentials',
    source: `${I}fsspec/gcs.py (service account key that is not JSON)`
  },
  {
    type: 'gcs',
    form: 'full',
    raisedAs: 'UserError',
    reason:
      "403 GET https://storage.googleapis.com/storage/v1/b/orders/o?maxResults=1: docs@acme.iam.gserviceaccount.com does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist).",
    category: 'permissions',
    source: 'google-cloud-storage / gcsfs 403 text'
  },
  {
    type: 'gcs',
    form: 'full',
    raisedAs: 'SourceConnectionError',
    reason:
      "('invalid_grant: Invalid JWT Signature.', {'error': 'invalid_grant', 'error_description': 'Invalid JWT Signature.'})",
    category: 'credentials',
    source: 'google-auth RefreshError (deleted service account key)'
  },
  // google_drive: google_drive.py writes its own sentences
  {
    type: 'google_drive',
    form: 'stripped',
    raisedAs: 'SourceConnectionError',
    reason:
      'Google Drive API is not enabled for your project.                     Please enable it in the Google Cloud Console.',
    category: 'configuration',
    source: `${I}google_drive.py verify_drive_api_enabled`
  },
  {
    type: 'google_drive',
    form: 'stripped',
    raisedAs: 'SourceConnectionError',
    reason: 'Google drive API unreachable for an unknown reason!',
    category: 'unknown',
    source: `${I}google_drive.py verify_drive_api_enabled (any other HttpError)`
  },
  {
    type: 'google_drive',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason:
      'Authentication failed. The credentials may be invalid, expired, or missing required scopes.',
    category: 'credentials',
    source: `${I}google_drive.py (HttpError 401)`
  },
  {
    type: 'google_drive',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'The provided credentials are invalid.',
    category: 'credentials',
    source: `${I}google_drive.py (DefaultCredentialsError)`
  },
  {
    type: 'google_drive',
    form: 'stripped',
    raisedAs: 'SourceConnectionError',
    reason: 'Precheck failed: HttpError(status_code=404)',
    category: 'not-found',
    source: `${I}google_drive.py precheck; googleapiclient HttpError.status_code`
  },
  {
    type: 'google_drive',
    form: 'stripped',
    raisedAs: 'SourceConnectionError',
    reason: 'Precheck failed: RefreshError',
    category: 'credentials',
    source: `${I}google_drive.py precheck; google-auth RefreshError`
  },
  {
    type: 'google_drive',
    form: 'full',
    raisedAs: 'SourceConnectionError',
    reason:
      "Precheck failed: <HttpError 404 when requesting https://www.googleapis.com/drive/v3/files/1AbC?supportsAllDrives=true&alt=json returned \"File not found: 1AbC.\". Details: \"[{'message': 'File not found: 1AbC.', 'reason': 'notFound'}]\">",
    category: 'not-found',
    source: `${I}google_drive.py precheck (1.6.30); googleapiclient HttpError`
  },
  // postgres: sql/sql.py precheck runs SELECT 1 over psycopg2
  {
    type: 'postgres',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}connection to server at "db.acme.internal" (10.0.4.7), port 5432 failed: FATAL:  password authentication failed for user "ingest"`,
    category: 'credentials',
    source: `${I}sql/sql.py; libpq`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: DST,
    reason: `${V}connection to server at "db.acme.internal" (10.0.4.7), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
    category: 'network',
    source: `${I}sql/sql.py; libpq`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}could not translate host name "db.acme.internl" to address: Name or service not known`,
    category: 'network',
    source: `${I}sql/sql.py; libpq`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: DST,
    reason: `${V}connection to server at "db" (10.0.4.7), port 5432 failed: FATAL:  database "elements" does not exist`,
    category: 'not-found',
    source: `${I}sql/sql.py; libpq`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: DST,
    reason: `${V}connection to server at "db" (10.0.4.7), port 5432 failed: FATAL:  no pg_hba.conf entry for host "203.0.113.7", user "ingest", database "docs", SSL off`,
    category: 'permissions',
    source: `${I}sql/sql.py; libpq`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: DST,
    reason: `${V}connection to server at "db" (10.0.4.7), port 5432 failed: FATAL:  sorry, too many clients already`,
    category: 'quota',
    source: `${I}sql/sql.py; PostgreSQL 53300`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}connection to server at "db" (10.0.4.7), port 5432 failed: server does not support SSL, but SSL was required`,
    category: 'tls',
    source: `${I}sql/sql.py; libpq sslmode=require`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}connection to server at "db" (10.0.4.7), port 5432 failed: FATAL:  the database system is starting up`,
    category: 'outage',
    source: `${I}sql/sql.py; PostgreSQL 57P03`
  },
  {
    type: 'postgres',
    form: 'full',
    raisedAs: DST,
    reason: `${V}connection to server at "db.acme.internal" (10.0.4.7), port 5432 failed: timeout expired`,
    category: 'network',
    source: `${I}sql/sql.py; libpq connect_timeout`
  },
  {
    type: 'postgres',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}OperationalError`,
    category: 'unknown',
    source: `${I}sql/sql.py; psycopg2 connection errors carry no pgcode`
  },
  {
    type: 'postgres',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}InsufficientPrivilege(pgcode=42501)`,
    category: 'permissions',
    source: 'psycopg2.errors InsufficientPrivilege, SQLSTATE 42501'
  },
  {
    type: 'postgres',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}OperationalError(pgcode=53300)`,
    category: 'quota',
    source: 'PostgreSQL SQLSTATE 53300 too_many_connections'
  },
  {
    type: 'postgres',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}UndefinedTable(pgcode=42P01)`,
    category: 'not-found',
    source: 'PostgreSQL SQLSTATE 42P01 undefined_table'
  },
  {
    type: 'postgres',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}OperationalError(pgcode=28P01)`,
    category: 'credentials',
    source: 'PostgreSQL SQLSTATE 28P01 invalid_password'
  },
  // snowflake: sql/snowflake.py through sql/sql.py; snowflake-connector-python errno/sqlstate/sfqid
  {
    type: 'snowflake',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}250001 (08001): Failed to connect to DB: ab12345.eu-west-1.snowflakecomputing.com:443. Incorrect username or password was specified.`,
    category: 'credentials',
    source: 'https://github.com/dbt-labs/dbt-utils/issues/992'
  },
  {
    type: 'snowflake',
    form: 'full',
    raisedAs: DST,
    reason: `${V}002003 (02000): SQL compilation error:\nDatabase 'DOCS' does not exist or not authorized.`,
    category: 'not-found',
    source: 'Snowflake error 002003'
  },
  {
    type: 'snowflake',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}390189 (08004): Role 'LOADER' specified in the connect string does not exist or not authorized. Contact your local system administrator, or attempt to login with another role, e.g. PUBLIC.`,
    category: 'permissions',
    source: 'Snowflake error 390189'
  },
  {
    type: 'snowflake',
    form: 'full',
    raisedAs: DST,
    reason: `${V}000606 (57P03): No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command.`,
    category: 'configuration',
    source: 'Snowflake error 000606'
  },
  {
    type: 'snowflake',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}250001 (08001): Failed to connect to DB: ab12345.snowflakecomputing.com:443. IP 203.0.113.7 is not allowed to access Snowflake.  Contact your local security administrator or please create a case with Snowflake Support or reach us on our support line`,
    category: 'permissions',
    source: 'Snowflake network policy (390422)'
  },
  {
    type: 'snowflake',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}250001 (08001): Failed to connect to DB: ab12345.snowflakecomputing.com:443. JWT token is invalid.`,
    category: 'credentials',
    source: 'Snowflake key-pair authentication error 390144'
  },
  {
    type: 'snowflake',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}DatabaseError(errno=250001, sqlstate=08001)`,
    category: 'unknown',
    source: 'snowflake-connector-python 250001 wraps wrong password, account and network alike'
  },
  {
    type: 'snowflake',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ProgrammingError(errno=2003, sqlstate=02000, sfqid=01b2c3d4-0000-1111-0000-000123456789)`,
    category: 'not-found',
    source: 'Snowflake error 002003; error.py keeps errno, sqlstate, sfqid'
  },
  {
    type: 'snowflake',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}DatabaseError(errno=390100, sqlstate=08004)`,
    category: 'credentials',
    source: 'Snowflake error 390100 (incorrect username or password)'
  },
  {
    type: 'snowflake',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}DatabaseError(errno=390189, sqlstate=08004)`,
    category: 'permissions',
    source: 'Snowflake error 390189 (role)'
  },
  {
    type: 'snowflake',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ProgrammingError(errno=606, sqlstate=57P03)`,
    category: 'configuration',
    source: 'Snowflake error 000606 (no warehouse)'
  },
  {
    type: 'snowflake',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ProgrammingError`,
    category: 'unknown',
    source: 'snowflake-connector-python ProgrammingError without fields'
  },
  // pinecone: pinecone.py writes "index … does not exist" itself
  {
    type: 'pinecone',
    form: 'stripped',
    raisedAs: 'NotFoundError',
    reason: 'index docs-index does not exist',
    category: 'not-found',
    source: `${I}pinecone.py precheck`
  },
  {
    type: 'pinecone',
    form: 'full',
    raisedAs: DST,
    reason: `${V}(401)\nReason: Unauthorized\nHTTP response body: {"error":{"code":"UNAUTHENTICATED","message":"Invalid API Key"},"status":401}`,
    category: 'credentials',
    source: 'pinecone-client UnauthorizedException'
  },
  {
    type: 'pinecone',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}UnauthorizedException(status=401)`,
    category: 'credentials',
    source: 'pinecone-client UnauthorizedException.status'
  },
  {
    type: 'pinecone',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ServiceException(status=503)`,
    category: 'outage',
    source: 'pinecone-client ServiceException (5xx)'
  },
  {
    type: 'pinecone',
    form: 'full',
    raisedAs: DST,
    reason: `${V}(429)\nReason: Too Many Requests\nHTTP response body: {"error":{"code":"RESOURCE_EXHAUSTED","message":"Request failed. You've reached your read unit limit for the current month."},"status":429}`,
    category: 'quota',
    source: 'Pinecone 429 RESOURCE_EXHAUSTED (https://docs.pinecone.io/troubleshooting/)'
  },
  // elasticsearch: elasticsearch/elasticsearch.py writes "index … not found"
  {
    type: 'elasticsearch',
    form: 'stripped',
    raisedAs: DST,
    reason: 'index docs not found: logs-2026, metrics',
    category: 'not-found',
    source: `${I}elasticsearch/elasticsearch.py precheck`
  },
  {
    type: 'elasticsearch',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}AuthenticationException(401, 'security_exception', 'unable to authenticate user [elastic] for REST request [/_cluster/health]')`,
    category: 'credentials',
    source: 'elasticsearch-py AuthenticationException'
  },
  {
    type: 'elasticsearch',
    form: 'full',
    raisedAs: DST,
    reason: `${V}AuthorizationException(403, 'security_exception', 'action [indices:admin/get] is unauthorized for user [writer] with effective roles [writer] on indices [docs]')`,
    category: 'permissions',
    source: 'elasticsearch-py AuthorizationException'
  },
  {
    type: 'elasticsearch',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}TlsError(TLS error caused by: SSLError([SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)))`,
    category: 'tls',
    source: 'elastic-transport TlsError'
  },
  {
    type: 'elasticsearch',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}ConnectionError(<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to resolve 'es.acme.internl' ([Errno -2] Name or service not known)) caused by: NameResolutionError(...)`,
    category: 'network',
    source: 'elastic-transport ConnectionError over urllib3'
  },
  {
    type: 'elasticsearch',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}AuthenticationException(status_code=401)`,
    category: 'credentials',
    source: 'elasticsearch-py ApiError.status_code; error.py'
  },
  {
    type: 'elasticsearch',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}AuthorizationException(status_code=403)`,
    category: 'permissions',
    source: 'elasticsearch-py ApiError.status_code'
  },
  {
    type: 'elasticsearch',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}ConnectionError`,
    category: 'network',
    source: 'elastic-transport ConnectionError'
  },
  {
    type: 'elasticsearch',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}TlsError`,
    category: 'tls',
    source: 'elastic-transport TlsError'
  },
  // mongodb: mongodb.py writes "database/collection … does not exist"
  {
    type: 'mongodb',
    form: 'stripped',
    raisedAs: SRC,
    reason: 'database docs does not exist: admin, local, config',
    category: 'not-found',
    source: `${I}mongodb.py precheck`
  },
  {
    type: 'mongodb',
    form: 'stripped',
    raisedAs: DST,
    reason: 'collection elements does not exist: pages, chunks',
    category: 'not-found',
    source: `${I}mongodb.py precheck`
  },
  {
    type: 'mongodb',
    form: 'full',
    raisedAs: SRC,
    reason: `Failed to validate connection: bad auth : authentication failed, full error: {'ok': 0, 'errmsg': 'bad auth : authentication failed', 'code': 8000, 'codeName': 'AtlasError'}`,
    category: 'credentials',
    source: 'pymongo OperationFailure from MongoDB Atlas'
  },
  {
    type: 'mongodb',
    form: 'full',
    raisedAs: DST,
    reason: `${V}cluster0-shard-00-01.ab1cd.mongodb.net:27017: timed out, Timeout: 30s, Topology Description: <TopologyDescription id: 65f, topology_type: ReplicaSetNoPrimary>`,
    category: 'network',
    source: 'pymongo ServerSelectionTimeoutError (Atlas IP access list)'
  },
  {
    type: 'mongodb',
    form: 'full',
    raisedAs: SRC,
    reason:
      'Failed to validate connection: The DNS query name does not exist: _mongodb._tcp.cluster0.wrong.mongodb.net.',
    category: 'network',
    source: 'pymongo ConfigurationError (dnspython NXDOMAIN)'
  },
  {
    type: 'mongodb',
    form: 'stripped',
    raisedAs: SRC,
    reason: 'Failed to validate connection: OperationFailure(code=8000)',
    category: 'credentials',
    source: 'pymongo OperationFailure.code 8000 (AtlasError, bad auth)'
  },
  {
    type: 'mongodb',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}OperationFailure(code=18)`,
    category: 'credentials',
    source: 'MongoDB error code 18 AuthenticationFailed'
  },
  {
    type: 'mongodb',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}OperationFailure(code=13)`,
    category: 'permissions',
    source: 'MongoDB error code 13 Unauthorized'
  },
  {
    type: 'mongodb',
    form: 'stripped',
    raisedAs: SRC,
    reason: 'Failed to validate connection: ServerSelectionTimeoutError',
    category: 'network',
    source: 'pymongo ServerSelectionTimeoutError'
  },
  {
    type: 'mongodb',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}InvalidURI`,
    category: 'configuration',
    source: 'pymongo InvalidURI'
  },
  // databricks_volumes: databricks/volumes.py wrap_error
  {
    type: 'databricks_volumes',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason:
      'default auth: cannot configure default credentials, please check https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication to configure credentials for your preferred authentication method.',
    category: 'credentials',
    source: `${I}databricks/volumes.py; databricks-sdk Config`
  },
  {
    type: 'databricks_volumes',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'ValueError',
    category: 'unknown',
    withClass: 'credentials',
    source: `${I}databricks/volumes.py (auth ValueError as UserAuthError)`
  },
  {
    type: 'databricks_volumes',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'PermissionDenied(error_code=PERMISSION_DENIED)',
    category: 'permissions',
    source: `${I}databricks/volumes.py (403 as UserAuthError); databricks-sdk DatabricksError.error_code`
  },
  {
    type: 'databricks_volumes',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'NotFound(error_code=RESOURCE_DOES_NOT_EXIST)',
    category: 'not-found',
    source: `${I}databricks/volumes.py (4xx as UserError)`
  },
  {
    type: 'databricks_volumes',
    form: 'stripped',
    raisedAs: 'RateLimitError',
    reason: 'TooManyRequests(error_code=REQUEST_LIMIT_EXCEEDED)',
    category: 'quota',
    source: `${I}databricks/volumes.py (429 as RateLimitError)`
  },
  // databricks_volume_delta_tables: databricks/volumes_table.py writes its own sentences
  {
    type: 'databricks_volume_delta_tables',
    form: 'stripped',
    raisedAs: 'ValueError',
    reason: 'Catalog main2 not found in main, samples, system',
    category: 'not-found',
    source: `${I}databricks/volumes_table.py precheck`
  },
  {
    type: 'databricks_volume_delta_tables',
    form: 'stripped',
    raisedAs: 'ValueError',
    reason: 'Database docs not found in default, information_schema',
    category: 'not-found',
    source: `${I}databricks/volumes_table.py precheck`
  },
  {
    type: 'databricks_volume_delta_tables',
    form: 'stripped',
    raisedAs: 'ValueError',
    reason:
      "Table 'elements' does not exist. With flatten_metadata=true, the destination table must be pre-created.",
    category: 'not-found',
    source: `${I}databricks/volumes_table.py precheck`
  },
  // delta_table
  {
    type: 'delta_table',
    form: 'stripped',
    raisedAs: 'ValueError',
    reason:
      "Wrong AWS region provided: bucket 'lake' resides in 'us-west-2', but configuration specifies 'us-east-1'",
    category: 'configuration',
    source: `${I}delta_table.py precheck`
  },
  {
    type: 'delta_table',
    form: 'full',
    raisedAs: DST,
    reason: `${V}An error occurred (403) when calling the HeadBucket operation: Forbidden`,
    category: 'permissions',
    source: `${I}delta_table.py precheck; botocore HeadBucket 403`
  },
  {
    type: 'delta_table',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}NoCredentialsError`,
    category: 'credentials',
    source: 'botocore NoCredentialsError'
  },
  // ibm_watsonx_s3: ibm_watsonx/ibm_watsonx_s3.py writes its own sentences
  {
    type: 'ibm_watsonx_s3',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: "Namespace 'docs' does not exist",
    category: 'not-found',
    source: `${I}ibm_watsonx/ibm_watsonx_s3.py precheck`
  },
  {
    type: 'ibm_watsonx_s3',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: "Table 'elements' does not exist in namespace 'docs'",
    category: 'not-found',
    source: `${I}ibm_watsonx/ibm_watsonx_s3.py precheck`
  },
  {
    type: 'ibm_watsonx_s3',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'HTTPError(status_code=400)',
    category: 'unknown',
    withClass: 'credentials',
    source: 'IBM Cloud IAM token request (400 for a bad API key) as UserAuthError'
  },
  // box, dropbox: fsspec/box.py, fsspec/dropbox.py wrap_error
  {
    type: 'box',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'BoxOAuthException(status=400)',
    category: 'credentials',
    source: `${I}fsspec/box.py (BoxOAuthException as UserAuthError)`
  },
  {
    type: 'box',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'BoxAPIException(status=404, code=not_found)',
    category: 'not-found',
    source: `${I}fsspec/box.py; boxsdk BoxAPIException.status/.code`
  },
  {
    type: 'box',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'BoxAPIException(status=403, code=access_denied_insufficient_permissions)',
    category: 'permissions',
    source: 'boxsdk BoxAPIException; Box API error codes'
  },
  {
    type: 'box',
    form: 'full',
    raisedAs: 'UserError',
    reason:
      'Message: Not Found\nStatus: 404\nCode: not_found\nRequest ID: 8c2d\nHeaders: {}\nURL: https://api.box.com/2.0/folders/123',
    category: 'not-found',
    source: 'boxsdk BoxAPIException text'
  },
  {
    type: 'dropbox',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason: "AuthError('5d1b', AuthError('expired_access_token', None))",
    category: 'credentials',
    source: `${I}fsspec/dropbox.py; dropbox-sdk AuthError`
  },
  {
    type: 'dropbox',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'AuthError(request_id=5d1b2e3f)',
    category: 'credentials',
    source: `${I}fsspec/dropbox.py; error.py keeps request_id`
  },
  {
    type: 'dropbox',
    form: 'full',
    raisedAs: 'UserError',
    reason: "ApiError('7a3c', ListFolderError('path', LookupError('not_found', None)))",
    category: 'not-found',
    source: 'dropbox-sdk ApiError (path not found)'
  },
  {
    type: 'dropbox',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason:
      "AuthError('9b1d', AuthError('missing_scope', TokenScopeError(required_scope='files.metadata.read')))",
    category: 'permissions',
    source: 'dropbox-sdk AuthError missing_scope'
  },
  // onedrive, sharepoint, outlook (Microsoft Graph, Entra ID)
  {
    type: 'onedrive',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      "invalid_client (AADSTS7000222: The provided client secret keys for app '0b9e7f52' are expired. Visit the Azure portal to create new keys for your app.)",
    category: 'credentials',
    source: `${I}onedrive.py precheck (token error and description); Entra AADSTS7000222`
  },
  {
    type: 'onedrive',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      "unauthorized_client (AADSTS700016: Application with identifier '0b9e7f52' was not found in the directory 'Acme'. This can happen if the application has not been installed by the administrator of the tenant.)",
    category: 'credentials',
    source: `${I}onedrive.py precheck; Entra AADSTS700016`
  },
  {
    type: 'onedrive',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      "invalid_request (AADSTS90002: Tenant 'acme.onmicrosoft.co' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.)",
    category: 'configuration',
    source: `${I}onedrive.py precheck; Entra AADSTS90002`
  },
  {
    type: 'onedrive',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      'temporarily_unavailable (AADSTS90033: A transient error has occurred. Please try again.)',
    category: 'outage',
    source: `${I}onedrive.py precheck; Entra AADSTS90033`
  },
  {
    type: 'onedrive',
    form: 'stripped',
    raisedAs: DST,
    reason:
      "invalid_grant (AADSTS65001: The user or administrator has not consented to use the application with ID '0b9e7f52'.)",
    category: 'permissions',
    source: `${I}onedrive.py uploader precheck; Entra AADSTS65001`
  },
  {
    type: 'onedrive',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}ClientRequestException(status_code=403)`,
    category: 'permissions',
    source: `${I}onedrive.py; office365 ClientRequestException.response.status_code`
  },
  {
    type: 'onedrive',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}('itemNotFound', 'The resource could not be found.', '404 Client Error: Not Found for url: https://graph.microsoft.com/v1.0/users/kim@acme.com/drive')`,
    category: 'not-found',
    source: 'office365 ClientRequestException (Graph itemNotFound)'
  },
  {
    type: 'sharepoint',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason:
      '[HTTP 401] Unauthorized access to SharePoint site https://acme.sharepoint.com/sites/docs. Check client credentials',
    category: 'credentials',
    source: `${I}sharepoint.py _handle_client_request_exception`
  },
  {
    type: 'sharepoint',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason:
      '[HTTP 403] Access forbidden to SharePoint site https://acme.sharepoint.com/sites/docs. Check app permissions (Sites.Read.All required): {"error":{"code":"accessDenied","message":"Access denied"}}',
    category: 'permissions',
    source: `${I}sharepoint.py _handle_client_request_exception (403 raised as UserAuthError)`
  },
  {
    type: 'sharepoint',
    form: 'stripped',
    raisedAs: 'NotFoundError',
    reason: '[HTTP 404] Not found: SharePoint site https://acme.sharepoint.com/sites/dcos',
    category: 'not-found',
    source: `${I}sharepoint.py _handle_client_request_exception`
  },
  {
    type: 'sharepoint',
    form: 'stripped',
    raisedAs: 'RateLimitError',
    reason:
      '[HTTP 429] Rate limited by SharePoint for SharePoint site https://acme.sharepoint.com/sites/docs',
    category: 'quota',
    source: `${I}sharepoint.py _handle_client_request_exception`
  },
  {
    type: 'sharepoint',
    form: 'stripped',
    raisedAs: 'SourceConnectionNetworkError',
    reason:
      '[HTTP 503] Upstream SharePoint error for SharePoint site https://acme.sharepoint.com/sites/docs',
    category: 'outage',
    source: `${I}sharepoint.py _handle_client_request_exception (5xx)`
  },
  {
    type: 'sharepoint',
    form: 'stripped',
    raisedAs: 'UserError',
    reason:
      "SharePoint path 'Shared Documents/Reports' not found in site https://acme.sharepoint.com/sites/docs. Check that the path exists and you have access to it",
    category: 'not-found',
    source: `${I}sharepoint.py _validate_folder_path`
  },
  {
    type: 'sharepoint',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      "[sharepoint]: invalid_client (AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '0b9e7f52'.)",
    category: 'credentials',
    source: `${I}sharepoint.py (token error); Entra AADSTS7000215`
  },
  {
    type: 'sharepoint',
    form: 'full',
    raisedAs: 'UserError',
    reason:
      "Failed to validate SharePoint connection: ('-2147024891, System.UnauthorizedAccessException', 'Access denied.', '403 Client Error: Forbidden for url: https://acme.sharepoint.com/sites/docs/_api/Web')",
    category: 'permissions',
    source: `${I}sharepoint.py precheck; office365 ClientRequestException`
  },
  {
    type: 'outlook',
    form: 'full',
    raisedAs: SRC,
    reason:
      "('Request_ResourceNotFound', \"Resource 'kim@acme.com' does not exist or one of its queried reference-property objects are not present.\", '404 Client Error: Not Found for url: https://graph.microsoft.com/v1.0/users/kim@acme.com')",
    category: 'not-found',
    source: `${I}outlook.py precheck (raw); Graph Request_ResourceNotFound`
  },
  {
    type: 'outlook',
    form: 'full',
    raisedAs: SRC,
    reason:
      "('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', '403 Client Error: Forbidden for url: https://graph.microsoft.com/v1.0/users/kim@acme.com')",
    category: 'permissions',
    source: `${I}outlook.py precheck (raw); Graph Authorization_RequestDenied`
  },
  {
    type: 'outlook',
    form: 'full',
    raisedAs: SRC,
    reason:
      "('ErrorAccessDenied', 'Access is denied. Check credentials and try again.', '403 Client Error: Forbidden for url: https://graph.microsoft.com/v1.0/users/kim@acme.com/mailFolders')",
    category: 'permissions',
    source: 'Graph ErrorAccessDenied (Mail.Read application permission missing)'
  },
  {
    type: 'outlook',
    form: 'full',
    raisedAs: SRC,
    reason:
      'ValueError: Failed to acquire token: AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.',
    category: 'configuration',
    source: 'msal token error; Entra AADSTS50059'
  },
  {
    type: 'outlook',
    form: 'full',
    raisedAs: SRC,
    reason:
      'Failed to acquire token: AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    category: 'permissions',
    source: 'Entra AADSTS53003 (Conditional Access)'
  },
  {
    type: 'outlook',
    form: 'full',
    raisedAs: SRC,
    reason:
      'Failed to acquire token: AADSTS1234567: Something new happened. Authentication failed.',
    category: 'unknown',
    source: 'an AADSTS code that no rule knows must not be guessed'
  },
  // salesforce
  {
    type: 'salesforce',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}INVALID_LOGIN: Invalid username, password, security token; or user locked out.`,
    category: 'credentials',
    source: `${I}salesforce.py; simple-salesforce SalesforceAuthenticationFailed`
  },
  {
    type: 'salesforce',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}invalid_grant: user hasn't approved this consumer`,
    category: 'credentials',
    source: 'Salesforce OAuth JWT bearer flow error'
  },
  {
    type: 'salesforce',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}SalesforceAuthenticationFailed(code=invalid_grant)`,
    category: 'credentials',
    source: 'simple-salesforce SalesforceAuthenticationFailed.code'
  },
  {
    type: 'salesforce',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}SalesforceGeneralError(status=500)`,
    category: 'outage',
    source: 'simple-salesforce SalesforceGeneralError.status'
  },
  {
    type: 'salesforce',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.`,
    category: 'quota',
    source: 'Salesforce REST API REQUEST_LIMIT_EXCEEDED'
  },
  // slack: slack.py writes per-channel sentences; slack_sdk error codes survive stripping
  {
    type: 'slack',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}SlackApiError(status_code=200, error=invalid_auth)`,
    category: 'credentials',
    source: `${I}slack.py precheck; error.py docstring example`
  },
  {
    type: 'slack',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}SlackApiError(status_code=200, error=token_revoked)`,
    category: 'credentials',
    source: 'slack_sdk SlackApiError, Slack error token_revoked'
  },
  {
    type: 'slack',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}SlackApiError(status_code=429, error=ratelimited)`,
    category: 'quota',
    source: 'Slack rate limits (https://api.slack.com/docs/rate-limits)'
  },
  {
    type: 'slack',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      "Cannot access 1 channel(s):\n  - C0123ABCD: not found or not accessible. Possible causes: wrong channel ID, private channel (must invite bot manually), or missing 'channels:join' scope to auto-join public channels.",
    category: 'not-found',
    source: `${I}slack.py _channel_join_error_msg (channel_not_found)`
  },
  {
    type: 'slack',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      "Cannot access 2 channel(s):\n  - Bot token is missing the 'channels:join' scope (granted: channels:history, channels:read). Cannot auto-join C01, C02. Add the scope and reinstall the app, or invite the bot to each channel manually.",
    category: 'permissions',
    source: `${I}slack.py _channel_join_error_msg (missing_scope)`
  },
  {
    type: 'slack',
    form: 'stripped',
    raisedAs: SRC,
    reason:
      'Cannot access 1 channel(s):\n  - C0123ABCD is archived. Slack disables all app access on archival — archived channels cannot be indexed. Unarchive the channel to index it.',
    category: 'configuration',
    source: `${I}slack.py _channel_join_error_msg (is_archived)`
  },
  // jira, confluence (atlassian-python-api over requests)
  {
    type: 'jira',
    form: 'stripped',
    raisedAs: SRC,
    reason: 'Failed to connect to Jira: HTTPError(status_code=401)',
    category: 'credentials',
    source: `${I}jira.py precheck; requests HTTPError.response.status_code`
  },
  {
    type: 'jira',
    form: 'full',
    raisedAs: SRC,
    reason:
      "Failed to connect to Jira: HTTPSConnectionPool(host='acme.atlasian.net', port=443): Max retries exceeded with url: /rest/api/2/myself (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to resolve 'acme.atlasian.net' ([Errno -2] Name or service not known)\"))",
    category: 'network',
    source: `${I}jira.py precheck (1.6.30); requests ConnectionError`
  },
  {
    type: 'jira',
    form: 'stripped',
    raisedAs: 'ValueError',
    reason:
      'The provided user is not permitted to browse projects\n                from the given Jira organization URL.\n                Try checking username, password, token and the url arguments.',
    category: 'permissions',
    source: `${I}jira.py precheck (BROWSE_PROJECTS not permitted)`
  },
  {
    type: 'jira',
    form: 'stripped',
    raisedAs: SRC,
    reason: 'Failed to connect to Jira: ConnectionError',
    category: 'network',
    source: `${I}jira.py precheck; requests ConnectionError`
  },
  {
    type: 'confluence',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'Failed to connect to Confluence: HTTPError(status_code=401)',
    category: 'credentials',
    source: `${I}confluence.py precheck`
  },
  {
    type: 'confluence',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'Failed to connect to Confluence: ConnectionError',
    category: 'network',
    source: `${I}confluence.py precheck (every error raised as UserAuthError)`
  },
  {
    type: 'confluence',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: "Failed to connect to 'DOCS' space, cause: 'HTTPError(status_code=404)'",
    category: 'not-found',
    source: `${I}confluence.py precheck (per space)`
  },
  {
    type: 'confluence',
    form: 'full',
    raisedAs: 'UserAuthError',
    reason:
      'Failed to connect to Confluence: 401 Client Error: Unauthorized for url: https://acme.atlassian.net/wiki/rest/api/space?limit=1',
    category: 'credentials',
    source: `${I}confluence.py precheck (1.6.30); requests HTTPError`
  },
  {
    type: 'confluence',
    form: 'full',
    raisedAs: 'UserError',
    reason:
      "Failed to connect to 'ENG' space, cause: 'No space with key 'ENG' found or you do not have permission to access it'",
    category: 'not-found',
    source: 'atlassian-python-api ApiNotFoundError (Confluence space)'
  },
  // zendesk: zendesk/client.py wrap_error (httpx)
  {
    type: 'zendesk',
    form: 'stripped',
    raisedAs: 'UserAuthError',
    reason: 'HTTPStatusError(status_code=401)',
    category: 'credentials',
    source: `${I}zendesk/client.py wrap_error; httpx HTTPStatusError`
  },
  {
    type: 'zendesk',
    form: 'stripped',
    raisedAs: 'UserError',
    reason: 'HTTPStatusError(status_code=404)',
    category: 'not-found',
    source: `${I}zendesk/client.py wrap_error (wrong subdomain)`
  },
  {
    type: 'zendesk',
    form: 'stripped',
    raisedAs: 'RateLimitError',
    reason: 'HTTPStatusError(status_code=429)',
    category: 'quota',
    source: `${I}zendesk/client.py wrap_error`
  },
  {
    type: 'zendesk',
    form: 'stripped',
    raisedAs: 'UnstructuredIngestError',
    reason: 'ConnectError',
    category: 'network',
    source: `${I}zendesk/client.py wrap_error (non-HTTP error); httpx ConnectError`
  },
  // kafka-cloud: kafka/kafka.py writes "expected topic … not detected"; confluent-kafka
  {
    type: 'kafka-cloud',
    form: 'stripped',
    raisedAs: SRC,
    reason: "expected topic 'orders' not detected in cluster: 'payments, _schemas'",
    category: 'not-found',
    source: `${I}kafka/kafka.py precheck`
  },
  {
    type: 'kafka-cloud',
    form: 'full',
    raisedAs: DST,
    reason: `${V}KafkaError{code=_TRANSPORT,val=-195,str="Failed to get metadata: Local: Broker transport failure"}`,
    category: 'network',
    source: 'confluent-kafka KafkaException (librdkafka _TRANSPORT)'
  },
  {
    type: 'kafka-cloud',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}KafkaError{code=_AUTHENTICATION,val=-169,str="sasl_ssl://pkc-1.confluent.cloud:9092/bootstrap: SASL authentication error: Authentication failed (after 5123ms in state AUTH_REQ)"}`,
    category: 'credentials',
    source: 'librdkafka _AUTHENTICATION'
  },
  {
    type: 'kafka-cloud',
    form: 'full',
    raisedAs: SRC,
    reason: `${V}KafkaError{code=_TIMED_OUT,val=-185,str="Failed to get metadata: Local: Timed out"}`,
    category: 'network',
    source: 'librdkafka _TIMED_OUT'
  },
  {
    type: 'kafka-cloud',
    form: 'full',
    raisedAs: DST,
    reason: `${V}KafkaError{code=TOPIC_AUTHORIZATION_FAILED,val=29,str="Broker: Topic authorization failed"}`,
    category: 'permissions',
    source: 'Kafka error TOPIC_AUTHORIZATION_FAILED'
  },
  {
    type: 'kafka-cloud',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}KafkaException`,
    category: 'unknown',
    source: 'confluent-kafka KafkaException keeps its KafkaError in args only'
  },
  // astradb: astradb.py
  {
    type: 'astradb',
    form: 'full',
    raisedAs: DST,
    reason: `${V}UNAUTHENTICATED: Invalid token (Request: POST https://abc-us-east1.apps.astra.datastax.com/api/json/v1/default_keyspace)`,
    category: 'credentials',
    source: 'astrapy DataAPIResponseException (UNAUTHENTICATED)'
  },
  {
    type: 'astradb',
    form: 'full',
    raisedAs: DST,
    reason:
      'failed to check if astra collection exists: Collection does not exist, collection name: elements (COLLECTION_NOT_EXIST)',
    category: 'not-found',
    source: `${I}astradb.py; Data API COLLECTION_NOT_EXIST`
  },
  {
    type: 'astradb',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}DataAPIHttpException(status_code=401)`,
    category: 'credentials',
    source: 'astrapy DataAPIHttpException (httpx status)'
  },
  {
    type: 'astradb',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ConnectError`,
    category: 'network',
    source: 'httpx ConnectError (wrong API endpoint, hibernated database)'
  },
  {
    type: 'astradb',
    form: 'stripped',
    raisedAs: DST,
    reason: 'failed to check if astra collection exists: DataAPIResponseException',
    category: 'unknown',
    source: `${I}astradb.py (Data API error without fields)`
  },
  // azure_ai_search: a wrong admin key is a 403 there
  {
    type: 'azure_ai_search',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Operation returned an invalid status 'Forbidden'`,
    category: 'credentials',
    source:
      'Azure AI Search REST: 403 for an invalid api-key (https://learn.microsoft.com/rest/api/searchservice/http-status-codes)'
  },
  {
    type: 'azure_ai_search',
    form: 'full',
    raisedAs: DST,
    reason: `${V}() The index 'docs' for service 'acme-search' was not found.\nCode: \nMessage: The index 'docs' for service 'acme-search' was not found.`,
    category: 'not-found',
    source: 'azure-search-documents ResourceNotFoundError'
  },
  {
    type: 'azure_ai_search',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}HttpResponseError(status_code=403)`,
    category: 'credentials',
    source: 'Azure AI Search 403 (invalid api-key)'
  },
  {
    type: 'azure_ai_search',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ResourceNotFoundError(status_code=404)`,
    category: 'not-found',
    source: 'azure-core ResourceNotFoundError'
  },
  {
    type: 'azure_ai_search',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ServiceRequestError`,
    category: 'network',
    source: 'azure-core ServiceRequestError (wrong endpoint)'
  },
  // couchbase: couchbase.py; couchbase SDK exception names
  {
    type: 'couchbase',
    form: 'full',
    raisedAs: DST,
    reason: `${V}AuthenticationException(<ec=6, category=couchbase.common, message=authentication_failure (6), C Source=/couchbase-python-client/src/connection.cxx:199>)`,
    category: 'credentials',
    source: `${I}couchbase.py; couchbase SDK AuthenticationException`
  },
  {
    type: 'couchbase',
    form: 'full',
    raisedAs: DST,
    reason: `${V}UnAmbiguousTimeoutException(<ec=14, category=couchbase.common, message=unambiguous_timeout (14), C Source=/couchbase-python-client/src/connection.cxx:199>)`,
    category: 'network',
    source: 'couchbase SDK UnAmbiguousTimeoutException (cluster unreachable)'
  },
  {
    type: 'couchbase',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}AuthenticationException`,
    category: 'credentials',
    source: 'couchbase SDK AuthenticationException'
  },
  {
    type: 'couchbase',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}BucketNotFoundException`,
    category: 'not-found',
    source: 'couchbase SDK BucketNotFoundException'
  },
  {
    type: 'couchbase',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}UnAmbiguousTimeoutException`,
    category: 'network',
    source: 'couchbase SDK UnAmbiguousTimeoutException'
  },
  {
    type: 'couchbase',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ScopeNotFoundException`,
    category: 'not-found',
    source: 'couchbase SDK ScopeNotFoundException'
  },
  // milvus: milvus.py; pymilvus MilvusException.code
  {
    type: 'milvus',
    form: 'stripped',
    raisedAs: DST,
    reason: "Collection 'elements' does not exist",
    category: 'not-found',
    source: `${I}milvus.py precheck`
  },
  {
    type: 'milvus',
    form: 'full',
    raisedAs: DST,
    reason:
      'failed to precheck Milvus: Fail connecting to server on in01-abc.aws-us-west-2.vectordb.zillizcloud.com:19530, illegal connection params or server unavailable',
    category: 'network',
    source: `${I}milvus.py; pymilvus MilvusException`
  },
  {
    type: 'milvus',
    form: 'full',
    raisedAs: DST,
    reason: 'failed to precheck Milvus: database not found[database=docs]',
    category: 'not-found',
    source: `${I}milvus.py; Milvus ErrDatabaseNotFound`
  },
  {
    type: 'milvus',
    form: 'stripped',
    raisedAs: DST,
    reason: 'failed to precheck Milvus: MilvusException(code=1800)',
    category: 'credentials',
    source: 'Milvus error 1800 (user has not authenticated)'
  },
  {
    type: 'milvus',
    form: 'stripped',
    raisedAs: DST,
    reason: 'failed to precheck Milvus: MilvusException(code=2)',
    category: 'network',
    source: 'pymilvus code 2 (connection failed)'
  },
  {
    type: 'milvus',
    form: 'stripped',
    raisedAs: DST,
    reason: 'failed to precheck Milvus: MilvusException(code=100)',
    category: 'not-found',
    source: 'Milvus error 100 (collection not found)'
  },
  // motherduck: duckdb/motherduck.py; duckdb exception names
  {
    type: 'motherduck',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Invalid Input Error: Initialization function "motherduck_init" from file "motherduck" threw an exception: "Failed to connect to MotherDuck: Your request is not authenticated. Please check your MotherDuck token."`,
    category: 'credentials',
    source: `${I}duckdb/motherduck.py; MotherDuck extension`
  },
  {
    type: 'motherduck',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Catalog Error: Table with name elements does not exist!\nDid you mean "pg_catalog.pg_class"?`,
    category: 'not-found',
    source: 'duckdb CatalogException'
  },
  {
    type: 'motherduck',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}CatalogException`,
    category: 'not-found',
    source: 'duckdb CatalogException'
  },
  {
    type: 'motherduck',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}InvalidInputException`,
    category: 'unknown',
    source: 'duckdb InvalidInputException (token, settings and more)'
  },
  {
    type: 'motherduck',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}HTTPException(status_code=503)`,
    category: 'outage',
    source: 'duckdb HTTPException.status_code'
  },
  // neo4j: neo4j.py precheck (verify_connectivity, not wrapped)
  {
    type: 'neo4j',
    form: 'full',
    raisedAs: DST,
    reason:
      '{code: Neo.ClientError.Security.Unauthorized} {message: The client is unauthorized due to authentication failure.}',
    category: 'credentials',
    source: `${I}neo4j.py precheck; neo4j driver AuthError`
  },
  {
    type: 'neo4j',
    form: 'full',
    raisedAs: DST,
    reason:
      "Couldn't connect to abc123.databases.neo4j.io:7687 (resolved to ()):\nFailed to DNS resolve address abc123.databases.neo4j.io:7687: [Errno -2] Name or service not known",
    category: 'network',
    source: 'neo4j driver ServiceUnavailable'
  },
  {
    type: 'neo4j',
    form: 'full',
    raisedAs: DST,
    reason: 'Unable to retrieve routing information',
    category: 'network',
    source: 'neo4j driver ServiceUnavailable (neo4j+s:// routing)'
  },
  {
    type: 'neo4j',
    form: 'full',
    raisedAs: DST,
    reason:
      "{code: Neo.ClientError.Database.DatabaseNotFound} {message: Database does not exist. Database name: 'docs'.}",
    category: 'not-found',
    source: 'Neo4j status code Neo.ClientError.Database.DatabaseNotFound'
  },
  {
    type: 'neo4j',
    form: 'stripped',
    raisedAs: DST,
    reason: 'AuthError(code=Neo.ClientError.Security.Unauthorized)',
    category: 'credentials',
    source: 'neo4j driver AuthError.code'
  },
  {
    type: 'neo4j',
    form: 'stripped',
    raisedAs: DST,
    reason: 'ServiceUnavailable',
    category: 'network',
    source: 'neo4j driver ServiceUnavailable'
  },
  // redis: redisdb.py; redis-py exceptions
  {
    type: 'redis',
    form: 'full',
    raisedAs: DST,
    reason: `${V}invalid username-password pair or user is disabled.`,
    category: 'credentials',
    source: `${I}redisdb.py; redis-py AuthenticationError (WRONGPASS)`
  },
  {
    type: 'redis',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Error 111 connecting to redis-12345.c1.us-east-1.ec2.redns.redis-cloud.com:12345. Connection refused.`,
    category: 'network',
    source: 'redis-py ConnectionError'
  },
  {
    type: 'redis',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Error 1 connecting to redis-12345.c1.us-east-1.ec2.redns.redis-cloud.com:12345. [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006).`,
    category: 'tls',
    source: 'redis-py over TLS to a plain-text port'
  },
  {
    type: 'redis',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Authentication required.`,
    category: 'credentials',
    source: 'redis-py AuthenticationError (NOAUTH)'
  },
  {
    type: 'redis',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}AuthenticationError`,
    category: 'credentials',
    source: 'redis-py AuthenticationError'
  },
  {
    type: 'redis',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ConnectionError`,
    category: 'network',
    source: 'redis-py ConnectionError'
  },
  {
    type: 'redis',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}TimeoutError`,
    category: 'network',
    source: 'redis-py TimeoutError'
  },
  // qdrant-cloud: qdrant/qdrant.py
  {
    type: 'qdrant-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason: "collection 'docs' not found: pages, chunks",
    category: 'not-found',
    source: `${I}qdrant/qdrant.py precheck`
  },
  {
    type: 'qdrant-cloud',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Unexpected Response: 403 (Forbidden)\nRaw response content:\nb'{"error":"key doesn\\'t exist"}'`,
    category: 'credentials',
    source: 'https://github.com/qdrant/qdrant-client/issues/127'
  },
  {
    type: 'qdrant-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}UnexpectedResponse(status_code=403)`,
    category: 'credentials',
    source: 'qdrant-client UnexpectedResponse.status_code; Qdrant Cloud answers 403 to a wrong key'
  },
  {
    type: 'qdrant-cloud',
    form: 'full',
    raisedAs: DST,
    reason: `${V}[Errno 8] nodename nor servname provided, or not known`,
    category: 'network',
    source: 'qdrant-client ResponseHandlingException (httpx ConnectError)'
  },
  {
    type: 'qdrant-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ResponseHandlingException`,
    category: 'network',
    source: 'qdrant-client ResponseHandlingException (no response)'
  },
  // weaviate-cloud: weaviate/weaviate.py writes several sentences itself
  {
    type: 'weaviate-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason:
      "Collection 'Elements' does not exist (must be pre-created when auto_schema is disabled)",
    category: 'not-found',
    source: `${I}weaviate/weaviate.py precheck`
  },
  {
    type: 'weaviate-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason:
      'flatten_metadata=true requires an explicit collection name when auto_schema is disabled.',
    category: 'configuration',
    source: `${I}weaviate/weaviate.py precheck`
  },
  {
    type: 'weaviate-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason:
      "Collection 'Elements' is missing required property 'record_id'; delete-by-record_id will not work.",
    category: 'configuration',
    source: `${I}weaviate/weaviate.py precheck`
  },
  {
    type: 'weaviate-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason: 'failed to connect to Weaviate',
    category: 'network',
    source: `${I}weaviate/weaviate.py precheck (client not connected)`
  },
  {
    type: 'weaviate-cloud',
    form: 'full',
    raisedAs: DST,
    reason: `${V}Meta endpoint! Unexpected status code: 401, with response body: {'code': 401, 'message': 'anonymous access not enabled, please provide an auth scheme such as OIDC'}.`,
    category: 'credentials',
    source: 'weaviate-client UnexpectedStatusCodeError'
  },
  {
    type: 'weaviate-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}UnexpectedStatusCodeError(status_code=401)`,
    category: 'credentials',
    source: 'weaviate-client UnexpectedStatusCodeError.status_code'
  },
  {
    type: 'weaviate-cloud',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}WeaviateStartUpError`,
    category: 'network',
    source: 'weaviate-client WeaviateStartUpError (cluster URL not reachable)'
  },
  // generic client texts seen across connectors
  {
    type: 'gcs',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}SSLCertVerificationError(errno=1)`,
    category: 'tls',
    source: 'Python ssl.SSLCertVerificationError'
  },
  {
    type: 'postgres',
    form: 'stripped',
    raisedAs: SRC,
    reason: `${V}gaierror(errno=-2)`,
    category: 'network',
    source: 'Python socket.gaierror EAI_NONAME'
  },
  {
    type: 'elasticsearch',
    form: 'stripped',
    raisedAs: DST,
    reason: `${V}ConnectionRefusedError(errno=111)`,
    category: 'network',
    source: 'Python ConnectionRefusedError'
  },
  {
    type: 'zendesk',
    form: 'stripped',
    raisedAs: 'ProviderError',
    reason: 'HTTPStatusError(status_code=502)',
    category: 'outage',
    source: `${I}zendesk/client.py (5xx as ProviderError)`
  }
]
