// The connection-check path: POST starts a check (or meets one, under the profile's postMode),
// GET answers the connector's latest. Each takes its scripted faults from the connector's queues.
import type { Exchange } from '../http/answers.js'
import type { PostAdmission } from '../platform/checks.js'
import type { CheckJson, ConnectorState, InternalCheck } from '../platform/state.js'
import { httpDate } from '../platform/clock.js'
import type { Context } from './context.js'
import { serveFault } from './faults.js'

type Method = 'POST' | 'GET'

const CONFLICT_DETAIL = 'A connection check is already in progress for this connector'

interface Variation {
  /** What an afterCreate POST did before its fault. */
  admitted?: PostAdmission
  /** A status served in place of the check's own. */
  status?: string
  headers?: Record<string, string>
}

/** The answer of a check route without faults, or with one that only varies it. */
function answerCheck(
  ctx: Context,
  ex: Exchange,
  state: ConnectorState,
  method: Method,
  { admitted, status, headers }: Variation = {}
): void {
  const { answers, profile, store } = ctx
  const withStatus = (check: InternalCheck): CheckJson => {
    const json = store.checks.json(check)
    return status === undefined ? json : { ...json, status }
  }
  if (method === 'POST') {
    const admission = admitted ?? store.checks.admitPost(state)
    if ('conflict' in admission) {
      answers.detail(ex, profile.conflictStatus ?? 409, CONFLICT_DETAIL)
      return
    }
    const json = withStatus(admission.check)
    // A POST that creates a check only schedules it: its answer is written before the check
    // has run, so it says SCHEDULED however short the check (a delayed answer too), unless
    // the profile has the platform run the check before it answers.
    const answer =
      admission.created === true && status === undefined && profile.postAnswersDecided !== true
        ? { ...json, status: 'SCHEDULED', reason: null, reported_at: null }
        : json
    answers.check(ex, 202, state.id, answer)
    return
  }
  const latest = state.checks.at(-1)
  if (latest === undefined) {
    answers.detail(ex, 404, 'No connection check found for this connector')
    return
  }
  answers.check(ex, 200, state.id, withStatus(latest), undefined, headers)
}

/**
 * A POST takes the connector's next `post` fault; a GET its next `get` fault once a POST has
 * reached the connector, its next `read` fault before.
 */
export function serveCheck(
  ctx: Context,
  ex: Exchange,
  state: ConnectorState,
  method: Method
): void {
  if (method === 'POST') state.posted = true
  const queue =
    method === 'POST' ? state.postFaults : state.posted ? state.getFaults : state.readFaults
  const slot = queue.shift()
  if (slot === undefined || slot === 'pass') {
    answerCheck(ctx, ex, state, method)
    return
  }
  const { answers, store } = ctx
  const admitted =
    method === 'POST' && slot.afterCreate === true ? store.checks.admitPost(state) : undefined
  const okStatus = method === 'POST' ? 202 : 200
  switch (slot.type) {
    case 'unknown-status':
      answerCheck(ctx, ex, state, method, { admitted, status: slot.status })
      return
    case 'older-check': {
      const older = store.checks.older(state, slot.status ?? 'SUCCESS')
      answers.check(ex, okStatus, state.id, older, 'older')
      return
    }
    case 'absurd-newer': {
      const absurd = store.checks.absurd(state, slot.when, slot.status ?? 'SUCCESS')
      answers.check(ex, okStatus, state.id, absurd, slot.when)
      return
    }
    case 'cached': {
      const date = httpDate(Date.now() - slot.ageMs, ctx.profile.dateForm)
      const age = String(Math.floor(slot.ageMs / 1000))
      answerCheck(ctx, ex, state, method, { admitted, headers: { date, age } })
      return
    }
    case 'newer-check':
      store.checks.create(state, 'newer', {
        ending: slot.ending,
        durationMs: slot.durationMs,
        reason: slot.reason
      })
      answerCheck(ctx, ex, state, method, { admitted })
      return
    default: {
      const created = admitted !== undefined && 'check' in admitted ? admitted.check : undefined
      serveFault(ctx, ex, slot, {
        okStatus,
        truncated: () => {
          const check = created ?? (method === 'GET' ? state.checks.at(-1) : undefined)
          return JSON.stringify(
            check !== undefined ? store.checks.json(check) : store.checks.older(state, 'SCHEDULED')
          )
        },
        answer: () => {
          answerCheck(ctx, ex, state, method, { admitted })
        }
      })
    }
  }
}
