import type { Category, Known, Service } from './categories.js'

/**
 * The rules that read a FAILURE's reason (data; the matcher is diagnose.ts). Written from what
 * unstructured-ingest's connectors raise in their prechecks and from the client libraries'
 * error texts and codes; the test corpus names the source of each reason.
 */

/**
 * One way a reason reads. `codes` are identifiers matched exactly, case and all (an error code
 * or an exception's name); a code ending in `*` is a prefix. `words` match in any case and
 * spelling (`AccessDenied`, `access_denied` and `Access denied` are the same words); `…` stands
 * for a few words in between. `fields` are `name=value` pairs that the stripped form keeps
 * (`status` stands for status_code, status and response_code, and for a 4xx/5xx `code`;
 * `sqlstate` for sqlstate and pgcode). `services` are those whose text this is: the first one's
 * hint is given when the type is unknown, the generic hint when the connector is of another
 * service; with `only`, the rule applies to those services' connectors alone (a code that
 * means something else elsewhere). Category `unknown` stops the search: such a reason says too
 * little, and a guess would mislead.
 */
export interface Rule {
  category: Category
  codes?: readonly string[]
  words?: readonly string[]
  fields?: readonly string[]
  services?: readonly Service[]
  only?: boolean
}

const status = (...codes: number[]): string[] => codes.map((code) => `status=${code}`)

/** How libraries write an HTTP status in their own text. */
const statusWords = (...codes: number[]): string[] =>
  codes.flatMap((code) => [
    `http ${code}`,
    `status code ${code}`,
    `${code} client error`,
    `${code} server error`,
    `http error ${code}`,
    `unexpected response ${code}`
  ])

const SERVER_ERRORS = [500, 502, 503, 504]

/**
 * The library's error classes and the sentences they put in front (`Error in connecting to
 * downstream data source: …`), with what each means; `undefined` for the generic ones, which
 * say nothing about the cause. A meaningful class decides only when the rest says nothing.
 */
export const CLASS_MEANING: ReadonlyMap<string, Known | undefined> = new Map<
  string,
  Known | undefined
>([
  ['UserAuthError', 'credentials'],
  ['User authentication error', 'credentials'],
  ['NotFoundError', 'not-found'],
  ['Not found error', 'not-found'],
  ['RateLimitError', 'quota'],
  ['Rate limit error', 'quota'],
  ['QuotaError', 'quota'],
  ['Quota error', 'quota'],
  ['UserError', 'configuration'],
  ['User error', 'configuration'],
  ['ProviderError', 'outage'],
  ['Provider error', 'outage'],
  ['SourceConnectionNetworkError', 'network'],
  ['Error in connecting to upstream data source', 'network'],
  ['TimeoutError', 'network'],
  ['Timeout error', 'network'],
  ['SourceConnectionError', undefined],
  ['Error in getting data from upstream data source', undefined],
  ['DestinationConnectionError', undefined],
  ['Error in connecting to downstream data source', undefined],
  ['ConnectionError', undefined],
  ['Connection error', undefined],
  ['EmbeddingEncoderConnectionError', undefined],
  ['Error in connecting to the embedding model provider', undefined],
  ['UnstructuredIngestError', undefined],
  ['WriteError', undefined],
  ['Error in writing to downstream data source', undefined],
  ['ResponseError', undefined],
  ['Response error', undefined],
  ['ValueError', undefined],
  ['Value error', undefined],
  ['ValidationError', undefined],
  ['Validation error', undefined],
  ['KeyError', undefined],
  ['Key error', undefined],
  ['TypeError', undefined],
  ['Type error', undefined],
  ['RuntimeError', undefined],
  ['Exception', undefined]
])

/**
 * Words that only wrap the cause: the connectors' own lead-ins and the generic classes' names
 * anywhere in the text. They are taken out before the rules read it, so that "connect" in
 * "Failed to connect to Jira: …" or "connection error" in "DestinationConnectionError" decides
 * nothing.
 */
export const WRAPPERS: readonly string[] = [
  'destination connection error',
  'source connection network error',
  'source connection error',
  'unstructured ingest error',
  'failed to validate connection',
  'failed to validate sharepoint connection',
  'failed to connect to confluence',
  'failed to connect to find any confluence space',
  'failed to connect to jira',
  'failed to precheck milvus',
  'failed to check if astra collection exists',
  'precheck failed'
]

export const RULES: readonly Rule[] = [
  // Said in so many words to mean "we do not know".
  { category: 'unknown', words: ['unreachable for an unknown reason'] },

  // Microsoft Entra ID codes first: the same message says "Authentication failed" whatever the
  // code, and some codes are a tenant, a consent or a transient problem.
  {
    category: 'outage',
    services: ['microsoft-365', 'azure-storage'],
    codes: ['AADSTS90033', 'AADSTS50196', 'AADSTS90006', 'AADSTS50001'],
    words: ['temporarily unavailable']
  },
  { category: 'quota', services: ['microsoft-365', 'azure-storage'], codes: ['AADSTS90055'] },
  {
    category: 'configuration',
    services: ['microsoft-365', 'azure-storage'],
    codes: [
      'AADSTS90002',
      'AADSTS900023',
      'AADSTS50059',
      'AADSTS90019',
      'AADSTS70011',
      'AADSTS1002012'
    ]
  },
  {
    category: 'permissions',
    services: ['microsoft-365', 'azure-storage'],
    codes: [
      'AADSTS65001',
      'AADSTS650057',
      'AADSTS500011',
      'AADSTS50105',
      'AADSTS53003',
      'AADSTS50020'
    ]
  },
  {
    category: 'credentials',
    services: ['microsoft-365', 'azure-storage'],
    codes: [
      'AADSTS7000215',
      'AADSTS7000222',
      'AADSTS700016',
      'AADSTS7000218',
      'AADSTS700027',
      'AADSTS700024',
      'AADSTS7000112',
      'AADSTS50034',
      'AADSTS50126',
      'AADSTS50053',
      'AADSTS50057',
      'AADSTS50055',
      'AADSTS50173',
      'AADSTS70002'
    ]
  },
  { category: 'unknown', codes: ['AADSTS*'] },

  // Quota: a plan's limit often comes as a 403, and a throttle as a connection error.
  { category: 'quota', services: ['pinecone'], words: ['reached the max', 'upgrade your plan'] },
  { category: 'quota', services: ['s3'], codes: ['SlowDown'] },
  { category: 'quota', services: ['salesforce'], codes: ['REQUEST_LIMIT_EXCEEDED'] },
  {
    category: 'quota',
    services: ['postgres'],
    codes: ['TooManyConnections'],
    fields: ['sqlstate=53300'],
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
      'RateLimitError',
      'ratelimited'
    ],
    fields: status(429),
    words: [
      ...statusWords(429),
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
    fields: ['errno=390189', 'errno=390422'],
    words: ['role … does not exist or not authorized', 'is not allowed to access snowflake']
  },
  {
    category: 'not-found',
    services: ['snowflake'],
    fields: ['errno=2003', 'errno=390201'],
    words: ['does not exist or not authorized']
  },
  {
    category: 'credentials',
    services: ['snowflake'],
    fields: ['errno=390100', 'errno=390144', 'errno=390102', 'errno=390318'],
    words: [
      'incorrect username or password was specified',
      'jwt token is invalid',
      'user temporarily locked',
      'your user account has been temporarily locked'
    ]
  },
  {
    category: 'configuration',
    services: ['snowflake'],
    fields: ['errno=606', 'errno=251005', 'errno=251006'],
    words: ['no active warehouse selected', '404 not found … snowflakecomputing']
  },
  {
    category: 'configuration',
    services: ['postgres'],
    codes: ['UndefinedColumn'],
    fields: ['sqlstate=42703', 'sqlstate=42704'],
    words: ['column … does not exist', 'type vector does not exist']
  },
  {
    category: 'outage',
    services: ['postgres'],
    fields: ['sqlstate=57P03', 'sqlstate=57P01'],
    words: ['the database system is starting up', 'the database system is shutting down']
  },
  {
    category: 'configuration',
    services: ['google-drive', 'gcs'],
    codes: ['SERVICE_DISABLED', 'accessNotConfigured'],
    words: ['has not been used in project', 'api has not been enabled', 'api is not enabled']
  },
  {
    category: 'credentials',
    services: ['qdrant'],
    only: true,
    fields: status(401, 403),
    words: ["key doesn't exist", 'key does not exist', 'invalid api key', ...statusWords(403)]
  },
  {
    category: 'credentials',
    services: ['azure-ai-search'],
    only: true,
    fields: status(401, 403),
    words: ['forbidden', ...statusWords(403)]
  },
  {
    category: 'credentials',
    services: ['mongodb'],
    only: true,
    fields: ['code=18', 'code=8000']
  },
  { category: 'permissions', services: ['mongodb'], only: true, fields: ['code=13'] },
  { category: 'not-found', services: ['mongodb'], only: true, fields: ['code=26'] },
  { category: 'credentials', services: ['milvus'], only: true, fields: ['code=1800', 'code=1100'] },
  { category: 'network', services: ['milvus'], only: true, fields: ['code=2'] },
  { category: 'not-found', services: ['milvus'], only: true, fields: ['code=100', 'code=800'] },
  { category: 'not-found', services: ['motherduck'], only: true, codes: ['CatalogException'] },
  {
    category: 'network',
    services: ['neo4j'],
    only: true,
    codes: ['ServiceUnavailable'],
    words: ['unable to retrieve routing information']
  },
  { category: 'network', services: ['qdrant'], only: true, codes: ['ResponseHandlingException'] },
  {
    category: 'network',
    services: ['weaviate'],
    codes: ['WeaviateStartUpError'],
    words: ['is weaviate running', 'failed to connect to weaviate']
  },
  {
    category: 'configuration',
    services: ['weaviate'],
    words: ['requires an explicit collection name', 'is missing required property']
  },
  {
    category: 'not-found',
    services: ['slack'],
    codes: ['channel_not_found'],
    words: ['not found or not accessible']
  },
  {
    category: 'configuration',
    services: ['slack'],
    codes: ['is_archived'],
    words: ['is archived', 'are archived']
  },
  {
    category: 'permissions',
    services: ['slack'],
    codes: ['missing_scope', 'no_permission'],
    words: ['is missing the … scope', 'bot does not have permission']
  },
  { category: 'not-found', services: ['kafka'], words: ['expected topic … not detected'] },
  {
    category: 'credentials',
    services: ['kafka'],
    codes: ['_AUTHENTICATION', 'SASL_AUTHENTICATION_FAILED']
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
      'security token included in the request is invalid',
      'request signature we calculated does not match'
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
    services: ['microsoft-365'],
    codes: ['InvalidAuthenticationToken', 'unauthorized_client']
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
    fields: ['sqlstate=28P01', 'sqlstate=28000'],
    words: [
      'password authentication failed',
      'no password supplied',
      'role … does not exist',
      'fe sendauth'
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
    codes: ['AuthenticationFailedError'],
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
    services: ['redis'],
    codes: ['WRONGPASS', 'NOAUTH'],
    words: ['invalid username password pair']
  },
  {
    category: 'permissions',
    services: ['microsoft-365'],
    codes: [
      'Authorization_RequestDenied',
      'UnauthorizedAccessException',
      'ErrorAccessDenied',
      'accessDenied'
    ]
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
    fields: ['sqlstate=42501'],
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
    services: ['kafka'],
    codes: ['TOPIC_AUTHORIZATION_FAILED', 'GROUP_AUTHORIZATION_FAILED']
  },
  {
    category: 'not-found',
    services: ['atlassian'],
    words: ['no space with key', 'no project could be found']
  },
  {
    category: 'credentials',
    codes: [
      'invalid_grant',
      'invalid_client',
      'invalid_token',
      'invalid_auth',
      'not_authed',
      'account_inactive',
      'token_revoked',
      'token_expired',
      'UNAUTHENTICATED',
      'API_KEY_INVALID'
    ],
    fields: status(401),
    words: [
      ...statusWords(401),
      'access denied for user … using password',
      'permission denied publickey',
      'sasl authentication failed',
      'invalid username password pair'
    ]
  },
  {
    category: 'permissions',
    codes: ['PERMISSION_DENIED'],
    fields: status(403),
    words: [
      ...statusWords(403),
      'forbidden for url',
      'insufficient privileges',
      'insufficient access',
      'insufficient scope',
      'public access is not permitted',
      'topic authorization failed',
      'user does not have'
    ]
  },

  // The certificate or protocol between the platform and the remote system.
  {
    category: 'tls',
    codes: [
      'SSLError',
      'SSLCertVerificationError',
      'TlsError',
      'CERT_HAS_EXPIRED',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'CERTIFICATE_VERIFY_FAILED',
      'WRONG_VERSION_NUMBER'
    ],
    words: [
      'certificate verify failed',
      'self signed certificate',
      'certificate has expired',
      'hostname mismatch',
      'tls handshake',
      'ssl handshake',
      'wrong version number',
      'server does not support ssl'
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
      'ssl syscall error'
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
      'ConnectError',
      'NewConnectionError',
      'ServiceRequestError',
      'ServiceResponseError',
      'ConnectionTimeout',
      'ProxyError',
      '_TRANSPORT',
      '_RESOLVE',
      '_TIMED_OUT',
      '_ALL_BROKERS_DOWN'
    ],
    fields: status(407),
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
      "can't connect to mysql server",
      'broker transport failure'
    ]
  },

  // The remote service is down: try again later.
  {
    category: 'outage',
    codes: [
      'ServerBusy',
      'ServiceUnavailable',
      'InternalServerError',
      'BadGateway',
      'GatewayTimeout'
    ],
    fields: status(...SERVER_ERRORS),
    words: [
      ...statusWords(...SERVER_ERRORS),
      'service unavailable',
      'service is unavailable',
      'bad gateway',
      'gateway timeout',
      'server is currently unable to receive requests'
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
    fields: ['sqlstate=3D000', 'sqlstate=42P01', 'sqlstate=3F000'],
    words: ['relation … does not exist']
  },
  {
    category: 'not-found',
    services: ['elasticsearch'],
    words: ['index not found exception', 'no such index']
  },
  {
    category: 'not-found',
    services: ['microsoft-365'],
    codes: ['itemNotFound', 'Request_ResourceNotFound']
  },
  {
    category: 'not-found',
    codes: [
      'FileNotFoundError',
      'UNKNOWN_TOPIC_OR_PART',
      'RESOURCE_DOES_NOT_EXIST',
      'COLLECTION_NOT_EXIST'
    ],
    fields: status(404),
    words: [
      ...statusWords(404),
      'database … does not exist',
      'table … does not exist',
      'unknown database',
      'no such file or directory'
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
    words: [
      'must be addressed using the specified endpoint',
      'invalid bucket name',
      'wrong aws region'
    ]
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
      'credentials may be invalid',
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
    words: [
      'could not connect',
      'cannot connect',
      "can't connect",
      "couldn't connect",
      'unable to connect',
      'fail connecting',
      'failed connecting',
      'max retries exceeded',
      'remote end closed connection',
      'broken pipe',
      'timed out',
      'timeout',
      'unreachable'
    ]
  },
  { category: 'tls', words: ['certificate'] },

  // Names that wrap errors of one kind and say little besides: the last resort.
  { category: 'network', words: ['connection error'] },
  { category: 'configuration', words: ['configuration error', 'validation error', 'bad request'] }
]
