// The fraction-heavy and subset-heavy benchmark models (bench/models/, run by `npm run bench`) at
// small sizes: exact state counts, every property holds, fingerprints agree with exact states.

import { describe, expect, it } from "vitest";
import { bfs } from "../../src/explore/bfs.js";
import { modelFromFile } from "../support/load.js";

describe("the second edition's benchmark models", () => {
  it.each([
    { file: "bench/models/share-pool-fractions.stake", consts: { N: 2 } as Record<string, number>, distinct: 58_488, generated: 227_995, depth: 26 },
    { file: "bench/models/commit-subsets.stake", consts: { HEIGHTS: 3 } as Record<string, number>, distinct: 70_357, generated: 390_358, depth: 22 },
  ])("$file $consts: $distinct states, all hold", ({ file, consts, distinct, generated, depth }) => {
    const model = modelFromFile(file, consts);
    for (const exact of [false, true]) {
      const r = bfs(model, { exact });
      expect(r.violations).toEqual([]);
      expect({ distinct: r.stats.distinct, generated: r.stats.generated, depth: r.stats.depth }).toEqual({ distinct, generated, depth });
    }
  });
});
