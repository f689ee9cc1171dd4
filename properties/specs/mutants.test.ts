// Properties of the spec library that no shipped buggy variant breaks can still fail: each is
// checked here on a one-line mutant of its spec, which must violate it (a property that holds of
// every spec one can write would be a test that cannot fail).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { loadSpecText } from "../../src/api/load.js";

const MUTANTS: { file: string; why: string; from: string; to: string; violates: Record<string, number> }[] = [
  {
    file: "spec/withdrawal-limits.stake",
    why: "the report pays the newest request first",
    from: "      let a = head(queue)\n      waiting[a] = false\n      queue = pop(queue)",
    to: "      let a = queue[len(queue) - 1]\n      waiting[a] = false\n      queue = remove_at(queue, len(queue) - 1)",
    violates: { queue_order: 4 },
  },
  {
    file: "spec/insurance.stake",
    why: "a claim does not wait for the pool",
    from: "  require phase[a] == Settled and pool >= due[a]\n",
    to: "  require phase[a] == Settled\n",
    violates: { payouts_within_pool: 9 },
  },
];

describe("one-line mutants of the library's specs", () => {
  it.each(MUTANTS)("$file, where $why, violates $violates", ({ file, from, to, violates }) => {
    const text = readFileSync(file, "utf8");
    expect(text).toContain(from);
    const { spec, diagnostics } = loadSpecText(text.replace(from, to), file);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const only = Object.keys(violates);
    const r = check(spec!, { only, continueAfterViolation: true }).result;
    expect(r.limit).toBeUndefined();
    expect(Object.fromEntries(r.violations.map((v) => [v.property.name, v.instances.length]))).toEqual(violates);
  });
});
