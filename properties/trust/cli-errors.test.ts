// Bad input gets a located, one-line answer and exit 2, never an internal error (issue 19).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shellQuote } from "../../src/util/shell.js";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-cli-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("one-line errors", () => {
  it("codegen -o DIR: the output is a directory, exit 2", async () => {
    const r = await runCli(["codegen", "spec/pool.stake", "-o", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`stakecheck: -o ${dir}: is a directory; give the module's file name, e.g. ${join(dir, "pool.gen.ts")}`);
  });
});

describe("a counterexample file nested 100,000 levels deep", () => {
  it("is refused in one line (exit 2), not with 'Maximum call stack size exceeded'", async () => {
    const file = join(dir, "deep.itf.json");
    writeFileSync(file, `{"deep": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    const r = await runCli(["replay", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("error: the JSON nests more than 200 levels deep at character 209; a counterexample file never does");
  });
});

describe("shell suggestions quote every argument", () => {
  it.each([
    ["spec/pool.stake", "spec/pool.stake"],
    ["N=3", "N=3"],
    ["a b.stake", "'a b.stake'"],
    ["it's", "'it'\\''s'"],
    ["$(rm -rf ~)", "'$(rm -rf ~)'"],
    ["x\n::error::forged", "$'x\\x0a::error::forged'"],
    ["x\u2028y", "$'x\\u2028y'"],
    ["", "''"],
  ])("%j -> %s", (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted);
  });
});
