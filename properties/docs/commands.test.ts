// Every command in README.md and docs/**/*.md runs, and every output a doc shows is what the command
// prints (issue 19: three documented commands did not work as pasted, and outputs had drifted).
// The conventions that mark commands and outputs are in properties/support/doc-commands.ts: to add
// a command to a doc, put it in a ```sh block (a trailing `# ... exit N` states its exit code); to
// show its output, use a ```console block (`$ stakecheck ...` then the output) or tag the output's
// block ```text run: ARGS. `...` in a shown output skips lines; timings are normalised.
//
// The commands run in-process, in a scratch copy of the repository's specs, counterexamples and
// examples, so that `--save`, `-o` and report files do not touch the working tree.

import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { docCommands, docFiles, excerptMismatch, type DocCommand } from "../support/doc-commands.js";

const root = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), "stakecheck-docs-"));

beforeAll(() => {
  for (const dir of ["spec", "counterexamples", "examples", "bench/models"]) cpSync(join(root, dir), join(scratch, dir), { recursive: true });
  cpSync(join(root, "properties"), join(scratch, "properties"), {
    recursive: true,
    filter: (src) => !src.endsWith(".ts") || src.includes("/fixtures/"),
  });
  cpSync(join(root, "package.json"), join(scratch, "package.json"));
  symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));
  process.chdir(scratch);
});

afterAll(() => {
  process.chdir(root);
  rmSync(scratch, { recursive: true, force: true });
});

/** `dir/*.ext` and `dir/prefix*.ext` patterns expanded, as the shell would. */
function expand(args: readonly string[]): string[] {
  return args.flatMap((a) => {
    const m = /^(.*\/)?([^/*]*)\*(\.[\w.]+)$/.exec(a);
    if (!m) return [a];
    const dir = m[1] ?? "./";
    return readdirSync(dir)
      .filter((f) => f.startsWith(m[2]) && f.endsWith(m[3]))
      .sort()
      .map((f) => `${m[1] ?? ""}${f}`);
  });
}

let lastGroup = "";
const commands: DocCommand[] = docFiles().flatMap((f) => docCommands(resolve(root, f)).map((c) => ({ ...c, where: c.where.replace(`${root}/`, "") })));

describe("the docs' commands", () => {
  it("there are commands and shown outputs in the docs", () => {
    expect(commands.length).toBeGreaterThanOrEqual(30);
    expect(commands.filter((c) => c.shown !== undefined).length).toBeGreaterThanOrEqual(20);
  });

  it.each(commands.map((c) => [c.where, c.args.join(" "), c] as const))("%s: stakecheck %s", async (_, __, c) => {
    expect(c.args.some((a) => /^[A-Z][A-Z_]*(\.\w+)?$|\[|\]/.test(a)), `a placeholder in a runnable command: write a real path, or show the synopsis in a \`\`\`text block`).toBe(false);
    // Every group of commands starts from the repository's own corpus (an earlier one may have
    // saved files there).
    if (c.group !== lastGroup) {
      rmSync(join(scratch, "counterexamples"), { recursive: true, force: true });
      cpSync(join(root, "counterexamples"), join(scratch, "counterexamples"), { recursive: true });
      lastGroup = c.group;
    }
    const r = await runCli(expand(c.args));
    const output = `${r.stdout}${r.stdout && r.stderr ? "\n" : ""}${r.stderr}`;
    if (c.exit !== undefined) expect(r.code, output).toBe(c.exit);
    else expect([0, 1, 3], output).toContain(r.code);
    expect(output).not.toContain("internal error");
    if (c.shown !== undefined) expect(excerptMismatch(output, c.shown), output).toBeNull();
  }, 120_000);
});
