// The second edition's values in counterexample files: a golden pair of traces (fractions, tuples,
// options, sets of records, set-, record- and tuple-valued parameters) that `check --save` writes
// byte for byte, in the documented ITF forms, and that replay says still violate.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { counterexampleData } from "../../src/html/counterexample.js";
import { readTraceFile } from "../../src/trace/read.js";
import { runCli } from "../support/cli.js";
import { modelFromFile } from "../support/load.js";
import { itfProblems } from "./support/itf-check.js";

const SPEC = "properties/trace/fixtures/values.stake";
const GOLDEN = "properties/trace/fixtures/values-traces";
const CALM = "values-calm-048aff70.itf.json";
const WELL_TYPED = "values-well_typed-9ff81cbd.itf.json";
const dir = mkdtempSync(join(tmpdir(), "stakecheck-values-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("counterexamples with fractions, tuples, options and subsets", () => {
  it("check --save writes the golden files, byte for byte", async () => {
    const r = await runCli(["check", SPEC, "--invariant", "calm", "--continue", "--max-depth", "4", "--workers", "1", "--save", dir]);
    expect(r.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([CALM, WELL_TYPED]);
    for (const f of [CALM, WELL_TYPED]) expect(readFileSync(join(dir, f), "utf8")).toBe(readFileSync(join(GOLDEN, f), "utf8"));
    // The text shows the values as written in the spec.
    expect(r.stdout).toContain("  step 1  slash(v = 0, rate = 1/4)\n    stake[0]: 2 -> 3/2\n");
    expect(r.stdout).toContain("  step 2  attest(b = {who: 0, epoch: 1}, l = (1, 1))\n");
    expect(r.stdout).toContain("    exit_epoch[0]: none -> some(1)\n");
    expect(r.stdout).toContain("  step 4  commit(w = {0, 1})\n    committed: +{0, 1}\n");
    // Element-level changes of a set of tuples and a set of records, a map keyed by tuples.
    expect(r.stdout).toContain("    links: +{(1, 1)}\n    weight[(1, 1)]: 0 -> 1\n    votes: +{{who: 0, epoch: 1}}\n");
    expect(r.stdout).toContain("error: `stake[v]` would be 9/8, which is not a multiple of 1/2: round it with floor(..., 1/2) or ceil(..., 1/2)");
  });

  it("the files hold the documented ITF forms, never a scaled integer", () => {
    const json = JSON.parse(readFileSync(join(GOLDEN, CALM), "utf8"));
    expect(itfProblems(json)).toEqual([]);
    const last = json.states[4];
    const big = (n: number) => ({ "#bigint": String(n) });
    expect(last["#meta"]).toEqual({ index: 4, action: "commit", params: { w: { "#set": [big(0), big(1)] } } });
    expect(json.states[1]["#meta"].params).toEqual({ v: big(0), rate: { num: big(1), den: big(4) } });
    expect(json.states[2]["#meta"].params).toEqual({ b: { who: big(0), epoch: big(1) }, l: { "#tup": [big(1), big(1)] } });
    expect(last.stake["#map"][0]).toEqual([big(0), { num: big(3), den: big(2) }]);
    expect(last.stake["#map"][1]).toEqual([big(1), { num: big(2), den: big(1) }]);
    expect(last.links).toEqual({ "#set": [{ "#tup": [big(1), big(1)] }] });
    expect(last.weight["#map"][0]).toEqual([{ "#tup": [big(1), big(1)] }, big(1)]);
    expect(last.exit_epoch["#map"].slice(0, 2)).toEqual([
      [big(0), { tag: "Some", value: big(1) }],
      [big(1), { tag: "None", value: { "#tup": [] } }],
    ]);
    expect(last.votes).toEqual({ "#set": [{ who: big(0), epoch: big(1) }] });
  });

  it("replay: both still violate on the unchanged spec", async () => {
    const r = await runCli(["replay", GOLDEN, "--expect", "violation"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("✓")).sort()).toEqual([
      `✓ ${join(GOLDEN, CALM)}: still violates invariant calm after step 4`,
      `✓ ${join(GOLDEN, WELL_TYPED)}: still violates well_typed at step 2: \`stake[v]\` would be 9/8, which is not a multiple of 1/2: round it with floor(..., 1/2) or ceil(..., 1/2)`,
    ]);
  });

  it("the HTML report shows them as the spec writes them: parameters, changes and whole states", () => {
    const data = counterexampleData({ trace: readTraceFile(join(GOLDEN, CALM)), model: modelFromFile(SPEC) }, "c");
    const steps = data.steps.map((st) => ({ params: st.params, changes: st.changes }));
    expect(steps[0]).toEqual({ params: [["v", "0"], ["rate", "1/4"]], changes: [{ k: "value", path: "stake[0]", before: "2", after: "3/2" }] });
    expect(steps[1].params).toEqual([["b", "{who: 0, epoch: 1}"], ["l", "(1, 1)"]]);
    expect(steps[1].changes).toContainEqual({ k: "set", path: "links", added: ["(1, 1)"], removed: [] });
    expect(steps[2].changes).toEqual([{ k: "value", path: "exit_epoch[0]", before: "none", after: "some(1)" }]);
    expect(steps[3].params).toEqual([["w", "{0, 1}"]]);
  });
});
