// The platform's ids are UUIDs, which it accepts in two forms.
import { isUuid } from '../../src/core/ids.js'

const UUID_SIMPLE = /^[0-9a-f]{32}$/i

/** 32 hex digits in the hyphenated form, 8-4-4-4-12. */
export function hyphenated(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Pydantic accepts both the hyphenated and the 32-hex form; lookups use the canonical one. */
export function canonicalUuid(id: string): string | undefined {
  if (isUuid(id)) return id.toLowerCase()
  if (UUID_SIMPLE.test(id)) return hyphenated(id.toLowerCase())
  return undefined
}
