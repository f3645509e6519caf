import { staffTime } from '../../lib/time-zone.js'
import {
  type AddressRow,
  KIND_NAMES,
  MAX_ADDRESSES,
  MAX_LABEL,
  MAX_URL,
  REACH_KINDS,
  type SosState,
} from '../../reach/index.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'
import { EmergencyPanel, type EmergencyPanelModel, SosPanel } from './sos.js'

/** Empty rows the form offers for new addresses (below the saved ones). */
export const BLANK_ROWS = 4

/** The rows the form shows: what is saved (or was sent), then a few empty ones to fill in. */
export function formRows(sent: readonly AddressRow[]): AddressRow[] {
  // Empty rows at the end of a form sent back are not shown twice; earlier ones keep their
  // place, so the row numbers of the problems still match.
  const rows = [...sent]
  while (
    rows.length > 0 &&
    !rows[rows.length - 1]!.label.trim() &&
    !rows[rows.length - 1]!.value.trim()
  )
    rows.pop()
  const blanks = Math.max(0, Math.min(BLANK_ROWS, MAX_ADDRESSES - rows.length))
  return [...rows, ...Array.from({ length: blanks }, () => ({ kind: '', label: '', value: '' }))]
}

function Row(props: { i: number; row: AddressRow }) {
  const { i, row } = props
  const n = i + 1
  return (
    <tr>
      <th scope="row">{n}</th>
      <td>
        <label class="visually-hidden" for={`kind-${i}`}>
          Row {n}: what it is
        </label>
        <select id={`kind-${i}`} name={`kind_${i}`}>
          <option value="" selected={row.kind === ''}>
            Choose…
          </option>
          {REACH_KINDS.map((k) => (
            <option value={k} selected={row.kind === k}>
              {KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label class="visually-hidden" for={`label-${i}`}>
          Row {n}: label
        </label>
        <input
          id={`label-${i}`}
          name={`label_${i}`}
          type="text"
          maxLength={MAX_LABEL}
          value={row.label}
        />
      </td>
      <td>
        <label class="visually-hidden" for={`value-${i}`}>
          Row {n}: address
        </label>
        <input
          id={`value-${i}`}
          name={`value_${i}`}
          type="text"
          maxLength={MAX_URL}
          value={row.value}
        />
      </td>
    </tr>
  )
}

/** The newsroom's addresses: one form for the whole list, saved whole or not at all. */
export function ReachAdmin(props: {
  ctx: AdminContext
  rows: readonly AddressRow[]
  /** Base64 Ed25519 public key; null when /reach.json goes out unsigned. */
  publicKey: string | null
  updatedAt: Date | null
  /** SOS mode's switch, shown above the list it puts on every page. */
  sos: SosState
  /** While SOS mode is on: the emergency edition's form and sends. */
  emergency?: EmergencyPanelModel | undefined
  /** The emergency message sent back after a refusal. */
  message?: string | undefined
  notice?: string | undefined
  problems?: readonly string[] | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Addresses">
      <h1>Addresses</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice} <a href="/reach">See the page</a>
        </p>
      )}
      <Problems problems={props.problems ?? []} />
      <SosPanel state={props.sos} timeZone={props.ctx.timeZone} />
      {props.emergency && (
        <EmergencyPanel ctx={props.ctx} model={props.emergency} message={props.message} />
      )}
      {props.publicKey ? (
        <p>
          The list at <a href="/reach.json">/reach.json</a> is signed. Public key (printed on{' '}
          <a href="/reach">/reach</a>): <code class="key">{props.publicKey}</code>
        </p>
      ) : (
        <div class="errors" role="note">
          <h2>The list is not signed</h2>
          <p>
            Readers cannot tell this list from one a hostile mirror made up. Make a key with{' '}
            <code>masthead keys generate</code>, set <code>REACH_KEY_FILE</code> to its file and
            restart; /reach.json then carries a signature and /reach the public key.
          </p>
        </div>
      )}
      <p>
        Where readers find the newsroom when this address is blocked: shown at{' '}
        <a href="/reach">/reach</a> (linked from every page) and at the end of every email. Web
        addresses start with https:// or http://; an onion address is a v3 one (56 characters, then
        .onion). Under "Other way" write one line of text, such as a messenger channel. Clear a row
        to remove it.
      </p>
      <form method="post" action="/admin/reach">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <Scroll label="Addresses">
          <table class="reach-rows">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">What it is</th>
                <th scope="col">
                  Label <span class="hint">(optional)</span>
                </th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {formRows(props.rows).map((row, i) => (
                <Row i={i} row={row} />
              ))}
            </tbody>
          </table>
        </Scroll>
        <p class="hint">
          Up to {MAX_ADDRESSES} addresses. Need more rows? Save, and empty ones appear.
        </p>
        <p>
          <button type="submit">Save the list</button>
        </p>
      </form>
      {props.updatedAt && (
        <p class="small">Last changed {staffTime(props.updatedAt, props.ctx.timeZone)}.</p>
      )}
    </AdminLayout>
  )
}
