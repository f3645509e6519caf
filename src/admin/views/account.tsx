import { type AdminContext, AdminLayout, Problems } from './shell.js'

export function AccountView(props: {
  ctx: AdminContext
  passkeys?: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[]
  enrolment?: { secret: string; uri: string; proof: string } | undefined
  notice?: string | undefined
  problems?: string[]
}) {
  const staff = props.ctx.staff!
  return (
    <AdminLayout ctx={props.ctx} title="Your account">
      <h1>Your account</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Problems problems={props.problems ?? []} />
      <p>
        {staff.name} · {staff.email} · {staff.role}
      </p>
      <h2>Two-factor sign-in</h2>
      {staff.twoFactor ? (
        <form method="post" action="/admin/account/two-factor/disable">
          <p>On: signing in asks for a code from your authenticator app.</p>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <label for="off-code">A current code, to turn it off</label>
          <input
            id="off-code"
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            required
          />
          <p>
            <button class="secondary" type="submit">
              Turn off
            </button>
          </p>
        </form>
      ) : props.enrolment ? (
        <form method="post" action="/admin/account/two-factor/enable">
          <p>
            Add this key to an authenticator app (for example one that works offline on your phone),
            then enter the code it shows.
          </p>
          <p>
            Key: <code>{props.enrolment.secret}</code>
          </p>
          <p class="small">
            On the phone itself: <a href={props.enrolment.uri}>open in the authenticator app</a>
          </p>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <input type="hidden" name="secret" value={props.enrolment.secret} />
          <input type="hidden" name="proof" value={props.enrolment.proof} />
          <label for="on-code">Code from the app</label>
          <input
            id="on-code"
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            required
          />
          <p>
            <button type="submit">Turn on</button>
          </p>
        </form>
      ) : (
        <form method="post" action="/admin/account/two-factor/begin">
          <p>Off. With it on, a stolen password alone cannot open your account.</p>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <button type="submit">Set up two-factor sign-in</button>
        </form>
      )}
      <h2>Passkeys</h2>
      <p>
        A passkey signs you in with your device's lock (fingerprint, face or PIN) instead of a
        password and code.
      </p>
      {(props.passkeys ?? []).length > 0 && (
        <ul>
          {(props.passkeys ?? []).map((k) => (
            <li>
              <form
                method="post"
                action={`/admin/account/passkeys/${encodeURIComponent(k.id)}/delete`}
              >
                {k.name}, added {k.createdAt.toISOString().slice(0, 10)}
                {k.lastUsedAt && <>, last used {k.lastUsedAt.toISOString().slice(0, 10)}</>}{' '}
                <input type="hidden" name="_csrf" value={props.ctx.csrf} />
                <button class="secondary" type="submit">
                  Remove
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <label for="passkey-password">Your current password</label>
      <input id="passkey-password" type="password" autocomplete="current-password" />
      <label for="passkey-name">Name for a new passkey</label>
      <input id="passkey-name" type="text" maxLength={80} value="My phone" />
      <p>
        <button type="button" hidden data-passkey="register" data-csrf={props.ctx.csrf}>
          Add a passkey
        </button>
      </p>
      <p id="passkey-status" role="status" aria-live="polite" />
      <noscript>
        <p class="small">
          Adding a passkey needs JavaScript; everything else here works without it.
        </p>
      </noscript>
    </AdminLayout>
  )
}
