// Spec text and trace files are untrusted: in an HTML report every string from them is text, never
// markup or script. A trace full of HTML (spec name, variable, action, parameter and enum member
// names, values with U+2028) renders as text in Chromium: no dialog, no element it names, its
// strings shown verbatim. The JSON island and the shell command are escaped, and proved so.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonIsland, escapeHtml } from "../../src/html/render.js";
import { shellCommand, shellQuote } from "../../src/util/shell.js";
import { runCli } from "../support/cli.js";
import { launchBrowser, openReport, type Browser } from "./support/browser.js";

const SCRIPT = "</script><script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(2)>";
const SVG = "<svg onload=alert(3)>";
const B = "<b>bold</b>&amp;\u2028<i>x</i>\u2029";
const PATH = "spec/$(touch pwned)'`x`.stake";
// How a value holding line separators is shown: escaped, so a value stays on its line (as in the terminal).
const B_SHOWN = "<b>bold</b>&amp;\\u2028<i>x</i>\\u2029";

/** A counterexample file whose every name and string value is hostile. */
function hostileTrace(): string {
  const doc = {
    "#meta": {
      "stakecheck-format": 1,
      spec: { name: SCRIPT, path: PATH, sha256: "0".repeat(64) },
      consts: { [IMG]: 1 },
      violation: { kind: "invariant", name: SVG, step: 1 },
      explorer: { kind: "bfs" },
    },
    vars: [SVG, "n"],
    states: [
      { "#meta": { index: 0 }, [SVG]: { "#map": [[IMG, SCRIPT]] }, n: { "#bigint": "1" } },
      { "#meta": { index: 1, action: IMG, params: { [B]: SCRIPT }, caller: B }, [SVG]: { "#map": [[IMG, B]] }, n: { "#bigint": "2" } },
    ],
  };
  return JSON.stringify(doc, null, 2);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a hostile counterexample file in an HTML report", () => {
  it("renders every string as text: no script runs, no element is injected", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-hostile-"));
    const file = join(dir, "hostile.itf.json");
    writeFileSync(file, hostileTrace());
    const out = join(dir, "hostile.html");
    const r = await runCli(["report", file, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    // Four script elements (the data island, uPlot, the chart, the page) and no markup from the file.
    expect(html.match(/<script/g)?.length).toBe(4);
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<svg");
    expect(html).not.toMatch(/[\u2028\u2029]/);
    expect(html).toContain(`<title>stakecheck report: 1 counterexample</title>`);

    const { page, errors, requests, dialogs } = await openReport(browser, out);
    try {
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator("img, svg, b, i").count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as any).document.scripts.length)).toBe(4);
      const text = (await page.textContent("body")) ?? "";
      for (const s of [SCRIPT, IMG, SVG, B_SHOWN]) expect(text).toContain(s);
      expect(text).toContain(`${SVG}[${IMG}]: `);
      // The step's parameter and caller, as written.
      expect(await page.textContent("#cx-1 li[data-step='1'] .call")).toBe(`${IMG}(${B_SHOWN} = ${SCRIPT}) by caller = ${B_SHOWN}`);
      // The full state opens, still as text.
      await page.locator("#cx-1 details.full-state").nth(1).locator("summary").first().click();
      expect(await page.locator("img, svg, b, i").count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("escaping", () => {
  it("the JSON island holds no <, >, & or line separator, and reads back unchanged", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (v, s) => {
        const value = { v, s, t: `${SCRIPT}<!--${B}` };
        const text = jsonIsland(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("HTML text escapes every character that could start markup or end an attribute", () => {
    expect(escapeHtml(`${SCRIPT}"'&`)).toBe("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;");
  });

  it("a shell word reads back as itself in bash, whatever it holds (random words and hostile ones)", () => {
    const words = [PATH, "a b", "it's", "$HOME", "`id`", "a\nb", "x\r\ny", "\u2028", "-n", "", "--const=N=1", "ünï", "a\\b", "!x"];
    const check = (w: string) => {
      const out = execFileSync("bash", ["-c", `printf '%s' ${shellQuote(w)}`], { encoding: "utf8" });
      expect(out).toBe(w);
    };
    for (const w of words) check(w);
    fc.assert(fc.property(fc.string({ maxLength: 12 }).filter((s) => !s.includes("\u0000")), check), { seed: 11, numRuns: 60 });
    expect(shellCommand("stakecheck replay", ["counterexamples/a.itf.json"])).toBe("stakecheck replay counterexamples/a.itf.json");
    expect(shellQuote("a\nb")).toBe("$'a\\x0ab'");
  });
});
