// The language server parses a document piece by piece as it is edited (src/lsp/pieces.ts); what
// it reports must be exactly what `parseSpec` (and so `lint`) reports for the same text: the same
// tree, spans and all, the same diagnostics. Checked on prefixes of the shipped specs (a file being
// typed), on random edits of them (one parser following the edits, as in an editor) and on random
// well-formed specs.

import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParseResult } from "../../src/lang/parse.js";
import { parseSpec } from "../../src/lang/parse.js";
import { IncrementalParser, pieceStarts, shiftSpans } from "../../src/lsp/pieces.js";
import { wellFormedSpec } from "../support/spec-gen.js";

const SPECS = readdirSync("spec").filter((f) => f.endsWith(".stake")).map((f) => `spec/${f}`);
const SEED = 1414;

function comparable(r: ParseResult): unknown {
  return { ast: r.ast, diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, message: d.message, span: d.span, hint: d.hint })) };
}

function same(parser: IncrementalParser, text: string): void {
  const got = parser.parse(text).result;
  expect(comparable(got), JSON.stringify(text.slice(-60))).toEqual(comparable(parseSpec(text, "doc.stake")));
}

describe("the incremental parse is parseSpec's", () => {
  it("cuts a file where declarations start", () => {
    const text = "spec S\n// c\nconst N = 3\n  type T = 0 .. N\nsymmetric type U = 0 .. 1\nghost var x: T = 0\naction == foo\ninvariant i: x == 0\n";
    expect(pieceStarts(text).map((i) => text.slice(i, text.indexOf("\n", i)))).toEqual([
      "spec S",
      "const N = 3",
      "  type T = 0 .. N",
      "symmetric type U = 0 .. 1",
      "ghost var x: T = 0\naction == foo".split("\n")[0],
      "invariant i: x == 0",
    ]);
  });

  it("moves every span of a tree, whatever the node", () => {
    const tree = { kind: "x", span: { start: 1, end: 2 }, name: { text: "a", span: { start: 3, end: 4 } }, list: [{ start: 5, end: 6 }], n: 7 };
    expect(shiftSpans(tree, 10)).toEqual({ kind: "x", span: { start: 11, end: 12 }, name: { text: "a", span: { start: 13, end: 14 } }, list: [{ start: 15, end: 16 }], n: 7 });
  });

  it.each(SPECS)("on prefixes of %s, as it is typed", (path) => {
    const text = readFileSync(path, "utf8");
    const parser = new IncrementalParser("doc.stake");
    // Every eighth line's end, and every character of a line, in order (as typed). Each
    // prefix costs a whole parseSpec to compare with: the campaign over every prefix of every spec
    // is properties/lsp/prefixes.test.ts, on the server's answers.
    const ends = [...text.matchAll(/\n/g)].map((m) => m.index).filter((_, i) => i % 8 === 0);
    const chars = [0.6].map((f) => ends[Math.floor(f * ends.length)]).flatMap((e) => Array.from({ length: 40 }, (_, k) => e + 1 + k)).filter((i) => i <= text.length);
    for (const i of [...new Set([...ends, ...chars, text.length])].sort((a, b) => a - b)) same(parser, text.slice(0, i));
  });

  it("on random edits of the shipped specs, one parser following them", () => {
    const texts = SPECS.map((p) => readFileSync(p, "utf8"));
    const TOKENS = ["}", "{", "(", ")", "action a() {", "const", "x", "1", " ", "\n", "// c\n", "/*", "*/", "require", "+=", "==", "invariant i: ", "\ntype T = ", "∀"];
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 40 }), insert: fc.array(fc.constantFrom(...TOKENS), { maxLength: 3 }).map((xs) => xs.join(" ")) });
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
        const parser = new IncrementalParser("doc.stake");
        let text = texts[which];
        same(parser, text);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.len);
          same(parser, text);
        }
      }),
      { seed: SEED, numRuns: 15 },
    );
  });

  it("on random well-formed specs", () => {
    fc.assert(
      fc.property(wellFormedSpec(), ({ text }) => {
        same(new IncrementalParser("doc.stake"), text);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
