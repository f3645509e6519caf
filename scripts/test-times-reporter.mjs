// A node:test reporter that writes how long each test file's top-level tests took, in ms,
// longest first. scripts/run-tests.mjs starts the longest files first, so the two lanes of a
// 2-core machine end together instead of one lane running the last browser suite alone.
import path from 'node:path'

export default async function* testTimes(source) {
  const perFile = new Map()
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    const { nesting, file, details } = event.data
    if (nesting !== 0 || !file) continue
    const name = path.relative(process.cwd(), file).split(path.sep).join('/')
    perFile.set(name, (perFile.get(name) ?? 0) + (details?.duration_ms ?? 0))
  }
  const sorted = [...perFile].sort((a, b) => b[1] - a[1]).map(([f, ms]) => [f, Math.round(ms)])
  yield JSON.stringify(Object.fromEntries(sorted), null, 2) + '\n'
}
