// The Byzantine threshold of Casper FFG, as ffg.stake's header shows it: agreement holds while
// the Byzantine stake F is below 1/3 of the total (F + 6) and fails at exactly 1/3 (F = 3);
// accountable safety holds for every F. The header's sweep table must be what stakecheck prints.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { renderSweep, type SweepRow } from "../../src/report/sweep-text.js";
import { loadShipped } from "./load.js";

const FILE = "spec/ffg.stake";
const COMMAND = "$ npx stakecheck check spec/ffg.stake --const F=0..3 --continue";

describe("ffg.stake: the 1/3 threshold", () => {
  let rows: SweepRow[] = [];
  beforeAll(() => {
    rows = [0, 1, 2, 3].map((F) => ({ consts: { F }, run: check(loadShipped(FILE, { F }).spec, { continueAfterViolation: true }) }));
  });

  it("agreement holds for F = 0, 1, 2 and fails at F = 3 in 9 steps; accountable safety holds for all", () => {
    const verdicts = rows.map((r) => ({
      F: r.consts.F,
      violated: Object.fromEntries(r.run!.result.violations.map((v) => [v.property.name, v.instances.length])),
      distinct: r.run!.result.stats.distinct,
    }));
    expect(verdicts).toEqual([
      { F: 0, violated: {}, distinct: 144_376 },
      { F: 1, violated: {}, distinct: 98_671 },
      { F: 2, violated: {}, distinct: 63_696 },
      { F: 3, violated: { agreement: 9 }, distinct: 171_232 },
    ]);
  });

  it("the header shows the command and exactly the table it prints", () => {
    const header = readFileSync(FILE, "utf8").split("\n");
    const at = header.findIndex((l) => l.replace(/^\/\/\s*/, "").trimEnd() === COMMAND);
    expect(at, `the header quotes \`${COMMAND}\``).toBeGreaterThan(0);
    const printed = renderSweep(FILE, rows).split("\n").map((l) => l.trimEnd());
    const quoted = header.slice(at + 1, at + 1 + printed.length).map((l) => l.replace(/^\/\/ {5}/, "").trimEnd());
    expect(quoted).toEqual(printed);
  });
});
