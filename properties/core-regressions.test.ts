// Regressions found while writing the spec library (spec/), one per fixed bug in src/check or
// src/compile, each with the smallest spec that triggered it.

import { describe, expect, it } from "vitest";
import { bfs } from "../src/explore/bfs.js";
import { evaluate } from "../src/ir/eval.js";
import { stateValues } from "../src/model/eval-values.js";
import type { Model } from "../src/model/model.js";
import { modelFromText } from "./support/load.js";

/** Every reachable state of a small model, by a plain search over `apply`. */
function reachable(model: Model): Int32Array[] {
  const start = new Int32Array(model.width);
  model.init(start);
  const seen = new Set<string>([start.join(",")]);
  const out = [start];
  for (let i = 0; i < out.length; i++) {
    for (let inst = 0; inst < model.instanceCount; inst++) {
      const d = new Int32Array(model.width);
      if (model.apply(out[i], d, inst) !== 1) continue;
      const key = d.join(",");
      if (!seen.has(key)) {
        seen.add(key);
        out.push(d);
      }
    }
  }
  return out;
}

/** The compiled invariants agree with the reference evaluator on every reachable state. */
function expectInvariantsMatchReference(model: Model): void {
  const { spec } = model;
  for (const s of reachable(model)) {
    const state = stateValues(model.layout, s);
    spec.invariants.forEach((p, k) => {
      const want = evaluate({ defs: spec.defs, sites: spec.sites, state }, p.expr) === true ? 1 : 0;
      expect(model.checkInvariant(k, s), `${p.name} in ${JSON.stringify(model.decode(s))}`).toBe(want);
    });
  }
}

describe("a field or entry of a value that is not a variable compiles (was: internal error)", () => {
  // `head(q).open`, `e.amount` over a queue of records and `map(...)[a]` used to throw
  // "internal: cannot compile field as a scalar" (and `index` likewise) from compileScalar.
  const text = `
    spec T
    type Account = 0 .. 2
    type Entry = { amount: 0 .. 5, open: bool }
    var q: seq<Entry, 2> = []
    var bal: map<Account, 0 .. 3> = 0
    action add(x: 1 .. 2, o: bool) {
      require len(q) < 2
      q = push(q, {amount: x, open: o})
    }
    action take() {
      require len(q) >= 1 and head(q).open
      q = pop(q)
    }
    action bump(a: Account) {
      require map(b in Account: bal[b] + 1)[a] <= 2
      bal[a] += 1
    }
    invariant amounts: sum(e in q: e.amount) <= 3 or count(e in q where e.open) == 0
    invariant doubled: max(a in Account: map(b in Account: bal[b] * 2)[a]) <= 2
  `;

  it("explores all 21 queue contents x 27 balances, and finds each invariant false somewhere", () => {
    const model = modelFromText(text);
    const r = bfs(model, { continueAfterViolation: true });
    expect(r.stats.distinct).toBe(21 * 27);
    // amounts: two entries of 2 with one open (2 steps); doubled: one balance of 2 (2 steps).
    expect(r.violations.map((v) => [v.property.name, v.instances.length]).sort()).toEqual([
      ["amounts", 2],
      ["doubled", 2],
    ]);
  });

  it("agrees with the reference evaluator on every reachable state", () => {
    expectInvariantsMatchReference(modelFromText(text));
  });
});

describe("a queue of elements whose type excludes 0 packs its empty positions (was: corrupted states)", () => {
  // Positions past a queue's length hold 0; the packer assumed each slot was within its type
  // (1 .. 3), so 0 - 1 spilled over the other fields of the packed word: 3,457 "states" for 820.
  const text = `
    spec Q
    type Entry = { owner: 0 .. 2, amount: 1 .. 3 }
    var pending: seq<Entry, 3> = []
    action unbond(a: 0 .. 2, x: 1 .. 3) {
      require len(pending) < 3
      pending = push(pending, {owner: a, amount: x})
    }
    action done() {
      require len(pending) >= 1
      pending = pop(pending)
    }
    invariant amounts: all(e in pending: e.amount >= 1)
  `;

  it("explores exactly the 1 + 9 + 81 + 729 queue contents", () => {
    const r = bfs(modelFromText(text));
    expect(r.stats.distinct).toBe(820);
    expect(r.violations).toEqual([]);
  });
});
