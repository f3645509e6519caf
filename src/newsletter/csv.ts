/**
 * CSV as RFC 4180 describes it, as pure functions: a parser (quoted fields, doubled quotes,
 * CRLF or LF line ends, a leading byte-order mark) and a writer that defuses spreadsheet
 * formulas. No dependency: the format is small and the edge cases are ours to test.
 */

export interface CsvRecord {
  /** The line (1-based) where the record starts: what a person sees in their editor. */
  line: number
  fields: string[]
}

export type CsvParse =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string }

/**
 * Reads the whole text. Blank lines are skipped; a quote inside an unquoted field, text after a
 * closing quote, or a quote left open is an error naming its line, so nothing is guessed.
 */
export function parseCsv(input: string, opts: { maxFields?: number } = {}): CsvParse {
  const maxFields = opts.maxFields ?? 1000
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const records: CsvRecord[] = []
  let fields: string[] = []
  let line = 1
  let recordLine = 1
  let i = 0
  const n = text.length
  let atRecordStart = true

  const endRecord = () => {
    // A line with nothing on it is not a record of one empty field.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields })
    fields = []
    atRecordStart = true
  }

  while (i < n) {
    if (atRecordStart) {
      recordLine = line
      atRecordStart = false
    }
    let value: string
    if (text[i] === '"') {
      // Quoted field: runs to the next quote not doubled; may hold commas and line breaks.
      const startLine = line
      i++
      let out = ''
      for (;;) {
        const q = text.indexOf('"', i)
        if (q === -1)
          return { ok: false, line: startLine, message: 'a quoted field is never closed' }
        const chunk = text.slice(i, q)
        for (let k = 0; k < chunk.length; k++) if (chunk[k] === '\n') line++
        out += chunk
        if (text[q + 1] === '"') {
          out += '"'
          i = q + 2
          continue
        }
        i = q + 1
        break
      }
      value = out
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        return {
          ok: false,
          line,
          message: 'text after a closing quote (double a quote inside quotes)',
        }
      }
    } else {
      let j = i
      while (j < n) {
        const c = text[j]
        if (c === ',' || c === '\n' || c === '\r') break
        if (c === '"') {
          return {
            ok: false,
            line,
            message: 'a quote inside an unquoted field (quote the whole field)',
          }
        }
        j++
      }
      value = text.slice(i, j)
      i = j
    }
    fields.push(value)
    if (fields.length > maxFields)
      return { ok: false, line: recordLine, message: 'too many fields' }
    if (i >= n) break
    const c = text[i]
    if (c === ',') {
      i++
      // A comma at the very end of the text still ends a field: an empty last one.
      if (i >= n) fields.push('')
      continue
    }
    if (c === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1
    } else {
      i++
    }
    line++
    endRecord()
  }
  if (!atRecordStart) endRecord()
  return { ok: true, records }
}

/**
 * One cell for a CSV file: quoted when it must be, and, since spreadsheets run cells that start
 * with = + - @ (or a tab or carriage return) as formulas, such a cell gets a leading apostrophe
 * as OWASP advises for CSV injection.
 */
export function csvCell(value: string): string {
  let v = value
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}
