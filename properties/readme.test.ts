// The README's example outputs are what the commands print: a change to the output that the README
// does not follow fails here. Timing figures are the only thing allowed to differ.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

const README = readFileSync("README.md", "utf8");

/** The first fenced block after the line containing `marker`. */
function blockAfter(marker: string): string {
  const at = README.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const m = /```[^\n]*\n([\s\S]*?)```/.exec(README.slice(at));
  expect(m, `a code block after ${marker}`).not.toBeNull();
  return m![1];
}

const timing = (s: string) => s.replace(/, [\d.]+ s \([\d.]+ [kM]? ?distinct states\/s\)/g, ", <time>");

describe("README examples", () => {
  it("check spec/pool.stake prints what the first screen shows", async () => {
    const r = await runCli(["check", "spec/pool.stake"]);
    expect(r.code).toBe(0);
    expect(timing(r.stdout)).toBe(timing(blockAfter("The first prints")));
  });

  it("the theft without the owner check reads as shown", async () => {
    const r = await runCli(["check", "spec/buggy/pool-no-owner-check.stake"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(blockAfter("Delete the line `require caller == a`"));
  });

  it("a misspelt variable gets the caret and the hint shown", async () => {
    const shown = blockAfter("A misspelt name reads like a compiler's error");
    const text = readFileSync("spec/pool.stake", "utf8");
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-readme-"));
    const path = join(dir, "pool.stake");
    // Only the deposit's line is misspelt, as in the README.
    writeFileSync(path, text.replace("  stake[a] += 1\n}\n\naction unbond", "  stkae[a] += 1\n}\n\naction unbond"));
    const r = await runCli(["lint", path]);
    expect(r.code).toBe(2);
    expect(r.stderr.replaceAll(path, "spec/pool.stake")).toContain(shown);
  });
});
