// Conformance and counterexample files together: conform saves a shrunk divergence as a
// conformance counterexample, replays the spec's saved counterexamples before the random walks
// (a still-buggy implementation fails at the same step, a fixed one passes), `replay` checks the
// file's spec side, and the vitest helpers do the same in a user's suite.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import adapter, { type Pool } from "../../examples/pool-impl/adapter.js";
import buggy from "../../examples/pool-impl/buggy-adapter.js";
import { checkConformance, conformanceModel, type ConformanceAdapter } from "../../src/api/conform.js";
import { replayTraceFile } from "../../src/api/replay.js";
import { readTraceFile } from "../../src/trace/read.js";
import { checkConformanceInVitest, conformanceTest } from "../../src/vitest.js";
import { runCli } from "../support/cli.js";

const SPEC = "spec/pool.stake";
const BUGGY = "examples/pool-impl/buggy-adapter.ts";
const GOOD = "examples/pool-impl/adapter.ts";
const model = conformanceModel(SPEC);

const root = mkdtempSync(join(tmpdir(), "stakecheck-conform-trace-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fresh = (name: string) => mkdtempSync(join(root, `${name}-`));
const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".itf.json"));

describe("stakecheck conform with counterexample files", () => {
  it("saves the shrunk divergence of the buggy pool; the next runs replay it first; replay checks its spec side", async () => {
    const dir = fresh("cli");
    const first = await runCli(["conform", SPEC, "--impl", BUGGY, "--seed", "42", "--traces", dir]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`saved counterexamples: none for this spec in ${dir}`);
    expect(files(dir)).toHaveLength(1);
    const [name] = files(dir);
    expect(name).toMatch(/^pool-conformance-stake-[0-9a-f]{8}\.itf\.json$/);
    const file = join(dir, name);
    expect(first.stdout).toContain(`saved as ${file}: conform replays it first from now on`);

    // The file: format 3, a conformance violation after the last step, whose state is the spec's.
    const bytes = readFileSync(file, "utf8");
    expect(JSON.parse(bytes)["#meta"]["stakecheck-format"]).toBe(3);
    const t = readTraceFile(file);
    const at = t.violation.conformance?.at ?? "";
    const a = /^stake\[(\d)\]$/.exec(at)![1];
    expect(t.violation).toEqual({
      kind: "conformance",
      name: "stake",
      step: 2,
      conformance: { failure: "state", at: `stake[${a}]`, expected: 0, found: 1 },
      message: `after step 2, stake[${a}] is 1 in the implementation, 0 in the spec`,
    });
    expect(t.states.map((s) => s.step?.action ?? null)).toEqual([null, "deposit", "slash"]);
    expect((t.states[2].values.stake as Record<string, number>)[a]).toBe(0);
    expect(t.explorer).toMatchObject({ kind: "conform", seed: 42, flags: { impl: BUGGY, runs: 100, steps: 40 } });

    // Still buggy: the saved file fails first, at the same step, and is not saved again.
    const again = await runCli(["conform", SPEC, "--impl", BUGGY, "--seed", "7", "--traces", dir]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`  replayed ${file}: 2 steps, diverges (as saved: stake differed after step 2)`);
    expect(again.stdout).toContain(`✗ the implementation diverges from the spec after step 2 (saved counterexample ${file})`);
    expect(again.stdout).toContain(`the first differing variable is stake:\n    stake[${a}]: spec 0, implementation 1`);
    expect(again.stdout).not.toContain("random walks");
    expect(files(dir)).toEqual([name]);
    expect(readFileSync(file, "utf8")).toBe(bytes);

    // Fixed: the saved file passes, then the random walks run.
    const fixed = await runCli(["conform", SPEC, "--impl", GOOD, "--seed", "1", "--runs", "20", "--traces", dir]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`  replayed ${file}: 2 steps, conforms (fixed: stake differed after step 2 when it was saved)`);
    expect(fixed.stdout).toContain("random walks: 20 runs");
    expect(fixed.stdout).toContain("✓ the implementation conforms to the spec");

    // replay: the spec side still takes these steps to these states, whatever --expect says.
    for (const extra of [[], ["--expect", "violation"]]) {
      const r = await runCli(["replay", file, ...extra]);
      expect(r.code).toBe(0);
      expect(r.stdout.split("\n").slice(0, 2)).toEqual([
        `✓ ${file}: replays on the spec: its 2 steps reach the recorded states; the implementation it was saved from diverged after step 2 (stake[${a}]: spec 0, implementation 1)`,
        `    to test an implementation against it: stakecheck conform spec/pool.stake --impl ${BUGGY}`,
      ]);
      expect(r.stdout).toMatch(/stakecheck replay: OK · 1 spec, 1 counterexample: 1 replays on the spec/);
    }
  });

  it("--no-save writes nothing; a corrupt file in the directory is an error in plain words (exit 2)", async () => {
    const dir = fresh("nosave");
    const r = await runCli(["conform", SPEC, "--impl", BUGGY, "--seed", "42", "--traces", dir, "--no-save"]);
    expect(r.code).toBe(1);
    expect(files(dir)).toEqual([]);
    writeFileSync(join(dir, "broken.itf.json"), '{"#meta": {"stakecheck-format": 2}, "vars": [], "states": [');
    const bad = await runCli(["conform", SPEC, "--impl", GOOD, "--traces", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`stakecheck: ${join(dir, "broken.itf.json")}: the JSON ends early: the file is truncated\n`);
  });
});

describe("conformance counterexamples through the API", () => {
  // The adapter passes the owner as sender, so anyone can withdraw: caught on a step the spec does not enable.
  const theft: ConformanceAdapter<Pool, Parameters<typeof adapter.apply>[1]> = {
    ...adapter,
    apply: (pool, action) => (action.action === "withdraw" ? pool.withdraw(`account-${action.a}`, `account-${action.a}`) : adapter.apply(pool, action)),
  };

  it("a divergence on a step the spec does not enable is saved with that step marked, and replays the same way", async () => {
    const dir = fresh("theft");
    const r = await checkConformance(model, theft, { runs: 200, seed: 5, dir, impl: "theft.ts" });
    expect(r.saved?.status).toBe("created");
    const f = r.failure!;
    const last = f.steps[f.steps.length - 1];
    expect(last).toMatchObject({ enabled: false, action: { action: "withdraw" } });
    const t = readTraceFile(r.saved!.path);
    expect(t.states.map((s) => s.step?.disabled === true)).toEqual([false, ...f.steps.map((s) => !s.enabled)]);
    expect(t.violation).toMatchObject({ kind: "conformance", name: f.variable, step: f.steps.length, conformance: { failure: "state", at: f.at, expected: f.expected, found: f.found } });
    // The spec did not change the state on the refused step.
    expect(t.states[t.states.length - 1].values).toEqual(t.states[t.states.length - 2].values);

    const o = replayTraceFile(r.saved!.path);
    expect(o.kind === "replayed" && o.verdict).toEqual({ kind: "replays", steps: f.steps.length });

    const still = await checkConformance(model, theft, { dir, replayOnly: true });
    expect(still.failure).toMatchObject({ origin: { kind: "trace", name: r.saved!.path }, variable: f.variable, at: f.at, instances: f.instances });
    expect(still.traces).toEqual([{ name: r.saved!.path, steps: f.steps.length, ok: false, note: `as saved: ${f.variable} differed after step ${f.steps.length}` }]);
    const good = await checkConformance(model, adapter, { dir, replayOnly: true });
    expect(good.ok).toBe(true);
  });

  it("the same search saves the same file name and bytes; a later search replays that file first and saves nothing", async () => {
    const [d1, d2] = [fresh("same"), fresh("same")];
    const a = await checkConformance(model, buggy, { runs: 100, seed: 42, dir: d1, impl: BUGGY });
    const b = await checkConformance(model, buggy, { runs: 100, seed: 42, dir: d2, impl: BUGGY });
    expect(files(d1)).toEqual(files(d2));
    expect(readFileSync(a.saved!.path, "utf8")).toBe(readFileSync(b.saved!.path, "utf8"));
    expect([a.saved!.status, b.saved!.status]).toEqual(["created", "created"]);
    const c = await checkConformance(model, buggy, { runs: 100, seed: 7, dir: d1, impl: BUGGY });
    expect(c.failure?.origin).toEqual({ kind: "trace", name: a.saved!.path });
    expect(c.saved).toBeUndefined();
    expect(files(d1)).toHaveLength(1);
  });

  it("counterexamples saved with other consts, or for another spec, are not replayed", async () => {
    const dir = fresh("consts");
    await checkConformance(model, buggy, { runs: 100, seed: 42, dir });
    const other = conformanceModel(SPEC, { START: 2 });
    const r = await checkConformance(other, buggy, { dir, replayOnly: true });
    expect(r.traces).toEqual([{ name: join(dir, files(dir)[0]), steps: 0, ok: true, skipped: true, note: "saved with START = 3; this run has START = 2" }]);
    // The project's corpus holds counterexamples of other specs only.
    expect((await checkConformance(model, adapter, { dir: "counterexamples", replayOnly: true })).traces).toEqual([]);
  });
});

describe("stakecheck/vitest", () => {
  const dir = fresh("vitest");
  checkConformanceInVitest(SPEC, adapter, { runs: 20, seed: 3, dir, name: "the example pool conforms (checkConformanceInVitest)" });

  it("conformanceTest fails with the report and saves the divergence; the next run replays it first", async () => {
    const sub = fresh("vitest-buggy");
    const run = conformanceTest(SPEC, buggy, { runs: 50, seed: 11, dir: sub, impl: BUGGY });
    await expect(run()).rejects.toThrow(/the first differing variable is stake:[\s\S]*saved as .*pool-conformance-stake-[0-9a-f]{8}\.itf\.json/);
    await expect(run()).rejects.toThrow(/replayed .*pool-conformance-stake-[0-9a-f]{8}\.itf\.json: 2 steps, diverges \(as saved: stake differed after step 2\)/);
    expect(files(sub)).toHaveLength(1);
    await conformanceTest(SPEC, adapter, { runs: 10, seed: 1, dir: sub })();
  });
});
