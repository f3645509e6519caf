import { type AdminContext, AdminLayout, Problems } from './shell.js'

export function SignInView(props: {
  ctx: AdminContext
  email: string
  message?: string | undefined
  next: string
  /** A form that was sent after the session ended, carried through sign-in (see pipeline/gate.tsx). */
  resume?: string | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Sign in">
      <div class="signin">
        <h1>Sign in to {props.ctx.siteName}</h1>
        {props.message && (
          <div class="errors" role="alert">
            <p>{props.message}</p>
          </div>
        )}
        <form method="post" action="/admin/sign-in">
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <input type="hidden" name="next" value={props.next} />
          {props.resume && <input type="hidden" name="resume" value={props.resume} />}
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email}
          />
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <p>
            <button type="submit">Sign in</button>
          </p>
        </form>
        <p>
          <button
            type="button"
            class="secondary"
            hidden
            data-passkey="sign-in"
            data-csrf={props.ctx.csrf}
            data-next={props.next}
          >
            Sign in with a passkey
          </button>
        </p>
        <p id="passkey-status" role="status" aria-live="polite" />
        <p>
          <a href="/admin/password/forgot">Forgotten your password?</a>
        </p>
      </div>
    </AdminLayout>
  )
}

export function CodeView(props: {
  ctx: AdminContext
  next: string
  message?: string | undefined
  resume?: string | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Two-factor code">
      <div class="signin">
        <h1>Enter the code from your app</h1>
        {props.message && (
          <div class="errors" role="alert">
            <p>{props.message}</p>
          </div>
        )}
        <form method="post" action="/admin/sign-in/code">
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <input type="hidden" name="next" value={props.next} />
          {props.resume && <input type="hidden" name="resume" value={props.resume} />}
          <label for="code">Six-digit code</label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
          />
          <p>
            <button type="submit">Continue</button>
          </p>
        </form>
        <p class="small">
          Lost your phone? An admin can turn two-factor off for you after checking who you are.
        </p>
      </div>
    </AdminLayout>
  )
}

export function ForgotView(props: { ctx: AdminContext; sent?: boolean }) {
  return (
    <AdminLayout ctx={props.ctx} title="Forgotten password">
      <div class="signin">
        <h1>Forgotten password</h1>
        {props.sent ? (
          <p class="notice" role="status">
            If that address belongs to an account, a link to choose a new password is on its way. It
            works for an hour.
          </p>
        ) : (
          <form method="post" action="/admin/password/forgot">
            <input type="hidden" name="_csrf" value={props.ctx.csrf} />
            <label for="forgot-email">Your email</label>
            <input id="forgot-email" name="email" type="email" autocomplete="username" required />
            <p>
              <button type="submit">Send me a link</button>
            </p>
          </form>
        )}
        <p>
          <a href="/admin/sign-in">Back to sign-in</a>
        </p>
      </div>
    </AdminLayout>
  )
}

export function SetPasswordView(props: {
  ctx: AdminContext
  name: string
  action: string
  problems: string[]
  /** Why a password is asked for, when it is not obvious. */
  intro?: string
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Choose a password">
      <div class="signin">
        <h1>Choose a password, {props.name}</h1>
        {props.intro && <p>{props.intro}</p>}
        <Problems problems={props.problems} />
        <form method="post" action={props.action}>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <label for="new-password">
            New password <span class="hint">(at least 12 characters; a few words work well)</span>
          </label>
          <input
            id="new-password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
          />
          <label for="new-password-again">The same again</label>
          <input
            id="new-password-again"
            name="again"
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
          />
          <p>
            <button type="submit">Set password</button>
          </p>
        </form>
      </div>
    </AdminLayout>
  )
}
