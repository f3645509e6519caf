/**
 * A multipart/form-data body as a browser sends a form with a file chosen: the fields (repeated
 * names as arrays), then the file under `fileField`, or no file part when `file` is null.
 */
export function multipartBody(
  fields: Record<string, string | string[]>,
  file: { field: string; name: string; type: string; data: Buffer } | null,
): { body: Buffer; type: string } {
  const boundary = '----masthead' + Math.random().toString(16).slice(2)
  const parts = Object.entries(fields).flatMap(([k, v]) =>
    [v]
      .flat()
      .map((x) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${x}\r\n`),
  )
  const body = Buffer.concat([
    Buffer.from(parts.join('')),
    ...(file
      ? [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
          ),
          file.data,
          Buffer.from('\r\n'),
        ]
      : []),
    Buffer.from(`--${boundary}--\r\n`),
  ])
  return { body, type: `multipart/form-data; boundary=${boundary}` }
}
