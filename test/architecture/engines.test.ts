import assert from 'node:assert/strict'
import fs from 'node:fs'
import { test } from 'node:test'
import semver from 'semver'

const root = new URL('../../', import.meta.url)
const read = (file: string) => fs.readFileSync(new URL(file, root), 'utf8')

/**
 * The README's Node version, package.json's engines and every installed package's engines
 * agree: a newsroom that installs the version the README names gets a server every
 * dependency says it runs on.
 */
test("the README's Node version is engines' minimum, and every dependency accepts it", () => {
  const pkg = JSON.parse(read('package.json')) as { engines: { node: string } }
  const lock = JSON.parse(read('package-lock.json')) as {
    packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>
  }
  const minimum = semver.minVersion(pkg.engines.node)?.version
  assert.ok(minimum, `engines.node is not a range: ${pkg.engines.node}`)
  const readme = /Needs Node\.js (\d+\.\d+\.\d+) or newer/.exec(read('README.md'))
  assert.ok(readme, 'the README says which Node.js it needs')
  assert.equal(readme[1], minimum, "the README's version is engines' minimum")
  assert.deepEqual(lock.packages['']?.engines, pkg.engines, 'package-lock.json says the same')
  const refusing = Object.entries(lock.packages)
    .filter(([name]) => name !== '')
    .flatMap(([name, p]) => {
      const range = Array.isArray(p.engines) ? undefined : p.engines?.node
      return range && semver.validRange(range) && !semver.satisfies(minimum, range)
        ? [`${name} wants ${range}`]
        : []
    })
  assert.deepEqual(refusing, [], `Node ${minimum} is refused by some packages`)
})
