// One verdict rule (src/api/verdict.ts), on every surface, for every way a search can stop early:
// a violation (without --continue), --max-states, --max-depth, the memory ceiling, an interrupt,
// bitstate coverage below 100 %. A property not violated in a search that stopped early is
// unknown: `?` on the terminal, skipped in JUnit and JSON, a warning annotation (except after a
// violation, whose error says it all), a failing vitest test, exit 3 when nothing is violated.
// Never ✓, never "passed".

import { describe, expect, it } from "vitest";
import { check, runVerdicts, type CheckOptions } from "../../src/api/check.js";
import { checkSuite, type RunResult } from "../../src/report/run-result.js";
import { renderGithub } from "../../src/report/github.js";
import { renderJunit } from "../../src/report/junit.js";
import { renderJson } from "../../src/report/json.js";
import { renderCheck } from "../../src/report/check-text.js";
import { specFromFile } from "../support/load.js";

const POOL = "spec/pool.stake";
const THEFT = "spec/buggy/pool-no-owner-check.stake";

export interface StopCase {
  readonly name: string;
  readonly file: string;
  readonly options: CheckOptions;
  readonly reason: string;
}

export const stops: StopCase[] = [
  { name: "a violation, without --continue", file: THEFT, options: {}, reason: "violation" },
  { name: "--max-states", file: POOL, options: { maxStates: 10 }, reason: "max-states" },
  { name: "--max-depth", file: POOL, options: { maxDepth: 3 }, reason: "max-depth" },
  { name: "the memory ceiling", file: POOL, options: { memoryBytes: 64 * 1024 }, reason: "memory" },
  { name: "an interrupt", file: POOL, options: { shouldStop: () => true }, reason: "interrupted" },
  { name: "bitstate coverage below 100 %", file: POOL, options: { bitstate: 8 * 1024 * 8 }, reason: "bitstate" },
];

function report(suite: ReturnType<typeof checkSuite>, exitCode: number): RunResult {
  return { command: "check", suites: [suite], seconds: 0, exitCode };
}

describe("a search that stops early proves nothing it did not check", () => {
  it.each(stops)("$name: every property not violated is unknown, on every surface", ({ file, options, reason }) => {
    const run = check(specFromFile(file), options);
    const verdicts = runVerdicts(run);
    const unknown = verdicts.filter((v) => v.verdict.kind === "unknown");
    expect(unknown.length).toBeGreaterThan(0);
    expect(verdicts.every((v) => v.verdict.kind === "unknown" || v.verdict.kind === "violated")).toBe(true);
    for (const u of unknown) expect(u.verdict.kind === "unknown" && u.verdict.reason).toBe(reason);

    // terminal: `?` with the reason, never ✓
    const text = renderCheck(run, "");
    expect(text).not.toContain("✓");
    expect(text.match(/^ {2}\? /gm)?.length).toBe(unknown.length);

    // JUnit and JSON: skipped, never passed
    const suite = checkSuite(run);
    expect(suite.cases.filter((c) => c.status === "passed")).toEqual([]);
    expect(suite.cases.filter((c) => c.status === "skipped").length).toBe(unknown.length);
    const violated = verdicts.length - unknown.length;
    const junit = renderJunit(report(suite, violated ? 1 : 3));
    expect(junit).toContain(`skipped="${unknown.length}"`);
    expect(junit).not.toMatch(/<testcase[^>]*\/>/); // a bare testcase is a pass
    const json = JSON.parse(renderJson(report(suite, violated ? 1 : 3)));
    for (const c of json.suites[0].cases.filter((x: { status: string }) => x.status === "skipped")) expect(c.stopped).toBe(reason);
    expect(json.suites[0].cases.map((c: { status: string }) => c.status).sort()).toEqual([...Array(violated).fill("failed"), ...Array(unknown.length).fill("skipped")].sort());

    // GitHub: a warning per unproved property, except after a violation (its error says it all)
    const gh = renderGithub(report(suite, violated ? 1 : 3));
    expect((gh.match(/^::warning /gm) ?? []).length).toBe(reason === "violation" ? 0 : unknown.length);
    expect((gh.match(/^::error /gm) ?? []).length).toBe(violated);
  });
});
