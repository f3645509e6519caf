/// <reference lib="dom" />
import type { Editor } from '@tiptap/core'
import { countWords, statsText } from './rules.client.js'

/** The live region is read aloud: settle on a number instead of announcing every keystroke. */
const STATS_DELAY_MS = 400

export interface LiveStats {
  /** Show the count now. */
  show(): void
  /** Show it once typing pauses. */
  settle(): void
}

/** The word count and reading time under the editor, in a polite live region. */
export function liveStats(editor: Editor, stats: HTMLElement): LiveStats {
  let timer: ReturnType<typeof setTimeout> | undefined
  const show = () => {
    stats.textContent = statsText(countWords(editor.getText({ blockSeparator: ' ' })))
  }
  return {
    show,
    settle: () => {
      clearTimeout(timer)
      timer = setTimeout(show, STATS_DELAY_MS)
    },
  }
}
