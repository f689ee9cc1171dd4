// Golden diagnostics: each properties/lang/golden/<case>.stake is loaded (parsed and checked) and
// its diagnostics, rendered without colour exactly as `stakecheck lint` prints them, must equal
// <case>.expected. A first line `// args: --const N=0 --const M=2` passes const overrides.
//
// After a deliberate change of wording, rewrite the expected files and review the diff:
//   UPDATE_GOLDEN=1 npx vitest run properties/lang/golden.test.ts

import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/api/load.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";

const DIR = join(import.meta.dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const cases = readdirSync(DIR).filter((f) => f.endsWith(".stake")).sort().map((f) => f.slice(0, -".stake".length));

function consts(text: string): Record<string, number | boolean> {
  const args = /^\/\/ args: (.*)$/m.exec(text.split("\n")[0] ?? "")?.[1] ?? "";
  const out: Record<string, number | boolean> = {};
  for (const m of args.matchAll(/--const (\w+)=(\S+)/g)) out[m[1]] = m[2] === "true" ? true : m[2] === "false" ? false : Number(m[2]);
  return out;
}

function render(name: string): string {
  const text = readFileSync(join(DIR, `${name}.stake`), "utf8");
  const loaded = loadSpecText(text, `${name}.stake`, { consts: consts(text) });
  return renderDiagnostics(loaded.diagnostics, { color: false }) + "\n";
}

describe("golden diagnostics", () => {
  it("has at least 30 distinct bad inputs", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("%s", (name) => {
    const actual = render(name);
    const file = join(DIR, `${name}.expected`);
    if (UPDATE) writeFileSync(file, actual);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(file, "utf8"));
  });
});

describe("the grammar and the diagnostics agree", () => {
  it("RESERVED_WORDS lists exactly the grammar's keywords", async () => {
    const { RESERVED_WORDS } = await import("../../src/lang/expected.js");
    const grammar = readFileSync(join(import.meta.dirname, "../../src/lang/stake.ohm"), "utf8");
    const rule = /\n {2}keyword = \(([^)]*)\)/.exec(grammar)![1];
    expect([...rule.matchAll(/"(\w+)"/g)].map((m) => m[1]).sort()).toEqual([...RESERVED_WORDS].sort());
  });
});
