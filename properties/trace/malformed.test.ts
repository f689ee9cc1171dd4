// Golden errors for malformed counterexample files: each names the state and the field in plain
// words, and none is a stack trace. The files are made by breaking a valid one from the corpus.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { replayTraceFile } from "../../src/api/replay.js";
import { locateJsonError } from "../../src/trace/json-error.js";
import { readTraceText, TraceFileError } from "../../src/trace/read.js";
import { MALFORMED, validText } from "./support/mutate.js";

const GOLDEN: Record<string, string> = {
  "truncated JSON": "bad.itf.json: the JSON ends early: the file is truncated",
  "a syntax error": "bad.itf.json: not valid JSON at line 13, column 12: expected a value",
  "an empty file": "bad.itf.json: the file is empty",
  "not an object": 'bad.itf.json: not an ITF trace: expected a JSON object with "#meta", "vars" and "states", found an array',
  "an ITF trace from another tool":
    'bad.itf.json: not a stakecheck counterexample: "#meta" has no "stakecheck-format" (an ITF trace from another tool has no actions to replay, unless it has Quint\'s mbt::actionTaken)',
  "a newer format version": "bad.itf.json: written by a newer stakecheck (counterexample format 9); this version reads format 3",
  "a missing variable": 'bad.itf.json: state 2: variable `pending` is missing (ITF requires every state to hold every variable in "vars")',
  "a negative index": "bad.itf.json: state 1, field #meta.index: expected a whole number, 0 or more, found -1",
  "indexes out of order": "bad.itf.json: state 2, field #meta.index: 5, but states are numbered 0, 1, 2, ... in order, so it must be 2",
  "a missing action": "bad.itf.json: state 3, field #meta.action: missing (every state after the initial one records the step that led to it)",
  "an unknown action": "bad.itf.json: state 3, field #meta.action: no action `withdrw` in spec `StakingPoolNoOwnerCheck`; did you mean `withdraw`?",
  "a wrong parameter name": [
    "bad.itf.json: 2 problems:",
    "  - state 3, field #meta.params.a: missing (action `withdraw` has parameter `a`)",
    "  - state 3, field #meta.params: action `withdraw` has no parameter `b`; its parameters: a",
  ].join("\n"),
  "a missing caller": "bad.itf.json: state 1, field #meta.caller: missing (action `deposit` has `by caller`)",
  "a bad #bigint": 'bad.itf.json: state 1, variable slashed: "#bigint" must be a string of digits, found "1a"',
  "a wrong type": 'bad.itf.json: state 2, variable bal[1]: expected an integer, found "three"',
  "a value outside its type": "bad.itf.json: state 2, variable minted: 7 is outside 0 .. 2",
  "a parameter outside its type": "bad.itf.json: state 3, field #meta.params.a: 5 is outside 0 .. 2",
  "an unknown ITF tag": 'bad.itf.json: state 0, variable stake: "#list" is not an ITF form (expected #bigint, #set, #map or #tup)',
  "a map entry that is not a pair": 'bad.itf.json: state 0, variable bal: "#map" entry 3 must be a [key, value] pair, found [{"#bigint":"3"}]',
  "a bad sha256 and a wrong property kind": [
    "bad.itf.json: 2 problems:",
    '  - field #meta.spec.sha256: expected a sha256 in 64 lowercase hex digits, found "abc"',
    '  - field #meta.violation.kind: expected "invariant" | "step" | "well_typed" | "conformance" | "liveness", found "fairness"',
  ].join("\n"),
  "an unknown property":
    "bad.itf.json: field #meta.violation.name: spec `StakingPoolNoOwnerCheck` has no step property `no_unauthorised_withdrawal`; did you mean `no_unauthorized_withdrawal`?",
  "a violation step that does not match the states": "bad.itf.json: field #meta.violation.step: 7, but the last state is state 3, so it must be 3",
  "no states": "bad.itf.json: field states: expected at least the initial state, found []",
  "an unknown variable": [
    "bad.itf.json: 4 problems:",
    ...[0, 1, 2, 3].map((i) => `  - state ${i}: variable \`ghost\` is missing (ITF requires every state to hold every variable in "vars")`),
  ].join("\n"),
  "mbt::actionTaken disagrees with #meta": 'bad.itf.json: state 2: mbt::actionTaken is "deposit", but #meta.action says "unbond"',
  "mbt::nondetPicks disagrees with #meta": "bad.itf.json: state 3: mbt::nondetPicks.caller is 0, but #meta says 1",
  "mbt::nondetPicks is not a record": "bad.itf.json: state 1: mbt::nondetPicks is not a record of picks",
};

const dir = mkdtempSync(join(tmpdir(), "stakecheck-malformed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("malformed counterexample files", () => {
  it("the golden table covers every malformed case", () => {
    expect(MALFORMED.map((m) => m.name).sort()).toEqual(Object.keys(GOLDEN).sort());
    expect(MALFORMED.length).toBeGreaterThanOrEqual(10);
  });

  it.each(MALFORMED.map((m) => [m.name, m] as const))("%s", (_name, m) => {
    const sub = mkdtempSync(join(dir, "case-"));
    const file = join(sub, "bad.itf.json");
    writeFileSync(file, m.make(validText()));
    const o = replayTraceFile(file);
    expect(o.kind).toBe("error");
    const message = o.kind === "error" ? o.message.split(`${sub}/`).join("") : "";
    expect(message).toBe(GOLDEN[m.name]);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it("a trace whose JSON parses but is malformed throws a TraceFileError listing its problems", () => {
    const e = (() => {
      try {
        readTraceText('{"#meta": {"stakecheck-format": 1}, "vars": [1], "states": {}}', "x.itf.json");
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(TraceFileError);
    expect((e as TraceFileError).problems).toEqual([
      "field #meta.spec: missing",
      "field #meta.consts: missing",
      "field #meta.violation: missing",
      "field #meta.explorer: missing",
      "field vars[0]: expected string, found 1",
      "field states: expected array, found {}",
    ]);
  });

  it("the JSON error locator agrees with JSON.parse on broken JSON", () => {
    const broken = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("delete", "insert", "truncate"), fc.constantFrom(",", "]", "}", '"', ":", "x", "\\", " ", "1"));
    fc.assert(
      fc.property(broken, ([text, at, how, ch]) => {
        const i = text.length ? at % text.length : 0;
        const t = how === "delete" ? text.slice(0, i) + text.slice(i + 1) : how === "insert" ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i);
        let parses = true;
        try {
          JSON.parse(t);
        } catch {
          parses = false;
        }
        expect(locateJsonError(t) === null).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });
});
