// `--memory` is a ceiling on the whole process (issue 19: with the default workers, --memory 500M
// ended in `internal error: offset is out of bounds` while growing the shared table, and peak
// memory overshot the ceiling by 8-34 %). The search stops cleanly below it: exit 3, partial
// results, peak resident set under the ceiling.

import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/** Runs the built CLI (dist/, as `npx stakecheck` does) in a child process; reports its exit code,
 * output and peak RSS. Not from source: compiling TypeScript with a cold tsx cache (a fresh clone)
 * alone peaks above 150 MB, before the search starts. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; maxRss: number }> {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(resolve("dist/cli/main.js")).href)});
const code = await main(${JSON.stringify(args)});
process.stderr.write("\\nmaxrss " + process.resourceUsage().maxRSS * 1024 + "\\n");
process.exitCode = code;`;
  return new Promise((resolve) => {
    // A module file, not `-e`: worker threads inherit the process's flags, and `--input-type` breaks them.
    const file = join(mkdtempSync(join(tmpdir(), "stakecheck-memory-")), "run.mjs");
    writeFileSync(file, script);
    const child = spawn(process.execPath, [file], { env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr, maxRss: Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? NaN) }));
  });
}

describe("the memory ceiling", () => {
  it.each([
    ["default workers", "300M", []],
    ["two workers", "500M", ["--workers", "2"]],
    ["one worker", "150M", ["--workers", "1"]],
  ])("%s, --memory %s: stops cleanly with partial results below the ceiling (exit 3)", async (_, memory, flags) => {
    const r = await run(["check", "spec/anchor-pool.stake", "--const", "N=5", "--memory", memory, ...(flags as string[])]);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(new RegExp(`incomplete: stopped at the memory ceiling of ${memory.replace("M", " MiB")} \\(use --memory to raise it\\); [\\d,]+ states were left to explore`));
    expect(r.stdout).toContain("? invariant Conservation  not violated in the part explored");
    expect(r.maxRss).toBeLessThanOrEqual(Number(memory.replace("M", "")) * 2 ** 20);
  }, 120_000);
});
