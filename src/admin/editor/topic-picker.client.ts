/// <reference lib="dom" />
import { el } from './dom.client.js'
import {
  namesTopic,
  newTopicNames,
  topicsToShow,
  withNewTopic,
  withoutNewTopic,
} from './picker-rules.client.js'

const REFUSALS: Record<string, string> = {
  comma: 'A topic’s name cannot hold a comma.',
  'too-long': 'A topic’s name is at most 120 characters.',
  'too-many': 'At most five new topics a save: save, then add more.',
  already: 'That topic is already among the new ones.',
}

/**
 * The topics with JavaScript: a search box above them; the list shows the checked topics and
 * those matching what is typed (topicsToShow), so hundreds of topics never fill the column.
 * When nothing has the typed name, "Create topic “…”" adds it to the new-topics field the
 * server reads on save (topicsForSave), shown checked among the topics until unchecked. Without
 * JavaScript every topic is a checkbox and new ones are typed in that field.
 */
export function mountTopicPicker(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLFieldSetElement>('fieldset.topic-choices')
  const list = box?.querySelector<HTMLElement>('.topic-list')
  const legend = box?.querySelector('legend')
  if (!box || !list || !legend) return
  const labels = Array.from(list.querySelectorAll<HTMLLabelElement>('label'))
  const boxOf = (l: HTMLLabelElement) => l.querySelector<HTMLInputElement>('input')!
  const names = labels.map((l) => l.textContent?.trim() ?? '')
  const field = form.querySelector<HTMLInputElement>('input#newTopics')
  const canCreate = box.dataset['canCreate'] === 'true' && field !== null

  const search = el('input', 'topic-search')
  search.type = 'search'
  search.id = 'topic-search'
  search.autocomplete = 'off'
  const label = el('label', '', 'Find or add a topic')
  label.htmlFor = search.id
  const status = el('p', 'small topic-status')
  status.id = 'topic-search-status'
  status.setAttribute('aria-live', 'polite')
  search.setAttribute('aria-describedby', status.id)
  const create = el('button', 'secondary topic-create')
  create.type = 'button'
  create.hidden = true
  const fresh = el('div', 'topic-new-list')
  legend.after(label, search, status, create, fresh)
  if (field) field.closest('p')!.hidden = true

  const pending = (): string[] =>
    Array.from(fresh.querySelectorAll('label')).map((l) => l.dataset['name'] ?? '')

  const filter = () => {
    const q = search.value
    const { shown, more } = topicsToShow(
      labels.map((l, i) => ({ name: names[i]!, checked: boxOf(l).checked })),
      q,
    )
    const visible = new Set(shown)
    labels.forEach((l, i) => (l.hidden = !visible.has(i)))
    const exists = namesTopic([...names, ...pending()], q)
    create.hidden = !canCreate || !q.trim() || exists
    create.textContent = `Create topic “${q.trim()}”`
    const chosen = labels.filter((l) => boxOf(l).checked).length + pending().length
    const matching = shown.length - labels.filter((l) => boxOf(l).checked).length
    status.textContent = !q.trim()
      ? `${chosen} chosen of ${names.length}; type to find others.`
      : `${matching} ${matching === 1 ? 'topic matches' : 'topics match'}` +
        (more ? `, and ${more} more: type more of the name.` : '.')
  }

  const addNew = (name: string) => {
    if (!field) return
    const next = withNewTopic(field.value, name)
    if ('refused' in next) {
      status.textContent = REFUSALS[next.refused] ?? ''
      return
    }
    field.value = next.field
    const clean = name.trim().replace(/\s+/g, ' ')
    const row = el('label', 'topic-new')
    row.dataset['name'] = clean
    const tick = el('input', '')
    tick.type = 'checkbox'
    tick.checked = true
    // No name: the new-topics field carries it; unticking takes it out before the save.
    tick.addEventListener('change', () => {
      field.value = withoutNewTopic(field.value, clean)
      row.remove()
      search.focus()
      filter()
    })
    row.append(tick, ` ${clean} (new, made when you save)`)
    fresh.append(row)
    search.value = ''
    filter()
    status.textContent = `“${clean}” will be made when you save.`
  }

  // Names already in the field (a form shown again) become rows like any created here.
  const typed = field ? newTopicNames(field.value) : []
  if (field) field.value = ''
  for (const name of typed) addNew(name)

  search.addEventListener('input', filter)
  search.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return
    // Enter here chooses, never submits the story.
    ev.preventDefault()
    if (!create.hidden) return addNew(search.value)
    const open = labels.filter((l) => !l.hidden && !boxOf(l).checked)
    if (open.length === 1) {
      boxOf(open[0]!).checked = true
      filter()
    }
  })
  create.addEventListener('click', () => {
    addNew(search.value)
    search.focus()
  })
  box.classList.add('topic-picker')
  filter()
}
