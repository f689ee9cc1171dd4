// The CI-sized smoke run of the robustness campaign (`npm run fuzz-inputs` is the full one): a
// few hundred mutants of the shipped specs and counterexamples, every one handled with an exit
// code of 0-3, no internal error or stack trace, every spec error located, within its budget.
// Seeded by STAKECHECK_SEED like every random test here.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Rng } from "../../src/explore/rng.js";
import { FC_SEED } from "../support/fc-seed.js";
import { mutateSpec, mutateTrace, sources } from "./mutate.js";
import { runSpecMutant, runTraceMutant } from "./run-one.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-robustness-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { specs, traces } = sources();
const BUDGET_MS = 30_000;

describe(`robustness smoke (seed ${FC_SEED}; replay with STAKECHECK_SEED=${FC_SEED})`, () => {
  it("150 spec mutants: exit 0-3, no internal error, every error located", async () => {
    const r = new Rng(FC_SEED);
    const bad: string[] = [];
    for (let i = 0; i < 150; i++) {
      const src = specs[r.below(specs.length)];
      const m = mutateSpec(src.text, r);
      const o = await runSpecMutant(dir, `spec-${i}`, m.text, BUDGET_MS);
      if (o.problems.length) bad.push(`#${i} ${src.path} (${m.kind}): ${o.problems.join("; ")}`);
    }
    expect(bad).toEqual([]);
  }, 600_000);

  it("80 counterexample mutants: exit 0-3, no internal error", async () => {
    const r = new Rng(FC_SEED ^ 0x5bd1e995);
    const bad: string[] = [];
    for (let i = 0; i < 80; i++) {
      const src = traces[r.below(traces.length)];
      const m = mutateTrace(src.text, r);
      const o = await runTraceMutant(dir, `trace-${i}`, m.text, BUDGET_MS);
      if (o.problems.length) bad.push(`#${i} ${src.path} (${m.kind}): ${o.problems.join("; ")}`);
    }
    expect(bad).toEqual([]);
  }, 600_000);
});
