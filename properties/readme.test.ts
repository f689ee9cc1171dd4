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

  it("the HTML report commands write the files they say, and the screenshot is there", async () => {
    const block = blockAfter("Or see it: `--html DIR`");
    const commands = block.split("\n").filter((l) => l.startsWith("npx stakecheck ")).map((l) => l.replace(/\s+#.*$/, "").split(" ").slice(2));
    expect(commands.map((c) => c[0])).toEqual(["check", "report"]);
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-readme-html-"));
    // check ... --html reports/: the violation (exit 1) and the page named after the spec.
    const check = await runCli(commands[0].map((w) => (w === "reports/" ? dir : w)));
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`report: ${join(dir, "pool-no-owner-check.html")}\n`);
    expect(block).toContain("# -> reports/pool-no-owner-check.html");
    const out = join(dir, "report.html");
    const report = await runCli(commands[1].map((w) => (w === "report.html" ? out : w)));
    expect(report.code).toBe(0);
    expect(report.stderr).toBe(`report: ${out}\n`);
    expect(readFileSync(out, "utf8")).toMatch(/^<!doctype html>/);
    expect(README).toContain("](docs/img/report.png)");
    expect(readFileSync("docs/img/report.png").subarray(1, 4).toString()).toBe("PNG");
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
