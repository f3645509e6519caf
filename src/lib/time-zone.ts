/**
 * Times in the newsroom's time zone (TIME_ZONE, an IANA name such as Europe/Riga): shown that
 * way to staff and readers, and typed that way by staff, through changes of clocks. Stored times
 * stay instants (UTC); article addresses keep their UTC year and month, so a link never moves.
 */

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

const DAY_MS = 24 * 3600_000

const partFormats = new Map<string, Intl.DateTimeFormat>()
/** The wall clock of `tz` at `at`, as numbers. */
function wallParts(tz: string, at: Date) {
  let f = partFormats.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    partFormats.set(tz, f)
  }
  const parts = f.formatToParts(at)
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour'),
    minute: n('minute'),
    second: n('second'),
  }
}

/** The zone's offset from UTC at `at`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(tz: string, at: Date): number {
  const w = wallParts(tz, at)
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return wall - Math.floor(at.getTime() / 1000) * 1000
}

/**
 * The instant a wall-clock time in a zone names (`m` counts from 0). In a spring-forward gap the
 * time does not exist and the result is as far past the gap as the time was into it
 * (03:30 → 04:30); in an autumn overlap, the first of the two.
 */
export function zonedInstant(
  y: number,
  m: number,
  d: number,
  hh: number,
  mm: number,
  tz: string,
): Date {
  const guess = Date.UTC(y, m, d, hh, mm)
  // The offsets in force a day either side cover both sides of any change of clocks.
  const candidates = [-DAY_MS, 0, DAY_MS].map((k) => guess - zoneOffsetMs(tz, new Date(guess + k)))
  // A candidate is right when the zone, at that instant, shows the wall time asked for.
  const valid = candidates.filter((c) => c + zoneOffsetMs(tz, new Date(c)) === guess)
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(...candidates))
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** `at` as a datetime-local field shows it in `tz`: "2026-03-29T04:30". */
export function wallClockInput(at: Date, tz: string): string {
  const w = wallParts(tz, at)
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/**
 * What a datetime-local field ("YYYY-MM-DDTHH:MM", seconds allowed) names in `tz`, or null
 * when it is not such a time (or names a day that does not exist, such as 31 February).
 */
export function parseWallClock(raw: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw.trim())
  if (!m) return null
  const [y, mo, d, hh, mm] = [+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!]
  const day = new Date(Date.UTC(y, mo, d))
  if (day.getUTCMonth() !== mo || day.getUTCDate() !== d || hh > 23 || mm > 59) return null
  const at = zonedInstant(y, mo, d, hh, mm, tz)
  return new Date(at.getTime() + Number(m[6] ?? 0) * 1000)
}

const shortNames = new Map<string, Intl.DateTimeFormat>()
/** The zone's short name at `at`, as staff read it beside a time: "GMT+2", "UTC", "EEST". */
export function zoneName(at: Date, tz: string): string {
  let f = shortNames.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: 'short' })
    shortNames.set(tz, f)
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? tz
}

/** "2026-12-06 15:04 GMT+2": a time as the admin shows it (with seconds when asked). */
export function staffTime(at: Date, tz: string, o: { seconds?: boolean } = {}): string {
  const w = wallParts(tz, at)
  const clock = `${pad(w.hour)}:${pad(w.minute)}${o.seconds ? `:${pad(w.second)}` : ''}`
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${clock} ${zoneName(at, tz)}`
}
