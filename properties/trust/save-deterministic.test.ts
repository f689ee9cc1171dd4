// `check --save` writes the same file whatever the worker count (issue 19: two workers wrote 4
// different files in 5 identical runs, so a committed corpus churned). Workers race within a
// level; the reported counterexample is the one a single worker finds: per property, the
// lexicographically least shortest path.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-save-det-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function saved(spec: string, workers: string, run: number, extra: string[] = []): Promise<Record<string, string>> {
  const out = join(dir, `${workers}-${run}`);
  const r = await runCli(["check", spec, "--workers", workers, ...extra, `--save=${out}`]);
  expect(r.code).toBe(1);
  return Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), "utf8")]));
}

describe("saved counterexamples do not depend on the worker count", () => {
  it.each([
    ["spec/buggy/ffg-duplicate-votes.stake", []],
    ["spec/buggy/unbonding-slash-redelegation-double-count.stake", ["--continue"]],
  ])("%s %j: three runs on two workers save the bytes one worker saves", async (spec, extra) => {
    const one = await saved(spec, "1", 0, extra as string[]);
    expect(Object.keys(one).length).toBeGreaterThan(0);
    for (let run = 1; run <= 3; run++) expect(await saved(spec, "2", run, extra as string[])).toEqual(one);
  }, 120_000);
});
