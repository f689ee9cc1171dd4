// A counterexample file is untrusted data (issue 19): its `#meta.spec.path` never picks a file to
// read outside the working directory or the trace's own directory (it printed /etc/passwd), and
// its text (the recorded implementation, messages) never reaches a shell suggestion unquoted or
// a CI log as a line the GitHub runner would take for a workflow command (`::stop-commands::`, a
// forged `::error`).

import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replayTraceFile } from "../../src/api/replay.js";
import { traceFromConformance, type ConformanceDivergence } from "../../src/trace/from-conformance.js";
import { saveTrace } from "../../src/trace/save.js";
import { runCli } from "../support/cli.js";
import { modelFromFile } from "../support/load.js";

const POOL = "spec/pool.stake";
const TRACE = "counterexamples/pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json";
const dir = mkdtempSync(join(tmpdir(), "stakecheck-untrusted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withSpecPath(name: string, path: string): string {
  const json = JSON.parse(readFileSync(TRACE, "utf8"));
  json["#meta"].spec.path = path;
  const file = join(dir, `${name}.itf.json`);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe("a trace's spec path picks no file outside the working tree", () => {
  it.each([
    ["an absolute path", "/etc/passwd", 'its spec path "/etc/passwd" is absolute'],
    ["a path that climbs out", "../../../../../../etc/passwd", 'its spec path "../../../../../../etc/passwd" leaves the directory'],
    ["a file that is not a spec", "etc/passwd", 'its spec path "etc/passwd" is not a .stake file'],
  ])("%s is refused: exit 2, nothing of the file printed", async (_, path, message) => {
    const file = withSpecPath(path.replace(/\W/g, "_"), path);
    const r = await runCli(["replay", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`error: ${message}`);
    expect(r.stdout).toContain("use --spec PATH");
    expect(r.stdout + r.stderr).not.toMatch(/root:/);
  });

  it("a .stake symlink beside the trace that points outside is refused", () => {
    symlinkSync("/etc/passwd", join(dir, "evil.stake"));
    const o = replayTraceFile(withSpecPath("symlink", "evil.stake"));
    expect(o).toMatchObject({ kind: "error" });
    expect(o.kind === "error" && o.message).toContain('its spec "evil.stake" is not found');
  });

  it("--spec, named by the user, is always followed", () => {
    const o = replayTraceFile(withSpecPath("abs", "/etc/passwd"), { specPath: "spec/buggy/pool-no-owner-check.stake", expect: "violation" });
    expect(o.ok).toBe(true);
  });
});

describe("a trace's text is quoted in shell suggestions and inert in GitHub output", () => {
  const model = modelFromFile(POOL);
  const inst = (action: string, ...args: number[]) => model.encodeInstance(model.actions.findIndex((a) => a.name === action), args);
  const hostile = "x\n::stop-commands::pwned\n::error file=README.md,line=1::forged\n$(touch /tmp/pwned)";
  const divergence: ConformanceDivergence = {
    instances: [inst("deposit", 1, 1), inst("unbond", 1, 1), inst("withdraw", 0, 1)],
    failure: "rejected",
    variable: "bal",
    message: hostile,
  };
  const trace = traceFromConformance(model, divergence, { explorer: { kind: "conform", seed: 5, flags: { impl: hostile } }, specPath: POOL });
  const file = saveTrace(model, trace, mkdtempSync(join(dir, "hostile-"))).path;

  it("the suggested command quotes the recorded implementation: one shell word, on one line", async () => {
    const r = await runCli(["replay", file]);
    const line = r.stdout.split("\n").find((l) => l.includes("to test an implementation against it"))!;
    expect(line.trim()).toBe(`to test an implementation against it: stakecheck conform spec/pool.stake --impl 'x\\u000a::stop-commands::pwned\\u000a::error file=README.md,line=1::forged\\u000a$(touch /tmp/pwned)'`);
  });

  it("--reporter github: the text report runs inside ::stop-commands::, and no line of it can be a workflow command", async () => {
    const r = await runCli(["replay", file, "--reporter", "github"]);
    const lines = r.stdout.split("\n");
    const commands = lines.filter((l) => l.trimStart().startsWith("::"));
    const token = /^::stop-commands::([0-9a-f-]{36})$/.exec(commands[0] ?? "")?.[1];
    expect(token).toBeDefined();
    expect(commands[1]).toBe(`::${token}::`);
    // Only the guard and the annotations are commands; nothing from the file is.
    for (const c of commands.slice(2)) expect(c).toMatch(/^::(error|warning) /);
    expect(r.stdout).not.toMatch(/^\s*::error file=README\.md/m);
    expect(r.stdout).not.toMatch(/^\s*::stop-commands::pwned/m);
  });
});
