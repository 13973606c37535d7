/** The statuses a connection check may have, and which of them end the wait. */

export const KNOWN_STATUSES = ['SCHEDULED', 'SUCCESS', 'FAILURE'] as const
export type KnownStatus = (typeof KNOWN_STATUSES)[number]
export type FinalStatus = Extract<KnownStatus, 'SUCCESS' | 'FAILURE'>

export function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status)
}

/** Only SUCCESS and FAILURE end the wait; SCHEDULED and any value we do not know keep it going. */
export function isFinal(status: string): status is FinalStatus {
  return status === 'SUCCESS' || status === 'FAILURE'
}
