/// <reference lib="dom" />
/** An element with a class and, optionally, its text: the editor builds all its parts this way. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.className = className
  if (text) node.textContent = text
  return node
}
