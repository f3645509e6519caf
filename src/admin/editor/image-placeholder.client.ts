/// <reference lib="dom" />
import { Node } from '@tiptap/core'
import { IMAGE_ID } from './rules.client.js'

/**
 * `<figure data-image-id="12"></figure>`: where an image from the media library sits in a body.
 * The reader site expands it (alt, caption, credit, sizes), so the editor must hand it back exactly
 * as it came: one attribute, no content. In the editor it is a box that moves as a whole.
 */
export const ImagePlaceholder = Node.create({
  name: 'imagePlaceholder',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      imageId: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-image-id'),
        renderHTML: (attrs) => ({ 'data-image-id': attrs.imageId as string }),
      },
    }
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-image-id]',
        // Ahead of anything else that might claim a figure.
        priority: 100,
        getAttrs: (el) => (IMAGE_ID.test(el.getAttribute('data-image-id') ?? '') ? null : false),
      },
    ]
  },

  renderHTML({ HTMLAttributes }) {
    // A leaf: no content hole, so the stored form stays an empty figure.
    return ['figure', { 'data-image-id': HTMLAttributes['data-image-id'] as string }]
  },

  renderText() {
    // Counts no words, like the server's bodyText.
    return ''
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('figure')
      dom.className = 'mh-editor-image'
      const label = document.createElement('span')
      label.className = 'mh-editor-image-label'
      label.textContent = `Image ${String(node.attrs.imageId)}`
      dom.append(label)
      // Not editable text: ProseMirror sets contenteditable=false on leaf views itself.
      return { dom }
    }
  },
})
