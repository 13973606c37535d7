/**
 * What a FAILURE's reason most likely means, and the likely fix: a category from the reason's
 * words and the connector's type, and a one-line hint of our own. Pure, and safe on hostile
 * text: it reads at most READ_LIMIT characters, turns them into words and identifiers in one
 * pass each, and looks for fixed phrases with indexOf (no regular expression, so nothing to
 * backtrack); the hint is fixed text that never quotes the reason.
 */

export const CATEGORIES = [
  'credentials',
  'permissions',
  'network',
  'not-found',
  'configuration',
  'quota',
  'unknown'
] as const

export type Category = (typeof CATEGORIES)[number]

type Known = Exclude<Category, 'unknown'>

export interface Diagnosis {
  category: Category
  /** "Likely cause: ...", or undefined: an unknown reason gets no hint, as a wrong one misleads. */
  hint: string | undefined
}

/** Characters of a reason that are read: the words that say what went wrong come early. */
export const READ_LIMIT = 4000

/** Services whose fix is known well enough to name. */
type Service =
  | 's3'
  | 'azure-storage'
  | 'azure-ai-search'
  | 'gcs'
  | 'google-drive'
  | 'postgres'
  | 'snowflake'
  | 'pinecone'
  | 'elasticsearch'
  | 'mongodb'
  | 'databricks'
  | 'microsoft-365'
  | 'atlassian'
  | 'salesforce'
  | 'box'
  | 'dropbox'
  | 'weaviate'
  | 'qdrant'

/** Connector types as the API spells them (lower case, `-` and `_` dropped), by service. */
const SERVICE_OF_TYPE = new Map<string, Service>(
  Object.entries({
    s3: 's3',
    deltatable: 's3',
    azure: 'azure-storage',
    azureaisearch: 'azure-ai-search',
    gcs: 'gcs',
    googledrive: 'google-drive',
    postgres: 'postgres',
    postgresql: 'postgres',
    snowflake: 'snowflake',
    pinecone: 'pinecone',
    elasticsearch: 'elasticsearch',
    opensearch: 'elasticsearch',
    mongodb: 'mongodb',
    databricksvolumes: 'databricks',
    databricksvolumedeltatables: 'databricks',
    sharepoint: 'microsoft-365',
    onedrive: 'microsoft-365',
    outlook: 'microsoft-365',
    confluence: 'atlassian',
    jira: 'atlassian',
    salesforce: 'salesforce',
    box: 'box',
    dropbox: 'dropbox',
    weaviate: 'weaviate',
    weaviatecloud: 'weaviate',
    qdrant: 'qdrant',
    qdrantcloud: 'qdrant'
  } satisfies Record<string, Service>)
)

const GENERIC_HINTS: Record<Known, string> = {
  credentials:
    "the credentials in the connector's settings (not the Unstructured API key) are wrong, " +
    'expired or revoked; update them in the connector and re-run.',
  permissions:
    "the connector's credentials are accepted but lack a permission the check needs on the " +
    'remote system; grant it to that user, role or app.',
  network:
    'the platform cannot reach the remote system: a wrong host or port, DNS, a firewall or IP ' +
    'allow-list that blocks the platform, or a TLS certificate it does not trust.',
  'not-found':
    'the bucket, container, index, table, database or path that the connector names does not ' +
    'exist, or the URL is wrong; check the name, its case, and the account or region.',
  configuration:
    'a setting of the connector is invalid or does not match the remote system (a URL, ' +
    "region, endpoint or required field); review the connector's settings.",
  quota:
    "the remote system's rate limit, quota or plan limit was reached; wait and re-run, or " +
    'raise the limit with its provider.'
}

const SERVICE_HINTS: Readonly<Record<Service, Partial<Record<Known, string>>>> = {
  s3: {
    credentials:
      'the AWS access key ID or secret access key is wrong or inactive, or a session token has ' +
      'expired; put a current key pair in the connector.',
    permissions:
      'the IAM user or role lacks S3 permissions on the bucket (s3:ListBucket on it, ' +
      's3:GetObject to read, s3:PutObject to write), or a bucket policy or SCP denies them.',
    'not-found':
      "the bucket in the connector's s3:// URL does not exist or is spelled differently " +
      '(bucket names are global and lower case).',
    network:
      'the S3 endpoint cannot be reached: a wrong region or custom endpoint URL, or a network ' +
      'that blocks it.',
    configuration:
      "the connector's URL or endpoint does not match the bucket: use an s3:// URL, and the " +
      "bucket's own region or endpoint URL.",
    quota: 'S3 is throttling requests to this bucket or prefix (SlowDown); re-run later.'
  },
  'azure-storage': {
    credentials:
      'the storage account key, SAS token or connection string is wrong or expired, or the ' +
      "service principal's tenant ID, client ID or secret is wrong.",
    permissions:
      'the identity lacks a data role on the storage account or container (Storage Blob Data ' +
      "Reader to read, Contributor to write), the SAS lacks a permission, or the account's " +
      'firewall blocks the platform.',
    'not-found':
      "the container in the connector's az:// URL does not exist in that storage account, or " +
      'the account name is wrong.',
    network:
      'the storage account cannot be reached: a wrong account name, or a firewall or private ' +
      'endpoint that does not allow the platform.',
    configuration: 'the account name, connection string or az:// URL is malformed.'
  },
  'azure-ai-search': {
    credentials: 'the admin API key or the endpoint of the search service is wrong.',
    'not-found': 'the index that the connector names does not exist in that search service.'
  },
  gcs: {
    credentials:
      'the service account key JSON is wrong or malformed, or its key was deleted or disabled; ' +
      'paste a current key into the connector.',
    permissions:
      'the service account lacks a role on the bucket (Storage Object Viewer to read, Storage ' +
      'Object Admin to write).',
    'not-found': "the bucket in the connector's gs:// URL does not exist or is spelled differently."
  },
  'google-drive': {
    credentials:
      'the service account key JSON is wrong or malformed, or its key was deleted or disabled.',
    permissions:
      "the folder or file is not shared with the service account's email address, or the share " +
      'gives too little access.',
    'not-found':
      "the drive or folder ID does not exist, or is not shared with the service account's email " +
      'address, which then cannot see it.',
    configuration:
      "the Google Drive API is not enabled in the service account's Google Cloud project."
  },
  postgres: {
    credentials:
      'the PostgreSQL user name or password is wrong, or that role does not exist; check them ' +
      'in the connector.',
    permissions:
      "the database user lacks privileges on the table (GRANT SELECT or INSERT), or the server's " +
      "pg_hba.conf rejects the platform's address, user or database (SSL settings included).",
    network:
      'the PostgreSQL host or port is wrong, or the server does not accept connections from the ' +
      'platform (firewall, security group, listen_addresses), or its SSL settings differ.',
    'not-found':
      'the database or table that the connector names does not exist (names created in quotes ' +
      'are case-sensitive).',
    configuration:
      'the table lacks the columns the connector writes, or the pgvector extension is missing; ' +
      'create the table with the expected schema.',
    quota:
      'the server has no connection slots left (max_connections); close idle connections or ' +
      'raise the limit.'
  },
  snowflake: {
    credentials:
      'the Snowflake user, password or private key is wrong, or the user is locked or disabled.',
    permissions:
      'the Snowflake role lacks privileges (USAGE on the warehouse, database and schema; SELECT ' +
      "or INSERT on the table), is not granted to the user, or a network policy blocks the platform's IP.",
    'not-found':
      "the database, schema, warehouse or table does not exist, or the connector's role cannot " +
      'see it: Snowflake says "does not exist or not authorized" for both.',
    network:
      'the account identifier is wrong (orgname-accountname, the part before ' +
      '.snowflakecomputing.com), or Snowflake cannot be reached from the platform.',
    configuration:
      'the connector names no usable warehouse, database, schema or role, or the account ' +
      'identifier (orgname-accountname) is wrong.'
  },
  pinecone: {
    credentials:
      'the Pinecone API key is wrong or was deleted, or it belongs to another project than the index.',
    'not-found': "no index of that name exists in the API key's Pinecone project.",
    quota:
      'the Pinecone project reached a limit of its plan (indexes, storage or request rate); ' +
      'upgrade the plan or free capacity.',
    configuration:
      'the index does not match what the connector writes (its dimension or metric), or its ' +
      'name is malformed.'
  },
  elasticsearch: {
    credentials: 'the user name and password, or the API key, are wrong or expired.',
    permissions:
      'the user or API key lacks privileges on the index (read to read; create_index and write, ' +
      'or create_doc, to write).',
    'not-found': 'the index does not exist (index names are lower case).',
    network:
      'the host URL is wrong (its scheme and port, such as https and 443 or 9200), the cluster ' +
      'does not accept connections from the platform, or its TLS certificate is not trusted.'
  },
  mongodb: {
    credentials:
      'the user or password in the connection URI is wrong (special characters must be ' +
      'URL-encoded), or authSource names the wrong database.',
    permissions: 'the database user lacks a role on the database or collection, such as readWrite.',
    network:
      "the host in the URI is wrong, or the cluster's IP access list does not allow the platform's addresses.",
    'not-found': 'the database or collection that the connector names does not exist.',
    configuration:
      'the connection URI is malformed: it must start with mongodb:// or mongodb+srv://.'
  },
  databricks: {
    credentials:
      "the personal access token, or the service principal's client ID and secret, are wrong " +
      'or expired.',
    permissions:
      'the user or service principal lacks Unity Catalog privileges on the volume (USE CATALOG, ' +
      'USE SCHEMA, and READ VOLUME or WRITE VOLUME).',
    'not-found':
      "the catalog, schema or volume does not exist, or the host is another workspace's.",
    network: 'the workspace host URL is wrong, or an IP access list does not allow the platform.'
  },
  'microsoft-365': {
    credentials:
      "the Microsoft Entra app's tenant ID, client ID or client secret is wrong, or the secret " +
      "has expired (use the secret's value, not its ID).",
    permissions:
      'the Entra app lacks Microsoft Graph application permissions (such as Sites.Read.All or ' +
      'Files.ReadWrite.All), or admin consent was not granted.',
    'not-found': 'the site URL, user or path does not exist, or the app cannot see it.'
  },
  atlassian: {
    credentials:
      'the user email and API token (or the personal access token) are wrong or revoked; ' +
      'Atlassian Cloud takes an API token, not the account password.',
    permissions: 'the user cannot see the space or project, or lacks the permission needed.',
    'not-found': 'the space or project key, or the site URL, is wrong.'
  },
  salesforce: {
    credentials:
      'the user name, consumer key or private key is wrong, or the connected app is not ' +
      'approved for the user.',
    permissions:
      "the user's profile or permission sets lack access to the objects the connector reads.",
    quota: "the org reached its daily API request limit; wait, or raise the org's limit."
  },
  box: {
    credentials:
      "the Box app's JWT configuration is wrong or its keys were revoked, or the app is not " +
      'authorized in the Box Admin Console.',
    permissions: "the folder is not shared with the app's service account.",
    'not-found':
      "the folder in the box:// URL does not exist, or is not shared with the app's service account."
  },
  dropbox: {
    credentials:
      'the Dropbox access token is wrong or has expired (short-lived tokens last hours); use a ' +
      'refresh token or a new access token.',
    permissions:
      'the Dropbox app lacks a scope the connector needs (such as files.content.read); add it ' +
      'and issue a new token.',
    'not-found': "the path in the dropbox:// URL does not exist in the app's folder or account."
  },
  weaviate: {
    credentials: 'the Weaviate API key is wrong, or the cluster requires one and none is set.',
    network: 'the cluster URL is wrong, or the cluster is not running.',
    'not-found': 'the collection that the connector names does not exist.'
  },
  qdrant: {
    credentials: 'the Qdrant API key is wrong, or missing for this cluster.',
    network: 'the Qdrant URL is wrong, or the cluster is not reachable from the platform.',
    'not-found': 'the collection that the connector names does not exist.'
  }
}

/**
 * One way a reason reads. `codes` are identifiers matched exactly, case and all (an error code
 * or an exception's name, as `AccessDenied` in `(AccessDenied)`); a code ending in `*` is a
 * prefix. `words` match in any case and spelling (`AccessDenied`, `access_denied` and
 * `Access denied` are the same words); `…` stands for a few words in between. `services` are
 * those whose text this is: the first one's hint is given when the type is unknown, and the
 * generic hint when the connector is of another service (an S3 error from a Snowflake stage).
 */
interface Rule {
  category: Known
  codes?: readonly string[]
  words?: readonly string[]
  services?: readonly Service[]
}

/**
 * The rules, most specific first: the first that matches decides. Specific codes and phrases
 * come before generic words ("password authentication failed" before "does not exist", and
 * both before "connection"), and names that wrap errors of every kind (OperationalError,
 * ClientError, HttpResponseError, ProgrammingError, ValueError) have no rule: alone, they say
 * nothing, and a guess would be as likely wrong as right.
 */
const RULES: readonly Rule[] = [
  // Quota first: a plan's limit often comes as a 403, and a throttle as a connection error.
  {
    category: 'quota',
    services: ['pinecone'],
    words: ['reached the max', 'upgrade your plan']
  },
  { category: 'quota', services: ['s3'], codes: ['SlowDown'] },
  { category: 'quota', services: ['salesforce'], codes: ['REQUEST_LIMIT_EXCEEDED'] },
  {
    category: 'quota',
    services: ['postgres'],
    codes: ['TooManyConnections'],
    words: ['too many clients', 'remaining connection slots are reserved']
  },
  {
    category: 'quota',
    codes: [
      'ThrottlingException',
      'Throttling',
      'RequestLimitExceeded',
      'TooManyRequestsException',
      'ProvisionedThroughputExceededException',
      'RESOURCE_EXHAUSTED',
      'ServerBusy',
      'RateLimitError',
      'ratelimited'
    ],
    words: [
      'too many requests',
      'too many connections',
      'rate limit',
      'rate limited',
      'reduce your request rate',
      'quota',
      'request limit exceeded',
      'usage limit',
      'throttled'
    ]
  },

  // What one service says, word for word; a phrase before any that it contains ("role … does
  // not exist or not authorized" before "role … does not exist").
  {
    category: 'permissions',
    services: ['snowflake'],
    words: ['role … does not exist or not authorized', 'is not allowed to access snowflake']
  },
  {
    category: 'not-found',
    services: ['snowflake'],
    words: ['does not exist or not authorized']
  },
  {
    category: 'configuration',
    services: ['postgres'],
    codes: ['UndefinedColumn'],
    words: ['column … does not exist', 'type vector does not exist']
  },
  {
    category: 'credentials',
    services: ['s3'],
    codes: [
      'NoCredentialsError',
      'PartialCredentialsError',
      'CredentialRetrievalError',
      'InvalidAccessKeyId',
      'SignatureDoesNotMatch',
      'InvalidClientTokenId',
      'UnrecognizedClientException',
      'ExpiredToken',
      'ExpiredTokenException'
    ],
    words: [
      'unable to locate credentials',
      'access key id you provided does not exist',
      'security token included in the request is invalid'
    ]
  },
  {
    category: 'credentials',
    services: ['azure-storage', 'microsoft-365', 'azure-ai-search', 'databricks'],
    codes: ['ClientAuthenticationError', 'CredentialUnavailableError'],
    words: ['failed to retrieve a token']
  },
  {
    category: 'credentials',
    services: ['azure-storage'],
    codes: ['AuthenticationFailed', 'InvalidAuthenticationInfo', 'NoAuthenticationInformation'],
    words: ['server failed to authenticate the request']
  },
  {
    category: 'credentials',
    services: ['microsoft-365', 'azure-storage', 'databricks', 'azure-ai-search'],
    codes: ['AADSTS*', 'InvalidAuthenticationToken', 'unauthorized_client']
  },
  {
    category: 'credentials',
    services: ['gcs', 'google-drive'],
    codes: ['DefaultCredentialsError', 'RefreshError'],
    words: ['default credentials were not found', 'could not automatically determine credentials']
  },
  {
    category: 'credentials',
    services: ['postgres'],
    codes: ['InvalidPassword', 'InvalidAuthorizationSpecification', '28P01'],
    words: [
      'password authentication failed',
      'no password supplied',
      'role … does not exist',
      'fe sendauth'
    ]
  },
  {
    category: 'credentials',
    services: ['snowflake'],
    words: [
      'incorrect username or password was specified',
      'jwt token is invalid',
      'user temporarily locked',
      'your user account has been temporarily locked'
    ]
  },
  {
    category: 'credentials',
    services: ['salesforce'],
    codes: ['INVALID_LOGIN', 'INVALID_SESSION_ID', 'SalesforceAuthenticationFailed'],
    words: ["user hasn't approved this consumer", 'invalid client id']
  },
  {
    category: 'credentials',
    services: ['dropbox'],
    codes: ['expired_access_token', 'invalid_access_token']
  },
  {
    category: 'credentials',
    services: ['weaviate'],
    words: ['anonymous access not enabled', 'anonymous access is not enabled']
  },
  { category: 'credentials', services: ['mongodb'], words: ['bad auth'] },
  {
    category: 'credentials',
    services: ['databricks'],
    words: ['cannot configure default credentials']
  },
  { category: 'credentials', services: ['box'], codes: ['BoxOAuthException'] },
  {
    category: 'credentials',
    services: ['atlassian'],
    words: ['basic authentication with passwords is deprecated']
  },
  {
    category: 'credentials',
    codes: [
      'invalid_grant',
      'invalid_client',
      'invalid_token',
      'invalid_auth',
      'not_authed',
      'token_revoked',
      'UNAUTHENTICATED',
      'API_KEY_INVALID',
      'WRONGPASS',
      'NOAUTH'
    ],
    words: [
      '401 client error',
      'status code 401',
      'access denied for user … using password',
      'permission denied publickey',
      'sasl authentication failed',
      'invalid username password pair'
    ]
  },
  {
    category: 'permissions',
    services: ['microsoft-365'],
    codes: ['Authorization_RequestDenied', 'UnauthorizedAccessException']
  },
  {
    category: 'permissions',
    services: ['azure-storage'],
    codes: [
      'AuthorizationPermissionMismatch',
      'AuthorizationFailure',
      'AuthorizationSourceIPMismatch'
    ],
    words: ['this request is not authorized to perform this operation']
  },
  {
    category: 'permissions',
    services: ['s3'],
    codes: ['AccessDenied', 'AccessDeniedException', 'AllAccessDisabled']
  },
  {
    category: 'permissions',
    services: ['elasticsearch'],
    codes: ['AuthorizationException'],
    words: ['is unauthorized for user', 'no permissions for']
  },
  {
    category: 'permissions',
    services: ['postgres'],
    codes: ['InsufficientPrivilege'],
    words: ['no pg hba conf entry', 'permission denied for', 'must be owner of']
  },
  { category: 'permissions', services: ['mongodb'], words: ['not authorized on … to execute'] },
  { category: 'permissions', services: ['dropbox'], codes: ['missing_scope'] },
  {
    category: 'permissions',
    services: ['google-drive', 'gcs'],
    codes: ['insufficientPermissions', 'insufficientFilePermissions'],
    words: ['does not have … access to', 'does not have sufficient permissions']
  },
  {
    category: 'permissions',
    codes: ['PERMISSION_DENIED'],
    words: [
      '403 client error',
      'status code 403',
      'forbidden for url',
      'insufficient privileges',
      'insufficient access',
      'insufficient scope',
      'public access is not permitted',
      'topic authorization failed',
      'user does not have'
    ]
  },
  {
    category: 'network',
    services: ['s3'],
    codes: ['EndpointConnectionError'],
    words: ['could not connect to the endpoint url']
  },
  {
    category: 'network',
    services: ['postgres'],
    words: [
      'could not translate host name',
      'is the server running',
      'server closed the connection unexpectedly',
      'ssl syscall error',
      'server does not support ssl'
    ]
  },
  {
    category: 'network',
    services: ['mongodb'],
    codes: ['ServerSelectionTimeoutError', 'NetworkTimeout', 'AutoReconnect'],
    words: ['dns query name does not exist', 'dns operation timed out']
  },
  {
    category: 'network',
    services: ['snowflake'],
    words: ['could not connect to snowflake backend']
  },
  { category: 'network', services: ['weaviate'], words: ['is weaviate running'] },
  {
    category: 'network',
    codes: [
      'gaierror',
      'ENOTFOUND',
      'EAI_AGAIN',
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EHOSTUNREACH',
      'ENETUNREACH',
      'ConnectTimeoutError',
      'ReadTimeoutError',
      'ConnectTimeout',
      'ReadTimeout',
      'NewConnectionError',
      'ServiceRequestError',
      'ServiceResponseError',
      'ConnectionTimeout',
      'ProxyError',
      'CERT_HAS_EXPIRED',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'CERTIFICATE_VERIFY_FAILED',
      'WRONG_VERSION_NUMBER'
    ],
    words: [
      'name or service not known',
      'nodename nor servname provided',
      'temporary failure in name resolution',
      'no address associated with hostname',
      'could not resolve host',
      'failed to resolve',
      'getaddrinfo',
      'host not found',
      'unknown host',
      'failed to establish a new connection',
      'connection refused',
      'connection reset',
      'connection aborted',
      'connection timed out',
      'network is unreachable',
      'no route to host',
      'host is unreachable',
      'certificate verify failed',
      'self signed certificate',
      'certificate has expired',
      'tls handshake',
      'ssl handshake',
      "can't connect to mysql server",
      'broker transport failure'
    ]
  },
  {
    category: 'not-found',
    services: ['s3', 'gcs'],
    codes: ['NoSuchBucket', 'NoSuchKey'],
    words: ['specified bucket does not exist']
  },
  {
    category: 'not-found',
    services: ['azure-storage'],
    codes: ['ContainerNotFound', 'BlobNotFound'],
    words: ['specified container does not exist']
  },
  {
    category: 'not-found',
    services: ['azure-storage', 'azure-ai-search'],
    codes: ['ResourceNotFound', 'ResourceNotFoundError']
  },
  {
    category: 'not-found',
    services: ['postgres'],
    codes: ['InvalidCatalogName', 'UndefinedTable', '3D000', '42P01'],
    words: ['relation … does not exist']
  },
  {
    category: 'not-found',
    services: ['elasticsearch'],
    words: ['index not found exception', 'no such index']
  },
  { category: 'not-found', services: ['microsoft-365'], codes: ['itemNotFound'] },
  { category: 'not-found', services: ['atlassian'], words: ['no space with key'] },
  {
    category: 'not-found',
    codes: ['FileNotFoundError', 'UNKNOWN_TOPIC_OR_PART'],
    words: [
      'database … does not exist',
      'table … does not exist',
      'unknown database',
      'no such file or directory',
      '404 client error',
      'status code 404'
    ]
  },
  {
    category: 'configuration',
    services: ['s3'],
    codes: [
      'PermanentRedirect',
      'AuthorizationHeaderMalformed',
      'IllegalLocationConstraintException',
      'InvalidBucketName',
      'ParamValidationError'
    ],
    words: ['must be addressed using the specified endpoint', 'invalid bucket name']
  },
  {
    category: 'configuration',
    services: ['google-drive', 'gcs'],
    codes: ['SERVICE_DISABLED', 'accessNotConfigured'],
    words: ['has not been used in project', 'api has not been enabled']
  },
  {
    category: 'configuration',
    services: ['snowflake'],
    words: ['no active warehouse selected', '404 not found … snowflakecomputing']
  },
  {
    category: 'configuration',
    services: ['pinecone'],
    words: ['vector dimension', 'dimension mismatch', 'does not match the dimension']
  },
  {
    category: 'configuration',
    services: ['azure-storage'],
    codes: ['InvalidResourceName'],
    words: ['connection string is either blank or malformed']
  },
  { category: 'configuration', services: ['mongodb'], codes: ['InvalidURI'] },
  {
    category: 'configuration',
    codes: ['MissingSchema', 'InvalidSchema', 'InvalidURL', 'ImproperlyConfigured'],
    words: [
      'validation error for',
      'validation errors for',
      'no connection adapters were found',
      'no scheme supplied',
      'invalid uri',
      'invalid url',
      'method not allowed'
    ]
  },

  // Generic words, in an order that settles the usual mixtures: "Forbidden: invalid API key" is
  // the key, "timed out" after "not found" is the name.
  {
    category: 'credentials',
    codes: ['AuthError', 'authError'],
    words: [
      'unauthorized',
      'unauthenticated',
      'not authenticated',
      'authentication failed',
      'authentication failure',
      'authentication error',
      'authentication exception',
      'authentication required',
      'authentication is required',
      'requires authentication',
      'failed to authenticate',
      'unable to authenticate',
      'could not authenticate',
      'cannot authenticate',
      'invalid credentials',
      'invalid credential',
      'bad credentials',
      'wrong credentials',
      'incorrect credentials',
      'credentials are invalid',
      'no credentials',
      'missing credentials',
      'invalid api key',
      'api key is invalid',
      'api key not valid',
      'incorrect api key',
      'invalid api token',
      'invalid token',
      'invalid access token',
      'invalid auth token',
      'token is invalid',
      'token expired',
      'token has expired',
      'expired token',
      'invalid password',
      'wrong password',
      'incorrect password',
      'password is incorrect',
      'password incorrect',
      'password expired',
      'invalid username or password',
      'incorrect username or password',
      'invalid user name or password',
      'username or password is incorrect',
      'user name or password is incorrect',
      'login failed',
      'login failure',
      'invalid login',
      'auth failed',
      'invalid signature',
      'invalid jwt',
      'invalid client secret'
    ]
  },
  {
    category: 'permissions',
    codes: ['PermissionError'],
    words: [
      'access denied',
      'access is denied',
      'permission denied',
      'forbidden',
      'not authorized',
      'not permitted',
      'not allowed',
      'insufficient permission',
      'insufficient permissions',
      'missing permission',
      'missing permissions',
      'no permission',
      'do not have permission',
      'does not have permission',
      "doesn't have permission",
      'lacks permission'
    ]
  },
  {
    category: 'not-found',
    words: [
      'not found',
      'does not exist',
      "doesn't exist",
      'do not exist',
      'no such',
      'could not find',
      "couldn't find",
      'cannot find',
      "can't find",
      'unable to find'
    ]
  },
  {
    category: 'configuration',
    words: [
      'invalid configuration',
      'configuration is invalid',
      'misconfigured',
      'malformed',
      'invalid value',
      'invalid parameter',
      'invalid argument',
      'invalid format',
      'field required',
      'missing required',
      'input should be a valid',
      'not a valid',
      'invalid region',
      'wrong region'
    ]
  },
  {
    category: 'network',
    codes: ['SSLError'],
    words: [
      'could not connect',
      'cannot connect',
      "can't connect",
      'unable to connect',
      'failed to connect',
      'fail connecting',
      'failed connecting',
      'max retries exceeded',
      'remote end closed connection',
      'broken pipe',
      'timed out',
      'timeout',
      'unreachable',
      'ssl',
      'tls',
      'certificate'
    ]
  },

  // Names that wrap errors of one kind and say little besides: the last resort.
  { category: 'network', words: ['connection error'] },
  { category: 'configuration', words: ['configuration error', 'validation error', 'bad request'] }
]

/** A rule ready to match: its codes split from its prefixes, each phrase in normalised parts. */
interface Compiled {
  rule: Rule
  codes: readonly string[]
  prefixes: readonly string[]
  phrases: readonly Phrase[]
}

interface Phrase {
  /** Each part with a space at either end. */
  parts: readonly string[]
  /** Every word of the phrase: when one is missing from the text, no search is needed. */
  words: readonly string[]
}

/** Most characters between two parts of a phrase with `…`: a name or two. */
const GAP = 80
/** Occurrences of a phrase's first part that are tried: bounds the work per phrase. */
const TRIES = 8

type Kind = 'other' | 'lower' | 'upper' | 'digit'

function kindOf(code: number): Kind {
  if (code >= 97 && code <= 122) return 'lower'
  if (code >= 65 && code <= 90) return 'upper'
  if (code >= 48 && code <= 57) return 'digit'
  return 'other'
}

/**
 * The text as lower-case words between single spaces, with a space at each end, so that
 * `ErrorCode:AuthorizationPermissionMismatch` reads ` error code authorization permission
 * mismatch `: camel case is split (`SSLError` is `ssl error`), and anything but an ASCII letter
 * or digit separates. One pass over at most `limit` characters.
 */
function words(text: string, limit: number): string {
  const end = Math.min(text.length, limit)
  let out = ' '
  let spaced = true
  let previous: Kind = 'other'
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i)
    const kind = kindOf(code)
    if (kind === 'other') {
      if (!spaced) out += ' '
      spaced = true
      previous = kind
      continue
    }
    const split =
      kind === 'upper' &&
      (previous === 'lower' ||
        previous === 'digit' ||
        (previous === 'upper' && i + 1 < end && kindOf(text.charCodeAt(i + 1)) === 'lower'))
    if (split && !spaced) out += ' '
    out += kind === 'upper' ? String.fromCharCode(code + 32) : text.charAt(i)
    spaced = false
    previous = kind
  }
  return spaced ? out : `${out} `
}

/** The identifiers in the text as written: runs of ASCII letters, digits and `_`. */
function identifiers(text: string, limit: number): Set<string> {
  const found = new Set<string>()
  const end = Math.min(text.length, limit)
  let start = -1
  for (let i = 0; i <= end; i += 1) {
    const code = i < end ? text.charCodeAt(i) : 32
    const inside = code === 95 || kindOf(code) !== 'other'
    if (inside && start < 0) start = i
    else if (!inside && start >= 0) {
      found.add(text.slice(start, i))
      start = -1
    }
  }
  return found
}

const COMPILED: readonly Compiled[] = RULES.map((rule) => {
  const codes = rule.codes ?? []
  return {
    rule,
    codes: codes.filter((code) => !code.endsWith('*')),
    prefixes: codes.filter((code) => code.endsWith('*')).map((code) => code.slice(0, -1)),
    phrases: (rule.words ?? []).map((phrase) => {
      const parts = phrase.split('…').map((part) => words(part, part.length))
      return {
        parts,
        words: parts
          .join(' ')
          .split(' ')
          .filter((word) => word !== '')
      }
    })
  }
})

/**
 * Whether the parts occur in order, each within GAP characters of the one before. Each part
 * starts and ends with a space, which the next part may share.
 */
function hasPhrase(text: string, parts: readonly string[]): boolean {
  const [first, ...rest] = parts
  if (first === undefined) return false
  let from = 0
  for (let tries = 0; tries < TRIES; tries += 1) {
    const at = text.indexOf(first, from)
    if (at < 0) return false
    let end = at + first.length - 1
    let all = true
    for (const part of rest) {
      const next = text.slice(end, end + GAP + part.length).indexOf(part)
      if (next < 0) {
        all = false
        break
      }
      end += next + part.length - 1
    }
    if (all) return true
    from = at + 1
  }
  return false
}

/** The reason, read three ways. */
interface Reading {
  text: string
  words: ReadonlySet<string>
  ids: ReadonlySet<string>
}

function matches(compiled: Compiled, reading: Reading): boolean {
  const { text, words, ids } = reading
  for (const code of compiled.codes) if (ids.has(code)) return true
  if (compiled.prefixes.length > 0) {
    for (const id of ids) if (compiled.prefixes.some((prefix) => id.startsWith(prefix))) return true
  }
  return compiled.phrases.some(
    (phrase) => phrase.words.every((word) => words.has(word)) && hasPhrase(text, phrase.parts)
  )
}

/** The service of a connector type; undefined for a type without known fixes. */
function serviceOf(type: string): Service | undefined {
  return SERVICE_OF_TYPE.get(words(type, 64).replace(/ /g, ''))
}

/**
 * The category of a FAILURE's reason, and its hint. `type` is the connector's type when the API
 * told it: it picks the service's own hint; without it, the reason's words may name the
 * service. An empty reason, or one that no rule matches, is `unknown`, with no hint.
 */
export function diagnose(reason: string | null | undefined, type?: string): Diagnosis {
  const text = words(reason ?? '', READ_LIMIT)
  const reading = {
    text,
    words: new Set(text.split(' ')),
    ids: identifiers(reason ?? '', READ_LIMIT)
  }
  const found = COMPILED.find((compiled) => matches(compiled, reading))
  if (found === undefined) return { category: 'unknown', hint: undefined }
  const { category, services } = found.rule
  const typed = type === undefined ? undefined : serviceOf(type)
  // Another service's words, or a type without known fixes: only the generic hint is safe.
  const service =
    type === undefined
      ? services?.[0]
      : services === undefined || (typed !== undefined && services.includes(typed))
        ? typed
        : undefined
  const hint =
    (service === undefined ? undefined : SERVICE_HINTS[service][category]) ??
    GENERIC_HINTS[category]
  return { category, hint: `Likely cause: ${hint}` }
}
