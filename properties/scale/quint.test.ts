// ITF both ways with Quint's tools (@informalsystems/quint 0.33.0's library; its CLI is not used):
// - Quint's ITF reader parses every counterexample we write (the corpus, and written random walks),
//   and Quint's runtime reads each state's action and picks from `mbt::actionTaken` and
//   `mbt::nondetPicks` (VarStorage.fromRecord, what its MBT replay uses), matching our `#meta`;
// - a trace Quint's own ITF writer produced (no stakecheck #meta) replays with `replay --spec` on a
//   spec whose variables and actions match by name, and a mismatch is one message naming the first;
// - files without the MBT variables (formats 1 and 2) still read and replay.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replayTraceFile } from "../../src/api/replay.js";
import type { Model } from "../../src/model/model.js";
import { traceFromViolation } from "../../src/trace/from-model.js";
import { readTraceText } from "../../src/trace/read.js";
import { writeTrace } from "../../src/trace/write.js";
import { runCli } from "../support/cli.js";
import { modelFromFile } from "../support/load.js";
import { randomWalk } from "../trace/support/walk.js";

const require = createRequire(import.meta.url);
type QuintEx = { kind: string; value?: unknown; opcode?: string; args?: QuintEx[] };
const quintItf = require("@informalsystems/quint/dist/src/itf.js") as {
  ofItf(t: unknown): QuintEx[];
  toItf(vars: string[], states: QuintEx[], mbt: boolean): { isRight(): boolean; value: { vars: string[]; states: Record<string, unknown>[] } };
};
const { rv } = require("@informalsystems/quint/dist/src/runtime/impl/runtimeValue.js");
const { VarStorage } = require("@informalsystems/quint/dist/src/runtime/impl/VarStorage.js");

/** What a Quint driver reads from a state: the action taken, and the picks made (by name; a pick
 * made is a `Some` variant, as Quint's runtime keeps it). */
function quintStep(ex: QuintEx): { action: string | undefined; picks: Map<string, unknown> } {
  const storage = new VarStorage(true, new Map());
  storage.fromRecord(rv.fromQuintEx(ex));
  const picks = new Map<string, unknown>();
  for (const [k, v] of storage.nondetPicks as Map<string, { toVariant(): [string, { toQuintEx(g: unknown): QuintEx }] } | undefined>) {
    if (v === undefined) continue;
    const [tag, value] = v.toVariant();
    expect(tag).toBe("Some");
    picks.set(k, plain(value.toQuintEx({ nextId: () => 0n })));
  }
  return { action: storage.actionTaken, picks };
}

const bySortKey = (xs: unknown[]) => xs.map((x) => [JSON.stringify(x), x] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, x]) => x);

/** A Quint value as plain data, to compare with ours (ints as numbers, enums as names, records as
 * objects, tuples and lists as arrays, sets and maps as sorted arrays). */
function plain(ex: QuintEx): unknown {
  if (ex.kind === "int") return Number(ex.value);
  if (ex.kind !== "app") return ex.value;
  const args = ex.args ?? [];
  switch (ex.opcode) {
    case "Rec":
      return Object.fromEntries(args.flatMap((a, i) => (i % 2 === 0 ? [[a.value as string, plain(args[i + 1])]] : [])));
    case "Tup":
    case "List":
      return args.map(plain);
    case "Set":
    case "Map":
      return { set: bySortKey(args.map(plain)) };
    case "variant":
      return { tag: args[0].value, value: plain(args[1]) };
    default:
      return { app: ex.opcode, args: args.map(plain) };
  }
}

/** Our ITF value as the same plain data. */
function plainItf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plainItf);
  if (typeof v !== "object" || v === null) return v;
  const o = v as Record<string, unknown>;
  if ("#bigint" in o) return Number(o["#bigint"]);
  if ("#tup" in o) return (o["#tup"] as unknown[]).map(plainItf);
  if ("#set" in o) return { set: bySortKey((o["#set"] as unknown[]).map(plainItf)) };
  if ("#map" in o) return { set: bySortKey((o["#map"] as unknown[][]).map((kv) => kv.map(plainItf))) };
  if ("tag" in o && "value" in o && Object.keys(o).length === 2) return { tag: o.tag, value: plainItf(o.value) };
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plainItf(x)]));
}

/** Every state of our file as Quint's reader sees it, checked against our #meta. */
function checkWithQuint(text: string): void {
  const json = JSON.parse(text);
  const states = quintItf.ofItf(json);
  expect(states.length).toBe(json.states.length);
  json.states.forEach((s: Record<string, unknown>, i: number) => {
    const meta = s["#meta"] as { action?: string; params?: Record<string, unknown>; caller?: unknown; picks?: Record<string, unknown> };
    const { action, picks } = quintStep(states[i]);
    expect(action).toBe(i === 0 ? "init" : meta.action);
    const ours = new Map<string, unknown>();
    const val = plainItf;
    for (const [k, v] of Object.entries({ ...meta.params, ...meta.picks })) ours.set(k, val(v));
    if (meta.caller !== undefined) expect([...picks.values()]).toContainEqual(val(meta.caller));
    for (const [k, v] of ours) expect(picks.get(k), `state ${i} pick ${k}`).toEqual(v);
    expect(picks.size).toBe(ours.size + (meta.caller !== undefined ? 1 : 0));
  });
}

/** Our file as Quint's own writer writes those states: no stakecheck #meta, Quint's MBT variables. */
function asQuintTrace(text: string, vars: (v: string) => string = (v) => v): Record<string, unknown> {
  const json = JSON.parse(text);
  const states = quintItf.ofItf(json);
  const out = quintItf.toItf(
    json.vars.filter((v: string) => !v.startsWith("mbt::")),
    states,
    true,
  );
  expect(out.isRight()).toBe(true);
  const t = out.value;
  const rename = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k.startsWith("mbt::") || k === "#meta" ? k : vars(k), v]));
  return { "#meta": { format: "ITF", source: "spec.qnt", status: "ok" }, vars: t.vars.map((v) => (v.startsWith("mbt::") ? v : vars(v))), states: t.states.map(rename) };
}

const MODELS: [string, Model][] = [
  ["spec/pool.stake", modelFromFile("spec/pool.stake")],
  ["spec/vault.stake", modelFromFile("spec/vault.stake")],
  ["properties/trace/fixtures/rich.stake", modelFromFile("properties/trace/fixtures/rich.stake")],
];

const dir = mkdtempSync(join(tmpdir(), "stakecheck-quint-"));

describe("Quint reads our counterexamples", () => {
  const corpus = readdirSync("counterexamples").filter((f) => f.endsWith(".itf.json"));
  it.each(corpus)("counterexamples/%s: Quint's reader parses it, and its runtime reads our actions and picks", (f) => {
    checkWithQuint(readFileSync(join("counterexamples", f), "utf8"));
  });

  it("every written random walk, in Quint's reader and in ours (the MBT variables agree with #meta)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MODELS.length - 1 }), fc.array(fc.nat(1000), { maxLength: 10 }), fc.nat(50), (m, choices, prop) => {
        const [path, model] = MODELS[m];
        const text = writeTrace(model, traceFromViolation(model, randomWalk(model, choices, prop), { explorer: { kind: "bfs" }, specPath: path }));
        checkWithQuint(text);
        expect(readTraceText(text, "walk.itf.json").vars).toEqual(model.vars.map((v) => v.name));
      }),
      { seed: 5, numRuns: 120 },
    );
  });
});

describe("replay --spec reads Quint's MBT traces", () => {
  const VAULT = "counterexamples/vault-withdraw-no-auth-no_unauthorized_withdrawal-7626f249.itf.json";
  const write = (name: string, json: unknown) => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(json, null, 1));
    return p;
  };

  it("a trace written by Quint's own writer: violates on the buggy spec, diverges on the fixed one", async () => {
    const file = write("vault.itf.json", asQuintTrace(readFileSync(VAULT, "utf8")));
    const buggy = await runCli(["replay", "--spec", "spec/buggy/vault-withdraw-no-auth.stake", "--expect", "violation", file]);
    expect(buggy.code).toBe(0);
    expect(buggy.stdout).toContain(`✓ ${file}: violates step no_unauthorized_withdrawal at step 3`);
    const fixed = await runCli(["replay", "--spec", "spec/vault.stake", file]);
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain(`✗ ${file}: diverged at step 3: \`withdraw(amount = 1) by caller = Operator\` is not enabled in the spec`);
    expect(fixed.stdout).toContain("its guard is false: spec/vault.stake:");
  });

  it("module-qualified variables, duplicated MBT vars and enums as Quint variants; a run that violates nothing replays", () => {
    const [path, model] = MODELS[2];
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 8 }), (choices) => {
        // A walk's states, with the property made to hold (a run, not a counterexample).
        const v = randomWalk(model, choices, 0);
        if (v.failure) return;
        const text = writeTrace(model, traceFromViolation(model, { ...v, property: { kind: "invariant", index: 0, name: model.spec.invariants[0].name } }, { explorer: { kind: "bfs" }, specPath: path }));
        const q = asQuintTrace(text, (x) => `richTest::rich::${x}`) as { vars: string[]; states: Record<string, unknown>[] };
        q.vars.push("mbt::actionTaken", "mbt::nondetPicks"); // Quint 0.33 lists them twice
        for (const s of q.states) s["richTest::rich::mode"] = { tag: s["richTest::rich::mode"], value: { "#tup": [] } };
        const file = write("rich.itf.json", q);
        const o = replayTraceFile(file, { specPath: path });
        if (o.kind !== "replayed") throw new Error(o.message);
        // Invariant 0 of rich.stake may or may not hold along a random walk: whichever it is, the
        // verdict says so at the first state where one fails, as a search would.
        expect(["replays", "violates"]).toContain(o.verdict.kind);
        if (o.verdict.kind === "replays") expect(o.verdict.steps).toBe(v.instances.length);
      }),
      { seed: 8, numRuns: 40 },
    );
  });

  it("a mismatch is one message naming the first (exit 2); without --spec, replay says to give one", async () => {
    const base = asQuintTrace(readFileSync(VAULT, "utf8")) as { vars: string[]; states: Record<string, unknown>[] };
    const cases: [string, (j: typeof base) => void, string][] = [
      ["unknown-var", (j) => (j.vars = j.vars.map((v) => (v === "vault" ? "vaults" : v))), "variable `vaults` of the trace is not a variable of spec `NonCustodialVault` (it has wallet, stake, credentials, vault, vault_rewards, commission_claimed, rewards, slashes, slashed) (and 1 more)"],
      ["unknown-action", (j) => (j.states[2]["mbt::actionTaken"] = "exitt"), "state 2: mbt::actionTaken is `exitt`, which is not an action of spec `NonCustodialVault`; did you mean `exit`?"],
      ["missing-pick", (j) => delete (j.states[3]["mbt::nondetPicks"] as Record<string, unknown>).amount, "state 3: action `withdraw` takes parameter `amount`, but mbt::nondetPicks has no value for it (it has values for caller)"],
      ["bad-value", (j) => (j.states[1].vault = { "#bigint": "99" }), "state 1, variable vault: 99 is outside 0 .. 5"],
    ];
    for (const [name, mutate, message] of cases) {
      const j = structuredClone(base);
      mutate(j);
      const file = write(`${name}.itf.json`, j);
      const r = await runCli(["replay", "--spec", "spec/vault.stake", file]);
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toContain(`✗ ${file}: error: does not match spec spec/vault.stake: ${message}`);
    }
    const alone = await runCli(["replay", write("alone.itf.json", base)]);
    expect(alone.code).toBe(2);
    expect(alone.stdout).toContain("error: a Quint MBT trace names no .stake spec; replay it with --spec PATH");
  });
});

describe("files of the earlier formats", () => {
  it("format 1 (no MBT variables), as saved before: still violates", () => {
    const o = replayTraceFile("properties/trace/fixtures/format-1-pool-no-owner-check.itf.json", { expect: "violation" });
    expect(o.kind === "replayed" && o.verdict.kind).toBe("violates");
    expect(o.ok).toBe(true);
  });

  it("format 2 (a conformance counterexample without MBT variables) reads as the same trace", () => {
    const text = readFileSync("counterexamples/pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json", "utf8");
    const j = JSON.parse(text);
    j["#meta"]["stakecheck-format"] = 2;
    j.vars = j.vars.filter((v: string) => !v.startsWith("mbt::"));
    for (const s of j.states) for (const k of Object.keys(s)) if (k.startsWith("mbt::")) delete s[k];
    const old = readTraceText(JSON.stringify(j), "old.itf.json");
    expect({ ...old, version: 3 }).toEqual(readTraceText(text, "new.itf.json"));
  });
});
