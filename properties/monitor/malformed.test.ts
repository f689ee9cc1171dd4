// Lines that are not usable events: each is reported with its line number in one plain sentence
// (golden), the monitor stops or goes on as --on-bad-line says, and nothing is ever thrown. Event
// data is untrusted: what a report shows of it is escaped.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monitorEvents } from "../../src/monitor/monitor.js";
import { renderReport } from "../../src/monitor/text.js";
import { reportJson } from "../../src/monitor/json.js";
import type { BadLine, MonitorReport } from "../../src/monitor/types.js";
import { modelFromFile } from "../support/load.js";
import { monitorLines } from "./support.js";

const pool = modelFromFile("spec/pool.stake");
const OK = { action: "deposit", params: { a: 0 }, caller: 0 };

const GOLDEN: [string, string][] = [
  ["{", "not JSON: the line ends before the JSON does (expected a property name in double quotes)"],
  ['{"action": "deposit",}', "not JSON: at column 22, expected a property name in double quotes"],
  ["[".repeat(100_000), "not JSON: nested too deeply"],
  ["[1, 2]", 'expected an event (a JSON object such as {"action": "deposit", "params": {"a": 0}}), found an array'],
  ["42", 'expected an event (a JSON object such as {"action": "deposit", "params": {"a": 0}}), found number 42'],
  ["{}", "an empty event: expected `action` (a step) or `observed` (an observation)"],
  ['{"action": "depositt", "params": {"a": 0}, "caller": 0}', "field action: no action `depositt` in spec `StakingPool`; did you mean `deposit`?"],
  ['{"action": "mint"}', "field action: no action `mint` in spec `StakingPool` (its actions: deposit, unbond, withdraw, slash, reward)"],
  ['{"action": 3}', "field action: expected an action's name, found number 3"],
  ['{"action": "deposit", "parms": {"a": 0}}', "unknown field `parms`; did you mean `params`?"],
  ['{"action": "deposit", "params": {"a": "zero"}, "caller": 0}', 'field params.a: expected an integer, found "zero"'],
  ['{"action": "deposit", "params": {"a": 7}, "caller": 0}', "field params.a: 7 is outside 0 .. 2"],
  ['{"action": "deposit", "params": {"a": 1.5}, "caller": 0}', "field params.a: expected an integer, found 1.5"],
  ['{"action": "deposit", "params": {"b": 0}, "caller": 0}', "field params: action `deposit` has no parameter `b` (its parameters: a)"],
  ['{"action": "slash", "params": {"a": 0}, "caller": 0}', "field caller: action `slash` has no caller (no `by` clause)"],
  ['{"action": "deposit", "params": [0]}', "field params: expected an object of names and values, found an array"],
  ['{"observed": {"bal[3]": 1}}', "field observed: `bal[3]` is not a part of variable `bal` (name a map entry by its key, `bal[k]`, or a record field, `bal.f`)"],
  ['{"observed": {"bla": 1}}', "field observed: spec `StakingPool` has no variable `bla`; did you mean `bal`?"],
  ['{"observed": {"bal": {"0": 1}}}', "field observed.bal: key 1 is missing"],
  ['{"action": "deposit", "delta": {"bal[0]": "-1"}}', "field delta.bal[0]: expected a number (how much the value grew; negative if it shrank)"],
  ['{"delta": {"slashed": 1}}', "field delta: an observation (an event without `action`) takes no step, so nothing changes; use `observed`"],
  ['{"params": {"a": 0}}', "field action: missing (an event with params, caller or picks names its action; an event with only `observed` is an observation)"],
];

function badLines(reports: MonitorReport[]): BadLine[] {
  return reports.filter((r): r is BadLine => r.kind === "bad-line");
}

describe("bad lines", () => {
  it.each(GOLDEN.map(([line, message]) => [line.slice(0, 60), line, message]))("%s", async (_, line, message) => {
    const stop = await monitorLines(pool, [OK, line, OK], { onBadLine: "stop" });
    expect(badLines(stop.reports)).toEqual([{ kind: "bad-line", line: 2, message }]);
    expect(stop.summary).toMatchObject({ verdict: "bad-input", exitCode: 2, events: 1, lines: 2, badLines: 1 });
    const skip = await monitorLines(pool, [OK, line, OK], { onBadLine: "skip" });
    expect(badLines(skip.reports).map((b) => b.line)).toEqual([2]);
    expect(skip.summary).toMatchObject({ verdict: "bad-input", exitCode: 2, events: 2, lines: 3, badLines: 1 });
  });

  it("a line of 10 MB is reported without being read, and the next line is read", async () => {
    const huge = `{"action": "deposit", "params": {"a": 0}, "caller": 0, "#pad": "${"x".repeat(10 * 2 ** 20)}"}`;
    const r = await monitorLines(pool, [OK, huge, OK], { onBadLine: "skip" });
    expect(badLines(r.reports)).toEqual([{ kind: "bad-line", line: 2, message: `longer than ${2 ** 20} bytes (${huge.length} bytes); not read` }]);
    expect(r.summary).toMatchObject({ events: 2, lines: 3, verdict: "bad-input" });
  });

  it("deep nesting, CRLF, blank lines, a byte-order mark and bytes that are not UTF-8 are handled", async () => {
    const deep = `{"action": "deposit", "params": {"a": ${"[".repeat(200_000)}${"]".repeat(200_000)}}, "caller": 0}`;
    const r = await monitorLines(pool, [OK, deep, "", "   ", `{"action": "unbond", "params": {"a": 0}, "caller": 0}\r`], { onBadLine: "skip" });
    expect(badLines(r.reports)).toEqual([{ kind: "bad-line", line: 2, message: "field params.a: nested more than 16 levels deep; no value of the spec is" }]);
    expect(r.summary).toMatchObject({ events: 2, steps: 2, lines: 5 });
    const bom = await monitorLines(pool, ["\ufeff" + JSON.stringify(OK)], { onBadLine: "stop" });
    expect(badLines(bom.reports)[0].message).toMatch(/^not JSON: /);
    const bytes = Buffer.concat([Buffer.from('{"action": "deposit", "params": {"a": 0}, "caller": 0, "#note": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
    const s = await monitorEvents(pool, { stream: (async function* () { yield bytes; })() });
    expect(s).toMatchObject({ verdict: "holds", events: 1 });
  });

  it("untrusted text in a bad line is escaped in every report", async () => {
    const nasty = '{"action": "dep\\u001b[31m\\u2028osit\\r\\n::error::x</script>", "params": {"a": 0}}';
    const r = await monitorLines(pool, [nasty], { onBadLine: "stop" });
    const b = badLines(r.reports)[0];
    expect(b.message).toBe("field action: no action `dep\\u001b[31m\\u2028osit\\u000d\\u000a::error::x</script>` in spec `StakingPool` (its actions: deposit, unbond, withdraw, slash, reward)");
    for (const text of [renderReport(b), reportJson(b, "e.jsonl")]) {
      expect(text).not.toMatch(/[\u0000-\u001f\u2028\u2029]/);
    }
    expect(JSON.parse(reportJson(b, "e.jsonl")).line).toBe(1);
  });

  it("random lines never throw: each is an event, a blank, or one bad line", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.json(), fc.constant(JSON.stringify(OK)), fc.jsonValue().map((v) => JSON.stringify({ action: "withdraw", params: { a: v }, caller: v, observed: { bal: v } }))), { maxLength: 12 }), async (lines) => {
        const clean = lines.map((l) => l.replace(/[\r\n]/g, " "));
        const r = await monitorLines(pool, clean, { onBadLine: "skip" });
        expect(r.summary.lines).toBeLessThanOrEqual(clean.length);
        for (const b of badLines(r.reports)) {
          expect(b.message).not.toMatch(/\n|internal|at .*\.ts:/);
          expect(renderReport(b)).not.toMatch(/[\u0000-\u001f\u2028\u2029]/);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
