// A job summary inside a page styled like GitHub's run page, light theme: the run's sidebar on
// the left, and the summary's card as a reader sees it once scrolled to it. The figures are
// GitHub's as of 2025 (Primer's page layout and github-markdown-css), written here by hand
// rather than taken from a package. A script in the page measures where each connector's name
// is on the first screen and leaves the figures in an attribute of <html>, for the caller to
// read with `chromium --dump-dom`; it reads only text, so it holds whatever the summary's layout.
import { escapeHtml, renderMarkdown } from './markdown.js'

/** The run page's sidebar ("Summary", "Jobs", "Run details") beside the summary. */
export const SIDEBAR_PX = 320
/** The attribute of <html> the page's script writes its figures into (base64 of JSON). */
export const MEASURE_ATTRIBUTE = 'data-see-summary'

export interface NamedConnector {
  name: string
  /** How the reader should count it: 'failure', 'timeout', 'success'. */
  expected: string
}

/** Where one connector's name was found; top undefined when it is not shown at all. */
export interface Placement {
  name: string
  expected: string
  /** Of the name's text, in px from the top of the page (and of the first screen). */
  top?: number
  bottom?: number
  /** Of the nearest row, item or paragraph that holds the name. */
  blockTop?: number
  blockBottom?: number
}

export interface Measure {
  /** The viewport's width; its height is not the picture's (see chromium.ts), so not given. */
  width: number
  /** Of the whole page, from which the screens it fills follow. */
  pageHeight: number
  /** The Markdown body's line height in px, to turn a row's height into lines. */
  lineHeight: number
  placements: Placement[]
}

/**
 * GitHub removes scripts, styles, event handlers and style attributes from what it renders;
 * the page does the same, so what it shows is what GitHub would, and nothing in it runs.
 */
function sanitized(html: string): string {
  return html
    .replace(/<(script|style|iframe|object|embed)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style|iframe|object|embed)\b[^>]*>/gi, '')
    .replace(/\s(on[a-z]+|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
}

const CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; background: #f6f8fa; color: #1f2328; }
body {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
    sans-serif, "Apple Color Emoji", "Segoe UI Emoji";
  font-size: 14px; line-height: 1.5;
}
.layout { display: flex; align-items: flex-start; min-height: 100vh; }
.sidebar {
  flex: 0 0 ${String(SIDEBAR_PX)}px; padding: 16px 16px 24px 24px; background: #ffffff;
  border-right: 1px solid #d1d9e0; align-self: stretch;
}
.sidebar a { display: flex; gap: 8px; padding: 6px 8px; border-radius: 6px; color: #1f2328;
  text-decoration: none; }
.sidebar a.selected { background: #eff2f5; font-weight: 600; position: relative; }
.sidebar a.selected::before { content: ""; position: absolute; left: -8px; top: 6px;
  bottom: 6px; width: 4px; border-radius: 6px; background: #0969da; }
.sidebar h3 { font-size: 12px; color: #59636e; font-weight: 600; margin: 16px 8px 4px; }
main { flex: 1 1 auto; min-width: 0; padding: 16px 24px 24px; }
.card { background: #ffffff; border: 1px solid #d1d9e0; border-radius: 6px; }
.card-header { padding: 16px; font-weight: 600; font-size: 14px; }
.markdown-body { padding: 0 24px 16px; word-wrap: break-word; }
.markdown-body > *:first-child { margin-top: 0 !important; }
.markdown-body p, .markdown-body blockquote, .markdown-body ul, .markdown-body ol,
.markdown-body dl, .markdown-body table, .markdown-body pre, .markdown-body details {
  margin-top: 0; margin-bottom: 16px; }
.markdown-body h1, .markdown-body h2, .markdown-body h3, .markdown-body h4,
.markdown-body h5, .markdown-body h6 { margin-top: 24px; margin-bottom: 16px; font-weight: 600;
  line-height: 1.25; }
.markdown-body h1 { font-size: 2em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
.markdown-body h3 { font-size: 1.25em; }
.markdown-body h4 { font-size: 1em; }
.markdown-body a { color: #0969da; text-decoration: none; }
.markdown-body code, .markdown-body tt { padding: .2em .4em; margin: 0; font-size: 85%;
  white-space: break-spaces; background-color: #818b981f; border-radius: 6px;
  font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono",
    monospace; }
.markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45;
  background-color: #f6f8fa; border-radius: 6px; }
.markdown-body pre code { padding: 0; background: transparent; font-size: 100%;
  white-space: pre; }
.markdown-body table { border-spacing: 0; border-collapse: collapse; display: block;
  width: max-content; max-width: 100%; overflow: auto; font-variant: tabular-nums; }
.markdown-body table th { font-weight: 600; }
.markdown-body table th, .markdown-body table td { padding: 6px 13px;
  border: 1px solid #d1d9e0; }
.markdown-body table tr { background-color: #ffffff; border-top: 1px solid #d1d9e0b3; }
.markdown-body table tr:nth-child(2n) { background-color: #f6f8fa; }
.markdown-body blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0;
  margin-left: 0; margin-right: 0; }
.markdown-body ul, .markdown-body ol { padding-left: 2em; }
.markdown-body details summary { cursor: pointer; display: list-item; }
.markdown-body hr { height: .25em; padding: 0; margin: 24px 0; background-color: #d1d9e0;
  border: 0; }
.markdown-body kbd { padding: 3px 5px; font-size: 11px; border: 1px solid #d1d9e0;
  border-radius: 6px; }
`

// Plain JavaScript for the page (no DOM types here: tsconfig's lib is ES2023 alone).
const MEASURE_SCRIPT = `
(function () {
  var root = document.querySelector('.markdown-body');
  var wanted = JSON.parse(document.getElementById('see-summary-names').textContent);
  var texts = [];
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node);
  // A name counts where it stands alone: not as part of "orders-s3-02" or "my-orders-s3".
  var inName = /[A-Za-z0-9_.-]/;
  // Chromium lays out the inside of a closed <details> when asked where it is, so whether a
  // name is shown is asked apart from its place.
  function shown(element) {
    var options = { visibilityProperty: true, opacityProperty: true };
    if (typeof element.checkVisibility === 'function' && !element.checkVisibility(options)) {
      return false;
    }
    for (var e = element; e !== null && e !== root; e = e.parentElement) {
      var parent = e.parentElement;
      var folded = parent !== null && parent.tagName === 'DETAILS' && !parent.open;
      if (folded && e.tagName !== 'SUMMARY') return false;
    }
    return true;
  }
  function place(w) {
    for (var t = 0; t < texts.length; t += 1) {
      var text = texts[t].data;
      for (var at = text.indexOf(w.name); at >= 0; at = text.indexOf(w.name, at + 1)) {
        var before = text.charAt(at - 1), after = text.charAt(at + w.name.length);
        if (before !== '' && inName.test(before)) continue;
        if (after !== '' && inName.test(after)) continue;
        var range = document.createRange();
        range.setStart(texts[t], at);
        range.setEnd(texts[t], at + w.name.length);
        var r = range.getBoundingClientRect();
        var holder = texts[t].parentElement;
        if (!shown(holder) || range.getClientRects().length === 0 || r.height === 0) continue;
        var block = holder.closest('tr, li, p, dd, dt, h1, h2, h3, h4, h5, h6, summary, div');
        if (block === null || block === root) block = holder;
        var b = block.getBoundingClientRect();
        return { name: w.name, expected: w.expected, top: r.top, bottom: r.bottom,
          blockTop: b.top, blockBottom: b.bottom };
      }
    }
    return { name: w.name, expected: w.expected };
  }
  var figures = {
    width: window.innerWidth,
    pageHeight: document.documentElement.scrollHeight,
    lineHeight: parseFloat(getComputedStyle(root).lineHeight) || 21,
    placements: wanted.map(place)
  };
  var json = JSON.stringify(figures);
  document.documentElement.setAttribute('${MEASURE_ATTRIBUTE}',
    btoa(unescape(encodeURIComponent(json))));
})();
`

/** The page: `summary` (the summary file's text, Markdown with HTML) rendered as GitHub would. */
export function summaryPage(options: {
  summary: string
  title: string
  jobName: string
  jobPassed: boolean
  connectors: readonly NamedConnector[]
}): string {
  const { summary, title, jobName, jobPassed, connectors } = options
  // JSON in a script element: "<" escaped, so no name can close the element.
  const names = JSON.stringify(connectors).replace(/</g, '\\u003c')
  const icon = jobPassed ? '✅' : '❌'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="layout">
<nav class="sidebar">
<a class="selected" href="#summary"><span>⌂</span><span>Summary</span></a>
<h3>Jobs</h3>
<a href="#job"><span>${icon}</span><span>${escapeHtml(jobName)}</span></a>
<h3>Run details</h3>
<a href="#usage"><span>⏲</span><span>Usage</span></a>
<a href="#workflow"><span>▤</span><span>Workflow file</span></a>
</nav>
<main>
<section class="card">
<div class="card-header">${escapeHtml(jobName)} summary</div>
<div class="markdown-body">
${sanitized(renderMarkdown(summary))}
</div>
</section>
</main>
</div>
<script type="application/json" id="see-summary-names">${names}</script>
<script>${MEASURE_SCRIPT}</script>
</body>
</html>
`
}
