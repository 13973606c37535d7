import pkg from '../../package.json' with { type: 'json' }

// Sent in the user-agent header and shown by --version: package.json says which release this is.
export const ACTION_NAME: string = pkg.name
export const ACTION_VERSION: string = pkg.version
