/// <reference lib="dom" />
import type { Editor } from '@tiptap/core'
import { el } from './dom.client.js'
import { pickImage } from './image-picker.client.js'
import { linkHref } from './rules.client.js'

/** TipTap's "Mod" key: Command on Apple keyboards, Control elsewhere. */
const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta' : 'Control'

interface Tool {
  name: string
  /** Visible text; the accessible name is `label`. */
  text: string
  label: string
  keys?: string
  run: (editor: Editor) => void
  /** Toggle buttons report aria-pressed; actions (undo, redo) report aria-disabled instead. */
  active?: (editor: Editor) => boolean
  enabled?: (editor: Editor) => boolean
}

export interface Toolbar {
  /** Bring every button's pressed or disabled state up to date with the selection. */
  refresh(): void
  /** Move focus to the toolbar's current button (Alt+F10 from the text). */
  focus(): void
}

/**
 * The formatting buttons, in `toolbar`, for the editor whose element has the id `controls`.
 * `say` puts a message in the editor's alert region (a refused link, or '' to clear it).
 */
export function mountToolbar(
  editor: Editor,
  toolbar: HTMLElement,
  controls: string,
  say: (text: string) => void,
): Toolbar {
  toolbar.setAttribute('role', 'toolbar')
  toolbar.setAttribute('aria-label', 'Body formatting')
  toolbar.setAttribute('aria-controls', controls)

  const tools: Tool[] = [
    {
      name: 'paragraph',
      text: '¶',
      label: 'Paragraph',
      keys: 'Control+Alt+0',
      run: (e) => e.chain().focus().setParagraph().run(),
      active: (e) => e.isActive('paragraph'),
    },
    ...([2, 3] as const).map((level): Tool => ({
      name: `heading-${level}`,
      text: `H${level}`,
      label: `Heading ${level}`,
      keys: `Control+Alt+${level}`,
      run: (e) => e.chain().focus().toggleHeading({ level }).run(),
      active: (e) => e.isActive('heading', { level }),
    })),
    {
      name: 'bold',
      text: 'B',
      label: 'Bold',
      keys: 'Control+B',
      run: (e) => e.chain().focus().toggleBold().run(),
      active: (e) => e.isActive('bold'),
    },
    {
      name: 'italic',
      text: 'I',
      label: 'Italic',
      keys: 'Control+I',
      run: (e) => e.chain().focus().toggleItalic().run(),
      active: (e) => e.isActive('italic'),
    },
    {
      name: 'link',
      text: 'Link',
      label: 'Link',
      run: (e) => editLink(e, say),
      active: (e) => e.isActive('link'),
    },
    {
      name: 'bullet-list',
      text: '• List',
      label: 'Bulleted list',
      keys: 'Control+Shift+8',
      run: (e) => e.chain().focus().toggleBulletList().run(),
      active: (e) => e.isActive('bulletList'),
    },
    {
      name: 'numbered-list',
      text: '1. List',
      label: 'Numbered list',
      keys: 'Control+Shift+7',
      run: (e) => e.chain().focus().toggleOrderedList().run(),
      active: (e) => e.isActive('orderedList'),
    },
    {
      name: 'quote',
      text: '“ Quote',
      label: 'Quote',
      keys: 'Control+Shift+B',
      run: (e) => e.chain().focus().toggleBlockquote().run(),
      active: (e) => e.isActive('blockquote'),
    },
    {
      name: 'photo',
      text: '▣ Photo',
      label: 'Photo from the library',
      run: (e) => pickImage(e, say),
    },
    {
      name: 'undo',
      text: '↶ Undo',
      label: 'Undo',
      keys: 'Control+Z',
      run: (e) => e.chain().focus().undo().run(),
      enabled: (e) => e.can().undo(),
    },
    {
      name: 'redo',
      text: '↷ Redo',
      label: 'Redo',
      keys: 'Control+Shift+Z',
      run: (e) => e.chain().focus().redo().run(),
      enabled: (e) => e.can().redo(),
    },
  ]

  const buttons = tools.map((tool, i) => {
    const b = el('button', `mh-editor-button mh-editor-${tool.name}`)
    b.type = 'button'
    b.setAttribute('aria-label', tool.label)
    const keys = tool.keys?.replace('Control', MOD)
    b.title = keys ? `${tool.label} (${keys.replace('Control', 'Ctrl')})` : tool.label
    if (keys) b.setAttribute('aria-keyshortcuts', keys)
    const face = el('span', '', tool.text)
    face.setAttribute('aria-hidden', 'true')
    b.append(face)
    // One tab stop for the whole toolbar; arrow keys move within it (ARIA toolbar pattern).
    b.tabIndex = i === 0 ? 0 : -1
    // Keep the editor's selection: a click must not move focus before the command runs.
    b.addEventListener('mousedown', (ev) => ev.preventDefault())
    b.addEventListener('click', () => {
      say('')
      if (tool.enabled && !tool.enabled(editor)) return
      tool.run(editor)
    })
    toolbar.append(b)
    return b
  })

  toolbar.addEventListener('keydown', (ev) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (i < 0) return
    const next =
      ev.key === 'ArrowRight'
        ? (i + 1) % buttons.length
        : ev.key === 'ArrowLeft'
          ? (i - 1 + buttons.length) % buttons.length
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? buttons.length - 1
              : -1
    if (ev.key === 'Escape') {
      ev.preventDefault()
      editor.commands.focus()
      return
    }
    if (next < 0) return
    ev.preventDefault()
    buttons[i]!.tabIndex = -1
    buttons[next]!.tabIndex = 0
    buttons[next]!.focus()
  })

  const refresh = () => {
    tools.forEach((tool, i) => {
      const b = buttons[i]!
      if (tool.active) b.setAttribute('aria-pressed', String(tool.active(editor)))
      if (tool.enabled) b.setAttribute('aria-disabled', String(!tool.enabled(editor)))
    })
  }

  return {
    refresh,
    focus: () => (buttons.find((b) => b.tabIndex === 0) ?? buttons[0])?.focus(),
  }
}

function editLink(editor: Editor, say: (text: string) => void): void {
  const current = (editor.getAttributes('link').href as string | undefined) ?? ''
  const answer = window.prompt(
    'Link address (https://…, http://… or mailto:…). Leave it empty to remove the link.',
    current,
  )
  if (answer === null) {
    editor.commands.focus()
    return
  }
  if (answer.trim() === '') {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    return
  }
  const href = linkHref(answer)
  if (!href) {
    say('Not a link: addresses start with https://, http:// or mailto:.')
    editor.commands.focus()
    return
  }
  if (editor.state.selection.empty && !editor.isActive('link')) {
    // Nothing selected: the address becomes the link's text.
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
      .run()
    return
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
}
