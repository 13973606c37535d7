import { describe, expect, it } from '@jest/globals'
import { readSettings, splitNames } from '../../src/engine/inputs.js'
import { ACTION_INPUTS } from '../../src/action/names.js'
import type { NameProblem } from '../../src/core/problem.js'
import { RemoteText } from '../../src/core/remote-text.js'
import {
  closestNames,
  globMatches,
  parsePattern,
  resolveNames,
  typeCounts,
  type Named
} from '../../src/engine/resolve.js'
import { editDistance } from '../../src/core/edit-distance.js'
import { problemVerdict } from '../../src/engine/problem-verdict.js'

// Names and patterns to connectors, without HTTP: the rules one by one.

const KEY = 'key_0123456789abcdef'

let next = 0
function entry(name: string, type = 's3'): Named {
  next += 1
  return { id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`, name, type }
}

function matches(pattern: string, name: string): boolean {
  return globMatches(parsePattern(pattern).tokens, name)
}

describe('patterns', () => {
  it.each([
    ['orders-*', 'orders-s3', true],
    ['orders-*', 'orders-', true],
    ['orders-*', 'Orders-s3', false],
    ['*-s3', 'orders-s3', true],
    ['*', '', true],
    ['?', '', false],
    ['?', '🚀', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*a*b*c*', 'xxaxxbxxcxx', true],
    ['*a*b*c*', 'xxaxxcxxbxx', false],
    ['Finance, *', 'Finance, EMEA (prod)', true],
    ['東京*', '東京 オフィス', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['what\\?', 'what?', true],
    ['what\\?', 'whatX', false],
    ['a\\\\b', 'a\\b', true],
    ['a\\b', 'a\\b', true]
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(matches(pattern, name)).toBe(expected)
  })

  it('tells patterns from plain names; escapes make a plain name', () => {
    expect(parsePattern('orders-s3').glob).toBe(false)
    expect(parsePattern('orders-?').glob).toBe(true)
    expect(parsePattern('what\\?')).toMatchObject({ glob: false, literal: 'what?' })
  })

  // A backtracking matcher would not finish this within jest's timeout; the benchmark's sweep
  // part prints how long resolution takes.
  it('stays linear on a hostile name: many stars against 100,000 characters', () => {
    expect(matches('*a*a*a*a*a*b', 'a'.repeat(100_000))).toBe(false)
    expect(matches('*a*a*a*a*a*a', 'a'.repeat(100_000))).toBe(true)
  })
})

describe('edit distance and suggestions', () => {
  it('counts insertions, deletions and substitutions by code point', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('🚀x', '🚀y')).toBe(1)
    expect(editDistance('🚀', 'x')).toBe(1)
    // Past the bound it stops early and says so.
    expect(editDistance('aaaa', 'bbbbbbbb', 2)).toBe(3)
  })

  it('names the three closest distinct names, closest first', () => {
    const names = ['orders-s3', 'orders-s4', 'order-s3', 'billing-pg', 'orders-s3', 'search']
    // A swap of neighbours is one edit: the name meant comes first.
    expect(closestNames('ordres-s3', names)).toEqual(['orders-s3', 'order-s3', 'orders-s4'])
    expect(closestNames('x', [])).toEqual([])
  })

  it('counts types, most common first', () => {
    expect(typeCounts([entry('a', 's3'), entry('b', 'gcs'), entry('c', 's3')])).toEqual([
      { type: 's3', count: 2 },
      { type: 'gcs', count: 1 }
    ])
  })
})

describe('resolveNames', () => {
  const orders = entry('orders-s3')
  const ordersEu = entry('orders-eu', 'gcs')
  const shared1 = entry('shared-bucket')
  const shared2 = entry('shared-bucket')
  const finance = entry('Finance, EMEA (prod)', 'sharepoint')
  const padded = entry('  padded name  ')
  const all = [orders, ordersEu, shared1, shared2, finance, padded]

  it('matches a plain name exactly, and only that one', () => {
    const r = resolveNames('source-name', 'source', ['orders-s3'], all)
    expect(r.matched).toEqual([orders])
    expect(r.problems).toEqual([])
    expect(resolveNames('source-name', 'source', ['Orders-s3'], all).matched).toEqual([])
  })

  it('matches a name with commas and spaces as one name', () => {
    expect(resolveNames('source-name', 'source', ['Finance, EMEA (prod)'], all).matched).toEqual([
      finance
    ])
  })

  it('finds a name with surrounding blanks without them', () => {
    expect(resolveNames('source-name', 'source', ['padded name'], all).matched).toEqual([padded])
  })

  it('gives a pattern every match, by name', () => {
    const r = resolveNames('source-name', 'source', ['orders-*'], all)
    expect(r.matched).toEqual([ordersEu, orders])
    expect(r.lines).toEqual([
      { name: 'orders-*', glob: true, matched: 2, shown: ['orders-eu', 'orders-s3'] }
    ])
    expect(resolveNames('source-name', 'source', ['*'], all).matched).toHaveLength(all.length)
  })

  it('reports a typo with the closest names and the types', () => {
    const r = resolveNames('source-name', 'source', ['ordres-s3'], all)
    expect(r.matched).toEqual([])
    expect(r.problems).toEqual([
      {
        match: 'none',
        input: 'source-name',
        target: 'source',
        name: 'ordres-s3',
        pattern: false,
        closest: ['orders-s3', 'orders-eu', 'shared-bucket'],
        total: 6,
        types: [
          { type: 's3', count: 4 },
          { type: 'gcs', count: 1 },
          { type: 'sharepoint', count: 1 }
        ]
      }
    ])
  })

  it('reports a pattern that matches nothing: a typo must not check nothing', () => {
    const [problem] = resolveNames('source-name', 'source', ['ordrs-*'], all).problems
    expect(problem).toMatchObject({ match: 'none', pattern: true })
  })

  it('reports a plain name that several share, with their ids', () => {
    const r = resolveNames('source-name', 'source', ['shared-bucket'], all)
    expect(r.matched).toEqual([])
    expect(r.problems).toEqual([
      {
        match: 'several',
        input: 'source-name',
        target: 'source',
        name: 'shared-bucket',
        ids: [shared1.id, shared2.id]
      }
    ])
    // A pattern may match both.
    expect(resolveNames('source-name', 'source', ['shared-*'], all).matched).toHaveLength(2)
  })

  it('reports every line that fails, in order, and keeps what the others matched', () => {
    const r = resolveNames('source-name', 'source', ['nope', 'orders-s3', 'shared-bucket'], all)
    expect(r.problems.map((p) => [p.name, p.match])).toEqual([
      ['nope', 'none'],
      ['shared-bucket', 'several']
    ])
    expect(r.matched).toEqual([orders])
  })

  it('names the first ten matches of a line, in order, and counts them all', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      entry(`nightly-${String(i).padStart(2, '0')}`)
    )
    const r = resolveNames('workflow-name', 'workflow', ['nightly-*', 'nope', 'nightly-03'], many)
    expect(r.lines).toEqual([
      {
        name: 'nightly-*',
        glob: true,
        matched: 12,
        shown: many.slice(0, 10).map((e) => e.name)
      },
      { name: 'nope', glob: false, matched: 0, shown: [] },
      { name: 'nightly-03', glob: false, matched: 1, shown: ['nightly-03'] }
    ])
    // A plain name that several share names none: that is a problem, reported as such.
    expect(resolveNames('source-name', 'source', ['shared-bucket'], all).lines).toEqual([
      { name: 'shared-bucket', glob: false, matched: 2, shown: [] }
    ])
  })

  it('matches 10,000 names against several patterns', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => entry(`team-${i % 7}-conn-${i}`))
    const r = resolveNames(
      'source-name',
      'source',
      ['team-3-*', '*-conn-99??', 'team-1-conn-71', 'tema-1-conn-71'],
      many
    )
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.match === 'none' && r.problems[0].closest[0]).toBe('team-1-conn-71')
    const expected = many.filter((e) => /^team-3-|-conn-99..$|^team-1-conn-71$/.test(e.name))
    expect(new Set(r.matched.map((e) => e.id))).toEqual(new Set(expected.map((e) => e.id)))
  })
})

describe('name inputs', () => {
  const read =
    (inputs: Record<string, string>) =>
    (name: string): string =>
      inputs[name] ?? ''

  it('takes one name per line: commas and inner spaces are part of a name', () => {
    expect(splitNames('  orders-s3 \n\nFinance, EMEA (prod)\r\norders-s3\n')).toEqual([
      'orders-s3',
      'Finance, EMEA (prod)'
    ])
    const answer = readSettings(
      read({ 'api-key': KEY, 'source-name': 'a, b\nc d', 'workflow-name': 'nightly-*' }),
      () => undefined,
      ACTION_INPUTS
    )
    if (!answer.ok) throw new Error('inputs refused')
    const settings = answer.value
    expect(settings.names).toEqual({
      source: ['a, b', 'c d'],
      destination: [],
      workflow: ['nightly-*']
    })
    expect(settings.connectors).toEqual([])
  })

  it('refuses control characters, naming the input', () => {
    const answer = readSettings(
      read({ 'api-key': KEY, 'destination-name': 'a\u0007b' }),
      () => undefined,
      ACTION_INPUTS
    )
    expect(answer).toMatchObject({ ok: false, problem: { input: 'destination-name' } })
  })
})

describe('the verdict on names that did not resolve', () => {
  const context = { apiHost: 'platform.example', timeoutMs: 60_000, names: ACTION_INPUTS }
  const none: NameProblem = {
    match: 'none',
    input: 'source-name',
    target: 'source',
    name: 'Orders-s3',
    pattern: false,
    closest: ['orders-s3', 'orders-s4'],
    total: 12,
    types: [
      { type: 's3', count: 10 },
      { type: 'sharepoint', count: 2 }
    ]
  }
  const several: NameProblem = {
    match: 'several',
    input: 'destination-name',
    target: 'destination',
    name: 'warehouse',
    ids: ['id-1', 'id-2']
  }

  it('is not-found for names that match nothing, one line each', () => {
    const verdict = problemVerdict({ kind: 'unresolved-names', items: [none] }, context, {
      kind: 'inputs'
    })
    expect(verdict).toEqual({
      outcome: 'not-found',
      title: 'Name not found',
      message:
        'Input \'source-name\': no source is named "Orders-s3". Closest: "orders-s3", ' +
        '"orders-s4". Names match case-sensitively. The API key\'s workspace has 12 sources, ' +
        'of types s3 (10), sharepoint (2).'
    })
  })

  it('is invalid as soon as one name is ambiguous, and lists every problem', () => {
    const verdict = problemVerdict(
      {
        kind: 'unresolved-names',
        items: [none, several, { ...none, total: 0, types: [], closest: [] }]
      },
      context,
      { kind: 'inputs' }
    )
    expect(verdict.outcome).toBe('invalid')
    expect(verdict.title).toBe('Names not resolved')
    const lines = verdict.message.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toBe(
      'Input \'destination-name\': 2 destinations are named "warehouse" (id-1, id-2); name the ' +
        "one to check by 'destination-id' instead."
    )
    expect(lines[2]).toContain("The API key's workspace has no sources.")
  })

  it('quotes remote names only once they are inert', () => {
    const text = new RemoteText([KEY])
    const hostile = text.problem({
      kind: 'unresolved-names',
      items: [{ ...none, closest: ['::error::pwned', `##[group]x ${KEY}`, 'a\u202eb'] }]
    })
    const { message } = problemVerdict(hostile, context, { kind: 'inputs' })
    expect(message).not.toContain('##[')
    expect(message).not.toContain(KEY)
    expect(message).toContain('a<U+202E>b')
  })
})
