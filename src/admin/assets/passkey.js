// Passkeys in the admin: the only script the admin needs besides the editor. Without it, the
// buttons stay hidden and password sign-in works as before. Plain JavaScript so it is served as
// written, with no build step. The admin's CSP allows scripts from 'self' only.

const b64uToBuf = (s) => {
  const pad = '='.repeat((4 - (s.length % 4)) % 4)
  const bin = atob((s + pad).replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(bin, (c) => c.charCodeAt(0)).buffer
}
const bufToB64u = (b) =>
  btoa(String.fromCharCode(...new Uint8Array(b)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok)
    throw new Error(json.message || json.error?.message || `The server said ${res.status}`)
  return json
}

function say(el, text) {
  if (el) el.textContent = text
}

async function register(button) {
  const status = document.getElementById('passkey-status')
  const csrf = button.dataset.csrf
  try {
    const password = document.getElementById('passkey-password')?.value || ''
    const { options } = await post('/admin/account/passkeys/options', { _csrf: csrf, password })
    const cred = await navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: b64uToBuf(options.challenge),
        user: { ...options.user, id: b64uToBuf(options.user.id) },
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({
          ...c,
          id: b64uToBuf(c.id),
        })),
      },
    })
    const r = cred.response
    const response = {
      id: cred.id,
      rawId: bufToB64u(cred.rawId),
      type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment || undefined,
      response: {
        clientDataJSON: bufToB64u(r.clientDataJSON),
        attestationObject: bufToB64u(r.attestationObject),
        transports: r.getTransports ? r.getTransports() : [],
      },
    }
    const name = document.getElementById('passkey-name')?.value || 'Passkey'
    await post('/admin/account/passkeys', { _csrf: csrf, name, response })
    say(status, 'Passkey added. You can sign in with it from now on.')
    setTimeout(() => location.reload(), 800)
  } catch (e) {
    say(status, `No passkey was added: ${e.message}`)
  }
}

async function signIn(button) {
  const status = document.getElementById('passkey-status')
  const csrf = button.dataset.csrf
  try {
    const { options } = await post('/admin/sign-in/passkey/options', { _csrf: csrf })
    const cred = await navigator.credentials.get({
      publicKey: { ...options, challenge: b64uToBuf(options.challenge), allowCredentials: [] },
    })
    const r = cred.response
    const response = {
      id: cred.id,
      rawId: bufToB64u(cred.rawId),
      type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(),
      response: {
        clientDataJSON: bufToB64u(r.clientDataJSON),
        authenticatorData: bufToB64u(r.authenticatorData),
        signature: bufToB64u(r.signature),
        userHandle: r.userHandle ? bufToB64u(r.userHandle) : undefined,
      },
    }
    const { next } = await post('/admin/sign-in/passkey', {
      _csrf: csrf,
      response,
      next: button.dataset.next,
    })
    location.assign(next || '/admin/articles')
  } catch (e) {
    say(status, `Passkey sign-in did not work: ${e.message}. Use your password instead.`)
  }
}

if (window.PublicKeyCredential) {
  for (const b of document.querySelectorAll('[data-passkey]')) {
    b.hidden = false
    b.addEventListener('click', () => (b.dataset.passkey === 'register' ? register(b) : signIn(b)))
  }
}
