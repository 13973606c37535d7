// Every piece of remote text the engine hands on, made inert on its way out of the wait loop.
import type { ConnectionCheck } from '../api/schemas.js'
import type { RequestLog } from '../api/client.js'
import type { TransientProblem } from '../core/problem.js'
import type { RemoteText } from '../core/remote-text.js'
import type { CheckEvents, CheckRun } from '../wait/check-run.js'

export function inertCheck(text: RemoteText, check: ConnectionCheck): ConnectionCheck {
  return {
    ...check,
    id: text.clean(check.id),
    status: text.clean(check.status),
    reason: check.reason === null ? null : text.clean(check.reason),
    createdAt: text.clean(check.createdAt),
    reportedAt: check.reportedAt === null ? null : text.clean(check.reportedAt)
  }
}

/** A finished check run with every piece of remote text in it made inert. */
export function inertRun(text: RemoteText, run: CheckRun): CheckRun {
  const check = (c: ConnectionCheck | undefined): ConnectionCheck | undefined =>
    c === undefined ? undefined : inertCheck(text, c)
  return {
    ...run,
    created: check(run.created),
    followed: check(run.followed),
    lastIgnored:
      run.lastIgnored === undefined
        ? undefined
        : { ...run.lastIgnored, check: inertCheck(text, run.lastIgnored.check) },
    problem: run.problem === undefined ? undefined : text.problem(run.problem)
  }
}

export function inertTransient(problem: TransientProblem, text: RemoteText): TransientProblem {
  return { ...problem, reason: text.clean(problem.reason) }
}

export function inertRequests(log: RequestLog, text: RemoteText): RequestLog {
  return (entry) => {
    log({ ...entry, outcome: text.clean(entry.outcome) })
  }
}

/** The check's events with every piece of remote text in them made inert. */
export function inertEvents(to: CheckEvents, text: RemoteText): CheckEvents {
  const check = (raw: ConnectionCheck): ConnectionCheck => inertCheck(text, raw)
  return {
    started: (raw) => {
      to.started(check(raw))
    },
    joined: (raw, refusal) => {
      const detail = refusal?.detail === undefined ? undefined : text.clean(refusal.detail)
      to.joined(check(raw), refusal === undefined ? undefined : { ...refusal, detail })
    },
    finalOnArrival: (raw) => {
      to.finalOnArrival(check(raw))
    },
    statusChanged: (raw, previous) => {
      to.statusChanged(check(raw), text.clean(previous))
    },
    superseded: (previous, newer) => {
      to.superseded(check(previous), check(newer))
    },
    unknownStatus: (raw) => {
      to.unknownStatus(check(raw))
    },
    ignored: (raw, relation) => {
      to.ignored(check(raw), relation)
    },
    retrying: (problem, delayMs, failuresInARow) => {
      to.retrying(inertTransient(problem, text), delayMs, failuresInARow)
    }
  }
}
