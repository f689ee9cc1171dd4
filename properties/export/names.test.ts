// Spec text is untrusted: names that are not TLA+ identifiers or that TLA+, its standard modules or
// TLC's configuration use are renamed (deterministically, and listed), and nothing from the spec or
// its path can end a TLA+ comment.

import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpecFile } from "../../src/api/load.js";
import { exportTla } from "../../src/export/index.js";
import { Names, commentText, sanitize } from "../../src/export/names.js";
import { stringLiteral } from "../../src/export/print.js";
import { tlaSyntaxErrors } from "../support/tla-parser.js";

const FIXTURE = "properties/export/fixtures/untrusted-names.stake";
const IDENT = /^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$/;

describe("export --tla: untrusted names", () => {
  const exp = exportTla(loadSpecFile(FIXTURE).spec!, { specPath: FIXTURE });
  const defined = [...exp.tla.matchAll(/^(?:VARIABLE |CONSTANT )?([A-Za-z0-9_]+)(?:\(.*\))? ==|^(?:VARIABLE|CONSTANT) ([A-Za-z0-9_]+)$/gm)].map((m) => m[1] ?? m[2]);

  it("renames every clash, deterministically, and lists each renaming", () => {
    expect(exp.renamings.map((r) => `${r.from} -> ${r.to}`)).toEqual([
      "Sequences -> Sequences_",
      "Nat -> Nat_",
      "TRUE -> TRUE_",
      "ENABLED -> ENABLED_",
      "Int -> Int_",
      "BOOLEAN -> BOOLEAN_",
      "Len -> Len_",
      "vars -> vars_",
      "WF_x -> xWF_x",
      "bâl -> bu00e2l",
      "Len_ -> Len__",
      "Cardinality -> Cardinality_",
      "Next -> Next_",
      "INVARIANT -> INVARIANT_",
      "Init -> Init_",
      "Spec -> Spec_",
      "EXCEPT -> EXCEPT_",
      "IN -> IN_",
    ]);
    for (const r of exp.renamings) expect(exp.tla).toContain(`\\*   ${r.what} ${commentText(r.from, 80)} -> ${r.to}\n`);
    expect(exp.name).toBe("Sequences_");
  });

  it("defines each name once, none of them taken by TLA+, and the module parses", async () => {
    for (const name of ["Len", "Nat", "Int", "BOOLEAN", "TRUE", "ENABLED", "Cardinality", "INVARIANT", "WF_x", "bâl"]) expect(defined).not.toContain(name);
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined).toEqual(expect.arrayContaining(["Init", "Next", "Spec", "vars", "Init_", "Next_", "Spec_", "vars_", "Len_", "Len__", "bu00e2l", "xWF_x"]));
    expect(await tlaSyntaxErrors(exp.tla)).toEqual([]);
    expect(exp.cfg).toContain("INVARIANT Init_\nPROPERTY Spec_\n");
  });

  it("a path that tries to close the comment stays inside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-names-"));
    const file = join(dir, "evil *) ====\n(* x.stake");
    writeFileSync(file, "spec Evil\nvar x: 0 .. 1 = 0\naction a() { x = 1 }\ninvariant ok: x <= 1\n");
    const e = exportTla(loadSpecFile(file).spec!, { specPath: file });
    expect(await tlaSyntaxErrors(e.tla)).toEqual([]);
    expect(e.tla).not.toContain("*)");
    expect(e.tla.split("\n").filter((l) => l.includes("evil")).every((l) => l.startsWith("\\*"))).toBe(true);
    expect(e.cfg.split("\n")[0]).toMatch(/^\\\* TLC configuration .*evil \* \) ====\\u\{a\}\( \* x\.stake$/);
  });

  it("sanitize gives TLA+ identifiers and commentText one safe comment line, for any text (seeded)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const id = sanitize(s);
        expect(id).toMatch(IDENT);
        expect(id).not.toMatch(/^(WF|SF)_/);
        const c = commentText(s);
        expect(c).not.toMatch(/[\r\n\u2028\u2029]|\(\*|\*\)/);
        expect(c).toMatch(/^[\x20-\x7e]*$/);
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it("a string literal never ends early, and what TLA+ cannot spell is refused (seeded)", async () => {
    expect(stringLiteral('a"b\\c\nd\re\tf *) (* \\* ====')).toBe('"a\\"b\\\\c\\nd\\re\\tf *) (* \\\\* ===="');
    expect(() => stringLiteral("b\u00e2l")).toThrow(/U\+00E2 cannot be written as a TLA\+ string/);
    expect(() => stringLiteral("a\u2028b")).toThrow(/U\+2028/);
    const samples: string[] = [];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab\"\\*()=\n\r\t -".split("")), maxLength: 30 }), (s) => {
        const lit = stringLiteral(s);
        expect(lit).toMatch(/^"([^"\\\r\n]|\\["\\nrt])*"$/);
        // TLA+'s reading of the literal gives back the text.
        expect(lit.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c)).toBe(s);
        if (samples.length < 40) samples.push(s);
      }),
      { seed: 16, numRuns: 300 },
    );
    const module = ["---- MODULE S ----", ...samples.map((s, i) => `D${i} == ${stringLiteral(s)}`), "===="].join("\n");
    expect(await tlaSyntaxErrors(module)).toEqual([]);
  });

  it("a name taken twice gets distinct, stable names", () => {
    const a = new Names();
    a.reserve("Init");
    expect([a.global("Init", "def"), a.global("Init_", "def"), a.global("Init", "def")]).toEqual(["Init_", "Init__", "Init_1"]);
  });
});

describe("export --tla: binders never nest inside a namesake", () => {
  it("a version used once inside a binder of its own binder's name stays a LET (SANY: Multiply-defined symbol)", () => {
    const file = "properties/export/fixtures/sibling-binders.stake";
    const { tla } = exportTla(loadSpecFile(file).spec!, { specPath: file });
    // Inlined, `approvals_1` would put `[s \in Slot |-> ...]` inside `[s \in Slot |-> ...]`.
    expect(tla).not.toContain("Cardinality([s \\in Slot");
    expect(tla).toContain("  LET approvals_1 == [s \\in Slot |-> approvals[s] \\ {w}]\n  IN  [s \\in Slot |-> Cardinality(approvals_1[s])] \\notin [Slot -> 0 .. 2]");
  });
});
