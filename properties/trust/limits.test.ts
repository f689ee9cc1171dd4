// Specs too large for the explorers' arrays get a located error up front (exit 2), not an
// `internal error: Invalid typed array length` (issue 19), and values that a 32-bit slot cannot
// hold are refused rather than silently wrapped (a `--const N=4000000000` stored as a negative
// number and reported a false violation).

import { describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/api/load.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";

function errors(text: string, consts: Record<string, number> = {}): string {
  const loaded = loadSpecText(text, "big.stake", { consts });
  return renderDiagnostics(loaded.diagnostics.filter((d) => d.severity === "error"));
}

const PARAM = (range: string) => `spec Big\nvar x: 0 .. 3 = 0\naction a(p: ${range}) { x = 1 }\ninvariant i: x <= 1\n`;
const CONST = "spec Big\nconst N = 3\nvar x: 0 .. N = 0\naction a() { x = N }\ninvariant i: x >= 0\n";

describe("sizes checked up front", () => {
  it("a parameter over 0 .. 10^12 - 1: its range does not fit in 32 bits", () => {
    expect(errors(PARAM("0 .. 999999999999"))).toBe(
      [
        "big.stake:3:13: error: the range 0 .. 999999999999 does not fit in 32 bits",
        " 3 | action a(p: 0 .. 999999999999) { x = 1 }",
        "   |             ^^^^^^^^^^^^^^^^^",
        "   = hint: a state holds 32-bit integers: bounds must lie in -2147483648 .. 2147483647",
      ].join("\n"),
    );
  });

  it("a parameter with 10^8 values: too many action instances", () => {
    expect(errors(PARAM("0 .. 99999999"))).toBe(
      [
        "big.stake:3:10: error: action `a` has 100,000,000 instances (one per combination of its `p`), more than the 16,777,216 stakecheck supports",
        " 3 | action a(p: 0 .. 99999999) { x = 1 }",
        "   |          ^",
        "   = hint: `p` ranges over 0 .. 99999999: narrow its type",
      ].join("\n"),
    );
  });

  it.each([9007199254740991, 4000000000])("--const N=%i: the range 0 .. N does not fit (no wrapped value, no false violation)", (n) => {
    expect(errors(CONST, { N: n })).toContain(`big.stake:3:8: error: the range 0 .. ${n} does not fit in 32 bits (with N = ${n} from --const)`);
  });

  it("a million-key map with a thousand × a thousand instances: the successors of one state do not fit", () => {
    const text = "spec Big\nvar m: map<0 .. 999999, 0 .. 1> = 0\naction a(k: 0 .. 999) by c: 0 .. 999 { m[k] = 1 }\ninvariant i: m[0] <= 1\n";
    expect(errors(text)).toContain("error: the successors of one state take 1,000,000,000,000 words (1,000,000 action instances × 1,000,000 words per state), more than the 268,435,456 stakecheck supports");
  });

  it("the full 32-bit range is fine", () => {
    expect(errors("spec Ok\nvar x: -2147483648 .. 2147483647 = 0\naction a() { x = 1 }\ninvariant i: x <= 1\n")).toBe("");
  });
});
