/**
 * A rendered edition with per-recipient fields marked: split once, joined per recipient, so
 * 100,000 recipients cost 100,000 string joins rather than 100,000 renders.
 */
export interface Template {
  parts: string[]
  /** The field name that goes between parts[i] and parts[i + 1]. */
  fields: string[]
}

/** Splits on `{{marker:name}}` placeholders; `marker` is random per render, so content cannot forge one. */
export function compileTemplate(source: string, marker: string): Template {
  const parts: string[] = []
  const fields: string[] = []
  const re = new RegExp(`\\{\\{${marker}:([a-z_]+)\\}\\}`, 'g')
  let last = 0
  for (const m of source.matchAll(re)) {
    parts.push(source.slice(last, m.index))
    fields.push(m[1]!)
    last = m.index + m[0].length
  }
  parts.push(source.slice(last))
  return { parts, fields }
}

export function fillTemplate(t: Template, values: Readonly<Record<string, string>>): string {
  let out = t.parts[0]!
  for (let i = 0; i < t.fields.length; i++) out += (values[t.fields[i]!] ?? '') + t.parts[i + 1]!
  return out
}
