// The TextMate grammar (editors/stake.tmLanguage.json), tokenised as VS Code does it (vscode-textmate
// over Oniguruma): golden files for three shipped specs and a sample of the second edition's
// syntax, and for every shipped spec the scopes of every keyword, number, comment and name. (The
// language has no string literals.)
//
//   UPDATE_GOLDEN=1 npx vitest run properties/lsp/grammar.test.ts

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KEYWORDS } from "../../src/lsp/words.js";
import { BUILTIN_NAMES } from "../../src/lsp/words.js";
import { render, tokenize, type Token } from "./support/tokenize.js";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const GOLDEN = ["spec/pool.stake", "spec/ffg.stake", "spec/lst.stake", "properties/lsp/grammar/second-edition.stake"];
const SPECS = readdirSync("spec").filter((f) => f.endsWith(".stake")).map((f) => `spec/${f}`);

/** The reserved words of the grammar, from stake.ohm's `keyword` rule. */
function reservedWords(): string[] {
  const ohm = readFileSync("src/lang/stake.ohm", "utf8");
  const rule = /keyword = \(([^)]*)\)/.exec(ohm)![1];
  return [...rule.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
}

describe("the TextMate grammar", () => {
  it.each(GOLDEN)("tokenises %s as its golden file says", async (path) => {
    const text = readFileSync(path, "utf8");
    const actual = render(text, await tokenize(text));
    const file = `properties/lsp/grammar/${path.split("/").pop()!.replace(/\.stake$/, "")}.tokens`;
    if (UPDATE) writeFileSync(file, actual);
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(actual).toBe(readFileSync(file, "utf8"));
  });

  it("knows every reserved word of the language and every keyword completion offers", () => {
    const grammar = readFileSync("editors/stake.tmLanguage.json", "utf8");
    for (const w of new Set([...reservedWords(), ...KEYWORDS, ...BUILTIN_NAMES])) expect(grammar, w).toMatch(new RegExp(`[(|]${w}[|)]`));
  });

  it.each(SPECS)("gives %s's keywords, numbers, comments and names their scopes", async (path) => {
    const text = readFileSync(path, "utf8");
    const tokens = await tokenize(text);
    const lines = text.split("\n");
    const scopeAt = (line: number, col: number): Token | undefined => tokens.find((t) => t.line === line && t.start <= col && col < t.end);
    const reserved = new Set(reservedWords());
    let checked = 0;
    lines.forEach((line, i) => {
      // Comments: from `//` to the end of the line (block comments are not used in the specs).
      const comment = line.indexOf("//");
      const code = comment < 0 ? line : line.slice(0, comment);
      if (comment >= 0) {
        for (let c = comment; c < line.length; c++) expect(scopeAt(i, c)!.scopes[0], `${path}:${i + 1}:${c + 1}`).toMatch(/^comment\./);
      }
      for (const m of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*|[0-9][0-9_]*/g)) {
        const t = scopeAt(i, m.index)!;
        const scope = t.scopes[t.scopes.length - 1];
        const where = `${path}:${i + 1}:${m.index + 1} ${m[0]}`;
        expect(t.text, where).toBe(m[0]);
        if (/^[0-9]/.test(m[0])) expect(scope, where).toBe("constant.numeric.stake");
        // `option`, `subsets` and `none` are words of the second edition the parser knows by place,
        // not reserved: the grammar still colours them as the type and value they are.
        else if (reserved.has(m[0]) || ["option", "subsets", "none"].includes(m[0])) expect(scope, where).toMatch(/^(keyword|storage|constant\.language|variable\.language)\./);
        else if ((BUILTIN_NAMES.has(m[0]) || m[0] === "old") && /^\s*\(/.test(code.slice(m.index + m[0].length))) expect(scope, where).toBe("support.function.builtin.stake");
        else expect(scope, where).toMatch(/^(variable|entity\.name)\./);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(100);
  });
});
