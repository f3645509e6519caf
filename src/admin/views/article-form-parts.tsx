import type { Agency, Author, Image } from '../../content/index.js'
import { imagePath } from '../../content/index.js'

/** How many names a byline takes in the form. */
export const BYLINE_SLOTS = 6

/**
 * The topics as checkboxes, and new ones typed as names; all a save needs without JavaScript.
 * With it (topic-picker.client.ts) a search box above them shows the checked topics and those
 * matching what is typed, and offers to create a topic that does not exist (when `canCreate`):
 * hundreds of topics never fill the column.
 */
export function TopicChoices(props: {
  topics: readonly { id: number; name: string }[]
  checked: readonly string[]
  canCreate: boolean
}) {
  return (
    <fieldset class="checkbox-box topic-choices" data-can-create={String(props.canCreate)}>
      <legend>Topics</legend>
      <div class="topic-list">
        {props.topics.map((o) => (
          <label>
            <input
              type="checkbox"
              name="topicIds"
              value={String(o.id)}
              checked={props.checked.includes(String(o.id))}
            />
            {o.name}
          </label>
        ))}
      </div>
      {props.canCreate && (
        <p class="new-topics">
          <label for="newTopics">
            New topics <span class="hint">(names separated by commas; made when you save)</span>
          </label>
          <input id="newTopics" name="newTopics" type="text" maxLength={700} />
        </p>
      )}
    </fieldset>
  )
}

/**
 * The form's buttons. The main one saves with the status chosen above and says what that is:
 * "Update" for a story readers see, "Save draft" for a draft. A second one publishes now
 * (intent=publish) or takes a live story down (intent=unpublish), whatever the select
 * says (see statusFromForm).
 */
export function SaveButtons(props: { stored: string | null; chosen: string; canPublish: boolean }) {
  const live = props.stored === 'published'
  const main =
    props.chosen === 'published'
      ? live
        ? 'Update'
        : 'Publish'
      : props.chosen === 'scheduled'
        ? 'Schedule'
        : props.chosen === 'review'
          ? 'Send for review'
          : props.chosen === 'unpublished'
            ? 'Save, unpublished'
            : 'Save draft'
  return (
    <p class="save-buttons">
      <button type="submit" name="intent" value="save" data-save-label data-live={String(live)}>
        {main}
      </button>{' '}
      {props.canPublish && !live && props.chosen !== 'published' && (
        <button type="submit" name="intent" value="publish" class="secondary">
          Publish now
        </button>
      )}
      {props.canPublish && live && (
        <button type="submit" name="intent" value="unpublish" class="secondary">
          Unpublish
        </button>
      )}
    </p>
  )
}

/**
 * The byline: the names it has and one empty row (with JavaScript, another row appears as the
 * last is filled), up to BYLINE_SLOTS. A staff author's or agency's name links to them.
 */
export function BylineRows(props: {
  byline: readonly string[]
  authors: Author[]
  agencies: Agency[]
  /** Guests credited before: suggested like staff, still credited as guests. */
  guests: readonly string[]
}) {
  const known = new Set([...props.authors, ...props.agencies].map((p) => p.name.toLowerCase()))
  const filled = props.byline.filter((n) => n.trim())
  const rows = Math.min(BYLINE_SLOTS, filled.length + 1)
  return (
    <fieldset class="byline-rows" data-max={String(BYLINE_SLOTS)}>
      <legend>Byline, in order</legend>
      <p class="small">
        Staff, agencies and guests credited before are suggested as you type; any other name is
        credited as a guest.
      </p>
      {Array.from({ length: rows }, (_, n) => (
        <>
          <label for={`byline-${n}`} class="visually-hidden">
            Byline name {n + 1}
          </label>
          <input
            id={`byline-${n}`}
            name="byline"
            type="text"
            list="byline-people"
            maxLength={120}
            value={filled[n] ?? ''}
          />
        </>
      ))}
      <datalist id="byline-people">
        {props.authors.map((au) => (
          <option value={au.name}>Staff</option>
        ))}
        {props.agencies.map((ag) => (
          <option value={ag.name}>Agency</option>
        ))}
        {props.guests
          .filter((g) => !known.has(g.toLowerCase()))
          .map((g) => (
            <option value={g}>Guest</option>
          ))}
      </datalist>
    </fieldset>
  )
}

/**
 * The lead photo: a new one uploaded (dropped on the fieldset, with JavaScript), one of the
 * latest in the library, or any older one. Without JavaScript an older photo is chosen by the
 * number Media shows beside it (checked on save, refused with UNKNOWN_REFERENCE when it names no
 * photo): a search that re-renders the form would lose what was typed in it. With JavaScript
 * (lead-photo.client.ts) a button searches the whole library in a dialog instead.
 */
export function LeadPhotoChoices(props: { images: Image[]; chosen: string; number: string }) {
  return (
    <fieldset class="lead-choices">
      <legend>Lead photo</legend>
      <div class="new-photo">
        <label for="leadPhotoFile">Upload a new one</label>
        <input id="leadPhotoFile" name="leadPhotoFile" type="file" accept="image/*" />
        <label for="leadPhotoAlt">
          Its alt text <span class="hint">(what it shows; needed with a new photo)</span>
        </label>
        <input id="leadPhotoAlt" name="leadPhotoAlt" type="text" maxLength={500} />
        <label for="leadPhotoCaption">
          Caption <span class="hint">(optional)</span>
        </label>
        <input id="leadPhotoCaption" name="leadPhotoCaption" type="text" maxLength={1000} />
        <label for="leadPhotoCredit">
          Credit <span class="hint">(optional)</span>
        </label>
        <input id="leadPhotoCredit" name="leadPhotoCredit" type="text" maxLength={200} />
      </div>
      <p class="small">
        Or choose among the latest in <a href="/admin/media">Media</a>; a photo keeps its alt text,
        caption and credit.
      </p>
      <div class="lead-radios">
        <label>
          <input type="radio" name="leadImageId" value="" checked={!props.chosen} />
          None
        </label>
        {props.images.map((img) => (
          <label>
            <input
              type="radio"
              name="leadImageId"
              value={String(img.id)}
              checked={props.chosen === String(img.id)}
            />
            <img
              src={imagePath(img, img.widths[0] ?? img.width)}
              width={96}
              height={Math.round((96 * img.height) / Math.max(1, img.width))}
              alt=""
            />
            <span>
              {img.id}: {img.caption || img.alt}
            </span>
          </label>
        ))}
        {props.chosen && !props.images.some((img) => String(img.id) === props.chosen) && (
          <label>
            <input type="radio" name="leadImageId" value={props.chosen} checked />
            Image {props.chosen} (kept)
          </label>
        )}
      </div>
      <div class="lead-number">
        <label for="leadImageNumber">
          Or an older photo’s number <span class="hint">(as Media shows it)</span>
        </label>
        <input
          id="leadImageNumber"
          name="leadImageNumber"
          type="text"
          inputMode="numeric"
          maxLength={13}
          value={props.number}
        />
      </div>
    </fieldset>
  )
}
