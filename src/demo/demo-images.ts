/**
 * Invented "photographs" for the demo: abstract landscapes drawn as SVG and rasterised by
 * sharp, so the demo exercises the real image pipeline without shipping anyone's pictures.
 */
export async function demoPhoto(seed: number, width = 1600, height = 900): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  const rnd = mulberry32(seed * 7919 + 17)
  const hue = Math.floor(rnd() * 360)
  const sky = `hsl(${hue}, 45%, ${55 + rnd() * 20}%)`
  const sky2 = `hsl(${(hue + 40) % 360}, 50%, ${30 + rnd() * 20}%)`
  const layers = Array.from({ length: 4 }, (_, i) => {
    const base = height * (0.45 + i * 0.13)
    const pts = Array.from(
      { length: 9 },
      (_, k) => `${(k * width) / 8},${base - rnd() * height * 0.18}`,
    )
    const light = 18 + i * 9
    return `<polygon points="0,${height} ${pts.join(' ')} ${width},${height}" fill="hsl(${(hue + 180 + i * 12) % 360}, 30%, ${light}%)"/>`
  }).join('')
  const sun = `<circle cx="${width * (0.2 + rnd() * 0.6)}" cy="${height * (0.18 + rnd() * 0.15)}" r="${height * 0.08}" fill="hsl(${(hue + 20) % 360}, 80%, 85%)" opacity="0.9"/>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${sky2}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${sun}${layers}</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}

function mulberry32(a: number) {
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
