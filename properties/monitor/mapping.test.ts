// Mapping files: every problem named by its field (golden); amounts translated with BigInt and the
// declared rounding (against exact rationals); and the example's pool end to end: 10,000 events of
// the correct implementation raise nothing, the seeded slashing bug is caught at the first slash
// whose amount differs from the spec's (found independently, from the log alone).

import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ACCOUNTS, simulate } from "../../examples/monitor/simulate.js";
import { InputError } from "../../src/lang/read.js";
import { applyMapping, readMapping } from "../../src/monitor/mapping.js";
import { loadMappingFile } from "../../src/monitor/monitor.js";
import { divide, integerOf, translate } from "../../src/monitor/values.js";
import { modelFromFile } from "../support/load.js";
import { monitorLines } from "./support.js";

const pool = modelFromFile("spec/pool.stake");
const MAP = "examples/monitor/pool.monitor.json";
const mapping = loadMappingFile(MAP, pool);
const dir = mkdtempSync(join(tmpdir(), "stakecheck-monitor-map-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOLDEN: [unknown, string[]][] = [
  [{}, ["field events: missing"]],
  [[], ["the file: expected object"]],
  [{ events: { X: { action: "deposit", parms: {} } } }, ["field events.X.parms: unknown field"]],
  [{ events: { X: { action: 3 } } }, ["field events.X.action: expected string"]],
  [{ events: { X: "ignored" } }, ['field events.X: expected "ignore" | object']],
  [{ events: {}, values: { t: { table: {}, scale: "1" } } }, ['field values.t: expected either "table" (a lookup) or "scale" (an amount divided by a scale)']],
  [{ events: {}, values: { t: { scale: "1e18", rounding: "floor" } } }, ["field values.t.scale: expected a positive integer as a string of digits", 'field values.t.rounding: expected "exact" | "down" | "up" | "nearest"']],
  [{ events: {}, values: { t: { scale: "10" } } }, ['field values.t.rounding: missing (say how amounts that are not whole units round: "exact" refuses them, or "down", "up", "nearest")']],
  [
    { events: { X: { action: "depositt" }, Y: { action: "deposit", params: { b: "x" } }, Z: { action: "slash", caller: "who" }, W: { action: "deposit", params: { a: { field: "x", as: "acct" } } } } },
    [
      "field events.X.action: no action `depositt` in spec `StakingPool`; did you mean `deposit`?",
      "field events.Y.params.b: action `deposit` has no parameter `b`",
      "field events.Z.caller: action `slash` has no caller (no `by` clause)",
      'field events.W.params.a.as: no translation `acct` in "values"',
    ],
  ],
  [
    { events: { X: { action: "withdraw", params: { a: "x" }, delta: { "pending[{b}]": "amount" }, repeat: "n" } } },
    ['field events.X: "delta" cannot be combined with "repeat" (the change over several steps is not one step\'s change); use "observed"', "field events.X.delta.pending[{b}]: `{b}` names no parameter, pick or caller this mapping gives"],
  ],
  [{ events: { X: { action: "withdraw", params: { a: { field: "x", const: 1 } } } } }, ['field events.X.params.a: expected either "field" (a field of the event) or "const" (a fixed value)']],
  [{ events: { X: {} } }, ['field events.X: expected "action" (the spec action it is), "observed", or the string "ignore"']],
  [{ events: {}, unknown: "skip" }, ['field unknown: expected "error" | "ignore"']],
];

describe("mapping files", () => {
  it.each(GOLDEN.map(([json, problems]) => [JSON.stringify(json).slice(0, 70), json, problems] as const))("%s", (_, json, problems) => {
    expect(readMapping(json, pool)).toEqual({ problems });
  });

  it("a file that cannot be read, or is not JSON, is one InputError naming it", () => {
    expect(() => loadMappingFile(join(dir, "none.json"), pool)).toThrow(new InputError(`${join(dir, "none.json")}: no such file`));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{");
    expect(() => loadMappingFile(bad, pool)).toThrow(/bad\.json: not valid JSON/);
    writeFileSync(bad, JSON.stringify({ events: { X: { action: "depositt" } }, unknown: "skip" }));
    expect(() => loadMappingFile(bad, pool)).toThrow(new InputError(`${bad}: field unknown: expected "error" | "ignore"`));
    writeFileSync(bad, JSON.stringify({ events: { X: { action: "depositt" }, Y: { action: "slash", caller: "c" } } }));
    expect(() => loadMappingFile(bad, pool)).toThrow(
      new InputError(`${bad}: 2 problems:\n  - field events.X.action: no action \`depositt\` in spec \`StakingPool\`; did you mean \`deposit\`?\n  - field events.Y.caller: action \`slash\` has no caller (no \`by\` clause)`),
    );
  });

  it("the example's events become spec events: accounts by address, tokens from wei, repeats", () => {
    const wei = (n: number) => (BigInt(n) * 10n ** 18n).toString();
    expect(applyMapping(mapping, { event: "Deposited", args: { account: ACCOUNTS[1].toUpperCase().replace("0X", "0x"), amount: wei(2) }, block: 3 })).toEqual([
      { action: "deposit", params: { a: 1 }, picks: {}, observed: {}, delta: {} },
      { action: "deposit", params: { a: 1 }, picks: {}, observed: {}, delta: {} },
    ]);
    expect(applyMapping(mapping, { event: "Withdrawn", args: { account: ACCOUNTS[0], to: ACCOUNTS[2], amount: wei(3) } })).toEqual([
      { action: "withdraw", params: { a: 0 }, caller: 2, picks: {}, observed: {}, delta: { "pending[0]": -3 } },
    ]);
    expect(applyMapping(mapping, { event: "Deposited", args: { account: ACCOUNTS[0], amount: "1500000000000000000" } })).toBe(
      'event `Deposited`, repeat (field amount): 1500000000000000000 is not a whole number of units of 1000000000000000000 (rounding "exact")',
    );
    expect(applyMapping(mapping, { event: "Deposited", args: { account: "0xdead", amount: wei(1) } })).toBe('event `Deposited`, params.a (field account): "0xdead" is not in the table');
    expect(applyMapping(mapping, { event: "Deposited", args: { amount: wei(1) } })).toBe("event `Deposited`, params.a: the event has no field `account`");
    expect(applyMapping(mapping, { event: "Depositted", args: {} })).toBe('event `Depositted` is not in the mapping; did you mean `Deposited`? (list it, with "ignore" if it does not matter to the spec)');
    expect(applyMapping(mapping, { args: {} })).toBe("field event: expected the event's name (a string), found nothing");
  });

  it("unknown events are errors or ignored as the mapping says; ignored events and observations", () => {
    const r = readMapping({ unknown: "ignore", events: { Paused: "ignore", Snapshot: { observed: { "bal[0]": "wallet" } } } }, pool);
    if (!("mapping" in r)) throw new Error(r.problems.join());
    expect(applyMapping(r.mapping, { event: "Whatever" })).toEqual([]);
    expect(applyMapping(r.mapping, { event: "Paused" })).toEqual([]);
    expect(applyMapping(r.mapping, { event: "Snapshot", wallet: 3 })).toEqual([{ action: null, params: {}, picks: {}, observed: { "bal[0]": 3 }, delta: {} }]);
  });
});

describe("value translations", () => {
  it("divide rounds as declared, like exact rational arithmetic", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), (n, d) => {
        const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
        const exact = floor * d === n;
        expect(divide(n, d, "down")).toBe(floor);
        expect(divide(n, d, "up")).toBe(exact ? floor : floor + 1n);
        expect(divide(n, d, "exact")).toBe(exact ? floor : null);
        // nearest: half away from zero; |n/d - q| <= 1/2.
        const q = divide(n, d, "nearest")!;
        const twiceErr = 2n * (n - q * d);
        expect(twiceErr <= d && twiceErr >= -d).toBe(true);
        if (twiceErr === d || twiceErr === -d) expect(q === 0n ? true : q > 0n === n > 0n && (q * d > n) === n > 0n).toBe(true);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it("amounts are integers given as numbers or decimal strings; tables look up as declared", () => {
    expect(integerOf("1000000000000000000000")).toBe(10n ** 21n);
    expect([integerOf(1.5), integerOf("1e18"), integerOf("0x10"), integerOf(2 ** 60), integerOf(null)]).toEqual([null, null, null, null, null]);
    const scale = { kind: "scale", scale: 10n ** 18n, rounding: "nearest" } as const;
    expect(translate(scale, "2500000000000000000", "f")).toEqual({ value: 3 });
    expect(translate(scale, "-2500000000000000000", "f")).toEqual({ value: -3 });
    expect(translate(scale, "1" + "0".repeat(60), "f")).toEqual({ error: `f: 1${"0".repeat(60)} / 1000000000000000000 is too large` });
    const table = { kind: "table", table: new Map<string, unknown>([["0xab", 0]]), caseInsensitive: true } as const;
    expect(translate(table, "0xAB", "f")).toEqual({ value: 0 });
    expect(translate(table, { x: 1 }, "f")).toEqual({ error: 'f: expected a string or a number to look up, found {"x":1}' });
  });
});

/** The first line of a pool log whose slash amount is not the spec's (half the stake, rounded up),
 * from the log alone: stakes are followed through the events. */
function firstWrongSlash(lines: readonly string[]): number | null {
  const stake = new Map<string, bigint>();
  const wei = 10n ** 18n;
  for (let i = 0; i < lines.length; i++) {
    const { event, args } = JSON.parse(lines[i]) as { event: string; args: { account: string; amount: string } };
    const amount = BigInt(args.amount) / wei;
    const s = stake.get(args.account) ?? 0n;
    if (event === "Deposited" || event === "Rewarded") stake.set(args.account, s + amount);
    if (event === "Unbonded") stake.set(args.account, s - amount);
    if (event === "Slashed") {
      if (amount !== (s + 1n) / 2n) return i + 1;
      stake.set(args.account, s - amount);
    }
  }
  return null;
}

describe("the example pool, through the mapping", () => {
  it("a random walk of the correct implementation, 10,000 events, raises nothing", async () => {
    const lines = simulate({ events: 10_000, seed: 1 });
    expect(lines.length).toBe(10_000);
    const { summary } = await monitorLines(pool, lines, { mapping });
    expect(summary).toMatchObject({ verdict: "holds", lines: 10_000, badLines: 0, candidates: 1 });
    expect(summary.events).toBeGreaterThan(10_000);
  });

  it.each([1, 2, 3, 4, 5, 6])("the seeded slashing bug (seed %i) is caught at the first wrong slash", async (seed) => {
    const lines = simulate({ events: 400, seed, buggy: true });
    const expected = firstWrongSlash(lines);
    const { summary } = await monitorLines(pool, lines, { mapping });
    expect(expected).not.toBeNull();
    expect(summary.alert?.at.line).toBe(expected);
    expect(summary.alert!.reason).toMatchObject({ kind: "observed", place: "slashed", delta: {} });
    expect(summary.alert!.source).toEqual(JSON.parse(lines[expected! - 1]));
  });
});
