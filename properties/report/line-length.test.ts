// No line of a default `check` report is longer than 160 characters for the shipped specs: a
// counterexample shows what changed element by element, never a whole queue or map again and again.

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_LINE } from "../../src/report/check-text.js";
import { runCli } from "../support/cli.js";

const BUGGY = readdirSync("spec/buggy").filter((f) => f.endsWith(".stake")).map((f) => `spec/buggy/${f}`);

function longest(text: string): { length: number; line: string } {
  let best = { length: 0, line: "" };
  for (const line of text.split("\n")) if (line.length > best.length) best = { length: line.length, line };
  return best;
}

describe("line length of the terminal report", () => {
  it("covers every shipped buggy spec", () => {
    expect(BUGGY.length).toBeGreaterThanOrEqual(15);
    expect(MAX_LINE).toBe(160);
  });

  it.each(BUGGY)("check %s: a counterexample, every line at most 160 characters", async (file) => {
    const r = await runCli(["check", file]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("is violated");
    const l = longest(r.stdout);
    expect(l.length, l.line).toBeLessThanOrEqual(MAX_LINE);
  });

  it("the swarm counterexample with a 24-element queue: pushes, not the queue reprinted", async () => {
    const r = await runCli(["fuzz", "properties/fuzz/specs/unbonding-queue.stake", "--swarm", "--seed", "1"]);
    expect(r.code).toBe(1);
    const l = longest(r.stdout);
    expect(l.length, l.line).toBeLessThanOrEqual(MAX_LINE);
    expect(r.stdout).toContain("    queue: push {owner: 0, amount: 1}\n");
    // Before element-level diffs this counterexample was 16 KB of text.
    expect(r.stdout.length).toBeLessThan(5000);
  });
});
