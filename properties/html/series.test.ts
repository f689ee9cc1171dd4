// The chart's numbers (src/html/series.ts) on the cases the shipped counterexamples first showed
// wrong: a sum over a queue that starts empty (withdrawal-limits: `sum(queue)` was missing, not 0,
// in the initial state) and exact fractions (insurance: nothing changing was plottable).

import { describe, expect, it } from "vitest";
import { seriesOf } from "../../src/html/series.js";
import type { Ty } from "../../src/ir/types.js";
import type { Readable } from "../../src/model/layout.js";

const AMOUNT: Ty = { k: "int", lo: 0, hi: 9 };
const THIRDS: Ty = { k: "int", lo: 0, hi: 9, den: 3 };
const third = (n: number): Readable => ({ num: n, den: 3 });
const values = (s: ReturnType<typeof seriesOf>, name: string) => s.find((x) => x.name === name)?.values;

describe("chart series", () => {
  it("sum over an empty queue is 0 for every number field of the element type", () => {
    const vars = [
      { name: "queue", ty: { k: "seq", cap: 3, elem: AMOUNT } as Ty },
      { name: "reqs", ty: { k: "seq", cap: 3, elem: { k: "rec", fields: [{ name: "amount", ty: AMOUNT }, { name: "who", ty: { k: "enum", name: "W", members: ["A"], id: 0 } }] } } as Ty },
    ];
    const s = seriesOf(vars, [
      { queue: [], reqs: [] },
      { queue: [2, 3], reqs: [{ amount: 4, who: "A" }] },
    ]);
    expect(values(s, "sum(queue)")).toEqual([0, 5]);
    expect(values(s, "len(queue)")).toEqual([0, 2]);
    expect(values(s, "sum(reqs[*].amount)")).toEqual([0, 4]);
    expect(values(s, "sum(reqs[*].who)")).toBeUndefined();
  });

  it("plots exact fractions at their value and sums them exactly", () => {
    const vars = [
      { name: "pool", ty: THIRDS },
      { name: "stake", ty: { k: "map", key: { k: "int", lo: 0, hi: 2 }, val: THIRDS } as Ty },
    ];
    const s = seriesOf(vars, [
      { pool: third(3), stake: { "0": third(1), "1": third(1), "2": third(1) } },
      { pool: third(5), stake: { "0": third(2), "1": third(1), "2": third(1) } },
    ]);
    expect(values(s, "pool")).toEqual([1, 5 / 3]);
    expect(values(s, "sum(stake)")).toEqual([1, 4 / 3]);
    expect(values(s, "stake[0]")).toEqual([1 / 3, 2 / 3]);
    expect(s.filter((x) => x.shown).map((x) => x.name)).toContain("pool");
  });
});
