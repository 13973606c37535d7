/** What a FAILURE's reason most likely means: the names of `results[].category`. */
export const CATEGORIES = [
  'credentials',
  'permissions',
  'network',
  'tls',
  'not-found',
  'configuration',
  'quota',
  'outage',
  'unknown'
] as const

export type Category = (typeof CATEGORIES)[number]

export type Known = Exclude<Category, 'unknown'>

/** Services whose fix is known well enough to name. */
export type Service =
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
  | 'slack'
  | 'zendesk'
  | 'kafka'
  | 'astradb'
  | 'couchbase'
  | 'milvus'
  | 'motherduck'
  | 'neo4j'
  | 'redis'
  | 'ibm-watsonx'

/** Connector types as the API spells them (lower case, `-` and `_` dropped), by service. */
export const SERVICE_OF_TYPE: ReadonlyMap<string, Service> = new Map<string, Service>(
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
    qdrantcloud: 'qdrant',
    slack: 'slack',
    zendesk: 'zendesk',
    kafka: 'kafka',
    kafkacloud: 'kafka',
    astradb: 'astradb',
    couchbase: 'couchbase',
    milvus: 'milvus',
    motherduck: 'motherduck',
    neo4j: 'neo4j',
    redis: 'redis',
    ibmwatsonxs3: 'ibm-watsonx'
  } satisfies Record<string, Service>)
)
