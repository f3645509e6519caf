/** How far an export is: a bar redrawn in place on a terminal, a line every few seconds otherwise. */
export interface Progress {
  /** `done` of `total` units so far (the total grows as list pages reveal their next page). */
  update(done: number, total: number): void
  /** Ends the bar's line. */
  end(): void
}

export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  opts: { everyMs?: number; now?: () => number } = {},
): Progress {
  const now = opts.now ?? Date.now
  const every = opts.everyMs ?? 5000
  let last = 0
  let drawn = false
  return {
    update(done, total) {
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100)
      if (stream.isTTY) {
        if (now() - last < 100 && done < total) return
        last = now()
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40))
        const full = Math.round((width * pct) / 100)
        stream.write(`\r[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${pct}% ${done}/${total}`)
        drawn = true
        return
      }
      if (last === 0) last = now()
      if (now() - last < every) return
      last = now()
      stream.write(`exporting: ${done}/${total} (${pct}%)\n`)
    },
    end() {
      if (drawn) stream.write('\n')
      drawn = false
    },
  }
}
