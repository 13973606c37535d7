import type { Known, Service } from './categories.js'

/**
 * The hints: one line of our own per category, and per service where its fix is known well
 * enough to name (data; diagnose.ts picks one). Fixed text: a hint never quotes the reason.
 */

export const GENERIC_HINTS: Readonly<Record<Known, string>> = {
  credentials:
    "the credentials in the connector's settings (not the Unstructured API key) are wrong, " +
    'expired or revoked; update them in the connector and re-run.',
  permissions:
    "the connector's credentials are accepted but lack a permission the check needs on the " +
    'remote system; grant it to that user, role or app.',
  network:
    'the platform cannot reach the remote system: a wrong host or port, DNS, or a firewall or ' +
    'IP allow-list that blocks the platform.',
  tls:
    'the TLS connection to the remote system failed: its certificate is self-signed, expired ' +
    'or for another host name, or TLS is used on a port that does not speak it (or not on one ' +
    'that requires it).',
  'not-found':
    'the bucket, container, index, table, database or path that the connector names does not ' +
    'exist, or the URL is wrong; check the name, its case, and the account or region.',
  configuration:
    'a setting of the connector is invalid or does not match the remote system (a URL, ' +
    "region, endpoint or required field); review the connector's settings.",
  quota:
    "the remote system's rate limit, quota or plan limit was reached; wait and re-run, or " +
    'raise the limit with its provider.',
  outage:
    'the remote service had an error of its own or is unavailable; nothing in the connector ' +
    "needs to change: re-run later, and check the provider's status page if it persists."
}

export const SERVICE_HINTS: Readonly<Record<Service, Partial<Record<Known, string>>>> = {
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
    configuration:
      'the account name, connection string or az:// URL is malformed, or the tenant ID of the ' +
      'service principal is wrong.'
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
    tls:
      "the server's SSL settings do not match the connector's: the server does not offer SSL, " +
      'or its certificate is not trusted.',
    outage: 'the PostgreSQL server is starting up or shutting down; re-run when it is up.',
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
      'does not accept connections from the platform.',
    tls:
      "the cluster's TLS certificate is self-signed or for another host name, or the URL says " +
      'https for a port that serves http (or the other way round).'
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
    'not-found': 'the site URL, user or path does not exist, or the app cannot see it.',
    configuration:
      "the tenant ID is wrong: use the directory (tenant) ID of the app's Microsoft Entra " +
      'tenant, or its domain.',
    outage: 'Microsoft Entra ID or Microsoft Graph had a transient error; re-run in a few minutes.'
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
    credentials:
      'the Qdrant API key is wrong, or missing for this cluster (Qdrant Cloud answers a wrong key ' +
      'with 403).',
    network: 'the Qdrant URL is wrong, or the cluster is not reachable from the platform.',
    'not-found': 'the collection that the connector names does not exist.'
  },
  slack: {
    credentials:
      'the Slack token is wrong, revoked or expired (a rotated token must be refreshed), or the ' +
      'app was uninstalled from the workspace.',
    permissions:
      'the Slack app lacks a scope (such as channels:history or channels:join); add it and ' +
      'reinstall the app, or invite the bot to the channel.',
    'not-found':
      'a channel ID is wrong, or the channel is private and the bot was not invited to it.',
    configuration:
      'a channel is archived, and Slack gives apps no access to it; unarchive it or remove it.'
  },
  zendesk: {
    credentials: 'the Zendesk email and API token are wrong, or the token was deleted or disabled.',
    'not-found': 'the Zendesk subdomain is wrong.'
  },
  kafka: {
    credentials:
      'the Kafka API key and secret (SASL user name and password) are wrong or were deleted.',
    permissions:
      "the API key's service account lacks an ACL on the topic (READ or WRITE) or on the consumer group.",
    'not-found': 'the topic does not exist in the cluster (topic names are case-sensitive).',
    network:
      'the bootstrap server or port is wrong, or the cluster is not reachable from the platform ' +
      '(a wrong API key can also end in a timeout here).'
  },
  astradb: {
    credentials: 'the Astra DB application token is wrong, expired or revoked.',
    'not-found': 'the collection or keyspace does not exist in that database.',
    network: 'the API endpoint is wrong, or the database is hibernated or not yet active.'
  },
  couchbase: {
    credentials: 'the Couchbase user name or password is wrong.',
    'not-found': 'the bucket, scope or collection that the connector names does not exist.',
    network:
      "the connection string is wrong, or the cluster's allowed IP addresses do not include the " +
      'platform (Capella).'
  },
  milvus: {
    credentials: 'the Milvus user and password, or the Zilliz Cloud API key, are wrong.',
    'not-found': 'the collection or database that the connector names does not exist.',
    network:
      'the Milvus URI or port is wrong, or the cluster is stopped or not reachable from the platform.'
  },
  motherduck: {
    credentials: 'the MotherDuck token is wrong, expired or revoked.',
    'not-found': 'the database, schema or table that the connector names does not exist.'
  },
  neo4j: {
    credentials: 'the Neo4j user name or password is wrong.',
    'not-found': 'the database that the connector names does not exist.',
    network:
      'the Neo4j URI is wrong (its scheme, such as neo4j+s:// for Aura, its host or its port), ' +
      'or the instance is paused or not reachable.'
  },
  redis: {
    credentials: 'the Redis user name or password is wrong, or the user is disabled.',
    network:
      'the Redis host or port is wrong, or the database does not accept connections from the platform.',
    tls: 'the TLS setting does not match the Redis endpoint: turn SSL on or off to match the database.'
  },
  'ibm-watsonx': {
    credentials: 'the IBM Cloud API key is wrong or was deleted.',
    'not-found': 'the namespace or table that the connector names does not exist in the catalog.'
  }
}
