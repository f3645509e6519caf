/**
 * Some WordPress exports hold a raw `&` (`?a=1&b=2` in an attachment URL) outside CDATA: not
 * XML, and a parser reads the rest of the file as one entity name. This pass, run on the text
 * before the parser, writes such an `&` as `&amp;` and notes its line; inside CDATA or a comment
 * an `&` is text and stays. It works line by line, so a chunk boundary never splits what it looks at.
 */

const REFERENCE = /&(?:[A-Za-z_][\w.-]{0,40}|#[0-9]{1,8}|#x[0-9a-fA-F]{1,8});/y
const MARK = /<!\[CDATA\[|\]\]>|<!--|-->|&/g
/** A file without line breaks is still cut into pieces this long. */
const MAX_CARRY = 1024 * 1024

export interface AmpersandRepair {
  /** The text to parse so far (complete lines). */
  push(chunk: string): string
  /** What is left at the end. */
  end(): string
}

export function ampersandRepair(onFix: (line: number) => void): AmpersandRepair {
  let carry = ''
  let inCdata = false
  let inComment = false
  let line = 1

  function repair(text: string): string {
    let out = ''
    let last = 0
    let counted = 0
    MARK.lastIndex = 0
    for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
      const at = m.index
      if (m[0] === '<![CDATA[') inCdata ||= !inComment
      else if (m[0] === ']]>') inCdata = false
      else if (m[0] === '<!--') inComment ||= !inCdata
      else if (m[0] === '-->') inComment = false
      else if (!inCdata && !inComment) {
        REFERENCE.lastIndex = at
        if (!REFERENCE.test(text)) {
          for (let i = counted; i < at; i++) if (text.charCodeAt(i) === 10) line++
          counted = at
          onFix(line)
          out += `${text.slice(last, at)}&amp;`
          last = at + 1
        }
      }
    }
    for (let i = counted; i < text.length; i++) if (text.charCodeAt(i) === 10) line++
    return out + text.slice(last)
  }

  return {
    push(chunk) {
      const text = carry + chunk
      const cut = text.lastIndexOf('\n') + 1
      if (cut === 0 && text.length < MAX_CARRY) {
        carry = text
        return ''
      }
      const upTo = cut === 0 ? text.length : cut
      carry = text.slice(upTo)
      return repair(text.slice(0, upTo))
    },
    end() {
      const rest = carry
      carry = ''
      return repair(rest)
    },
  }
}
