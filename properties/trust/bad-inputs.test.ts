// Under --reporter github/junit/json, a bad input is a located failure in the report, and the
// other files are still checked (issue 19: the annotation had no line and said "has errors"; one
// missing file among several aborted the run with no report).

import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { findAll, parseXml } from "../trace/support/xml.js";

const BAD = "properties/trust/specs/bad.stake";
const GOOD = "spec/anchor-bft.stake";
const TRACE = "counterexamples/anchor-bft-Agreement-e4442733.itf.json";

describe("bad inputs in CI reports", () => {
  it("check: a spec with errors and a missing file are error cases; the good spec is checked (junit)", async () => {
    const r = await runCli(["check", BAD, "missing.stake", GOOD, "--reporter", "junit"]);
    expect(r.code).toBe(2);
    const root = parseXml(r.stdout);
    const cases = findAll(root, "testcase");
    const errors = cases.filter((c) => findAll(c, "error").length > 0);
    expect(errors.map((c) => c.attrs.name)).toEqual([`${BAD}:4:18`, "missing.stake"]);
    expect(errors[0].attrs.line).toBe("4");
    expect(findAll(errors[0], "error")[0].attrs.message).toBe("unknown name `y`");
    expect(findAll(errors[1], "error")[0].attrs.message).toBe("missing.stake: no such file");
    const good = cases.filter((c) => c.attrs.file === GOOD);
    expect(good.map((c) => c.attrs.name)).toEqual(["invariant Agreement", "invariant AccountableSafety", "well_typed"]);
    expect(good.every((c) => c.children.length === 0)).toBe(true);
  });

  it("check --reporter github: the annotation is on the error's line and says what is wrong", async () => {
    const r = await runCli(["check", BAD, GOOD, "--reporter", "github"]);
    const errors = r.stdout.split("\n").filter((l) => l.startsWith("::error"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error file=properties\/trust\/specs\/bad\.stake,line=4,endLine=4,col=18,endColumn=19,title=[^:]*::unknown name `y`%0A/);
    expect(r.stdout).toContain("✓ invariant Agreement");
  });

  it("check --reporter json: one suite per file, the bad ones with an error case", async () => {
    const r = await runCli(["check", "missing.stake", GOOD, "--reporter", "json"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.exitCode).toBe(2);
    expect(doc.suites.map((s: { file: string }) => s.file)).toEqual(["missing.stake", GOOD]);
    expect(doc.suites[0].cases[0]).toMatchObject({ status: "error", message: "missing.stake: no such file" });
  });

  it("fuzz: a bad spec still writes its report", async () => {
    const r = await runCli(["fuzz", BAD, "--reporter", "junit"]);
    expect(r.code).toBe(2);
    const errors = findAll(parseXml(r.stdout), "error");
    expect(errors.map((e) => e.attrs.message)).toEqual(["unknown name `y`"]);
  });

  it("replay: a missing path is an error beside the files that replay", async () => {
    const r = await runCli(["replay", "missing-dir", TRACE, "--expect", "violation", "--reporter", "json"]);
    expect(r.code).toBe(2);
    const cases = JSON.parse(r.stdout).suites.flatMap((s: { cases: unknown[] }) => s.cases);
    expect(cases.map((c: { status: string; name: string }) => [c.name, c.status])).toEqual([
      ["missing-dir", "error"],
      [TRACE, "passed"],
    ]);
  });
});
