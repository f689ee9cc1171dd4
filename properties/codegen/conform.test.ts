// Conformance testing against examples/pool-impl: the correct pool conforms; the seeded bug
// (slashing rounds down) is caught and shrunk to deposit + slash, with the differing variable in
// the last step; the failing path replays; saved traces replay; actions the spec does not enable
// must be refused; adapter mistakes are usage errors, not divergences.

import { describe, expect, it } from "vitest";
import adapter, { poolAdapter, type Pool } from "../../examples/pool-impl/adapter.js";
import buggy from "../../examples/pool-impl/buggy-adapter.js";
import { StakingPool } from "../../examples/pool-impl/pool.js";
import {
  checkConformance,
  conformanceModel,
  conformanceTest,
  replayConformance,
  type ConformanceAdapter,
} from "../../src/api/conform.js";
import { renderConformance } from "../../src/report/conform-text.js";
import { modelFromText } from "../support/load.js";
import { runCli } from "../support/cli.js";

const SPEC = "spec/pool.stake";
const model = conformanceModel(SPEC);
const inst = (action: string, ...args: number[]) => model.encodeInstance(model.actions.findIndex((a) => a.name === action), args);

describe("conformance of examples/pool-impl to spec/pool.stake", () => {
  it("the correct pool conforms over 200 random walks", async () => {
    const r = await checkConformance(model, adapter, { runs: 200, seed: 42 });
    expect(r.failure).toBeNull();
    expect(r.ok).toBe(true);
    expect(r.random).toMatchObject({ runs: 200, ran: 200, maxSteps: 40 });
    expect(r.random!.steps).toBeGreaterThan(2000);
  });

  it("the seeded bug is caught and shrunk to deposit, slash; the last step shows stake differing", async () => {
    const r = await checkConformance(model, buggy, { runs: 200, seed: 42 });
    expect(r.ok).toBe(false);
    const f = r.failure!;
    expect(f.kind).toBe("state");
    expect(f.steps.map((s) => s.action.action)).toEqual(["deposit", "slash"]);
    const a = f.steps[1].action.a as number;
    expect(f.steps[0].action).toEqual({ action: "deposit", caller: a, a });
    expect(f.instances).toEqual([inst("deposit", a, a), inst("slash", a)]);
    expect({ variable: f.variable, at: f.at, expected: f.expected, found: f.found }).toEqual({ variable: "stake", at: `stake[${a}]`, expected: 0, found: 1 });
    expect(f.message).toBe(`after step 2, stake[${a}] is 1 in the implementation, 0 in the spec`);
    expect(f.origin).toMatchObject({ kind: "random", seed: 42 });

    const text = renderConformance(model, r, { spec: SPEC, adapter: "buggy-adapter.ts" });
    const lines = text.split("\n");
    const last = lines.findIndex((l) => l.startsWith("  step 2  slash"));
    expect(lines.slice(last, last + 7)).toEqual([
      `  step 2  slash(a = ${a})`,
      `    stake[${a}]: 1 -> 0`,
      "    slashed: 0 -> 1",
      "",
      "  the first differing variable is stake:",
      `    stake[${a}]: spec 0, implementation 1`,
      "    slashed: spec 1, implementation 0",
    ]);
    expect(text).toContain(`--instances ${f.instances.join(",")}`);
  });

  it("the shrunk path replays: the same divergence, and the correct pool passes it", async () => {
    const first = await checkConformance(model, buggy, { runs: 100, seed: 7 });
    const again = await replayConformance(model, buggy, first.failure!.instances);
    expect(again.failure).toMatchObject({ kind: "state", variable: "stake", instances: first.failure!.instances, origin: { kind: "path" } });
    expect((await replayConformance(model, adapter, first.failure!.instances)).ok).toBe(true);
  });

  it("the fast-check seed and path of a failure rerun it", async () => {
    const first = await checkConformance(model, buggy, { runs: 100, seed: 3 });
    const origin = first.failure!.origin as { seed: number; path: string };
    const rerun = await checkConformance(model, buggy, { runs: 100, seed: origin.seed, path: origin.path });
    expect(rerun.failure!.instances).toEqual(first.failure!.instances);
  });

  it("saved counterexamples are replayed before the random walks", async () => {
    const traces = [{ name: "slash-after-deposit", instances: [inst("deposit", 1, 1), inst("slash", 1)] }];
    const bad = await checkConformance(model, buggy, { traces, replayOnly: true });
    expect(bad.failure).toMatchObject({ origin: { kind: "trace", name: "slash-after-deposit" }, variable: "stake", at: "stake[1]" });
    const good = await checkConformance(model, adapter, { traces, runs: 10, seed: 1 });
    expect(good.ok).toBe(true);
    expect(good.traces).toEqual([{ name: "slash-after-deposit", steps: 2, ok: true }]);
  });

  it("replay stops, without blaming the implementation, where the spec itself fails well_typed", async () => {
    const counter = modelFromText("spec Counter\nvar x: 0 .. 1 = 0\naction inc() { x += 1 }\n");
    const impl: ConformanceAdapter<{ x: number }> = { init: () => ({ x: 0 }), apply: (c) => void c.x++, read: (c) => ({ x: c.x }) };
    const r = await replayConformance(counter, impl, [0, 0, 0]);
    expect(r.ok).toBe(true);
    expect(r.traces).toEqual([{ name: "--instances", steps: 1, ok: true, note: "step 2 fails the spec's own well_typed check; replay stopped there" }]);
    await expect(replayConformance(counter, impl, [1])).rejects.toThrow("action instance 1 does not exist in spec Counter (it has 0 .. 0)");
  });

  it("an action the spec does not enable must be refused: a pool that lets anyone withdraw is caught", async () => {
    // The adapter passes the owner as sender, so the pool's access check never sees the real caller.
    const theft: ConformanceAdapter<Pool, Parameters<typeof adapter.apply>[1]> = {
      ...adapter,
      apply: (pool, action) => (action.action === "withdraw" ? pool.withdraw(`account-${action.a}`, `account-${action.a}`) : adapter.apply(pool, action)),
    };
    const r = await checkConformance(model, theft, { runs: 200, seed: 5 });
    expect(r.failure?.kind).toBe("state");
    const lastStep = r.failure!.steps[r.failure!.steps.length - 1];
    expect(lastStep.action.action).toBe("withdraw");
    expect(lastStep.enabled).toBe(false);
    expect(r.failure!.message).toMatch(/the spec does not allow this step here and the implementation accepted it; (bal|pending)\[/);
    // Without trying disabled actions, the hole is invisible.
    expect((await checkConformance(model, theft, { runs: 100, seed: 5, disabledActions: false })).ok).toBe(true);
  });

  it("an implementation that refuses an action the spec allows is caught (kind rejected)", async () => {
    const noRewards = poolAdapter(
      class extends StakingPool {
        override reward(): void {
          throw new Error("rewards are paused");
        }
      },
    );
    const r = await checkConformance(model, noRewards, { runs: 100, seed: 9 });
    expect(r.failure).toMatchObject({ kind: "rejected", message: "the spec allows this step, but the implementation refused it: rewards are paused" });
    expect(r.failure!.steps.map((s) => s.action.action)).toEqual(["deposit", "reward"]);
  });

  it("adapter mistakes are usage errors", async () => {
    await expect(checkConformance(model, { init: () => 0, apply: () => {} } as never)).rejects.toThrow("an adapter is an object with init(), apply() and read() functions; this one has no read");
    const typo = { ...adapter, read: (p: Pool) => ({ ...adapter.read(p), balance: 0 }) };
    await expect(checkConformance(model, typo as never, { runs: 5, seed: 1 })).rejects.toThrow(
      "the adapter's read() returned `balance`, which is not a variable of spec StakingPool (its variables: bal, stake, pending, slashed, minted)",
    );
    const missing = { ...adapter, read: (p: Pool) => ({ ...adapter.read(p), minted: undefined }) };
    const r = await checkConformance(model, missing as never, { runs: 5, seed: 1 });
    expect(r.failure).toMatchObject({ kind: "error", instances: [], message: "in the initial state, the adapter's read() returned a value the spec cannot hold: minted: expected an integer, found undefined" });
  });
});

describe("the vitest helper", () => {
  it("passes for the correct pool", conformanceTest(SPEC, adapter, { runs: 50, seed: 11 }));

  it("throws the readable report for the buggy pool", async () => {
    await expect(conformanceTest(SPEC, buggy, { runs: 50, seed: 11, save: false })()).rejects.toThrow(/the first differing variable is stake:\n {4}stake\[\d\]: spec 0, implementation 1/);
  });
});

describe("stakecheck conform", () => {
  it("loads a TypeScript adapter with tsx: exit 0 for the pool, 1 with the shrunk trace for the bug", async () => {
    const ok = await runCli(["conform", SPEC, "--impl", "examples/pool-impl/adapter.ts", "--seed", "1", "--runs", "50"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("✓ the implementation conforms to the spec");
    const bad = await runCli(["conform", SPEC, "--impl", "examples/pool-impl/buggy-adapter.ts", "--seed", "1", "--no-save"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ the implementation diverges from the spec after step 2/);
    const replay = /--instances (\S+)/.exec(bad.stdout)![1];
    const again = await runCli(["conform", SPEC, "--impl", "examples/pool-impl/buggy-adapter.ts", "--instances", replay]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("the first differing variable is stake:");
  });

  it("usage errors exit 2 with one line", async () => {
    expect(await runCli(["conform", SPEC, "--impl", "examples/pool-impl/nope.ts"])).toMatchObject({ code: 2 });
    expect((await runCli(["conform", SPEC, "--impl", "examples/pool-impl/pool.ts"])).stderr).toBe(
      "stakecheck: examples/pool-impl/pool.ts: export the adapter as the default export (or as `adapter`)\n",
    );
    expect((await runCli(["conform", SPEC])).stderr).toContain("required option '--impl <ADAPTER>' not specified");
    expect((await runCli(["conform", SPEC, "--impl", "examples/pool-impl/adapter.ts", "--instances", "0,x"])).stderr).toBe(
      "stakecheck: --instances 0,x: expected action instance numbers separated by commas, such as 0,9,4\n",
    );
  });
});
