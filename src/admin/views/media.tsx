import { type Image, imagePath } from '../../content/index.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'

export function MediaView(props: {
  ctx: AdminContext
  images: Image[]
  q: string
  problems?: string[]
  notice?: string | undefined
  values?: { alt: string; caption: string; credit: string }
}) {
  const v = props.values ?? { alt: '', caption: '', credit: '' }
  return (
    <AdminLayout ctx={props.ctx} title="Media">
      <h1>Media</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <h2>Upload a photo</h2>
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/admin/media" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="alt">
          Alt text <span class="hint">(what the photo shows, for readers who cannot see it)</span>
        </label>
        <input id="alt" name="alt" type="text" required maxLength={500} value={v.alt} />
        <label for="caption">
          Caption <span class="hint">(what and where)</span>
        </label>
        <input id="caption" name="caption" type="text" maxLength={1000} value={v.caption} />
        <label for="credit">
          Credit <span class="hint">(photographer, pool or agency)</span>
        </label>
        <input id="credit" name="credit" type="text" maxLength={200} value={v.credit} />
        <label for="file">
          File{' '}
          <span class="hint">
            (JPEG, PNG, WebP, AVIF or GIF, up to 20 MB; location data is removed)
          </span>
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          required
        />
        <p>
          <button type="submit">Upload</button>
        </p>
      </form>
      <h2>Library</h2>
      <form class="filters" method="get" action="/admin/media" role="search">
        <div>
          <label for="mq">Caption, credit or alt text</label>
          <input id="mq" name="q" type="search" value={props.q} />
        </div>
        <div>
          <button type="submit">Search</button>
        </div>
      </form>
      {props.images.length === 0 ? (
        <p>No images match.</p>
      ) : (
        <Scroll label="Images">
          <table>
            <thead>
              <tr>
                <th scope="col">Image</th>
                <th scope="col">Id</th>
                <th scope="col">Alt text</th>
                <th scope="col">Caption</th>
                <th scope="col">Credit</th>
                <th scope="col">Size</th>
              </tr>
            </thead>
            <tbody>
              {props.images.map((img) => (
                <tr>
                  <td>
                    <img
                      src={imagePath(img, img.widths[0] ?? img.width)}
                      width={120}
                      height={Math.round((120 * img.height) / Math.max(1, img.width))}
                      alt=""
                      loading="lazy"
                    />
                  </td>
                  <td>{img.id}</td>
                  <td>{img.alt}</td>
                  <td>{img.caption}</td>
                  <td>{img.credit}</td>
                  <td>
                    {img.width}×{img.height}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </AdminLayout>
  )
}
