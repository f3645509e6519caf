import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppError, isAppError } from './errors.js'

describe('AppError', () => {
  it('takes its status from the catalogue unless the caller names one', () => {
    assert.equal(new AppError('INTERNAL').status, 500)
    assert.equal(new AppError('SLUG_TAKEN').status, 409)
    assert.equal(new AppError('PAYLOAD_TOO_LARGE').status, 413)
    assert.equal(new AppError('NOT_FOUND', { status: 410 }).status, 410)
  })

  it('carries its code, message, details and cause', () => {
    const cause = new Error('disk full')
    const e = new AppError('CSV_INVALID', { message: 'Bad file', details: ['line 2: x'], cause })
    assert.equal(e.code, 'CSV_INVALID')
    assert.equal(e.message, 'Bad file')
    assert.deepEqual(e.details, ['line 2: x'])
    assert.equal(e.cause, cause)
    assert.equal(e.name, 'AppError')
    assert.equal(new AppError('FORBIDDEN').message, 'FORBIDDEN')
  })

  it('is told apart from other errors', () => {
    assert.equal(isAppError(new AppError('INTERNAL')), true)
    assert.equal(isAppError(new Error('x')), false)
    assert.equal(isAppError({ code: 'INTERNAL', status: 500 }), false)
  })
})
