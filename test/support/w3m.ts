import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'

/**
 * w3m driven as a reader drives it: keys typed into a real w3m in a tmux pane, and the screen
 * read back. Each step waits for what it expects to appear (never a fixed sleep), so a busy
 * machine is only slower. A test using it skips, saying why, where w3m or tmux is missing.
 */
export function w3mSkipReason(): string | false {
  for (const [cmd, pkg] of [
    ['w3m', 'w3m'],
    ['tmux', 'tmux'],
  ] as const) {
    if (spawnSync(cmd, ['-V'], { stdio: 'ignore' }).error) {
      const reason = `${cmd} is not installed (apt-get install ${pkg})`
      if (process.env.MASTHEAD_REQUIRE_BROWSER) throw new Error(`${reason}: CI requires it`)
      return reason
    }
  }
  return false
}

/** How long one step may take before the test fails with the screen it saw. */
const STEP_MS = 30_000

export interface TextBrowser {
  /** The whole screen as text, one string. */
  screen(): string
  /** Waits until the screen shows `what`; fails with the last screen after STEP_MS. */
  waitFor(what: string | RegExp): Promise<string>
  /** Waits until the screen no longer shows `what`. */
  waitForNo(what: string | RegExp): Promise<string>
  /** Moves the cursor to the next place showing `text` (w3m's "/" search). */
  find(text: string): Promise<void>
  /** Moves the cursor to the next link or form field (Tab). */
  next(): Promise<void>
  /** Moves the cursor to the link or form field before it (Esc Tab): the radio before its label. */
  prev(): Promise<void>
  /** Enter: follows a link, presses a button, chooses a radio button, or opens a text field. */
  press(): Promise<void>
  /** Fills the text field under the cursor: Enter, the text at w3m's prompt, Enter. */
  type(text: string): Promise<void>
  /** Goes to an address as a reader types it (w3m's "U"). */
  go(url: string): Promise<void>
  close(): void
}

/** Starts w3m on `url` in a pane 100 columns wide, with cookies kept for the session. */
export async function openW3m(url: string): Promise<TextBrowser> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-w3m-'))
  fs.mkdirSync(path.join(home, '.w3m'))
  // Cookies on, as a reader who gives or asks to be reminded would have them; no confirmation
  // prompts (w3m would otherwise ask before posting a form to a page it redirected to).
  fs.writeFileSync(
    path.join(home, '.w3m', 'config'),
    ['use_cookie 1', 'accept_cookie 1', 'accept_bad_cookie 1', 'confirm_qq 0'].join('\n'),
  )
  const socket = `mh-${process.pid}-${path.basename(home)}`
  const tmux = (...args: string[]) =>
    spawnSync('tmux', ['-L', socket, ...args], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home },
    })
  const started = tmux(
    'new-session',
    '-d',
    '-x',
    '100',
    '-y',
    // Tall enough that a whole page is on the screen: what a reader would scroll to is read at once.
    '400',
    `HOME=${home} TERM=xterm w3m -no-mouse ${JSON.stringify(url)}`,
  )
  if (started.status !== 0) throw new Error(`tmux did not start w3m: ${started.stderr}`)

  const screen = () => tmux('capture-pane', '-p', '-J').stdout
  /** The screen and where the cursor is: what a key press changes. */
  const state = () => screen() + tmux('display-message', '-p', '#{cursor_x},#{cursor_y}').stdout
  const matches = (s: string, what: string | RegExp) =>
    typeof what === 'string' ? s.includes(what) : what.test(s)
  async function until(ok: (s: string) => boolean, what: string): Promise<string> {
    const end = Date.now() + STEP_MS
    let s = screen()
    while (!ok(s)) {
      if (Date.now() > end) throw new Error(`w3m never showed ${what}; the screen was:\n${s}`)
      await delay(50)
      s = screen()
    }
    return s
  }
  const lastLine = (s: string) => s.trimEnd().split('\n').pop() ?? ''
  /** Sends keys and waits until w3m has taken them: the screen or the cursor changed. */
  async function keys(...k: string[]): Promise<void> {
    const before = state()
    tmux('send-keys', ...k)
    const end = Date.now() + STEP_MS
    while (state() === before) {
      if (Date.now() > end) throw new Error(`w3m did nothing on ${k.join(' ')}:\n${screen()}`)
      await delay(50)
    }
  }
  const b: TextBrowser = {
    screen,
    waitFor: (what) => until((s) => matches(s, what), JSON.stringify(String(what))),
    waitForNo: (what) => until((s) => !matches(s, what), `no ${JSON.stringify(String(what))}`),
    async find(text) {
      await keys('/')
      await until((s) => /Forward:/.test(lastLine(s)), 'the search prompt')
      tmux('send-keys', '-l', text)
      await until((s) => lastLine(s).includes(text), 'the search text')
      // The prompt's line stays on screen after the search; the cursor's move is what shows it ran.
      await keys('Enter')
      const s = screen()
      if (/Not found/.test(lastLine(s))) throw new Error(`w3m found no "${text}" on:\n${s}`)
    },
    next: () => keys('Tab'),
    prev: () => keys('Escape', 'Tab'),
    press: () => keys('Enter'),
    async type(text) {
      await keys('Enter')
      await until((s) => /TEXT:/.test(lastLine(s)), 'the TEXT: prompt')
      tmux('send-keys', '-l', text)
      await until((s) => lastLine(s).includes(text), 'the typed text at the prompt')
      await keys('Enter')
      await until((s) => !/TEXT:/.test(lastLine(s)), 'the field filled')
    },
    async go(to) {
      await keys('U')
      await until((s) => /Goto URL:/.test(lastLine(s)), 'the Goto URL prompt')
      // The prompt starts with the current address: clear it, then type the new one.
      tmux('send-keys', 'C-a', 'C-k')
      await until((s) => /Goto URL:\s*$/.test(lastLine(s)), 'an empty Goto URL prompt')
      tmux('send-keys', '-l', to)
      await until((s) => lastLine(s).includes(to.slice(-20)), 'the typed address')
      await keys('Enter')
    },
    close() {
      tmux('kill-server')
      fs.rmSync(home, { recursive: true, force: true })
    },
  }
  await b.waitFor(/\S/)
  return b
}
