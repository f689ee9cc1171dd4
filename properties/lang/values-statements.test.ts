// The second edition's values inside its statements (properties/lang/fixtures/values-statements.stake):
// `for` over a set of records and over a set of tuples, procs taking a fraction and an option, a fair
// action with a set parameter and a liveness property bound over every subset. The compiled model
// against the reference interpreter (same states, same violations), the fair-cycle search against
// the naive one for every subset, and the counterexample text showing the values as written.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/compile/compile.js";
import { bfs } from "../../src/explore/bfs.js";
import { livenessSearch } from "../../src/explore/liveness/search.js";
import { livenessInstances } from "../../src/ir/liveness.js";
import { naiveBfs } from "../support/naive-bfs.js";
import { specFromFile } from "../support/load.js";
import { runCli } from "../support/cli.js";
import { naiveGraph, naiveVerdict } from "../liveness/naive.js";

const FILE = "properties/lang/fixtures/values-statements.stake";

describe("values in loops, procs and liveness binders", () => {
  const spec = specFromFile(FILE);
  const model = compileModel(spec);

  it("the compiled model reaches the reference interpreter's states and violations", () => {
    const want = naiveBfs(spec, { continueAll: true });
    expect(want.tooBig).toBe(false);
    const got = bfs(model, { continueAfterViolation: true, exact: true });
    expect({ distinct: got.stats.distinct, generated: got.stats.generated }).toEqual({ distinct: 3_468, generated: 26_083 });
    expect({ distinct: want.distinct, generated: want.generated }).toEqual({ distinct: 3_468, generated: 26_083 });
    expect(got.violations.map((v) => `${v.property.kind}:${v.property.name}:${v.instances.length}`)).toEqual(want.violations.map((v) => `${v.kind}:${v.name}:${v.instances.length}`));
  });

  it("the fair-cycle search agrees with the naive one for every subset binding", () => {
    const graph = naiveGraph(spec, 10_000)!;
    expect(graph.states.length).toBe(3_468);
    const result = livenessSearch(model, { continueAfterViolation: true });
    const l = spec.liveness![0];
    const outcome = result.liveness!.properties[0]!;
    const failing = new Set(outcome.failing.map((b) => JSON.stringify(b)));
    // Instances in subset order: {}, {0}, {1}, {0, 1}.
    const verdicts = Array.from({ length: livenessInstances(l) }, (_, b) => naiveVerdict(spec, graph, l, b));
    expect(verdicts).toEqual(["holds", "violated", "violated", "holds"]);
    verdicts.forEach((want, b) => expect(failing.has(JSON.stringify([b])) ? "violated" : "holds").toBe(want));
  });

  it("check prints records, tuples, fractions and subsets as the spec writes them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-values-statements-"));
    const r = await runCli(["check", FILE, "--continue", "--workers", "1", "--save", dir]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  ✗ liveness committed  violated for w = {0}, w = {1} (lasso: 1 step, then stuttering; the lasso below is for w = {0})\n");
    expect(r.stdout).toContain("  step 1  attest(a = {who: 0, epoch: 0})\n    atts: +{{who: 0, epoch: 0}}\n    links: +{(0, 0)}\n");
    expect(r.stdout).toContain("  step 2  slash(r = 1)\n    atts: -{{who: 0, epoch: 0}}\n    stake[0]: 1 -> 0\n");
    expect(r.stdout + r.stderr).toContain("warning: liveness `committed` holds vacuously for w = {}:");
  });
});
