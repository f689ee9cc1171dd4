// The hints a failing `conform` prints work as pasted (issue 19: "rerun this search" replayed the
// counterexample the first run had saved instead of running the search again).

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-conform-rerun-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The arguments of a printed `stakecheck conform ...` line (plain words only, as here). */
function argsOf(output: string, label: string): string[] {
  const line = output.split("\n").find((l) => l.trim().startsWith(label))!;
  return line.trim().slice(label.length).trim().split(/\s+/).slice(1);
}

describe("conform's hints", () => {
  it("rerun this search: runs the same search again (not the saved file) and finds the same divergence", async () => {
    const first = await runCli(["conform", "spec/pool.stake", "--impl", "examples/pool-impl/buggy-adapter.ts", "--seed", "5", "--steps", "30", "--traces", dir]);
    expect(first.code).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
    const rerun = argsOf(first.stdout, "rerun this search:");
    expect(rerun).toEqual(expect.arrayContaining(["--steps", "30", "--traces", dir, "--seed", "5", "--path"]));
    const again = await runCli(rerun);
    expect(again.code).toBe(1);
    expect(again.stdout).not.toContain("as saved");
    expect(again.stdout).toMatch(/random walks: run \d+ of \d+ diverged/);
    const divergence = (text: string) => text.slice(text.indexOf("✗"), text.indexOf("saved"));
    expect(divergence(again.stdout)).toBe(divergence(first.stdout));
  });

  it("replay these steps: replays the shrunk steps", async () => {
    const first = await runCli(["conform", "spec/pool.stake", "--impl", "examples/pool-impl/buggy-adapter.ts", "--seed", "5", "--no-save"]);
    const again = await runCli(argsOf(first.stdout, "replay these steps:"));
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("the first differing variable is stake");
  });
});
