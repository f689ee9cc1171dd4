// Progress a person can follow (src/cli/progress.ts): on a terminal a live line with the spec, the
// time elapsed and, when the end is known, percent done and time left; in a CI log one plain line
// per interval (10 s unless --progress says otherwise); nothing with --no-progress. A fake clock
// drives it: no test here waits for time to pass.

import { describe, expect, it } from "vitest";
import { DEFAULT_PROGRESS_MS, Progress, fmtDuration, progressInterval } from "../../src/cli/progress.js";
import { runCli } from "../support/cli.js";

function fake(tty: boolean, everyMs: number | null) {
  let t = 1000;
  const written: string[] = [];
  const p = new Progress({ label: "StakingPool", tty, everyMs, now: () => t, write: (s) => written.push(s) });
  return { p, written, advance: (ms: number) => (t += ms) };
}

describe("progress", () => {
  it("not a terminal: one plain line per interval, with the spec, the time elapsed, percent done and time left", () => {
    const { p, written, advance } = fake(false, DEFAULT_PROGRESS_MS);
    for (let s = 1; s <= 25; s++) {
      advance(1000);
      p.update(`${s * 100} runs`, s / 100);
    }
    expect(written).toEqual([
      "progress: StakingPool · 10 s · 1000 runs · 10% · 1 min 30 s left\n",
      "progress: StakingPool · 20 s · 2000 runs · 20% · 1 min 20 s left\n",
    ]);
    p.clear();
    expect(written.length).toBe(2);
  });

  it("--progress 30s sets the interval; --no-progress prints nothing", () => {
    expect(progressInterval(undefined)).toBe(10_000);
    expect(progressInterval("30s")).toBe(30_000);
    expect(progressInterval(false)).toBeNull();
    expect(() => progressInterval("soon")).toThrow("--progress soon: expected a duration such as 30s, 2m or 500ms");
    const quiet = fake(false, null);
    const live = fake(true, null);
    for (const f of [quiet, live]) {
      f.advance(60_000);
      f.p.update("x", 0.5);
      f.p.clear();
      expect(f.written).toEqual([]);
    }
  });

  it("a terminal: the live line is redrawn at every update and erased at the end; no percent when the end is unknown", () => {
    const { p, written, advance } = fake(true, DEFAULT_PROGRESS_MS);
    advance(2500);
    p.update("12,000 distinct states · depth 7");
    advance(500);
    p.update("15,000 distinct states · depth 8");
    p.clear();
    expect(written).toEqual([
      "\r\x1b[2K  StakingPool · 2.5 s · 12,000 distinct states · depth 7",
      "\r\x1b[2K  StakingPool · 3.0 s · 15,000 distinct states · depth 8",
      "\r\x1b[2K",
    ]);
  });

  it("durations read at a glance", () => {
    expect([4200, 59_000, 185_000, 3_725_000].map(fmtDuration)).toEqual(["4.2 s", "59 s", "3 min 05 s", "1 h 02 min"]);
  });

  it("a bad --progress is a usage error (exit 2), and the flags are accepted by check and fuzz", async () => {
    const bad = await runCli(["check", "spec/pool.stake", "--progress", "often"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("stakecheck: --progress often: expected a duration such as 30s, 2m or 500ms\n");
    const quiet = await runCli(["fuzz", "properties/golden/counterexamples/pool-theft.stake", "--seed", "3", "--runs", "50", "--no-progress"]);
    expect(quiet.stderr).not.toContain("progress:");
    const ok = await runCli(["check", "properties/golden/counterexamples/pool-theft.stake", "--progress", "30s"]);
    expect(ok.code).toBe(1);
  });
});
