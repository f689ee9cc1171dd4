// `npm run bench` is what fills every figure in README.md and docs/: each `<!-- bench: KEY -->`
// marker must have a producer in bench/markers.mjs, and the smoke version of the bench
// (`--quick`) must run and give every producer of the sections it ran a real figure.

import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module of the bench, no types
import { fillDocs, markerKeys, PRODUCERS, replaceSpan } from "../../bench/markers.mjs";
import { ensureBuilt } from "../lsp/support/built.js";

type Producer = [string, (r: unknown) => string | null];
const producers = PRODUCERS as Record<string, Producer>;

describe("bench markers", () => {
  it("every marker in README.md and docs/ has a producer", () => {
    const keys = (markerKeys(".") as { key: string; file: string }[]).map((k) => `${k.key} (${k.file})`);
    expect(keys.length).toBeGreaterThan(10);
    const orphans = keys.filter((k) => !(k.split(" ")[0] in producers));
    expect(orphans).toEqual([]);
  });

  it("a marker refreshes its table cell, its list item or the paragraph above it", () => {
    const at = (d: string) => d.lastIndexOf("<!-- bench");
    const cell = "a\n\n| x | 302 k <!-- bench: k --> |\n";
    expect(replaceSpan(cell, at(cell), "NEW")).toBe("a\n\n| x | NEW <!-- bench: k --> |\n");
    const item = "## H\n- one: 1 s <!-- bench: k -->\n  - two: the\n    run took 2 s <!-- bench: k -->\n";
    expect(replaceSpan(item, at(item), "NEW")).toBe("## H\n- one: 1 s <!-- bench: k -->\n  - NEW <!-- bench: k -->\n");
    const para = "x\n\nSpeed, on the\nPOOL anchor.\n<!-- bench: k -->\n## Next";
    expect(replaceSpan(para, at(para), "NEW")).toBe("x\n\nNEW\n<!-- bench: k -->\n## Next");
    const inline = "one\n\nline a\nline b. <!-- bench: k -->\n\nnext";
    expect(replaceSpan(inline, at(inline), "NEW")).toBe("one\n\nNEW <!-- bench: k -->\n\nnext");
  });
});

// The smoke run: small models, one repetition, no reruns. Checkpoints, the language server and the
// HTML report are left to the full bench (they take minutes, or need Chromium).
const SMOKE = ["search", "workers", "symmetry", "fuzz", "bitstate", "liveness", "values", "load", "monitor"];

describe("npm run bench -- --quick", () => {
  it("runs, checks the counts of every tool, and fills the markers of its sections", () => {
    ensureBuilt();
    const out = mkdtempSync(join(tmpdir(), "stakecheck-bench-test-"));
    execFileSync(process.execPath, ["bench/run.mjs", "--quick", "--no-build", "--out", out, "--only", SMOKE.join(",")], { stdio: "pipe", encoding: "utf8" });
    const results = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    const md = readFileSync(join(out, "results.md"), "utf8");
    expect(md).not.toMatch(/Infinity|NaN|undefined/);
    // The exact anchor counts, from stakecheck and from the hand-written limit alike.
    const pool = results.search.find((r: { name: string }) => r.name === "POOL(3,3,2)");
    expect(pool.whole[0].distinct).toBe(98_700);
    expect(pool.limit[0].distinct).toBe(98_700);
    expect(pool.limit[0].generated).toBe(709_801);
    if (results.spin.available) expect(pool.spin[0].distinct).toBe(98_700);
    else expect(md).toContain("Spin is not installed");
    const bft = results.search.find((r: { name: string }) => r.name === "BFT(4,1)");
    expect(bft.tooSmall).toBe(true);
    expect(md).toMatch(/\| BFT\(4,1\) \|.*too small to time/);
    // Every producer of a section that ran gives a figure.
    for (const [key, [section, make]] of Object.entries(producers)) {
      if (!SMOKE.includes(section)) continue;
      const text = make(results);
      expect(text, key).toBeTypeOf("string");
      expect(text, key).not.toMatch(/Infinity|NaN|undefined/);
    }
    // And filling a copy of the docs touches only those markers, keeping the others.
    const copy = mkdtempSync(join(tmpdir(), "stakecheck-bench-docs-"));
    cpSync("README.md", join(copy, "README.md"));
    cpSync("docs", join(copy, "docs"), { recursive: true });
    const { filled, missing } = fillDocs(copy, results) as { filled: string[]; missing: string[] };
    expect(filled.length).toBeGreaterThan(0);
    for (const k of missing) expect(SMOKE).not.toContain(producers[k][0]);
    expect(readFileSync(join(copy, "README.md"), "utf8")).toContain("<!-- bench: search-table -->");

    // --update measures one row again and keeps the rest, saying when.
    execFileSync(process.execPath, ["bench/run.mjs", "--quick", "--no-build", "--out", out, "--update", "--only", "search", "--models", "BFT(4,1)"], { stdio: "pipe", encoding: "utf8" });
    const again = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(again.search.map((r: { name: string }) => r.name)).toEqual(results.search.map((r: { name: string }) => r.name));
    expect(again.search[0]).toEqual(pool);
    expect(again.search.find((r: { name: string }) => r.name === "BFT(4,1)").whole[0].wall).not.toBe(bft.whole[0].wall);
    expect(again.date).toBe(results.date);
    for (const s of SMOKE) if (s !== "search") expect(again[s]).toEqual(results[s]);
    expect(readFileSync(join(out, "results.md"), "utf8")).toMatch(/Measured again \(`--update`\) \d{4}-\d\d-\d\d \d\d:\d\d UTC: search \(BFT\(4,1\)\) · load average/);
  }, 600_000);
});
