/** Small pieces the support slots and the contribution pages share. */

export function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => <p>{p}</p>)
}

export function RemindLater(props: { back: string }) {
  return (
    <form class="later" method="post" action="/support/later">
      <input type="hidden" name="back" value={props.back} />
      <p>
        Not ready to support today? <button type="submit">Remind me later</button>{' '}
        <span class="small">
          (or <a href="/support/remind">by email, once</a>)
        </span>
      </p>
    </form>
  )
}

export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

export function TestModeNote() {
  return (
    <p class="test-mode" role="note">
      <strong>TEST MODE</strong> — no payment provider is set up. Nothing you enter here is charged.
    </p>
  )
}
