import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import zlib from 'node:zlib'
import { minifyCss, loadAsset, loadStylesheet } from './assets.js'

const site = new URL('../site/', import.meta.url)

test('a stylesheet kept as parts is served as one file, joined in name order', () => {
  const dir = new URL('assets/site/', site)
  const parts = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .sort()
  assert.ok(parts.length > 1)
  const css = loadStylesheet(site)
  assert.equal(
    css.body.toString(),
    minifyCss(parts.map((f) => fs.readFileSync(new URL(f, dir), 'utf8')).join('\n')),
  )
  assert.match(css.href, /^\/assets\/site\.[0-9a-f]{10}\.css$/)
  assert.equal(css.etag, `"${css.href.split('.')[1]}"`)
  assert.deepEqual(zlib.gunzipSync(css.gzip), css.body)
})

test('a missing asset names where it looked', () => {
  assert.throws(
    () => loadAsset(site, 'absent.css', '/assets', 'text/css'),
    /absent\.css not found in/,
  )
})

test('a stylesheet is served without its comments or spacing', () => {
  assert.equal(
    minifyCss('/* why */\n.a > b,\n.c {\n  color: red; /* note */\n\n  margin: 0 auto;\n}\n.b{}'),
    '.a>b,.c{color: red;margin: 0 auto}.b{}',
  )
})
