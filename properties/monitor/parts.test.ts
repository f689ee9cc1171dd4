// The monitor's parts on their own: the candidate set (deduplication, growth to the bound, clearing),
// the on-disk history (paths rebuilt from random records), and line splitting (any chunking gives
// the same lines; long lines are skipped, not held).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ADDED, CandidateSet, DUPLICATE, FULL } from "../../src/monitor/candidates.js";
import { LineSplitter } from "../../src/monitor/lines.js";
import { TraceLog } from "../../src/monitor/trace-log.js";

describe("CandidateSet", () => {
  it("keeps each state once, up to the bound, and clears for the next event", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }), { maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (states, max) => {
        const set = new CandidateSet(3, max);
        for (let round = 0; round < 2; round++) {
          set.clear();
          const seen = new Map<string, number>();
          states.forEach((s, i) => {
            const key = s.join(",");
            const r = set.add(Int32Array.from(s), i, i * 10);
            if (seen.has(key)) expect(r).toBe(DUPLICATE);
            else if (seen.size >= max) expect(r).toBe(FULL);
            else {
              expect(r).toBe(ADDED);
              seen.set(key, seen.size);
            }
          });
          expect(set.count).toBe(seen.size);
          for (const [key, idx] of seen) {
            expect(Array.from(set.state(idx)).join(",")).toBe(key);
            expect(set.inst[idx]).toBe(set.parent[idx] * 10);
          }
        }
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

describe("TraceLog", () => {
  it("rebuilds the path to any candidate of the last record", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }), fc.nat(), (counts, seed) => {
        const log = new TraceLog();
        try {
          // Record r: candidate i came from candidate (i * 7 + r + seed) mod previous count, by a
          // step numbered from its record and index, or by no step (-1) when that is odd.
          const records: { parent: Int32Array; inst: Int32Array }[] = [];
          let prev = 1;
          log.append(Int32Array.of(-1), Int32Array.of(-1), 1);
          counts.forEach((n, r) => {
            const parent = Int32Array.from({ length: n }, (_, i) => (i * 7 + r + seed) % prev);
            const inst = Int32Array.from({ length: n }, (_, i) => ((i + r + seed) % 5 === 0 ? -1 : r * 1000 + i));
            log.append(parent, inst, n);
            records.push({ parent, inst });
            prev = n;
          });
          for (let c = 0; c < prev; c++) {
            const want: number[] = [];
            let x = c;
            for (let r = records.length - 1; r >= 0; r--) {
              if (records[r].inst[x] >= 0) want.push(records[r].inst[x]);
              x = records[r].parent[x];
            }
            expect(Array.from(log.pathTo(c))).toEqual(want.reverse());
          }
        } finally {
          log.close();
        }
      }),
      { seed: 5, numRuns: 100 },
    );
  });

  it("reads back records larger than its buffer, across many flushes", () => {
    const log = new TraceLog();
    try {
      const n = 100_000;
      log.append(Int32Array.of(-1), Int32Array.of(-1), 1);
      log.append(new Int32Array(n), Int32Array.from({ length: n }, (_, i) => i), n);
      for (let k = 0; k < 50_000; k++) log.append(Int32Array.of(k === 0 ? 99_999 : 0), Int32Array.of(k), 1);
      const path = log.pathTo(0);
      expect(path.length).toBe(50_001);
      expect(path[0]).toBe(99_999);
      expect(path[50_000]).toBe(49_999);
    } finally {
      log.close();
    }
  });
});

describe("LineSplitter", () => {
  it("gives the same lines however the input is cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => s.replace(/\n/g, "")), { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (lines, cuts, trailing) => {
        const text = lines.join("\n") + (trailing ? "\n" : "");
        const bytes = Buffer.from(text, "utf8");
        const got: string[] = [];
        const split = new LineSplitter(1 << 20);
        const sink = { line: (t: string) => (got.push(t), true), tooLong: () => true };
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        let prev = 0;
        for (const c of [...at, bytes.length]) {
          split.push(bytes.subarray(prev, c), sink);
          prev = c;
        }
        split.end(sink);
        // A text ending in a newline has no line after it.
        const want = text.split("\n").map((l) => l.replace(/\r$/, ""));
        if (want[want.length - 1] === "") want.pop();
        expect(got).toEqual(want);
      }),
      { seed: 9, numRuns: 500 },
    );
  });

  it("reports a line over the cap with its length and number, and never holds it", () => {
    const split = new LineSplitter(10);
    const got: string[] = [];
    const long: [number, number][] = [];
    const sink = { line: (t: string, n: number) => (got.push(`${n}:${t}`), true), tooLong: (n: number, b: number) => (long.push([n, b]), true) };
    for (const chunk of ["short\n0123", "456789abcdef", "ghij\nok\n", "0123456789\n01234567890"]) split.push(Buffer.from(chunk), sink);
    split.end(sink);
    expect(got).toEqual(["1:short", "3:ok", "4:0123456789"]);
    expect(long).toEqual([
      [2, 20],
      [5, 11],
    ]);
  });
});
