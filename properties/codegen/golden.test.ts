// The generated module of spec/pool.stake is pinned: examples/pool-impl/pool.gen.ts is both the
// example's module and this golden file (regenerate with UPDATE_GOLDEN=1 after an intended change).

import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codegen } from "../../src/api/codegen.js";
import { runCli } from "../support/cli.js";

const GOLDEN = "examples/pool-impl/pool.gen.ts";
const COMMAND = `stakecheck codegen spec/pool.stake -o ${GOLDEN}`;

describe("codegen of spec/pool.stake", () => {
  it(`is exactly ${GOLDEN}`, async () => {
    const { text } = await codegen("spec/pool.stake", { command: COMMAND });
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text!);
    expect(text).toBe(readFileSync(GOLDEN, "utf8"));
  });

  it("is deterministic, and a const override changes what depends on it", async () => {
    const a = await codegen("spec/pool.stake", { command: COMMAND });
    await codegen("spec/anchor-bft.stake"); // nothing carries over from one module to the next
    const b = await codegen("spec/pool.stake", { command: COMMAND });
    expect(a.text).toBe(b.text);
    const c = await codegen("spec/pool.stake", { consts: { START: 4 }, command: COMMAND });
    expect(c.text).toContain("export const START = 4;");
    expect(c.text).toContain("Set with --const START=4.");
    expect(c.text).toContain("export type Amount = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14;");
    // The action code is the same but for the new upper bound of Amount.
    const body = (t: string) => t.slice(t.indexOf("function deposit"), t.indexOf("export function allActions"));
    expect(body(c.text!).replaceAll(", 0, 14,", ", 0, 11,")).toBe(body(a.text!));
  });

  it("carries the spec's doc comments over", async () => {
    const { text } = await codegen("spec/pool.stake");
    expect(text).toContain("/** wallet balances */\n  readonly bal: ReadonlyMap<Account, Amount>;");
    expect(text).toContain("/**\n * Slashing never burns more than was ever at stake.\n *\n * Invariant `slashing_within_stake`.\n */");
    expect(text).toContain("// A delegated staking pool, at the scale a model checker can exhaust.");
  });
});

describe("ts-morph stays off the check path", () => {
  it("only src/compile/ts/emit.ts loads it, and only with a dynamic import", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith(".ts")) files.push(join(d, e.name));
      }
    };
    walk("src");
    const loaders = files.filter((f) => /import\s*\(\s*["']ts-morph["']\s*\)|^import\s+(?!type\b)[^;]*from\s+["']ts-morph["']/m.test(readFileSync(f, "utf8")));
    expect(loaders).toEqual([join("src", "compile", "ts", "emit.ts")]);
    expect(readFileSync(loaders[0], "utf8")).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+["']ts-morph["']/m);
    // The check command's modules never reach the code generator.
    for (const f of ["src/cli/commands/check.ts", "src/api/check.ts", "src/compile/compile.ts"]) expect(readFileSync(f, "utf8")).not.toMatch(/compile\/ts\/|api\/codegen/);
  });
});

describe("stakecheck codegen", () => {
  it("writes the module, then reports it up to date; --check fails on a stale file", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "stakecheck-codegen-")), "pool.gen.ts");
    const first = await runCli(["codegen", "spec/pool.stake", "-o", out]);
    expect(first).toMatchObject({ code: 0, stdout: `wrote ${out} (${readFileSync(GOLDEN, "utf8").split("\n").length - 1} lines) from spec/pool.stake\n` });
    expect(readFileSync(out, "utf8")).toBe(readFileSync(GOLDEN, "utf8").replace(`-o ${GOLDEN}`, `-o ${out}`));
    expect(await runCli(["codegen", "spec/pool.stake", "-o", out])).toMatchObject({ code: 0, stdout: `${out} is up to date with spec/pool.stake\n` });
    expect((await runCli(["codegen", "spec/pool.stake", "-o", out, "--check"])).code).toBe(0);
    writeFileSync(out, "// edited by hand\n");
    const stale = await runCli(["codegen", "spec/pool.stake", "-o", out, "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`${out} is out of date: regenerate it with\n  stakecheck codegen spec/pool.stake -o ${out}`);
  });

  it("prints to standard output without -o", async () => {
    const r = await runCli(["codegen", "spec/anchor-bft.stake", "--const", "N=5"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("export type Validator = 0 | 1 | 2 | 3 | 4;");
    expect(r.stdout).toContain("//   stakecheck codegen spec/anchor-bft.stake --const N=5\n");
  });

  it("a spec with errors: the diagnostics, exit 2, no file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-codegen-"));
    writeFileSync(join(dir, "bad.stake"), "spec Bad\nvar x: 0 .. 3 = 0\naction a() { x = y }\n");
    const r = await runCli(["codegen", join(dir, "bad.stake"), "-o", join(dir, "bad.ts")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown name `y`");
    expect(existsSync(join(dir, "bad.ts"))).toBe(false);
  });

  it("usage errors: a sweep, --check without -o, a missing file", async () => {
    expect(await runCli(["codegen", "spec/pool.stake", "--const", "N=2..3"])).toMatchObject({ code: 2, stderr: "stakecheck: codegen generates one configuration: give each --const a single value\n" });
    expect(await runCli(["codegen", "spec/pool.stake", "--check"])).toMatchObject({ code: 2, stderr: "stakecheck: --check compares with the file given by -o\n" });
    expect(await runCli(["codegen", "spec/nope.stake"])).toMatchObject({ code: 2, stderr: "stakecheck: spec/nope.stake: no such file\n" });
  });
});
