// Tokenising with the TextMate grammar as VS Code does: vscode-textmate over Oniguruma (its
// WebAssembly build, loaded from the package).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as oniguruma from "vscode-oniguruma";
import vsctm from "vscode-textmate";

const require = createRequire(import.meta.url);
export const GRAMMAR_PATH = "editors/stake.tmLanguage.json";

export interface Token {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Scopes innermost last, without the grammar's root `source.stake`. */
  readonly scopes: readonly string[];
}

let registry: Promise<vsctm.IGrammar> | undefined;

export function grammar(): Promise<vsctm.IGrammar> {
  registry ??= (async () => {
    const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const reg = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => oniguruma.createOnigScanner(p), createOnigString: (s: string) => oniguruma.createOnigString(s) }),
      loadGrammar: async (scope) => (scope === "source.stake" ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, "utf8"), GRAMMAR_PATH) : null),
    });
    const g = await reg.loadGrammar("source.stake");
    if (!g) throw new Error("the grammar did not load");
    return g;
  })();
  return registry;
}

export async function tokenize(text: string): Promise<Token[]> {
  const g = await grammar();
  const out: Token[] = [];
  let state = vsctm.INITIAL;
  text.split("\n").forEach((line, i) => {
    const r = g.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, line.length);
      if (end <= t.startIndex) continue;
      out.push({ line: i, start: t.startIndex, end, text: line.slice(t.startIndex, end), scopes: t.scopes.slice(1) });
    }
    state = r.ruleStack;
  });
  return out;
}

/** The golden-file form: each line, then under it a caret line per token that is not blank. */
export function render(text: string, tokens: readonly Token[]): string {
  const lines = text.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    for (const t of tokens) {
      if (t.line !== i || t.text.trim() === "") continue;
      out.push(`${" ".repeat(t.start)}${"^".repeat(t.end - t.start)} ${t.scopes.map((s) => s.replace(/\.stake$/, "")).join(" ")}`);
    }
  });
  return out.join("\n") + "\n";
}
