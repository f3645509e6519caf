/** Rows per statement when many are written: well under both databases' parameter limits. */
export const BATCH = 500

/** A nullable count or time as a number: PostgreSQL returns bigints as strings. */
export const num = (v: number | string | bigint | null) => (v === null ? null : Number(v))
