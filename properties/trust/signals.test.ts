// Ctrl-C stops a long run cleanly, with its partial results and exit 3 (issue 19: `fuzz` ignored
// it: the walks never yielded to the event loop, so the SIGINT handler never ran).

import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs the CLI from source; sends SIGINT `ms` after `ready` first shows on stdout (with
 * `--reporter github`, the `::stop-commands::` line printed just before the search starts). */
function interruptAfter(args: string[], ready: string, ms: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", ...args], { env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (d) => {
      stdout += d;
      if (timer === undefined && stdout.includes(ready)) timer = setTimeout(() => child.kill("SIGINT"), ms);
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("Ctrl-C", () => {
  it("fuzz --time 10m stops at the first SIGINT with what it found so far, exit 3", async () => {
    const r = await interruptAfter(["fuzz", "spec/share-pool.stake", "--time", "10m", "--depth", "1000", "--seed", "3", "--reporter", "github"], "::stop-commands::", 500);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/incomplete: interrupted after [\d,]+ of [\d,]+ runs/);
    expect(r.stdout).toMatch(/\? invariant conservation {2}not violated in the walks run before the interrupt/);
  }, 60_000);
});

describe("Ctrl-C on check", () => {
  it("check --workers 1 stops at the first SIGINT with its partial results, exit 3", async () => {
    const r = await interruptAfter(["check", "spec/anchor-pool.stake", "--workers", "1", "--const", "N=4", "--reporter", "github"], "::stop-commands::", 1500);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("incomplete: interrupted");
    expect(r.stdout).not.toContain("✓");
  }, 60_000);
});
