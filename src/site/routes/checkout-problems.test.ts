import { test } from 'node:test'
import assert from 'node:assert/strict'
import { defaultAppeal } from '../../contributions/index.js'
import { AppError } from '../../lib/errors.js'
import { createLocale } from '../views/locale.js'
import { checkoutProblem } from './checkout-problems.js'

const appeal = defaultAppeal('ru', 'Фонарь')
const refusal = (code: ConstructorParameters<typeof AppError>[0]) =>
  new AppError(code, { status: 422, message: 'the domain sentence' })
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

test('checkout refusals read in the edition language, amounts written its way', () => {
  const ru = createLocale('ru', '/ru')
  const typed = { currency: 'eur', custom: '1' }
  assert.equal(
    plain(checkoutProblem(refusal('AMOUNT_BELOW_MINIMUM'), ru, appeal, typed)),
    'Наименьшая сумма, которую мы можем принять, — 2 €.',
  )
  assert.match(
    plain(checkoutProblem(refusal('AMOUNT_TOO_LARGE'), ru, appeal, typed)),
    /\(10 000 €\)/,
  )
  assert.equal(
    checkoutProblem(refusal('AMOUNT_NOT_A_NUMBER'), ru, appeal, { currency: 'EUR', custom: '' }),
    'Выберите одну из сумм или введите свою.',
  )
  assert.equal(
    checkoutProblem(refusal('AMOUNT_NOT_A_NUMBER'), ru, appeal, { currency: 'EUR', custom: 'x' }),
    'Введите сумму числом, например 10 или 7,50.',
  )
})

test('English keeps the words the domain uses; an unlisted code keeps its sentence', () => {
  const en = createLocale('en', '')
  const input = { currency: 'EUR', custom: '1' }
  assert.equal(
    checkoutProblem(refusal('AMOUNT_BELOW_MINIMUM'), en, appeal, input),
    'The smallest amount we can take is €2.',
  )
  assert.equal(checkoutProblem(refusal('NOT_FOUND'), en, appeal, input), 'the domain sentence')
})

test('an unlisted code reads a general sentence in Russian, never the domain’s English', () => {
  const ru = createLocale('ru', '/ru')
  const said = checkoutProblem(refusal('NOT_FOUND'), ru, appeal, { currency: 'EUR', custom: '' })
  assert.notEqual(said, 'the domain sentence')
  assert.match(said, /^В адресе или в форме есть то, что сайт не может принять/)
})
