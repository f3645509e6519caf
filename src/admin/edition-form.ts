import { parseId } from '../http/schemas.js'
import { type FormBody, field, fields } from './http-forms.js'

export interface FormItem {
  articleId: number
  blurb: string
}

/**
 * The items as the form sent them, in the order shown, taken-out ones dropped and the added one
 * last; then the move asked for by an up or down button (`move` = `up:ID` or `down:ID`).
 */
export function itemsFromForm(body: FormBody): FormItem[] {
  const blurbs = fields(body, 'item_blurb')
  const removed = new Set(fields(body, 'item_remove'))
  const rows = fields(body, 'item_id')
    .map((id, i) => ({ id, blurb: blurbs[i] ?? '' }))
    .filter((r) => parseId(r.id) !== undefined && !removed.has(r.id))
    .map((r) => ({ articleId: Number(r.id), blurb: r.blurb }))
  const add = parseId(field(body, 'add'))
  if (add && !rows.some((r) => r.articleId === add)) rows.push({ articleId: add, blurb: '' })
  const move = parseMove(field(body, 'move'))
  return move ? moveItem(rows, move.articleId, move.by) : rows
}

/** `up:12` or `down:12` as a button's value; anything else is no move. */
export function parseMove(value: string): { articleId: number; by: -1 | 1 } | undefined {
  const m = /^(up|down):(\d{1,15})$/.exec(value)
  const articleId = m ? parseId(m[2]) : undefined
  return m && articleId ? { articleId, by: m[1] === 'up' ? -1 : 1 } : undefined
}

/** The list with one item swapped with its neighbour; unchanged at either end or if absent. */
export function moveItem<T extends { articleId: number }>(
  items: readonly T[],
  articleId: number,
  by: -1 | 1,
): T[] {
  const out = [...items]
  const i = out.findIndex((x) => x.articleId === articleId)
  const j = i + by
  if (i < 0 || j < 0 || j >= out.length) return out
  ;[out[i], out[j]] = [out[j]!, out[i]!]
  return out
}

/** "2026-12-08T09:30" as the datetime-local field sends it, or undefined. */
export function parseSendAt(
  value: string,
): { y: number; mo: number; d: number; h: number; mi: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  return m ? { y: +m[1]!, mo: +m[2]! - 1, d: +m[3]!, h: +m[4]!, mi: +m[5]! } : undefined
}
