import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { describe, expect, it } from '@jest/globals'
import { OutputsFileError, parseOutputs } from '../support/runner.js'

// The reader of GITHUB_OUTPUT files that every end-to-end test relies on: it must read what
// @actions/core writes, both forms the runner accepts, and refuse what the runner would refuse.

describe('parseOutputs', () => {
  it('reads name=value lines and name<<DELIMITER blocks', () => {
    const text = [
      'outcome=success',
      'results<<ghadelimiter_1',
      '[{"a":1},',
      '{"b":2}]',
      'ghadelimiter_1',
      'empty<<EOF',
      'EOF',
      'flat=',
      ''
    ].join('\n')
    expect(parseOutputs(text)).toEqual({
      outcome: 'success',
      results: '[{"a":1},\n{"b":2}]',
      empty: '',
      flat: ''
    })
  })

  it('takes the form from whichever of = and << comes first', () => {
    expect(parseOutputs('a=b<<c\nx<<=END\nv=1\n=END\n')).toEqual({ a: 'b<<c', x: 'v=1' })
  })

  it('closes a block only on a line that is exactly the delimiter', () => {
    const text = 'log<<END\n END\nEND \nnot END\nEND\n'
    expect(parseOutputs(text)).toEqual({ log: ' END\nEND \nnot END' })
  })

  it('skips blank lines between entries, reads CRLF files, and lets a later entry win', () => {
    expect(parseOutputs('\r\na=1\r\n\r\nb<<E\r\nx\r\nE\r\na=2\r\n')).toEqual({ a: '2', b: 'x' })
    expect(parseOutputs('')).toEqual({})
  })

  it('keeps a name such as __proto__ as an output of its own', () => {
    const outputs = parseOutputs('__proto__=x\n')
    expect(Object.keys(outputs)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(outputs)).toBe(Object.prototype)
  })

  it('reads back what @actions/core writes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conncheck-outputs-'))
    const file = path.join(dir, 'output')
    const saved = process.env.GITHUB_OUTPUT
    const values = {
      plain: 'success',
      lines: 'first\nsecond\n\nfourth',
      tricky: 'a=b<<c\nEOF\n=\n<<',
      blank: ''
    }
    try {
      await writeFile(file, '')
      process.env.GITHUB_OUTPUT = file
      for (const [name, value] of Object.entries(values)) core.setOutput(name, value)
      expect(parseOutputs(await readFile(file, 'utf8'))).toEqual(values)
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = saved
      await rm(dir, { recursive: true, force: true })
    }
  })

  it.each([
    ['a block that is never closed', 'outcome<<EOF\nsuccess\n', /never closed by a line "EOF"/],
    ['a closing line with a different delimiter', 'a<<X\nv\nY\n', /line 1: the value of a/],
    ['a line of neither form', 'outcome=success\njust text\n', /line 2: neither/],
    ['a value without a name', '=success\n', /no name before '='/],
    ['a block without a name', '<<EOF\nv\nEOF\n', /a name and a delimiter/],
    ['a block without a delimiter', 'outcome<<\nv\n\n', /a name and a delimiter/]
  ])('rejects %s', (_, text, message) => {
    expect(() => parseOutputs(text)).toThrow(OutputsFileError)
    expect(() => parseOutputs(text)).toThrow(message)
  })

  it('rejects a block left open by a later one, rather than reading one into the other', () => {
    const text = 'first<<A\nvalue\nsecond<<B\nother\nB\n'
    expect(() => parseOutputs(text)).toThrow(/the value of first is never closed/)
  })
})
