// End to end through the CLI: check --save, then replay the directory; the reporters' output parsed
// back (JUnit XML with a strict little parser, JSON, GitHub annotations); usage errors.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { findAll, parseXml } from "./support/xml.js";

const BUGGY = "spec/buggy/pool-no-owner-check.stake";
const NAME = "pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json";
const dir = mkdtempSync(join(tmpdir(), "stakecheck-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The summary line without its timing. */
function summary(text: string): string {
  const last = text.trimEnd().split("\n").pop()!;
  return last.replace(/ · [0-9.]+ s$/, "");
}

describe("check --save, then replay", () => {
  const saveDir = join(dir, "saved");

  it("check --save writes one file per counterexample, under a stable name, the same bytes as the corpus's", async () => {
    const r = await runCli(["check", BUGGY, "--save", saveDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`saved: ${join(saveDir, NAME)}`);
    expect(readdirSync(saveDir)).toEqual([NAME]);
    expect(readFileSync(join(saveDir, NAME), "utf8")).toBe(readFileSync(join("counterexamples", NAME), "utf8"));
  });

  it("saving the same counterexample again makes no second file", async () => {
    const r = await runCli(["check", BUGGY, `--save=${saveDir}`]);
    expect(r.stderr).toContain(`already saved: ${join(saveDir, NAME)}`);
    expect(readdirSync(saveDir)).toEqual([NAME]);
  });

  it("replay DIR: by default, one verdict line per file; still violating is not a failure (exit 0)", async () => {
    const r = await runCli(["replay", saveDir]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`✓ ${join(saveDir, NAME)}: still violates step no_unauthorized_withdrawal at step 3`);
    expect(summary(r.stdout)).toBe("stakecheck replay: OK · 1 spec, 1 counterexample: 1 still violates");
  });

  it("replay DIR --expect pass: the bug still reproduces, so it fails with exit 1 and the counterexample", async () => {
    const r = await runCli(["replay", saveDir, "--expect", "pass"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toBe(`✗ ${join(saveDir, NAME)}: still violates step no_unauthorized_withdrawal at step 3`);
    expect(r.stdout).toContain("step 3  withdraw(a = 0) by caller = 1");
    expect(summary(r.stdout)).toBe(`stakecheck replay: FAILED · 1 spec, 1 counterexample: 1 still violates (${NAME}) · expected: now passes`);
  });

  it("replay DIR --expect violation: exit 0", async () => {
    const r = await runCli(["replay", saveDir, "--expect", "violation"]);
    expect(r.code).toBe(0);
    expect(summary(r.stdout)).toBe("stakecheck replay: OK · 1 spec, 1 counterexample: 1 still violates · expected: still violates");
  });

  it("replay --spec on a fixed spec: now passes, exit 0", async () => {
    const fixed = join(dir, "fixed.stake");
    writeFileSync(fixed, readFileSync(BUGGY, "utf8").replace("bal[caller] += pending[a]", "bal[a] += pending[a]"));
    const r = await runCli(["replay", join(saveDir, NAME), "--spec", fixed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(": now passes: step no_unauthorized_withdrawal holds at step 3");
    expect(summary(r.stdout)).toBe("stakecheck replay: OK · 1 spec, 1 counterexample: 1 now passes");
  });

  it("the project's corpus replays with --expect violation", async () => {
    const r = await runCli(["replay", "counterexamples/", "--expect", "violation"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("✓")).length).toBe(readdirSync("counterexamples").length);
  });
});

describe("reporters", () => {
  it("check --reporter junit:FILE writes valid JUnit XML: one testsuite per spec, one testcase per property", async () => {
    const xmlPath = join(dir, "reports", "check.xml");
    const r = await runCli(["check", BUGGY, "spec/pool.stake", "--reporter", `junit:${xmlPath}`]);
    expect(r.code).toBe(1);
    const root = parseXml(readFileSync(xmlPath, "utf8"));
    expect(root.name).toBe("testsuites");
    expect(root.attrs).toMatchObject({ tests: "8", failures: "1", errors: "0", skipped: "3" });
    const suites = findAll(root, "testsuite");
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([
      ["StakingPoolNoOwnerCheck (N = 3, START = 3, MAX_REWARDS = 2)", "4", "1"],
      ["StakingPool (N = 3, START = 3, MAX_REWARDS = 2)", "4", "0"],
    ]);
    expect(suites.map((s) => findAll(s, "testcase").map((c) => c.attrs.name))).toEqual([
      ["invariant conservation", "invariant slashing_within_stake", "step no_unauthorized_withdrawal", "well_typed"],
      ["invariant conservation", "invariant slashing_within_stake", "step no_unauthorized_withdrawal", "well_typed"],
    ]);
    const [failure] = findAll(root, "failure");
    expect(failure.attrs.message).toBe("step no_unauthorized_withdrawal is violated at step 3");
    expect(failure.text).toContain("step 3  withdraw(a = 0) by caller = 1");
    // The text report stays on stdout, and the summary closes it.
    expect(r.stdout).toContain("✗ step no_unauthorized_withdrawal  violated (3 steps)");
    expect(summary(r.stdout)).toBe("stakecheck check: FAILED · 2 specs, 8 properties: 1 violated, 4 hold, 3 not proved (StakingPoolNoOwnerCheck: no_unauthorized_withdrawal)");
  });

  it("check --reporter json prints one JSON document on stdout and moves the text to stderr", async () => {
    const r = await runCli(["check", "spec/anchor-bft.stake", "--const", "F=2", "--reporter", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schema: "stakecheck-report/1", command: "check", verdict: "FAILED", exitCode: 1 });
    expect(doc.suites).toHaveLength(1);
    expect(doc.suites[0]).toMatchObject({ name: "AnchorBFT", file: "spec/anchor-bft.stake", consts: { N: 4, F: 2 }, stats: { distinct: 142, generated: 462, depth: 6 } });
    expect(doc.suites[0].cases.map((c: { name: string; status: string; steps?: number }) => [c.name, c.status, c.steps])).toEqual([
      ["invariant Agreement", "failed", 6],
      ["invariant AccountableSafety", "skipped", undefined],
      ["well_typed", "skipped", undefined],
    ]);
    expect(doc.suites[0].cases[0].location).toEqual({ file: "spec/anchor-bft.stake", line: 23, col: 1, endLine: 23, endCol: 53 });
    expect(r.stderr).toContain("✗ invariant `Agreement` is violated after 6 steps");
  });

  it("check --reporter github prints an ::error annotation on the property's line", async () => {
    const r = await runCli(["check", BUGGY, "--reporter", "github"]);
    // The text report runs between ::stop-commands::TOKEN and ::TOKEN::; then the annotations.
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("::")).slice(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::error file=spec\/buggy\/pool-no-owner-check\.stake,line=81,endLine=82,title=stakecheck check%3A step no_unauthorized_withdrawal violated::step no_unauthorized_withdrawal is violated at step 3 \(N = 3, START = 3, MAX_REWARDS = 2\)%0A%0A/,
    );
    expect(lines[0]).not.toContain("\r");
  });

  it("replay --reporter junit to stdout: valid XML on stdout, the verdicts on stderr", async () => {
    const r = await runCli(["replay", "counterexamples", "--expect", "violation", "--reporter", "junit"]);
    expect(r.code).toBe(0);
    const root = parseXml(r.stdout);
    const n = readdirSync("counterexamples").length;
    expect(root.attrs).toMatchObject({ name: "stakecheck replay", tests: String(n), failures: "0", errors: "0" });
    expect(findAll(root, "testcase").map((c) => c.attrs.name)).toEqual(readdirSync("counterexamples").sort().map((f) => `counterexamples/${f}`));
    expect(r.stderr).toContain("still violates invariant Agreement after step 6");
  });
});

describe("bad input: one clear line, exit 2, never a stack trace", () => {
  it("a corrupt counterexample file", async () => {
    const bad = join(dir, "corrupt.itf.json");
    writeFileSync(bad, readFileSync(join("counterexamples", NAME), "utf8").slice(0, 500));
    const r = await runCli(["replay", bad]);
    expect(r.code).toBe(2);
    expect(r.stdout.split("\n")[0]).toBe(`✗ ${bad}: error: the JSON ends early: the file is truncated`);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it("replay of a missing path: an error among the outcomes (so the others still replay), exit 2", async () => {
    const r = await runCli(["replay", "no/such/dir"]);
    expect(r.code).toBe(2);
    expect(r.stdout.split("\n")[0]).toBe("✗ no/such/dir: error: no such file or directory");
  });

  it.each([
    [["replay", "counterexamples", "--expect", "pass-ish"], "stakecheck: --expect pass-ish: expected `violation` (every counterexample must still violate) or `pass` (every one must now pass)"],
    [["check", "--save", BUGGY, "spec/pool.stake"], `stakecheck: --save ${BUGGY}: that is a spec, not a directory; put --save after the files, or write --save=DIR`],
    [["check", BUGGY, "--reporter", "xml"], "stakecheck: --reporter xml: unknown reporter `xml`; use text, json, junit, github (optionally NAME:FILE)"],
  ])("%j", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(message);
  });
});
