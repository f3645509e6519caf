import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { directionOf } from './locale.js'

describe('<html dir> of a language (ADR 026)', () => {
  it('writes right-to-left languages right to left', () => {
    for (const l of ['ar', 'he', 'fa', 'ur', 'fa-IR']) assert.equal(directionOf(l), 'rtl', l)
    for (const l of ['en', 'ru', 'uk', 'pt-BR']) assert.equal(directionOf(l), 'ltr', l)
  })
})
