// Code lenses over stdio: "check" and "fuzz" run the CLI on the document's text, and the lens shows
// the result by the reports' one verdict rule, only while the text is the one checked.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeLens } from "vscode-languageserver-protocol";
import { LspClient, positionOf } from "./support/client.js";

const POOL = readFileSync("spec/pool.stake", "utf8");
const THEFT = readFileSync("spec/buggy/pool-no-owner-check.stake", "utf8");

let client: LspClient;

beforeAll(async () => {
  client = new LspClient();
  await client.initialize();
});

afterAll(async () => {
  expect(await client.stop()).toBe(0);
});

/** Each lens as `line: title [arguments]`. */
const shown = (lenses: CodeLens[] | null) =>
  (lenses ?? []).map((l) => `${l.range.start.line + 1}: ${l.command!.title}${l.command!.command ? ` ${l.command!.command}(${JSON.stringify(l.command!.arguments?.slice(1))})` : ""}`);

describe("code lenses", () => {
  it("above each action and property, before any run", async () => {
    const { uri } = await client.open("spec/pool.stake");
    expect(shown(await client.codeLenses(uri))).toEqual([
      "24: ▶ check all stakecheck.check([null])",
      "24: ▶ fuzz all stakecheck.fuzz([null])",
      "31: ▶ check all stakecheck.check([null])",
      "31: ▶ fuzz all stakecheck.fuzz([null])",
      "38: ▶ check all stakecheck.check([null])",
      "38: ▶ fuzz all stakecheck.fuzz([null])",
      "45: ▶ check all stakecheck.check([null])",
      "45: ▶ fuzz all stakecheck.fuzz([null])",
      "52: ▶ check all stakecheck.check([null])",
      "52: ▶ fuzz all stakecheck.fuzz([null])",
      '62: ▶ check stakecheck.check(["conservation"])',
      '62: ▶ fuzz stakecheck.fuzz(["conservation"])',
      '66: ▶ check stakecheck.check(["slashing_within_stake"])',
      '66: ▶ fuzz stakecheck.fuzz(["slashing_within_stake"])',
      '70: ▶ check stakecheck.check(["no_unauthorized_withdrawal"])',
      '70: ▶ fuzz stakecheck.fuzz(["no_unauthorized_withdrawal"])',
    ]);
    const lens = (await client.codeLenses(uri))![10];
    expect(lens.range).toEqual({ start: positionOf(POOL, "conservation"), end: positionOf(POOL, "conservation", 0, "conservation".length) });
    expect(lens.command!.arguments).toEqual([uri, "conservation"]);
  });

  it("check one property: it holds, and only its lens says so", async () => {
    const { uri } = await client.open("spec/pool.stake");
    const refreshes = client.lensRefreshes;
    const outcome = (await client.execute("stakecheck.check", [uri, "conservation"])) as { exitCode: number; cases: object; summary: string };
    expect(outcome.exitCode).toBe(0);
    expect(outcome.cases).toEqual({ conservation: { kind: "check", status: "passed", label: "holds" } });
    expect(outcome.summary).toMatch(/^stakecheck check: OK · 1 spec, 2 properties: 2 hold · [\d.]+ s$/);
    expect(client.lensRefreshes).toBeGreaterThanOrEqual(refreshes + 2);
    expect(shown(await client.codeLenses(uri)).filter((l) => !l.includes("▶"))).toEqual(["62: check: ✓ holds"]);
    await client.until(() => client.messages.find((m) => m.message === outcome.summary), "the summary shown");
    expect(client.logs.some((l) => l.includes("✓ invariant conservation") && l.includes("spec/pool.stake"))).toBe(true);
  });

  it("check all on a buggy spec: violated in 3 steps; the others are not proved, not holding", async () => {
    const { uri } = await client.open("spec/buggy/pool-no-owner-check.stake");
    const outcome = (await client.execute("stakecheck.check", [uri, null])) as { exitCode: number };
    expect(outcome.exitCode).toBe(1);
    expect(shown(await client.codeLenses(uri)).filter((l) => !l.includes("▶"))).toEqual([
      "73: check: not proved (not checked beyond the first violation (use --continue))",
      "77: check: not proved (not checked beyond the first violation (use --continue))",
      "81: check: ✗ violated in 3 steps",
    ]);
  });

  it("a result shows only for the text it was found on", async () => {
    const { uri } = await client.open("spec/buggy/pool-no-owner-check.stake");
    const at = positionOf(THEFT, "require stake[a] >= 1");
    const edited = await client.change(uri, [{ range: { start: at, end: at }, text: "// " }]);
    await client.diagnosticsFor(uri, edited);
    expect(shown(await client.codeLenses(uri)).filter((l) => !l.includes("▶"))).toEqual([]);
    const undone = await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, text: "" }]);
    await client.diagnosticsFor(uri, undone);
    expect(shown(await client.codeLenses(uri)).filter((l) => !l.includes("▶"))).toHaveLength(3);
  });

  it("fuzz: not violated in so many runs, never `holds`", async () => {
    const { uri } = await client.open("spec/pool.stake");
    const outcome = (await client.execute("stakecheck.fuzz", [uri, "slashing_within_stake"])) as { exitCode: number; cases: object };
    expect(outcome.exitCode).toBe(0);
    expect(outcome.cases).toEqual({ slashing_within_stake: { kind: "fuzz", status: "passed", label: "not violated in 10,000 runs" } });
    expect(shown(await client.codeLenses(uri)).filter((l) => !l.includes("▶"))).toEqual([
      "62: check: ✓ holds",
      "66: fuzz: not violated in 10,000 runs",
    ]);
  });

  it("a spec with errors: the command says so", async () => {
    const { uri } = await client.open("spec/edit-broken.stake", POOL.replace("bal[a] >= 1", "bla[a] >= 1"));
    const outcome = (await client.execute("stakecheck.check", [uri, null])) as { exitCode: number; summary: string; cases: object };
    expect(outcome.exitCode).toBe(2);
    expect(outcome.cases).toEqual({});
    expect(outcome.summary).toBe(`${client.uri("spec/edit-broken.stake").replace("file://", "")}:26:11: error: unknown name \`bla\``);
  });
});
