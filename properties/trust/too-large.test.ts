// A spec too large for the parser's memory gets a located "too large" error and exit 2, in about
// a second (issue 19: a 10 MB spec, a long comment or 400,000 consts, ran ~50 s and died with V8's
// heap-limit fatal error and a native stack trace). Long source lines are cut around the caret.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/api/load.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-too-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMENT = `spec Huge\n// ${"x".repeat(10_000_000)}\nvar x: 0 .. 1 = 0\n`;
const CONSTS = `spec Huge\n${Array.from({ length: 400_000 }, (_, i) => `const C${i} = ${i}`).join("\n")}\n`;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", ...args], { env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a spec too large to parse", () => {
  it.each([
    ["a 10 MB comment", COMMENT, 2],
    ["400,000 consts", CONSTS, undefined],
  ])("%s: one located error, a short excerpt", (_, text, line) => {
    const loaded = loadSpecText(text, "huge.stake");
    expect(loaded.spec).toBeNull();
    expect(loaded.diagnostics).toHaveLength(1);
    const d = loaded.diagnostics[0];
    expect(d.message).toMatch(/^the spec is too large to parse: its [\d,]+ characters would take about [\d,]+ MiB of memory, and the memory left runs out here$/);
    if (line !== undefined) expect(loaded.file.position(d.span.start).line).toBe(line);
    const shown = renderDiagnostics(loaded.diagnostics);
    expect(shown.split("\n").every((l) => l.length < 300)).toBe(true);
  });

  it("the CLI answers with exit 2, no V8 abort, no stack trace", async () => {
    const file = join(dir, "huge.stake");
    writeFileSync(file, COMMENT);
    const r = await cli(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.stake:2:\d+: error: the spec is too large to parse/);
    expect(r.stderr).not.toMatch(/FATAL|heap limit|internal error|    at /);
  }, 180_000);
});
