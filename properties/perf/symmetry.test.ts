// Symmetry reduction: the same verdicts and counterexample lengths with and without it on every
// spec of spec/ and spec/buggy/ (and the symmetric test specs here), counterexamples found under
// symmetry replay on the unreduced model, the orbit sum equals the unreduced count, and the
// checker's scalarset rules.

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecFile } from "../../src/api/load.js";
import { bfs } from "../../src/explore/bfs.js";
import { modelFromFile } from "../support/load.js";
import { counts, reproduces, verdicts } from "./support.js";

function specs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".stake")).sort().map((f) => join(dir, f)) : [];
}

const ALL = [...specs("spec"), ...specs("spec/buggy"), ...specs("properties/perf/specs")].filter((f) => loadSpecFile(f).ok);
const CAP = 300_000;

describe("symmetry on and off give the same verdicts", () => {
  it.each(ALL)("%s", (file, ) => {
    const model = modelFromFile(file);
    const on = bfs(model, { continueAfterViolation: true, maxStates: CAP });
    const off = bfs(model, { continueAfterViolation: true, maxStates: CAP, symmetry: false });
    if (on.limit || off.limit) {
      // Too big to finish here: what was found must still be real.
      for (const v of on.violations) expect(reproduces(model, v)).toBe(true);
      return;
    }
    // Shortest counterexamples have the same length: symmetry keeps distances.
    expect(verdicts(on)).toEqual(verdicts(off));
    for (const v of on.violations) expect(reproduces(model, v)).toBe(true);
    if (model.spec.symmetric.length === 0) expect(counts(on)).toEqual(counts(off));
    else if (off.violations.length === 0) expect(on.symmetry?.fullStates).toBe(off.stats.distinct);
  });
});

describe("symmetry reduction", () => {
  it("POOL(4,3,2) with symmetric accounts: 130,305 canonical states for 2,652,000 (more than 10x fewer), all invariants hold", () => {
    const r = bfs(modelFromFile("bench/models/anchor-pool-symmetric.stake", { N: 4, B: 3, R: 2 }));
    expect(r.violations).toEqual([]);
    expect(r.stats.distinct).toBe(130_305);
    expect(r.symmetry).toEqual({ types: ["Account"], group: 24, fullStates: 2_652_000 });
    expect(r.stats.depth).toBe(28);
  });

  it("BFT(12,3) with symmetric Byzantine and honest validators: 1,100 states stand for the anchor's 1,259,712", () => {
    const model = modelFromFile("bench/models/anchor-bft-symmetric.stake", { N: 12, F: 3 });
    const on = bfs(model);
    expect({ ...counts(on), full: on.symmetry?.fullStates, violations: on.violations }).toEqual({ distinct: 1_100, generated: 9_901, depth: 15, full: 1_259_712, violations: [] });
    const off = bfs(model, { symmetry: false });
    expect(counts(off)).toEqual({ distinct: 1_259_712, generated: 11_337_409, depth: 15 });
  });

  it("BFT(4,2) with symmetric validators: Agreement fails in 6 steps, by a trace of the unreduced model", () => {
    const model = modelFromFile("bench/models/anchor-bft-symmetric.stake", { N: 4, F: 2 });
    const r = bfs(model);
    expect(verdicts(r)).toEqual(["invariant:Agreement:6"]);
    expect(reproduces(model, r.violations[0])).toBe(true);
  });

  it("POOL(3,3,2): the orbit sum is the unreduced count, 98,700", () => {
    const r = bfs(modelFromFile("bench/models/anchor-pool-symmetric.stake", { N: 3, B: 3, R: 2 }));
    expect(r.stats.distinct).toBe(17_730);
    expect(r.symmetry?.fullStates).toBe(98_700);
  });

  it("a theft found under symmetry is a concrete trace of the unreduced model", () => {
    const model = modelFromFile("properties/perf/specs/sym-theft.stake");
    const r = bfs(model);
    expect(verdicts(r)).toEqual(["step:no_unauthorized_withdrawal:3"]);
    expect(reproduces(model, r.violations[0])).toBe(true);
    const off = bfs(model, { symmetry: false });
    expect(verdicts(off)).toEqual(verdicts(r));
  });

  it("queues, sets and maps of accounts are permuted consistently (queue entries past the length stay zero)", () => {
    const model = modelFromFile("properties/perf/specs/sym-queue.stake");
    const on = bfs(model, { continueAfterViolation: true });
    const off = bfs(model, { continueAfterViolation: true, symmetry: false });
    expect(verdicts(on)).toEqual(["invariant:served_once:5", "well_typed:well_typed:9"]);
    expect(verdicts(off)).toEqual(verdicts(on));
    expect(on.symmetry?.fullStates).toBe(off.stats.distinct);
    expect(on.stats.distinct).toBeLessThan(off.stats.distinct);
  });
});

describe("the scalarset rules", () => {
  it("warn at every use that would tell elements of a symmetric type apart, and turn its reduction off", () => {
    const l = loadSpecFile("properties/perf/specs/bad/asymmetric.stake");
    const line = (d: { span: { start: number } }) => l.file.position(d.span.start).line;
    const rules = l.diagnostics.filter((d) => d.severity === "warning" && /symmetry reduction/.test(d.hint ?? "")).map((d) => `${line(d)}: ${d.message}`);
    expect(rules).toEqual([
      "7: the initial value of `owner` is not symmetric: no value of a symmetric type is special",
      "8: this literal puts a plain integer where a value of the symmetric type `Account` belongs",
      "8: this literal puts a plain integer where a value of the symmetric type `Account` belongs",
      "11: values of the symmetric type `Account` are not ordered",
      "12: `i` (of the symmetric type `Account`) is compared with `0`, which is not of that type",
      "14: this assignment puts a value of the symmetric type `Account` where a plain integer belongs",
      "15: arithmetic on `i`, a value of the symmetric type `Account`",
      "18: this map is keyed by Account, but `n` is 0 .. 2",
      "21: values of the symmetric type `Account` are not ordered",
      "21: `min` of `i`, a value of the symmetric type `Account`",
      "21: `bal` is keyed by Account, but `0` is 0 .. 0",
    ]);
    expect(l.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(l.spec?.symmetric.map((t) => [t.name, t.broken !== undefined])).toEqual([["Account", true]]);
    const r = bfs(modelFromFile("properties/perf/specs/bad/asymmetric.stake"), { maxStates: 1000 });
    expect(r.symmetry).toBeUndefined();
  });

  it("turn reduction off, and say why, for a symmetric type inside an option or a set of tuples", () => {
    const l = loadSpecFile("properties/perf/specs/bad/sym-option.stake");
    const line = (d: { span: { start: number } }) => l.file.position(d.span.start).line;
    expect(l.diagnostics.map((d) => `${line(d)}: ${d.severity}: ${d.message}`)).toEqual([
      "9: warning: `delegate` holds values of the symmetric type `Account` inside an option, which symmetry reduction does not permute",
      "10: warning: `signed` holds values of the symmetric type `Account` inside the elements of a set of tuples, records or options, which symmetry reduction does not permute",
    ]);
    expect(l.spec?.symmetric.map((t) => [t.name, t.broken])).toEqual([["Account", "`delegate` holds values of the symmetric type `Account` inside an option, which symmetry reduction does not permute"]]);
    const model = modelFromFile("properties/perf/specs/bad/sym-option.stake");
    const on = bfs(model, { continueAfterViolation: true });
    const off = bfs(model, { continueAfterViolation: true, symmetry: false });
    expect(on.symmetry).toBeUndefined();
    expect({ verdicts: verdicts(on), ...counts(on) }).toEqual({ verdicts: verdicts(off), ...counts(off) });
    expect(verdicts(on)).toEqual(["invariant:no_chain:2"]);
  });

  it("keep reduction on for a symmetric type inside tuples, set parameters and picks of subsets", () => {
    const model = modelFromFile("properties/perf/specs/sym-values.stake");
    const on = bfs(model, { continueAfterViolation: true });
    const off = bfs(model, { continueAfterViolation: true, symmetry: false });
    expect(on.symmetry).toEqual({ types: ["Validator"], group: 6, fullStates: 272 });
    expect(on.stats.distinct).toBe(56);
    expect(verdicts(on)).toEqual(verdicts(off));
    expect(verdicts(on)).toEqual(["invariant:never_three:4"]);
    for (const v of on.violations) expect(reproduces(model, v)).toBe(true);
  });

  it("warn about loops over a symmetric type whose rounds interfere (the order of the values would matter)", () => {
    const l = loadSpecFile("properties/perf/specs/bad/loop-order.stake");
    const line = (d: { span: { start: number } }) => l.file.position(d.span.start).line;
    expect(l.diagnostics.filter((d) => /order/.test(d.message)).map((d) => `${line(d)}: ${d.message}`)).toEqual([
      "8: this loop over `Account` may depend on the order of `Account`'s values: a round writes a place its value does not index",
      "13: this loop over `Account` may depend on the order of `Account`'s values: a round reads what other rounds write",
    ]);
    expect(l.spec?.symmetric.map((t) => t.broken !== undefined)).toEqual([true]);
  });

  it("reduce by a symmetric type that loops, picks per round and procs go over: fewer states, the same orbit sum", () => {
    const model = modelFromFile("properties/perf/specs/sym-loops.stake");
    const on = bfs(model);
    const off = bfs(model, { symmetry: false });
    expect(off.stats.distinct).toBe(58_000);
    expect(on.symmetry?.fullStates).toBe(58_000);
    expect(on.stats.distinct).toBe(10_266);
  });

  it("let the symmetric specs through without a warning", () => {
    for (const f of ["bench/models/anchor-pool-symmetric.stake", "bench/models/anchor-bft-symmetric.stake", ...specs("properties/perf/specs")]) {
      const l = loadSpecFile(f);
      expect(l.diagnostics.map((d) => d.message)).toEqual([]);
      expect(l.spec?.symmetric.every((t) => t.broken === undefined)).toBe(true);
    }
  });
});
