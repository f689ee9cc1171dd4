// Help screens: every command has examples and its exit codes, every option a description, no
// `(default: [])` clutter, examples that use only options the command has, and the same name for
// the same thing across commands (conform's old --steps still works, hidden, as --depth).

import { describe, expect, it } from "vitest";
import { HELP_COMMANDS } from "../src/cli/help.js";
import { program } from "../src/cli/main.js";
import { runCli } from "./support/cli.js";

const commands = program().commands.filter((c) => c.name() !== "help");

// Hidden on purpose: conform's old name for --depth; the process id an LSP client passes.
const HIDDEN: Record<string, string[]> = { conform: ["--steps"], lsp: ["--clientProcessId"] };

describe("help screens", () => {
  it("every command has help text here, and the top-level help lists exit codes and examples", async () => {
    expect(commands.map((c) => c.name()).sort()).toEqual([...HELP_COMMANDS].sort());
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:\n  # prove every property");
    expect(r.stdout).toContain("Exit codes:\n  0  every property holds\n  1  a property is violated\n  2  a bad spec, file or flag\n  3  the search stopped early");
  });

  it.each(commands.map((c) => c.name()))("stakecheck %s --help: examples, exit codes, every option described, no default clutter", async (name) => {
    const r = await runCli([name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\nExamples:\n  # ");
    expect(r.stdout).toMatch(/\nExit codes:\n {2}0 {2}\S/);
    expect(r.stdout).not.toContain("(default: [])");
    for (const line of r.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
    const cmd = commands.find((c) => c.name() === name)!;
    for (const o of cmd.options) expect(o.description.length, `${name} ${o.flags}`).toBeGreaterThan(10);
    // Hidden options are old names kept working, and only those.
    expect(cmd.options.filter((o) => o.hidden).map((o) => o.long)).toEqual(HIDDEN[name] ?? []);
    // The examples use options this command has.
    const longs = new Set(cmd.options.map((o) => o.long));
    const examples = r.stdout.slice(r.stdout.indexOf("\nExamples:")).split("\n").filter((l) => l.startsWith(`  stakecheck ${name}`));
    expect(examples.length).toBeGreaterThan(0);
    for (const ex of examples) for (const flag of ex.match(/ --[a-z-]+/g) ?? []) expect(longs.has(flag.trim()), `${ex}: ${flag}`).toBe(true);
  });

  it("the same thing has the same name: walk length is --depth in fuzz and conform, seeds are --seed <N>", () => {
    const opt = (cmd: string, long: string) => commands.find((c) => c.name() === cmd)!.options.find((o) => o.long === long);
    expect(opt("fuzz", "--depth")?.flags).toBe("--depth <N>");
    expect(opt("conform", "--depth")?.flags).toBe("--depth <N>");
    expect(opt("fuzz", "--seed")?.flags).toBe("--seed <N>");
    expect(opt("conform", "--seed")?.flags).toBe("--seed <N>");
    for (const c of ["check", "fuzz", "replay"]) expect(opt(c, "--html")?.flags).toBe("--html <DIR>");
    for (const c of ["replay", "report"]) expect(opt(c, "--spec")?.flags).toBe("--spec <PATH>");
  });
});

describe("conform's walk length", () => {
  it("--depth and its old name --steps give the same run", async () => {
    const args = ["conform", "spec/pool.stake", "--impl", "examples/pool-impl/adapter.ts", "--seed", "1", "--runs", "5", "--no-save"];
    const a = await runCli([...args, "--depth", "4"]);
    const b = await runCli([...args, "--steps", "4"]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const bad = await runCli([...args, "--depth", "x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--depth x: expected a number");
  });
});
