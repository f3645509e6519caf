import { serverContext } from './server-context.js'
import { useContext } from 'preact/hooks'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'

/** The query flag of a reader who asks for the pictures: `?pictures=1` (site/text-first.ts). */
export const PICTURES_PARAM = 'pictures'

/** The address of the usual page with pictures, from a page's path. */
export function withPictures(path: string): string {
  return `${path}?${PICTURES_PARAM}=1`
}

/** True while a page is drawn text-first (SOS mode): pictures give way to their captions. */
export const TextFirst = serverContext(false)

export function useTextFirst(): boolean {
  return useContext(TextFirst)
}

/** What a text-first page shows above everything: the newsroom's other addresses. */
export interface SosView {
  /** The stylesheet written into the page (no request for it). */
  css: string
  /** A few web addresses (reach/footer.ts shortList), in the order readers should try them. */
  addresses: readonly string[]
}

/** The line at the top of a text-first page: where else the newsroom can be reached. */
export function SosLine(props: { sos: SosView }) {
  const { addresses } = props.sos
  const { t, path } = useLocale()
  return (
    <p class="sos-line" role="note">
      <strong>{t('sos.mode')}</strong> {t('sos.light')}{' '}
      {addresses.length > 0 && (
        <>
          <Msg
            k="sos.alsoAt"
            parts={{
              list: addresses.map((a, i) => (
                <>
                  {i > 0 && ' · '}
                  <a href={a}>{a.replace(/^https?:\/\//, '').replace(/\/$/, '')}</a>
                </>
              )),
            }}
          />{' '}
        </>
      )}
      <a href={path('/reach')}>{t('sos.everyWay')}</a>
    </p>
  )
}
