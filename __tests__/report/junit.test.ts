import { describe, expect, it } from '@jest/globals'
import { renderJunit } from '../../src/report/junit.js'
import { result, stepOf } from '../support/results.js'

describe('the JUnit report', () => {
  it('has one testcase per connector, the reason as the failure message', () => {
    const xml = renderJunit(
      stepOf([
        result('success', { name: 'orders' }),
        result('failure', { reason: 'bucket "prod" & <denied>' }),
        result('timeout', { verdict: { title: 'Connection check timed out' } })
      ])
    )
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /)
    expect(xml).toContain('tests="3" failures="1" errors="1" time="2.500"')
    expect(xml.match(/<testcase /g)).toHaveLength(3)
    expect(xml).toMatch(
      /<testcase classname="unstructured.source" name="source &#34;orders&#34; \(s3, [0-9a-f-]{36}\)" time="1.234"\/>/
    )
    expect(xml).toContain(
      '<failure message="bucket &#34;prod&#34; &#38; &#60;denied&#62;" type="FAILURE">message of failure</failure>'
    )
    expect(xml).toContain(
      '<error message="Connection check timed out" type="timeout">message of timeout</error>'
    )
  })

  it("adds a FAILURE's likely cause to its text, when its reason says enough", () => {
    const xml = renderJunit(
      stepOf([
        result('failure', { reason: 'NoCredentialsError', name: 'orders' }),
        result('failure', { reason: 'OperationalError' })
      ])
    )
    expect(xml).toContain(
      '<failure message="NoCredentialsError" type="FAILURE">message of failure\nLikely cause: the AWS access key ID'
    )
    expect(xml).toContain(
      '<failure message="OperationalError" type="FAILURE">message of failure</failure>'
    )
  })

  it('is one testcase in error when the step stopped before any check', () => {
    const xml = renderJunit(
      stepOf([], { outcome: 'invalid', title: 'Invalid input', message: 'bad' })
    )
    expect(xml).toContain('tests="1" failures="0" errors="1"')
    expect(xml).toContain('<error message="Invalid input" type="invalid">bad</error>')
  })

  it('skips a dry run and a connector waived by on-platform-unavailable: warn', () => {
    const xml = renderJunit(
      stepOf([
        result('dry-run', { noCheck: true, verdict: { message: 'found it' } }),
        result('timeout', { extra: { waived: true } }),
        result('failure')
      ])
    )
    expect(xml).toContain('tests="3" failures="1" errors="0"')
    expect(xml).toContain('skipped="2"')
    expect(xml).toContain('<skipped message="found it"/>')
    expect(xml).toContain(
      '<skipped message="timeout: The platform gave no verdict (timeout), and on-platform-unavailable is warn: this does not fail the step.">message of timeout</skipped>'
    )
  })

  it('says which failed check a flaky connector had, and never skips a step problem', () => {
    const failed = result('failure', { reason: 'blip' }).run.followed
    const flaky = result('success', {
      extra: { attempts: 2, failedBefore: failed ? [failed] : [] }
    })
    expect(renderJunit(stepOf([flaky]))).toContain(
      `<system-out>Source connector ${flaky.connector.id} is flaky: check ${failed?.id} failed (blip) before a new check passed.</system-out>`
    )
    // No check was started before a step problem, so no policy waives it.
    const stopped = renderJunit(
      stepOf([], { outcome: 'timeout', title: 'Timed out', message: 'no answer' })
    )
    expect(stopped).toContain('tests="1" failures="0" errors="1"')
    expect(stopped).not.toContain('<skipped')
  })

  it('holds no character that XML forbids', () => {
    const xml = renderJunit(stepOf([result('failure', { reason: 'a\u0000b\uffffc\ud800d' })]))
    expect(xml).toContain('message="a\ufffdb\ufffdc\ufffdd"')
  })
})
