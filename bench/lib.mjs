// Helpers for the benchmarks (bench/run.mjs, admin.mjs, newsletter.mjs, soak), one module per
// concern under bench/lib/; this file only gathers them.
export * from './lib/processes.mjs'
export * from './lib/network.mjs'
export * from './lib/measure.mjs'
export * from './lib/html.mjs'
