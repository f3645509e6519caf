/**
 * The offline edition's whole stylesheet, written into the file: system fonts, one column, dark
 * when the reader's system is, and nothing that loads from anywhere.
 */
export const EDITION_CSS = `
:root{color-scheme:light dark;--ink:#1b1b1b;--paper:#fffdf8;--muted:#595959;--rule:#d9d4c7;--link:#0b5394}
@media (prefers-color-scheme:dark){:root{--ink:#eeeae0;--paper:#161616;--muted:#b5b0a5;--rule:#3a3833;--link:#8ab8f0}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:42rem;padding:1rem;background:var(--paper);color:var(--ink);font:1.0625rem/1.6 Georgia,"Times New Roman",serif;overflow-wrap:break-word}
h1,h2,h3,h4,.site,.kicker,.meta,.small,nav{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0}
h2{font-size:1.45rem;line-height:1.25;margin:.3rem 0}
.body h2{font-size:1.2rem}.body h3,.body h4{font-size:1.05rem}
a{color:var(--link)}
.site{font-weight:700;letter-spacing:.04em;text-transform:uppercase;margin:0}
.kicker{color:var(--muted);font-size:.85rem;text-transform:uppercase;letter-spacing:.05em;margin:0}
.meta,.small{color:var(--muted);font-size:.9rem}
.standfirst{font-size:1.15rem}
header,nav,article,#reach{border-bottom:1px solid var(--rule);padding:1rem 0}
footer{padding:1rem 0}
.figure{margin:1rem 0}
img{max-width:100%;height:auto;display:block}
figcaption,.no-picture{color:var(--muted);font-size:.85rem;margin:.3rem 0}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule)}
table{border-collapse:collapse}th,td{border:1px solid var(--rule);padding:.2rem .4rem}
pre{overflow-x:auto}
.key,.small a,#reach a{overflow-wrap:anywhere;word-break:break-all}
@media print{body{max-width:none}a{color:inherit}nav{display:none}article{break-inside:auto}}
`
  .trim()
  .replace(/\n/g, '')
