// One test per replay verdict: the corpus's counterexamples replayed on edited copies of their
// specs (fixed, guarded, reworded, changed), with the exact verdict text pinned.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { replayTraceFile, resolveSpecPath, type ReplayOutcome } from "../../src/api/replay.js";
import { saveViolations } from "../../src/trace/save.js";
import { specFromFile } from "../support/load.js";
import { variants, verdictText } from "./support/variant.js";

const POOL_SPEC = "spec/buggy/pool-no-owner-check.stake";
const POOL_TRACE = "counterexamples/pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json";
const BFT_SPEC = "spec/anchor-bft.stake";
const BFT_TRACE = "counterexamples/anchor-bft-Agreement-e4442733.itf.json";
const RICH_SPEC = "properties/trace/fixtures/rich.stake";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const variant = variants(dir);
const text = (o: ReplayOutcome) => verdictText(o, dir);

describe("replay verdicts", () => {
  it("still violates: the corpus's counterexample on its unchanged spec", () => {
    const o = replayTraceFile(POOL_TRACE, { expect: "violation" });
    expect(o.kind === "replayed" && o.verdict).toEqual({ kind: "violates", step: 3 });
    expect(o.ok).toBe(true);
    expect(o.kind === "replayed" && o.specChanged).toBe(false);
    expect(text(o)).toBe(`✓ ${POOL_TRACE}: still violates step no_unauthorized_withdrawal at step 3`);
    // By default a verdict is reported, not judged; with --expect pass, a bug that still
    // reproduces is a failure, shown again in full.
    expect(replayTraceFile(POOL_TRACE).ok).toBe(true);
    const strict = replayTraceFile(POOL_TRACE, { expect: "pass" });
    expect(strict.ok).toBe(false);
    expect(text(strict)).toContain("step 3  withdraw(a = 0) by caller = 1\n        bal[1]: 3 -> 4");
  });

  it("now passes: withdraw pays the owner instead of the caller, so the last step is harmless", () => {
    const fixed = variant("fixed", POOL_SPEC, "bal[caller] += pending[a]", "bal[a] += pending[a]");
    const o = replayTraceFile(POOL_TRACE, { specPath: fixed });
    expect(o.kind === "replayed" && o.verdict.kind).toBe("passes");
    expect(o.ok).toBe(true);
    expect(text(o)).toBe(
      [
        `✓ ${POOL_TRACE}: now passes: step no_unauthorized_withdrawal holds at step 3`,
        "    the last step now gives bal[0]: recorded 2, now 3; bal[1]: recorded 4, now 3",
        "    note: fixed.stake changed since this counterexample was saved (its sha256 differs)",
      ].join("\n"),
    );
  });

  it("diverged: the owner check is back, so the last step is not enabled any more", () => {
    const guarded = variant("guarded", POOL_SPEC, "  require pending[a] >= 1\n", "  require pending[a] >= 1\n  require caller == a\n");
    const o = replayTraceFile(POOL_TRACE, { specPath: guarded });
    expect(o.kind === "replayed" && o.verdict).toMatchObject({ kind: "diverged", divergence: { kind: "disabled", step: 3 } });
    expect(text(o)).toBe(
      [
        `✗ ${POOL_TRACE}: diverged at step 3: \`withdraw(a = 0) by caller = 1\` is not enabled any more`,
        "    its guard is false: guarded.stake:52:3  require caller == a",
        "    this is the step that broke the property: if the fix was to forbid it, the counterexample is obsolete (delete the file)",
        "    note: guarded.stake changed since this counterexample was saved (its sha256 differs)",
      ].join("\n"),
    );
  });

  it("diverged: a guard of the first step changed", () => {
    const guarded = variant("bft-guarded", BFT_SPEC, "require v >= F and", "require v > F and");
    const o = replayTraceFile(BFT_TRACE, { specPath: guarded, expect: "violation" });
    expect(o.ok).toBe(false);
    expect(text(o)).toBe(
      [
        `✗ ${BFT_TRACE}: diverged at step 1: \`HonestVote(v = 2, x = A)\` is not enabled any more`,
        "    its guard is false: bft-guarded.stake:12:3  require v > F and votes[v] == {}",
        "    note: bft-guarded.stake changed since this counterexample was saved (its sha256 differs)",
      ].join("\n"),
    );
  });

  it("spec text changed (a comment): reported, and the replay still finds the violation", () => {
    const commented = variant("commented", BFT_SPEC, "spec AnchorBFT\n", "spec AnchorBFT\n// reviewed: the 2/3 rule\n");
    const o = replayTraceFile(BFT_TRACE, { specPath: commented, expect: "violation" });
    expect(o.kind === "replayed" && o.specChanged).toBe(true);
    expect(o.ok).toBe(true);
    expect(text(o)).toBe(
      [`✓ ${BFT_TRACE}: still violates invariant Agreement after step 6`, "    note: commented.stake changed since this counterexample was saved (its sha256 differs)"].join("\n"),
    );
  });

  it("diverged: the state after step 1 differs (deposit now also mints)", () => {
    const minting = variant("minting", POOL_SPEC, "  bal[a] -= 1\n  stake[a] += 1\n", "  bal[a] -= 1\n  stake[a] += 1\n  minted += 1\n");
    const o = replayTraceFile(POOL_TRACE, { specPath: minting });
    expect(o.kind === "replayed" && o.verdict).toMatchObject({ kind: "diverged", divergence: { kind: "state", step: 1 } });
    expect(text(o).split("\n").slice(0, 2)).toEqual([`✗ ${POOL_TRACE}: diverged at step 1: the state after it differs from the recorded one`, "    minted: recorded 0, now 1"]);
  });

  it("diverged: the property now fails at an earlier step", () => {
    const stricter = variant("stricter", BFT_SPEC, "invariant Agreement: not (decided(A) and decided(B))", "invariant Agreement: not (decided(A) and decided(B)) and votes[3] == {}");
    const o = replayTraceFile(BFT_TRACE, { specPath: stricter });
    expect(o.kind === "replayed" && o.verdict).toEqual({ kind: "diverged", divergence: { kind: "earlier", step: 2 } });
    expect(text(o).split("\n")[0]).toBe(`✗ ${BFT_TRACE}: diverged at step 2: invariant Agreement is now violated after step 2, before step 6 where it was recorded`);
  });

  it("diverged: a variable was renamed, so the trace does not fit the spec", () => {
    const renamed = variant("renamed", POOL_SPEC, "var minted:  0 .. MAX_REWARDS = 0", "var rewarded:  0 .. MAX_REWARDS = 0");
    const text2 = readFileSync(renamed, "utf8").replace(/minted/g, "rewarded");
    writeFileSync(renamed, text2);
    const o = replayTraceFile(POOL_TRACE, { specPath: renamed });
    expect(text(o)).toBe(
      [
        `✗ ${POOL_TRACE}: diverged: the trace does not fit the spec any more`,
        "    field vars: spec `StakingPoolNoOwnerCheck` has no variable `minted`",
        "    field vars: variable `rewarded` of spec `StakingPoolNoOwnerCheck` is missing",
        "    note: renamed.stake changed since this counterexample was saved (its sha256 differs)",
      ].join("\n"),
    );
  });

  describe("a well_typed failure in an effect (the last step has no successor)", () => {
    const spec = specFromFile(RICH_SPEC);
    const run = check(spec);
    const [saved] = saveViolations(run.model, run.result.violations, { explorer: { kind: "bfs" }, dir });

    it("is saved with the failing step in #meta.violation.failedStep and no state for it", () => {
      const json = JSON.parse(readFileSync(saved.path, "utf8"));
      expect(json.states).toHaveLength(3);
      expect(json["#meta"].violation).toEqual({
        kind: "well_typed",
        name: "well_typed",
        step: 3,
        failedStep: { action: "enqueue", params: { a: { "#bigint": "0" }, amt: { "#bigint": "0" }, u: false }, caller: { "#bigint": "0" } },
        message: "push onto a full queue: it already holds 2 of 2",
      });
    });

    it("still violates on the same spec", () => {
      const o = replayTraceFile(saved.path, { expect: "violation" });
      expect(o.ok).toBe(true);
      expect(text(o)).toBe(`✓ ${saved.path.split(`${dir}/`).join("")}: still violates well_typed at step 3: push onto a full queue: it already holds 2 of 2`);
    });

    it("now passes when the queue is longer", () => {
      const longer = variant("longer", RICH_SPEC, "seq<Entry, 2>", "seq<Entry, 3>");
      const o = replayTraceFile(saved.path, { specPath: longer });
      expect(o.kind === "replayed" && o.verdict).toEqual({ kind: "passes", changed: [] });
    });

    it("diverges when a guard forbids the push", () => {
      const guarded = variant("rich-guarded", RICH_SPEC, "  require caller == a\n  queue", "  require caller == a\n  require len(queue) < 2\n  queue");
      const o = replayTraceFile(saved.path, { specPath: guarded });
      expect(o.kind === "replayed" && o.verdict).toMatchObject({ kind: "diverged", divergence: { kind: "disabled", step: 3 } });
    });
  });

  describe("a well_typed failure while evaluating an invariant", () => {
    const ratio = join(dir, "ratio.stake");
    writeFileSync(ratio, "spec Ratio\ntype Amount = 0 .. 3\nvar a: Amount = 2\naction drain() {\n  require a >= 1\n  a -= 1\n}\ninvariant ratio: 6 / a >= 2\n");
    const run = check(specFromFile(ratio));
    const [saved] = saveViolations(run.model, run.result.violations, { explorer: { kind: "bfs" }, dir });

    it("is saved with `during` and every state", () => {
      const json = JSON.parse(readFileSync(saved.path, "utf8"));
      expect(json.states).toHaveLength(3);
      expect(json["#meta"].violation).toEqual({ kind: "well_typed", name: "well_typed", step: 2, during: { kind: "invariant", name: "ratio" }, message: "division by zero: 6 / 0" });
    });

    it("still violates, and passes once the invariant guards the division", () => {
      expect(text(replayTraceFile(saved.path, { expect: "violation" }))).toBe(`✓ ${saved.path.split(`${dir}/`).join("")}: still violates well_typed at step 2: division by zero: 6 / 0`);
      const guarded = variant("ratio-guarded", ratio, "invariant ratio: 6 / a >= 2", "invariant ratio: a == 0 or 6 / a >= 2");
      const o = replayTraceFile(saved.path, { specPath: guarded });
      expect(o.kind === "replayed" && o.verdict).toEqual({ kind: "passes", changed: [] });
    });
  });

  it("diverged: a recorded const the spec no longer declares", () => {
    const noConst = variant("no-const", POOL_SPEC, "const MAX_REWARDS = 2    // total rewards the pool may mint", "const REWARD_CAP = 2");
    writeFileSync(noConst, readFileSync(noConst, "utf8").replace(/MAX_REWARDS/g, "REWARD_CAP"));
    const o = replayTraceFile(POOL_TRACE, { specPath: noConst });
    expect(text(o).split("\n").slice(0, 2)).toEqual([
      `✗ ${POOL_TRACE}: diverged: the trace does not fit the spec any more`,
      "    field #meta.consts.MAX_REWARDS: spec `StakingPoolNoOwnerCheck` has no const `MAX_REWARDS` any more",
    ]);
  });

  it("outside the working directory, a trace finds its spec only in its own directory; anywhere else it needs --spec", () => {
    const repo = join(dir, "elsewhere");
    mkdirSync(join(repo, "specs"), { recursive: true });
    mkdirSync(join(repo, "corpus", "bft", "specs"), { recursive: true });
    writeFileSync(join(repo, "specs", "bft-elsewhere.stake"), readFileSync(BFT_SPEC, "utf8"));
    writeFileSync(join(repo, "corpus", "bft", "specs", "bft-here.stake"), readFileSync(BFT_SPEC, "utf8"));
    const json = JSON.parse(readFileSync(BFT_TRACE, "utf8"));
    json["#meta"].spec.path = "specs/bft-elsewhere.stake";
    const file = join(repo, "corpus", "bft", "t.itf.json");
    writeFileSync(file, JSON.stringify(json));
    // A parent of the trace's directory outside the working directory is not searched.
    expect(resolveSpecPath(file, "specs/bft-elsewhere.stake")).toEqual({ refused: 'its spec "specs/bft-elsewhere.stake" is not found (from here or from the file\'s directory and its parents here)' });
    expect(replayTraceFile(file, { expect: "violation" })).toMatchObject({ kind: "error" });
    const o = replayTraceFile(file, { expect: "violation", specPath: join(repo, "specs", "bft-elsewhere.stake") });
    expect(o.ok).toBe(true);
    expect(o.kind === "replayed" && o.specChanged).toBe(false);
    // The trace's own directory is.
    expect(resolveSpecPath(file, "specs/bft-here.stake")).toEqual({ path: relative(process.cwd(), join(repo, "corpus", "bft", "specs", "bft-here.stake")) });
    expect(replayTraceFile(file.replace("t.itf", "t2.itf"))).toMatchObject({ kind: "error" });
  });
});
