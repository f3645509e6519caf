/**
 * CSV as RFC 4180 describes it, through csv-parse and csv-stringify, with what we add on top:
 * each record's line for error messages, a cap on fields, refusals with a code, and a writer
 * that defuses spreadsheet formulas.
 */
import { CsvError, parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'

export interface CsvRecord {
  /** The line (1-based) where the record starts: what a person sees in their editor. */
  line: number
  fields: string[]
}

/** Why a text is not CSV we read; `message` is the sentence a person sees after "Line N:". */
export type CsvProblem =
  'quote-not-closed' | 'quote-in-field' | 'text-after-quote' | 'too-many-fields' | 'malformed'

export type CsvParse =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; code: CsvProblem; line: number; message: string }

const MESSAGES: Record<CsvProblem, string> = {
  'quote-not-closed': 'a quoted field is never closed',
  'quote-in-field': 'a quote inside an unquoted field (quote the whole field)',
  'text-after-quote': 'text after a closing quote (double a quote inside quotes)',
  'too-many-fields': 'too many fields',
  malformed: 'this is not CSV we can read',
}

/** csv-parse's error codes, as ours. */
const PROBLEMS: Record<string, CsvProblem> = {
  CSV_QUOTE_NOT_CLOSED: 'quote-not-closed',
  INVALID_OPENING_QUOTE: 'quote-in-field',
  CSV_INVALID_CLOSING_QUOTE: 'text-after-quote',
}

const CR = 0x0d
const LF = 0x0a

/**
 * Counts lines the way an editor does: CRLF, CR or LF each end one. csv-parse's own count is
 * off by one after a quoted CRLF, so lines are counted here from its byte offsets.
 */
class LineCounter {
  private offset = 0
  private line = 1
  constructor(private readonly bytes: Buffer) {}

  /** Skips the blank lines before a record and returns the line it starts on. */
  startOfRecord(): number {
    while (this.offset < this.bytes.length && this.isBreak(this.offset)) this.step()
    return this.line
  }

  /** Moves to `end` (the byte after a record and its line end), counting the breaks passed. */
  advanceTo(end: number): void {
    while (this.offset < end) {
      if (this.isBreak(this.offset)) this.step()
      else this.offset++
    }
  }

  private isBreak(i: number): boolean {
    const b = this.bytes[i]
    return b === CR || b === LF
  }

  private step(): void {
    const crlf = this.bytes[this.offset] === CR && this.bytes[this.offset + 1] === LF
    this.offset += crlf ? 2 : 1
    this.line++
  }
}

/**
 * Reads the whole text. A leading byte-order mark is dropped and blank lines are skipped; a
 * quote inside an unquoted field, text after a closing quote, or a quote left open is refused
 * with the line of the record it is in, so nothing is guessed.
 */
export function parseCsv(input: string, opts: { maxFields?: number } = {}): CsvParse {
  const maxFields = opts.maxFields ?? 1000
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const bytes = Buffer.from(text)
  const lines = new LineCounter(bytes)
  const records: CsvRecord[] = []
  const refuse = (code: CsvProblem, line: number): CsvParse => ({
    ok: false,
    code,
    line,
    message: MESSAGES[code],
  })
  let tooWide = 0
  try {
    parse(bytes, {
      relax_column_count: true,
      skip_empty_lines: true,
      // Any line end, mixed in one file: csv-parse would otherwise keep the first one it sees.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Each record as it is read, so a refusal later on knows where the good ones ended.
      on_record: (fields: string[], context: { bytes: number }) => {
        const line = lines.startOfRecord()
        if (fields.length > maxFields) tooWide ||= line
        else records.push({ line, fields })
        lines.advanceTo(context.bytes)
        return null
      },
    })
  } catch (err) {
    if (!(err instanceof CsvError)) throw err
    return refuse(PROBLEMS[err.code] ?? 'malformed', lines.startOfRecord())
  }
  if (tooWide) return refuse('too-many-fields', tooWide)
  return { ok: true, records }
}

/** Spreadsheets run a cell that starts with one of these as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/

const WRITE = {
  record_delimiter: 'windows',
  // csv-stringify quotes commas, quotes and its own line end; a lone CR or LF must be quoted
  // too, and so must edge spaces, which some readers would trim.
  quoted_match: /[\r\n]|^\s|\s$/,
} as const

const defuse = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v)

/** One line of a CSV file, CRLF-terminated; formula cells get a leading apostrophe. */
export function csvLine(values: readonly string[]): string {
  return stringify([values.map(defuse)], WRITE)
}

/** One cell for a CSV file: quoted when it must be, and never read as a formula. */
export function csvCell(value: string): string {
  return csvLine([value]).slice(0, -2)
}
