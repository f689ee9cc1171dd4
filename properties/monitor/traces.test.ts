// The trace so far, for every way an event can break the spec: a failed effect (well_typed), a
// property whose evaluation fails, an initial state that already violates, a pick named in the
// event, an observation with no step, an event the spec does not enable. Each saved file is read
// back by replay with the verdict it should get.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replayTraceFile } from "../../src/api/replay.js";
import { modelFromFile } from "../support/load.js";
import { monitorLines } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-monitor-traces-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TINY = `spec Tiny
type V = 0 .. 3
var x: 0 .. 3 = 0
var y: 0 .. 3 = 0
action inc(n: V) {
  x = x + n
}
action choose() {
  pick v in V where v >= 1
  y = v
}
invariant finite: 6 / (3 - y) >= 0
`;
const tinyPath = join(dir, "tiny.stake");
writeFileSync(tinyPath, TINY);
const tiny = modelFromFile(tinyPath);
let n = 0;
const save = () => join(dir, `t${n++}`);

async function caught(model: typeof tiny, lines: object[]) {
  const saveDir = save();
  const { summary } = await monitorLines(model, lines, { saveDir, specPath: tinyPath });
  expect(summary.verdict).toBe("violated");
  return summary.alert!;
}

describe("the saved trace of each kind of alert", () => {
  it("a failed effect: well_typed, the failing step recorded, still violates on replay", async () => {
    const a = await caught(tiny, [{ action: "inc", params: { n: 2 } }, { action: "inc", params: { n: 2 } }]);
    expect(a.at.line).toBe(2);
    expect(a.reason).toMatchObject({ kind: "property", property: { kind: "well_typed", name: "well_typed" }, why: ["`x` would be 4, outside 0 .. 3"] });
    expect(replayTraceFile(a.trace!, { expect: "violation", specPath: tinyPath })).toMatchObject({ kind: "replayed", ok: true, verdict: { kind: "violates", step: 2 } });
  });

  it("a property whose evaluation fails: well_typed during it; a pick named in the event", async () => {
    const a = await caught(tiny, [{ action: "choose", picks: { v: 1 } }, { action: "choose", picks: { v: 3 } }]);
    expect(a.at.line).toBe(2);
    expect(a.reason).toMatchObject({ kind: "property", property: { kind: "well_typed" }, step: "choose(), pick v = 3" });
    expect((a.reason as unknown as { why: string[] }).why[0]).toMatch(/\(while evaluating invariant `finite`\)$/);
    const r = replayTraceFile(a.trace!, { expect: "violation", specPath: tinyPath });
    expect(r).toMatchObject({ kind: "replayed", ok: true, verdict: { kind: "violates", step: 2 } });
    if (r.kind === "replayed") expect(r.trace.violation).toMatchObject({ kind: "well_typed", during: { kind: "invariant", name: "finite" } });
  });

  it("an open pick narrowed by an observation; an observation no candidate matches", async () => {
    const ok = await monitorLines(tiny, [{ action: "choose" }, { observed: { y: 2 } }, { action: "inc", params: { n: 1 } }]);
    expect(ok.summary).toMatchObject({ verdict: "holds", candidates: 1, maxCandidates: 2 });
    const a = await caught(tiny, [{ action: "choose", picks: { v: 1 } }, { observed: { y: 2, x: 0 } }]);
    expect(a.reason).toEqual({ kind: "observed", step: null, place: "y", expected: 1, found: 2 });
  });

  it("an initial state that violates an invariant is reported before the first event (line 0)", async () => {
    const badPath = join(dir, "bad.stake");
    writeFileSync(badPath, "spec Bad\nvar x: 0 .. 3 = 1\naction a() {\n  x = 0\n}\ninvariant zero: x == 0\n");
    const bad = modelFromFile(badPath);
    const saveDir = save();
    const { summary, reports } = await monitorLines(bad, [{ action: "a" }], { saveDir, specPath: badPath });
    expect(summary).toMatchObject({ verdict: "violated", events: 0, lines: 0 });
    expect(reports).toHaveLength(1);
    expect(summary.alert).toMatchObject({ at: { line: 0 }, view: null, reason: { kind: "property", property: { kind: "invariant", name: "zero" }, step: null } });
    expect(replayTraceFile(summary.alert!.trace!, { expect: "violation", specPath: badPath })).toMatchObject({ ok: true, verdict: { kind: "violates", step: 0 } });
  });
});

describe("saved traces replay", () => {
  it("on the spec they were saved from, with the verdict of their kind", async () => {
    const pool = modelFromFile("spec/pool.stake");
    const dep = { action: "deposit", params: { a: 0 }, caller: 0 };
    const cases: [object[], string][] = [
      [[dep, { action: "unbond", params: { a: 0 }, caller: 0 }, { action: "withdraw", params: { a: 0 }, caller: 1 }], "replays"],
      [[dep, { observed: { "stake[0]": 2 } }], "replays"],
      [[dep, { action: "deposit", params: { a: 0 }, caller: 0, delta: { "bal[0]": -2 } }], "replays"],
    ];
    for (const [lines, verdict] of cases) {
      const saveDir = save();
      const { summary } = await monitorLines(pool, lines, { saveDir });
      const r = replayTraceFile(summary.alert!.trace!);
      expect(r.kind).toBe("replayed");
      if (r.kind === "replayed") expect(r.verdict.kind).toBe(verdict);
    }
  });
});
