// Element-level changes between states (src/trace/diff.ts), shared by the terminal counterexample
// and the HTML report: only the parts that changed, inside maps, records, sets and queues.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Ty } from "../../src/ir/types.js";
import type { Readable } from "../../src/model/layout.js";
import { changeText, stateChanges, stateLeaves, valueChanges } from "../../src/trace/diff.js";
import { valueText } from "../../src/trace/show.js";
import { modelFromFile } from "../support/load.js";

const INT: Ty = { k: "int", lo: 0, hi: 9 };
const ENTRY: Ty = { k: "rec", fields: [{ name: "owner", ty: INT }, { name: "amount", ty: INT }] };
const QUEUE: Ty = { k: "seq", elem: ENTRY, cap: 8 };
const SET: Ty = { k: "set", elem: INT };
const e = (owner: number, amount: number) => ({ owner, amount });
const lines = (ty: Ty | undefined, a: Readable, b: Readable, path = "q") => valueChanges(ty, path, a, b).map((c) => changeText(c));

describe("element-level changes", () => {
  it("a queue: push, pop, an element's field, and all three at once", () => {
    expect(lines(QUEUE, [e(0, 1)], [e(0, 1), e(1, 2)])).toEqual(["q: push {owner: 1, amount: 2}"]);
    expect(lines(QUEUE, [e(0, 1), e(1, 2)], [e(1, 2)])).toEqual(["q: pop {owner: 0, amount: 1}"]);
    expect(lines(QUEUE, [e(0, 1)], [])).toEqual(["q: pop {owner: 0, amount: 1}"]);
    expect(lines(QUEUE, [e(0, 1), e(1, 2), e(2, 1)], [e(0, 1), e(1, 2), e(2, 0)])).toEqual(["q[2].amount: 1 -> 0"]);
    expect(lines(QUEUE, [e(0, 1), e(1, 2), e(2, 1)], [e(1, 2), e(2, 0), e(3, 3)])).toEqual([
      "q: pop {owner: 0, amount: 1}",
      "q[1].amount: 1 -> 0",
      "q: push {owner: 3, amount: 3}",
    ]);
    // Equal elements: a push onto a queue of copies is one push, not a rewrite.
    expect(lines(QUEUE, [e(0, 1), e(0, 1)], [e(0, 1), e(0, 1), e(0, 1)])).toEqual(["q: push {owner: 0, amount: 1}"]);
  });

  it("a set: elements added and removed", () => {
    expect(lines(SET, [1, 2], [1, 2, 3], "voters")).toEqual(["voters: +{3}"]);
    expect(lines(SET, [1, 2], [2, 4], "voters")).toEqual(["voters: +{4} -{1}"]);
  });

  it("maps and records open down to the entry that changed", () => {
    const ty: Ty = { k: "map", key: { k: "int", lo: 0, hi: 1 }, val: ENTRY };
    expect(lines(ty, { 0: e(0, 1), 1: e(1, 1) }, { 0: e(0, 1), 1: e(1, 3) }, "pos")).toEqual(["pos[1].amount: 1 -> 3"]);
  });

  it("without the spec's types, shapes are guessed from the values", () => {
    expect(lines(undefined, { a: 1, b: 2 }, { a: 1, b: 3 }, "m")).toEqual(["m[b]: 2 -> 3"]);
    expect(lines(undefined, [1, 2], [2], "q")).toEqual(["q: pop 1"]);
  });

  it("applying the changes to the old queue gives the new one (random queues)", () => {
    const item = fc.record({ owner: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.array(item, { maxLength: 6 }), (a, b) => {
        const cs = valueChanges(QUEUE, "q", a, b);
        // Rebuild: pops from the front, then field changes by new index, drops from the end, pushes.
        let q: { owner: number; amount: number }[] = a.map((x) => ({ ...x }));
        for (const c of cs) if (c.kind === "pop") q.shift();
        const drops = cs.filter((c) => c.kind === "drop").length;
        q = q.slice(0, q.length - drops);
        for (const c of cs) {
          const m = /^q\[(\d+)\]\.(owner|amount)$/.exec(c.path);
          if (c.kind === "value" && m) q[Number(m[1])][m[2] as "owner" | "amount"] = Number(c.after);
        }
        for (const c of cs) if (c.kind === "push") q.push(b[q.length]);
        expect(q).toEqual(b);
        // Never more lines than rewriting the whole queue element by element.
        expect(cs.length).toBeLessThanOrEqual(Math.max(a.length, b.length) * 2);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it("typed text: sets in braces, queues in brackets, in every kind of variable of a spec", () => {
    const model = modelFromFile("properties/trace/fixtures/rich.stake");
    const s = new Int32Array(model.width);
    model.init(s);
    const values = model.decode(s);
    expect(stateLeaves(model.vars, values)).toEqual([
      ["bal[0]", "2"],
      ["bal[1]", "2"],
      ["colors", "{}"],
      ["flags[Red]", "false"],
      ["flags[Green]", "false"],
      ["flags[Blue]", "false"],
      ["queue", "[]"],
      ["last.owner", "0"],
      ["last.amount", "0"],
      ["last.urgent", "false"],
      ["tally[false]", "{}"],
      ["tally[true]", "{}"],
      ["mode", "Red"],
    ]);
    const after = { ...values, colors: ["Red", "Blue"], tally: { false: [], true: [1] }, queue: [{ owner: 1, amount: 2, urgent: true }] };
    expect(stateChanges(model.vars, values, after).map((c) => changeText(c))).toEqual([
      "colors: +{Red, Blue}",
      "queue: push {owner: 1, amount: 2, urgent: true}",
      "tally[true]: +{1}",
    ]);
    expect(valueText(model.vars.find((v) => v.name === "tally")!.ty, { false: [0], true: [1] })).toBe("{false: {0}, true: {1}}");
  });

  it("a long queue in a listing of a state is opened element by element", () => {
    const long = Array.from({ length: 8 }, (_, i) => e(i % 3, 1));
    const leaves = stateLeaves([{ name: "queue", ty: QUEUE }], { queue: long });
    expect(leaves.length).toBe(8);
    expect(leaves[2]).toEqual(["queue[2]", "{owner: 2, amount: 1}"]);
  });
});
