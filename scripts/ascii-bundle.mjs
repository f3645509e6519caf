// The server bundle in ASCII only (ADR 015, its note of 2026-12-07).
//
// Why: V8 keeps a module's source text in memory for as long as the module lives, and one
// character above U+00FF anywhere in it makes the whole text two bytes a character. esbuild's
// default `charset: 'ascii'` escapes strings and templates but leaves comments and regular
// expression literals as written, so a dash in a comment or a Cyrillic letter in a regex turned
// our 6.8 MB bundle into a 13.6 MB string: 9 MB more resident memory in every web process.
//
// Every character above U+007F becomes `\uXXXX` (a surrogate pair, two of them): the same
// character in a string, a regex (with or without the u flag, inside a class or not) and an
// identifier, and harmless in a comment. A character escaped with a backslash in the source
// (`\ё`, which means the character itself) loses that backslash, or `\\u0451` would read as a
// backslash and five letters.

/** `source` with every non-ASCII UTF-16 code unit written as `\uXXXX`. */
export function escapeNonAscii(source) {
  return source.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, ch) => {
    const escaped = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
    // An odd run of backslashes ends in one that escapes this character: it goes.
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escaped
  })
}
