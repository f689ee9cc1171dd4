// The `parse` and `lint` commands, run in-process through main(argv) with stdout and stderr
// captured: exit codes, one-line errors for bad input (never a stack trace), diagnostics with a
// caret and a hint, JSON with line and column on every span.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../support/cli.js";

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

const lines = (s: string) => s.split("\n").filter((l) => l !== "");
const POOL = readFileSync("spec/pool.stake", "utf8");
let dir: string;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "stakecheck-cli-"));
});
afterAll(() => {
  delete process.env.NO_COLOR;
});

describe("bad input: exactly one line on stderr, exit 2, no stack trace", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["a file that does not exist", () => [join(dir, "missing.stake")], /^stakecheck: .*missing\.stake: no such file$/],
    ["a directory", () => [dir], /^stakecheck: .*: is a directory, not a \.stake file$/],
    ["a file that is not UTF-8", () => [file("latin1.stake", Uint8Array.from([0x73, 0x70, 0x65, 0x63, 0x20, 0xe9, 0xff, 0x0a]))], /^stakecheck: .*latin1\.stake: not UTF-8 text$/],
    ["a binary file", () => [file("binary.stake", Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]))], /^stakecheck: .*binary\.stake: binary data, not a text file$/],
    ["an unknown flag", () => ["--stirct", "spec/pool.stake"], /^stakecheck: unknown option '--stirct'.*; run `stakecheck --help` for usage$/],
  ];
  for (const command of ["parse", "lint"]) {
    for (const [what, args, message] of cases) {
      it(`${command}: ${what}`, async () => {
        const r = await run(command, ...args());
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(lines(r.stderr)).toHaveLength(1);
        expect(r.stderr.trim()).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      });
    }
  }

  it("lint: a malformed --const", async () => {
    const r = await run("lint", "--const", "N=abc", "spec/pool.stake");
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(["stakecheck: --const N=abc: `abc` is not an integer or a boolean"]);
  });
});

describe("lint", () => {
  it("passes the shipped pool: exit 0", async () => {
    const r = await run("lint", "spec/pool.stake");
    expect(r).toEqual({ code: 0, stdout: "spec/pool.stake: no problems\n", stderr: "" });
  });

  it("shows a misspelt variable with its line, a caret and a did-you-mean hint: exit 2", async () => {
    const path = file("misspelt.stake", POOL.replace("  stake[a] += 1\n", "  stakee[a] += 1\n"));
    const r = await run("lint", path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${path}: 1 error\n`);
    expect(r.stderr).toBe(
      [
        `${path}:28:3: error: unknown variable \`stakee\``,
        " 28 |   stakee[a] += 1",
        "    |   ^^^^^^",
        "    = hint: did you mean `stake`?",
        "",
      ].join("\n"),
    );
  });

  it("reports every error of a file, top to bottom", async () => {
    const path = file("two.stake", POOL.replace("  stake[a] += 1\n", "  stakee[a] += 1\n").replace("slashed += penalty", "slashed += penalti"));
    const r = await run("lint", path);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/^\S+:(\d+):\d+: error/gm)!.map((l) => Number(/:(\d+):/.exec(l)![1]))).toEqual([28, 49]);
  });

  it("warnings exit 0, or 1 with --strict", async () => {
    const path = file("unused.stake", POOL.replace("var minted:", "var unused: 0 .. 1 = 0\nvar minted:"));
    const plain = await run("lint", path);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(`${path}: 1 warning\n`);
    expect(plain.stderr).toMatch(/warning: variable `unused` is never read/);
    const strict = await run("lint", "--strict", path);
    expect(strict.code).toBe(1);
  });

  it("applies --const, and exits 2 when an override makes a type empty", async () => {
    const r = await run("lint", "--const", "N=0", "spec/pool.stake");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: the range 0 \.\. -1 is empty \(with N = 0 from --const\)/);
  });

  it("takes several files and exits with the worst", async () => {
    const bad = file("bad.stake", "spec Bad\nvar x: 0 .. 3 = 9\n");
    const r = await run("lint", "spec/pool.stake", bad);
    expect(r.code).toBe(2);
    expect(lines(r.stdout)).toEqual(["spec/pool.stake: no problems", `${bad}: 1 error, 3 warnings`]);
  });
});

describe("parse", () => {
  it("prints the syntax tree as JSON; every span carries line and col", async () => {
    const r = await run("parse", "spec/pool.stake");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const ast = JSON.parse(r.stdout);
    expect(ast.kind).toBe("spec");
    expect(ast.name).toEqual({ text: "StakingPool", span: { start: POOL.indexOf("StakingPool"), end: POOL.indexOf("StakingPool") + 11, line: 9, col: 6 } });
    const deposit = ast.decls.find((d: { kind: string; name: { text: string } }) => d.kind === "action" && d.name.text === "deposit");
    expect(deposit.body[2]).toMatchObject({ kind: "assign", op: "-=", span: { line: 27, col: 3 }, target: { kind: "index", span: { line: 27, col: 3 } } });
    let spans = 0;
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (x === null || typeof x !== "object") return;
      for (const [k, v] of Object.entries(x)) {
        if (k === "span" || k === "opSpan") {
          expect(v).toEqual({ start: expect.any(Number), end: expect.any(Number), line: expect.any(Number), col: expect.any(Number) });
          spans++;
        } else walk(v);
      }
    };
    walk(ast);
    expect(spans).toBeGreaterThan(300);
  });

  it("shows a syntax error like lint, prints no JSON, exits 2", async () => {
    const path = file("syntax.stake", POOL.replace("invariant conservation:", "invarient conservation:"));
    const r = await run("parse", path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/:62:1: error: expected a declaration .*, found `invarient`\n.*\n.*\^{9}\n.*hint: did you mean `invariant`\?/);
  });
});
