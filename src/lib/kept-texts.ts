/**
 * A cache of texts, forgotten all at once past `max` entries: what is asked for again (the same
 * stories on the next page) reads from it; nothing grows without bound.
 */
export function keptTexts(max: number): (key: string, make: () => string) => string {
  const texts = new Map<string, string>()
  return (key, make) => {
    let text = texts.get(key)
    if (text === undefined) {
      if (texts.size >= max) texts.clear()
      text = make()
      texts.set(key, text)
    }
    return text
  }
}
