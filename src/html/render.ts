// One self-contained HTML file: the style, uPlot and the page script inline, the data as a JSON
// island. Nothing is loaded at view time (a Content-Security-Policy forbids it), so the file works
// offline from a CI artifact. Strings from specs and traces appear only inside the JSON island,
// escaped so that no `</script>`, `<!--` or line separator can end it early, and the page puts them
// into the DOM with textContent.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ReportData } from "./report-data.js";

const require = createRequire(import.meta.url);

let assets: { css: string; uplotCss: string; uplot: string; chart: string; script: string } | null = null;

/** The inline assets, read once: our style and script (beside this module, src/ or dist/) and
 * uPlot's build from its package. */
function loadAssets(): NonNullable<typeof assets> {
  if (assets) return assets;
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");
  assets = {
    css: own("report.css"),
    chart: own("chart.js"),
    script: own("report.js"),
    uplot: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
    uplotCss: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
  };
  return assets;
}

/** JSON that can sit inside a <script> element: `<`, `>` and `&` as \u escapes (no `</script>`, no
 * `<!--`), and U+2028/U+2029 escaped as well. JSON.parse reads it back unchanged. */
export function jsonIsland(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A script's text made safe to inline (no `</script`), and its CSP hash. */
function inlineScript(text: string): { text: string; hash: string } {
  const safe = text.replace(/<\/(script)/gi, "<\\/$1");
  return { text: safe, hash: `'sha256-${createHash("sha256").update(safe, "utf8").digest("base64")}'` };
}

export function renderHtml(data: ReportData): string {
  const a = loadAssets();
  const uplot = inlineScript(a.uplot);
  const chart = inlineScript(a.chart);
  const page = inlineScript(a.script);
  const csp = [
    "default-src 'none'",
    `script-src ${uplot.hash} ${chart.hash} ${page.hash}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="stakecheck">',
    `<title>${escapeHtml(data.title)}</title>`,
    `<style>${a.uplotCss}\n${a.css}</style>`,
    "</head>",
    "<body>",
    '<noscript><p>This report builds itself with JavaScript; its data is in the script element "report-data".</p></noscript>',
    `<script type="application/json" id="report-data">${jsonIsland(data)}</script>`,
    `<script>${uplot.text}</script>`,
    `<script>${chart.text}</script>`,
    `<script>${page.text}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
