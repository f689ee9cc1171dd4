// Bad input of any kind never crashes the front end: random bytes, token soup and random edits of
// the shipped specs always come back as diagnostics (each with a span inside the text that
// renders) or as a checked spec, never as an exception.

import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSpec } from "../../src/check/check.js";
import { hasErrors } from "../../src/lang/diagnostic.js";
import { parseSpec } from "../../src/lang/parse.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";

const SPECS = ["spec/pool.stake", "spec/anchor-pool.stake", "spec/anchor-bft.stake"].map((f) => readFileSync(f, "utf8"));

/** Runs the front end; fails the property on an exception or a malformed diagnostic. */
function frontEnd(text: string): void {
  const parsed = parseSpec(text, "fuzz.stake");
  const diagnostics = [...parsed.diagnostics];
  if (parsed.ast === null) {
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0].severity).toBe("error");
  } else if (!hasErrors(parsed.diagnostics)) {
    diagnostics.push(...checkSpec(parsed.file, parsed.ast).diagnostics);
  }
  for (const d of diagnostics) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.message.length).toBeGreaterThan(0);
  }
  renderDiagnostics(diagnostics);
}

// Tokens of the language, so random sequences get past the first few characters.
const TOKENS = [
  "spec", "S", "const", "N", "=", "3", "type", "T", "..", "0", "enum", "{", "}", "A", "B", ",", "var", "x", ":", "map", "<", ">",
  "set", "seq", "bool", "action", "a", "(", ")", "by", "caller", "require", "let", "if", "else", "then", "pick", "in", "where",
  "+=", "-=", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "and", "or", "not", "implies", "iff", "subset", "union", "minus",
  "def", "f", "invariant", "step", "old", "sum", "count", "all", "any", "min", "max", "[", "]", ".", "true", "false", "ghost",
  "symmetric", "push", "pop", "head", "len", "size", "div_up", "mul_div", "\n", "//", "/*", "*/", ";",
];

/** One random edit of a text: delete, insert or duplicate a character or a token-sized chunk. */
const edit = (text: string) =>
  fc.record({
    at: fc.nat({ max: text.length }),
    kind: fc.constantFrom("delete", "insert", "duplicate", "replace"),
    len: fc.integer({ min: 1, max: 12 }),
    token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })),
  });

function applyEdits(text: string, edits: { at: number; kind: string; len: number; token: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.min(e.at, t.length);
    if (e.kind === "delete") t = t.slice(0, at) + t.slice(at + e.len);
    else if (e.kind === "insert") t = t.slice(0, at) + e.token + t.slice(at);
    else if (e.kind === "duplicate") t = t.slice(0, at + e.len) + t.slice(at, at + e.len) + t.slice(at + e.len);
    else t = t.slice(0, at) + e.token + t.slice(at + e.len);
  }
  return t;
}

describe("the front end never throws", () => {
  it("on random byte strings (decoded leniently, as an editor would)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => frontEnd(new TextDecoder("utf-8").decode(bytes))),
      { numRuns: 300 },
    );
  });

  it("on random Unicode text, with and without a spec header", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 100 }), fc.boolean(), (s, header) => frontEnd(header ? `spec S\n${s}` : s)),
      { numRuns: 300 },
    );
  });

  it("on random sequences of the language's tokens", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => frontEnd(`spec S\n${tokens.join(" ")}`)),
      { numRuns: 400 },
    );
  });

  it("on random edits of the shipped specs (characters and tokens deleted, inserted, duplicated)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: SPECS.length - 1 }).chain((i) => fc.tuple(fc.constant(SPECS[i]), fc.array(edit(SPECS[i]), { minLength: 1, maxLength: 4 }))),
        ([text, edits]) => frontEnd(applyEdits(text, edits)),
      ),
      { numRuns: 300 },
    );
  });

  it("on nesting deep enough to exhaust the stack", () => {
    const deep = [
      "spec X invariant i: " + "(".repeat(5000) + "1" + ")".repeat(5000) + " == 1",
      "spec X invariant i: " + "{".repeat(5000),
      "spec X invariant i: " + "not ".repeat(5000) + "true",
      "spec X invariant i: " + "if true then ".repeat(3000) + "1" + " else 2".repeat(3000) + " == 1",
      "spec X invariant i: " + Array(3000).fill("1").join(" + ") + " == 1",
      "spec X invariant i: " + Array(3000).fill("true").join(" implies "),
    ];
    for (const text of deep) {
      const parsed = parseSpec(text);
      expect(hasErrors(parsed.diagnostics), text.slice(0, 40)).toBe(true);
      frontEnd(text);
    }
  });
});
