/// <reference lib="dom" />
import type { Editor } from '@tiptap/core'
import { libraryDialog } from './library-dialog.client.js'

const dialog = libraryDialog('mh-image-picker', 'Put a photo from the library in the text')

/**
 * The "Photo" button: the library's search dialog (library-dialog.client.ts), and the chosen
 * photo put in the body where the cursor is, as the placeholder the reader site expands.
 * Without JavaScript the body's HTML takes `<figure data-image-id>`.
 */
export function pickImage(editor: Editor, say: (text: string) => void): void {
  dialog.open(
    (p) => {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'imagePlaceholder', attrs: { imageId: String(p.id) } })
        .run()
      say('')
    },
    () => editor.commands.focus(),
  )
}
