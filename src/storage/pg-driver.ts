import type pg from 'pg'

/**
 * The pg driver, loaded on first use: a SQLite site never pays for reading it at start-up.
 * PostgreSQL returns bigint (int8) as strings; our bigints are ids and epoch milliseconds,
 * far below 2^53, so numbers are exact and both dialects hand back the same types.
 */
export async function loadPg(): Promise<typeof pg> {
  const { default: driver } = await import('pg')
  driver.types.setTypeParser(20, (v) => Number(v))
  return driver
}
