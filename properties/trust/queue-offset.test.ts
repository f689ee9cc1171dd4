// Queues of a type that does not start at 0: entries past the length hold 0, which the element type
// cannot hold, and bit-packing (value - lo) turned that 0 into a different state (issue 19: 142
// states where there are 40; in a larger spec a false well_typed violation and a disabled action
// that fired). Every storage mode must count 1 + 3 + 9 + 27 = 40 states.

import { describe, expect, it } from "vitest";
import { bfs } from "../../src/explore/bfs.js";
import { bfsParallel } from "../../src/explore/parallel.js";
import { modelFromText } from "../support/load.js";

const queue = (elem: string) => `spec Q
var q: seq<${elem}, 3> = []
action put(x: ${elem}) {
  require len(q) < 3
  q = push(q, x)
}
action take() {
  require len(q) > 0
  q = pop(q)
}
invariant bounded: len(q) <= 3
`;

describe("a popped queue of a type that does not start at 0 is in canonical form", () => {
  it.each(["0 .. 2", "1 .. 3", "5 .. 7", "-3 .. -1", "-1 .. 1"])("seq<%s, 3>: 40 states in exact and fingerprint mode", (elem) => {
    for (const exact of [true, false]) {
      const r = bfs(modelFromText(queue(elem)), { exact });
      expect(r.violations).toEqual([]);
      expect(r.stats.distinct).toBe(40);
    }
  });

  it("a queue of records with a field from 1: 1 + 4 + 16 states; two workers agree", async () => {
    const text = `spec R
type E = { a: 1 .. 2, b: bool }
var q: seq<E, 2> = []
action put(x: 1 .. 2, y: bool) {
  require len(q) < 2
  q = push(q, {a: x, b: y})
}
action take() {
  require len(q) > 0
  q = pop(q)
}
`;
    expect(bfs(modelFromText(text)).stats.distinct).toBe(21);
    const two = await bfsParallel(modelFromText(text), { workers: 2 });
    expect(two.stats.distinct).toBe(21);
  });
});
