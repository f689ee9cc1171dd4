// The CI-sized smoke run of the robustness campaign (`npm run fuzz-inputs` is the full one): a
// few hundred mutants of the shipped specs and counterexamples, every one handled with an exit
// code of 0-3, no internal error or stack trace, every spec error located, within its budget.
// Seeded by STAKECHECK_SEED like every random test here.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Rng } from "../../src/explore/rng.js";
import { FC_SEED } from "../support/fc-seed.js";
import { mutateSpec, mutateTrace, sources } from "./mutate.js";
import { runSpecMutant, runTraceMutant } from "./run-one.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-robustness-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { specs, traces } = sources();
const BUDGET_MS = 30_000;

/** Runs `n` mutants of `list` (mutated by `mutate`, run by `runOne`) and lists those handled badly. */
async function campaign(
  seed: number,
  n: number,
  list: typeof specs,
  mutate: typeof mutateSpec,
  runOne: (dir: string, name: string, text: string, budgetMs: number) => Promise<{ problems: string[] }>,
): Promise<string[]> {
  const r = new Rng(seed);
  const bad: string[] = [];
  for (let i = 0; i < n; i++) {
    const src = list[r.below(list.length)];
    const m = mutate(src.text, r);
    const o = await runOne(dir, `mutant-${i}`, m.text, BUDGET_MS);
    if (o.problems.length) bad.push(`#${i} ${src.path} (${m.kind}): ${o.problems.join("; ")}`);
  }
  return bad;
}

describe(`robustness smoke (seed ${FC_SEED}; replay with STAKECHECK_SEED=${FC_SEED})`, () => {
  it("150 spec mutants: exit 0-3, no internal error, every error located", async () => {
    expect(await campaign(FC_SEED, 150, specs, mutateSpec, runSpecMutant)).toEqual([]);
  }, 600_000);

  it("80 counterexample mutants: exit 0-3, no internal error", async () => {
    expect(await campaign(FC_SEED ^ 0x5bd1e995, 80, traces, mutateTrace, runTraceMutant)).toEqual([]);
  }, 600_000);
});

describe("npm run fuzz-inputs (scripts/fuzz-inputs.ts)", () => {
  const script = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "scripts/fuzz-inputs.ts", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("a tiny campaign runs its mutants in child processes and says OK (exit 0)", () => {
    const r = script("--specs", "3", "--traces", "2", "--workers", "1", "--seed", "2026");
    expect(r.stderr).toContain("stakecheck fuzz-inputs: 3 spec mutants, 2 counterexample mutants, seed 2026, 1 worker,");
    expect(r.stdout.replace(/ · \d+ s, \d+ CPU s\n$/, "")).toBe("stakecheck fuzz-inputs: OK · 3 spec mutants, 2 counterexample mutants, seed 2026 · 0 findings");
    expect(r.status).toBe(0);
  }, 120_000);

  it("runs a part of a campaign: the mutants numbered from --spec-from and --trace-from", () => {
    const r = script("--specs", "2", "--spec-from", "5", "--traces", "1", "--trace-from", "1k", "--workers", "1", "--seed", "2026");
    expect(r.stdout.replace(/ · \d+ s, \d+ CPU s\n$/, "")).toBe(
      "stakecheck fuzz-inputs: OK · 2 spec mutants (numbers 5 to 6), 1 counterexample mutants (numbers 1,000 to 1,000), seed 2026 · 0 findings",
    );
    expect(r.status).toBe(0);
  }, 120_000);

  it("--only replays one mutant alone", () => {
    const r = script("--only", "trace:1", "--seed", "2026");
    expect(r.stdout).toMatch(/^trace-1: counterexamples\/\S+\.itf\.json, [^;]+; written to \S+trace-1\.itf\.json\nhandled well \(exit [0-3], \d+ ms\)\n$/);
    rmSync(dirname(/written to (\S+)/.exec(r.stdout)![1]), { recursive: true, force: true });
    expect(r.status).toBe(0);
  }, 60_000);
});
