// Liveness counterexamples as files: ITF with its top-level `loop` (the last state's successor is
// states[loop]), the loop's closing step, the binders' values; written, read back, bound and
// replayed; every replay verdict (still violates, now passes because the property holds or because
// the loop is no longer fair, diverged); malformed lasso files refused in plain words.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { replayTraceFile } from "../../src/api/replay.js";
import { bindTrace } from "../../src/trace/bind.js";
import { traceFromViolation } from "../../src/trace/from-model.js";
import { readTraceText } from "../../src/trace/read.js";
import { replayBound } from "../../src/trace/replay.js";
import { writeTrace } from "../../src/trace/write.js";
import { renderReplayOutcome } from "../../src/report/replay-text.js";
import { specFromFile } from "../support/load.js";

const LIFO = "spec/buggy/unbonding-queue-lifo.stake";
const LIFO_TRACE = "counterexamples/unbonding-queue-lifo-finalized-cc9d667a.itf.json";
const PAUSE = "spec/buggy/unbonding-queue-pausable-claims.stake";
const PAUSE_TRACE = "counterexamples/unbonding-queue-pausable-claims-claimed-c5cc6f6d.itf.json";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-lasso-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of `spec` with one edit, where the trace's recorded path finds it. */
function edited(spec: string, from: string, to: string): string {
  const text = readFileSync(spec, "utf8");
  expect(text).toContain(from);
  const path = join(dir, `${Math.random().toString(36).slice(2)}.stake`);
  writeFileSync(path, text.replace(from, to));
  return path;
}

function mutated(trace: string, edit: (j: any) => void): string {
  const json = JSON.parse(readFileSync(trace, "utf8"));
  edit(json);
  const path = join(dir, `${Math.random().toString(36).slice(2)}.itf.json`);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
}

describe("lasso files", () => {
  it("write, read and replay: the same trace, ITF's loop last, the closing step and binding in #meta", () => {
    const run = check(specFromFile(LIFO));
    const v = run.result.violations[0];
    const trace = traceFromViolation(run.model, v, { explorer: { kind: "bfs" }, specPath: LIFO });
    const text = writeTrace(run.model, trace);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(["#meta", "vars", "states", "loop"]);
    expect(json.loop).toBe(2);
    expect(json.states).toHaveLength(6);
    expect(json["#meta"]["stakecheck-format"]).toBe(3);
    expect(json["#meta"].violation).toEqual({
      kind: "liveness",
      name: "finalized",
      step: 5,
      binding: { a: { "#bigint": "0" } },
      trigger: 1,
      loopStep: { action: "request", params: { a: { "#bigint": "1" } }, caller: { "#bigint": "1" } },
    });
    const read = readTraceText(text, "lifo.itf.json");
    expect(read).toEqual({ ...trace, version: 3 });
    const bound = bindTrace(run.model, read);
    expect("bound" in bound && replayBound(run.model, bound.bound)).toEqual({ kind: "violates", step: 5 });
    // The corpus holds exactly this file.
    expect(text).toBe(readFileSync(LIFO_TRACE, "utf8"));
  });

  it("still violates: the corpus's lassos on their buggy specs", () => {
    for (const file of [LIFO_TRACE, PAUSE_TRACE]) {
      const o = replayTraceFile(file, { expect: "violation" });
      expect(o.ok, renderReplayOutcome(o)).toBe(true);
    }
    expect(renderReplayOutcome(replayTraceFile(LIFO_TRACE, { expect: "violation" }))).toBe(`✓ ${LIFO_TRACE}: still violates liveness finalized (for a = 0) on its lasso`);
  });

  it("now passes, the loop no longer fair: the claim no longer waits for the pause", () => {
    const spec = edited(PAUSE, "  require not paused                            // the bug: a claim waits for the operator\n", "");
    const o = replayTraceFile(PAUSE_TRACE, { specPath: spec });
    expect(o.kind === "replayed" && o.verdict.kind).toBe("passes");
    expect(renderReplayOutcome(o).split("\n")[0]).toBe(
      `✓ ${PAUSE_TRACE}: now passes: the behaviour still violates liveness claimed (for a = 0), but it is not fair any more: claim(a = 0) is weakly fair and enabled throughout the loop but never taken, so no fair behaviour follows it`,
    );
  });

  it("now passes, the loop no longer fair: strong fairness of claim", () => {
    const spec = edited(PAUSE, "\nfair action claim(", "\nstrong fair action claim(");
    const o = replayTraceFile(PAUSE_TRACE, { specPath: spec });
    expect(renderReplayOutcome(o).split("\n")[0]).toContain("claim(a = 0) is strongly fair and enabled on the loop but never taken");
  });

  it("now passes, the property holding on the lasso", () => {
    const spec = edited(PAUSE, "claimable[a] > 0 ~> claimable[a] == 0", "claimable[a] > 0 ~> claimable[a] >= 1");
    const o = replayTraceFile(PAUSE_TRACE, { specPath: spec });
    expect(renderReplayOutcome(o).split("\n")[0]).toBe(`✓ ${PAUSE_TRACE}: now passes: liveness claimed (for a = 0) holds on this behaviour`);
  });

  it("diverged: the fixed keeper pays the oldest request at step 3", () => {
    const o = replayTraceFile(LIFO_TRACE, { specPath: "spec/unbonding-queue.stake" });
    expect(o.kind === "replayed" && o.verdict.kind === "diverged" && o.verdict.divergence).toMatchObject({ kind: "state", step: 3 });
  });

  it("diverged at the closing step: it no longer goes back to the loop's first state", () => {
    const file = mutated(PAUSE_TRACE, (j) => (j["#meta"].violation.loopStep = { action: "request", params: { a: { "#bigint": "1" } }, caller: { "#bigint": "1" } }));
    const o = replayTraceFile(file, { expect: "violation" });
    expect(o.kind === "replayed" && o.verdict.kind === "diverged" && o.verdict.divergence).toMatchObject({ kind: "disabled", step: 4 });
  });

  const bad: [string, (j: any) => void, string][] = [
    ["no loop", (j) => delete j.loop, 'field loop: missing (a liveness counterexample is a lasso: "loop" is the index of the state the last state goes back to)'],
    ["a loop past the last state", (j) => (j.loop = 7), "field loop: 7, but the last state is state 3"],
    ["a stutter that is not in the last state", (j) => delete j["#meta"].violation.loopStep, "field #meta.violation.loopStep: missing; without a closing step the last state stutters, so loop must be 3, found 2"],
    ["a trigger past the last state", (j) => (j["#meta"].violation.trigger = 9), "field #meta.violation.trigger: 9, but the last state is state 3"],
    ["a closing step on a finite counterexample", (j) => ((j["#meta"].violation.kind = "invariant"), (j["#meta"].violation.name = "conservation")), "field #meta.violation.loopStep: only a liveness counterexample has one"],
  ];
  it.each(bad)("refuses %s", (_, edit, message) => {
    const o = replayTraceFile(mutated(PAUSE_TRACE, edit));
    expect(o.kind).toBe("error");
    expect(o.kind === "error" && o.message).toContain(message);
  });

  it("refuses binder values the property does not have", () => {
    const unknown = replayTraceFile(mutated(PAUSE_TRACE, (j) => (j["#meta"].violation.binding = { b: { "#bigint": "0" } })));
    expect(unknown.kind === "error" && unknown.message).toContain("field #meta.violation.binding.a: missing (liveness `claimed` ranges `a` over its values)");
    expect(unknown.kind === "error" && unknown.message).toContain("field #meta.violation.binding.b: liveness `claimed` has no binder `b`");
    const outside = replayTraceFile(mutated(PAUSE_TRACE, (j) => (j["#meta"].violation.binding = { a: { "#bigint": "5" } })));
    expect(outside.kind === "error" && outside.message).toContain("field #meta.violation.binding.a: 5 is outside 0 .. 1");
  });
});
