// The second shelf's guides (docs/specs/) show what stakecheck prints: every fenced block whose
// first line is `$ npx stakecheck ...` is run, and what it prints must begin with the block's
// lines (timings aside; a sweep's block may stop before the summary line). The counterexamples the
// guides describe step by step are these very outputs.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const GUIDES = [
  "docs/specs/custody.md",
  "docs/specs/governance.md",
  "docs/specs/insurance.md",
  "docs/specs/validator-set.md",
  "docs/specs/withdrawal-limits.md",
];

interface Shown {
  readonly guide: string;
  readonly line: number;
  readonly args: string[];
  readonly output: string[];
}

const timing = (s: string) =>
  s
    .replace(/, [\d.]+ s \([\d.]+ [kM]? ?distinct states\/s\)/g, ", <time>")
    .replace(/ · [\d.]+ m?s$/g, " · <time>")
    .replace(/; fair-cycle search [\d.]+ s$/, "; fair-cycle search <time>")
    .trimEnd();

function shown(guide: string): Shown[] {
  const text = readFileSync(guide, "utf8");
  const out: Shown[] = [];
  for (const m of text.matchAll(/^```\n\$ npx stakecheck ([^\n]*)\n([\s\S]*?)^```$/gm)) {
    out.push({
      guide,
      line: text.slice(0, m.index).split("\n").length,
      args: m[1].split(/\s+/),
      output: m[2].replace(/\n$/, "").split("\n").map(timing),
    });
  }
  return out;
}

const ALL = GUIDES.flatMap(shown);

describe("the spec guides' outputs", () => {
  it.each(GUIDES)("%s shows the spec's check, a variant's counterexample and a sweep", (guide) => {
    const blocks = shown(guide);
    expect(blocks.some((b) => b.output.some((l) => l.startsWith("✗ ")))).toBe(true);
    expect(blocks.some((b) => b.output.some((l) => / sweep over /.test(l)))).toBe(true);
    expect(blocks.some((b) => b.output.every((l) => !l.includes("✗")))).toBe(true);
  });

  it.each(ALL.map((b) => [`${b.guide}:${b.line}`, b] as const))("%s prints what it shows", async (_, b) => {
    const r = await runCli(b.args);
    const printed = r.stdout.replace(/\n$/, "").split("\n").map(timing);
    expect(r.stderr).toBe("");
    expect(b.output.length).toBeGreaterThanOrEqual(4);
    expect(printed.slice(0, b.output.length)).toEqual(b.output);
    expect(r.code).toBe(b.output.some((l) => l.includes("✗")) ? 1 : 0);
  });
});
