// Sent in the user-agent header; a test keeps it equal to package.json's version.
export const ACTION_NAME = 'unstructured-connection-check-action'
export const ACTION_VERSION = '1.0.0'
