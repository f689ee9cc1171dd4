// Name resolution is complete and exact: renaming any declared name in a shipped spec (a const,
// type, enum member, variable, def, action, property, parameter, caller, let, pick or bound name)
// gives a spec whose checked IR is the original's, names aside. A use the resolver missed would
// be an unknown name; a use of another declaration renamed with it would change what the IR
// refers to. The new name has the original's length, so spans and everything built on them stay.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DocumentAnalyser } from "../../src/lsp/analysis.js";
import { rename } from "../../src/lsp/navigation.js";
import { KEYWORDS, BUILTIN_NAMES } from "../../src/lsp/words.js";

const SPECS = readdirSync("spec").filter((f) => f.endsWith(".stake")).map((f) => `spec/${f}`);

/** The IR as JSON, without the source file, with `to` read back as `from` in every string. The
 * analyser parses incrementally: a rename re-parses only the declarations it touches. */
function irJson(analyser: DocumentAnalyser, text: string, from: string, to: string): string {
  const a = analyser.analyse(text);
  expect(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  const back = new RegExp(`\\b${to}\\b`, "g");
  return JSON.stringify(a.ir, (k, v) => (k === "file" ? undefined : typeof v === "string" ? v.replace(back, from) : v));
}

describe("renaming any name keeps the spec's meaning", () => {
  it.each(SPECS)("%s", (path) => {
    const text = readFileSync(path, "utf8");
    const a = new DocumentAnalyser(path).analyse(text);
    const doc = TextDocument.create("file:///spec.stake", "stake", 1, text);
    const taken = new Set([...a.symbols.symbols.map((s) => s.name), ...KEYWORDS, ...BUILTIN_NAMES, ...text.match(/\b[A-Za-z_]\w*\b/g)!]);
    // The fresh names do not occur in the text, so reading them back changes nothing here.
    const analyser = new DocumentAnalyser(path);
    const original = irJson(analyser, text, "", "\u0000");
    let renamed = 0;
    for (const sym of a.symbols.symbols) {
      const fresh = ["Z", "Q", "X", "J"].map((c) => c + sym.name.slice(1)).find((n) => !taken.has(n));
      if (!fresh) continue;
      const edits = rename(a, doc, sym.nameSpan.start, fresh)!.changes![doc.uri];
      expect(edits.length).toBeGreaterThanOrEqual(1);
      const out = TextDocument.applyEdits(doc, edits);
      expect(irJson(analyser, out, sym.name, fresh), `renaming ${sym.kind} ${sym.name} at ${sym.nameSpan.start}`).toBe(original);
      renamed++;
    }
    expect(renamed).toBeGreaterThan(a.symbols.symbols.length * 0.9);
  });
});
