import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatDate, formatDateTime, jsonForScript, voidTagsAsHtml } from './format.js'

const AT = new Date('2026-03-29T00:30:00Z')

test('dates and times in the language and the newsroom’s zone, each combination its own', () => {
  const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ')
  // Read twice: the second reading is the remembered text, and must be the same.
  for (let i = 0; i < 2; i++) {
    assert.equal(nbsp(formatDateTime(AT, 'en', 'UTC')), 'March 29, 2026 at 00:30 UTC')
    assert.equal(nbsp(formatDateTime(AT, 'en', 'Europe/Berlin')), 'March 29, 2026 at 01:30 GMT+1')
    assert.match(nbsp(formatDateTime(AT, 'ru', 'UTC')), /^29 марта 2026/)
    assert.equal(formatDate(AT, 'en', 'UTC'), 'Mar 29, 2026')
    assert.equal(formatDate(AT, 'en', 'America/New_York'), 'Mar 28, 2026')
  }
})

test('many instants: each still reads as itself after the remembered texts are forgotten', () => {
  const day = 86_400_000
  const start = Date.UTC(2020, 0, 1)
  for (let i = 0; i < 5000; i++) formatDate(new Date(start + i * day), 'en', 'UTC')
  assert.equal(formatDate(new Date(start), 'en', 'UTC'), 'Jan 1, 2020')
  assert.equal(formatDate(new Date(start + 4999 * day), 'en', 'UTC'), 'Sep 8, 2033')
  assert.throws(() => formatDate(new Date(Number.NaN), 'en', 'UTC'), RangeError)
})

test('void elements as HTML writes them, and JSON that cannot end its script', () => {
  assert.equal(
    voidTagsAsHtml('<p>a<br/>b</p><meta name="x" content="a/>b" /><img src="s" alt="" />'),
    '<p>a<br>b</p><meta name="x" content="a/>b"><img src="s" alt="">',
  )
  assert.equal(
    jsonForScript({ a: '</script><!--&' }),
    '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}',
  )
})
