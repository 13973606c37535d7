// Connection checks: how they are created (by a POST, by someone else, in the past), what a
// POST meets under the profile's postMode, and how a check is written at the moment of an answer.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { AbsurdWhen, CheckOptions, CheckOrigin, Ending, SimCheck } from '../contract.js'
import type { PostMode } from '../profile.js'
import { HOUR_MS, HOUR_US, isoMicros, type PlatformClock } from './clock.js'
import type { CheckJson, CheckStatus, ConnectorState, InternalCheck } from './state.js'

// The only published example finished 5 s after creation.
const EXAMPLE_DURATION_MS = 5000

/** What a POST meets: a check to answer with (`created` when this POST made it), or a conflict. */
export type PostAdmission = { check: InternalCheck; created?: boolean } | { conflict: true }

export interface Checks {
  /** A check created now, the connector's latest. */
  create(state: ConnectorState, origin: CheckOrigin, opts?: CheckOptions): InternalCheck
  /** A check created ageMs ago, put in created_at order among the connector's checks. */
  past(state: ConnectorState, ageMs: number, opts: CheckOptions): InternalCheck
  /** The staleFinalPost check: final long before anything else the connector has. */
  stale(state: ConnectorState, ageMs: number, ending: Ending): InternalCheck
  admitPost(state: ConnectorState): PostAdmission
  /** The check as it stands now. */
  json(check: InternalCheck): CheckJson
  /** A check an hour older than the latest, served but never stored. */
  older(state: ConnectorState, status: CheckStatus): CheckJson
  /** Checks no real platform would write: "newer" than anything, so a client must doubt them. */
  absurd(state: ConnectorState, when: AbsurdWhen, status: CheckStatus): CheckJson
}

export function snapshot(check: InternalCheck): SimCheck {
  const { id, connectorId, origin, createdAt, createdAtIso, createdAtMs, finalAtMs } = check
  const { ending, reason } = check
  return {
    id,
    connectorId,
    origin,
    createdAt,
    createdAtIso,
    createdAtMs,
    finalAtMs,
    ending,
    reason
  }
}

function isRunning(check: InternalCheck | undefined): check is InternalCheck {
  return check !== undefined && (check.finalAtMs === null || performance.now() < check.finalAtMs)
}

export function checksOf(clock: PlatformClock, postMode: PostMode): Checks {
  function newCheck(
    state: ConnectorState,
    origin: CheckOrigin,
    createdAtUs: number,
    createdAtMs: number,
    opts: CheckOptions
  ): InternalCheck {
    const ending = opts.ending ?? state.ending
    const durationMs = Math.max(0, opts.durationMs ?? state.checkDurationMs)
    const reason = opts.reason !== undefined ? opts.reason : state.reason
    return {
      id: randomUUID(),
      connectorId: state.id,
      origin,
      createdAt: clock.stamp(createdAtUs),
      createdAtIso: isoMicros(createdAtUs),
      createdAtUs,
      createdAtMs,
      finalAtMs: ending === 'NEVER' ? null : createdAtMs + durationMs,
      ending,
      reason: ending === 'FAILURE' ? reason : null
    }
  }

  function create(
    state: ConnectorState,
    origin: CheckOrigin,
    opts: CheckOptions = {}
  ): InternalCheck {
    const check = newCheck(state, origin, clock.nextCreatedUs(), performance.now(), opts)
    state.checks.push(check)
    return check
  }

  function fakeCheckJson(state: ConnectorState, createdUs: number, status: CheckStatus): CheckJson {
    return {
      id: randomUUID(),
      status,
      reason: status === 'FAILURE' ? state.reason : null,
      created_at: clock.stamp(createdUs),
      reported_at:
        status === 'SCHEDULED' ? null : clock.stamp(createdUs + EXAMPLE_DURATION_MS * 1000)
    }
  }

  return {
    create,

    past(state, ageMs, opts) {
      const createdUs = clock.nowUs() - Math.round(ageMs * 1000)
      const check = newCheck(state, 'other', createdUs, performance.now() - ageMs, opts)
      const later = state.checks.findIndex((c) => c.createdAtUs >= createdUs)
      state.checks.splice(later < 0 ? state.checks.length : later, 0, check)
      return check
    },

    stale(state, ageMs, ending) {
      const earliestUs = Math.min(clock.nowUs(), state.checks[0]?.createdAtUs ?? Infinity)
      const earliestMs = Math.min(performance.now(), state.checks[0]?.createdAtMs ?? Infinity)
      const check = newCheck(state, 'other', earliestUs - ageMs * 1000, earliestMs - ageMs, {
        ending,
        durationMs: Math.min(EXAMPLE_DURATION_MS, ageMs)
      })
      state.checks.unshift(check)
      return check
    },

    admitPost(state) {
      if (state.stale !== undefined) return { check: state.stale }
      const latest = state.checks.at(-1)
      if (isRunning(latest) && postMode === 'dedupe') return { check: latest }
      if (isRunning(latest) && postMode === 'conflict') return { conflict: true }
      const ending = state.endings.shift()
      return {
        check: create(state, 'post', ending === undefined ? {} : { ending }),
        created: true
      }
    },

    // Status is computed at the moment of the answer, so no timer is needed to finish a check.
    json(check) {
      const final = check.finalAtMs !== null && performance.now() >= check.finalAtMs
      const reportedUs = check.createdAtUs + ((check.finalAtMs ?? 0) - check.createdAtMs) * 1000
      return {
        id: check.id,
        status: final ? check.ending : 'SCHEDULED',
        reason: final ? check.reason : null,
        created_at: check.createdAt,
        reported_at: final ? clock.stamp(reportedUs) : null
      }
    },

    older(state, status) {
      const latest = state.checks.at(-1)
      const createdUs = (latest?.createdAtUs ?? clock.nowUs()) - HOUR_US
      return fakeCheckJson(state, createdUs, status)
    },

    absurd(state, when, status) {
      const nowMs = Date.now()
      // Mid-year, so that no naive offset moves it out of 9999.
      const createdMs =
        when === 'year-9999'
          ? Date.UTC(9999, 5, 15) + (nowMs % (24 * HOUR_MS))
          : // Two days, so it stays more than a day ahead of Date even as naive time far west.
            nowMs + 48 * HOUR_MS
      return fakeCheckJson(state, createdMs * 1000, status)
    }
  }
}
