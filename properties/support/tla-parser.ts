// A TLA+ parser for tests: the tree-sitter grammar of the TLA+ project (@tlaplus/tree-sitter-tlaplus,
// its prebuilt .wasm) run by web-tree-sitter. 0.25.x loads that .wasm (built by tree-sitter-cli 0.24).

import { createRequire } from "node:module";
import { Language, Parser, type Node } from "web-tree-sitter";

let parser: Promise<Parser> | null = null;

async function load(): Promise<Parser> {
  await Parser.init();
  const require = createRequire(import.meta.url);
  const wasm = require.resolve("@tlaplus/tree-sitter-tlaplus/tree-sitter-tlaplus.wasm");
  const p = new Parser();
  p.setLanguage(await Language.load(wasm));
  return p;
}

/** The syntax errors of a TLA+ module: line, column and the text around each; empty when it parses. */
export async function tlaSyntaxErrors(text: string): Promise<string[]> {
  parser ??= load();
  const tree = (await parser).parse(text);
  if (!tree) return ["no parse tree"];
  const out: string[] = [];
  const visit = (n: Node): void => {
    if (n.isError || n.isMissing) {
      const line = text.split("\n")[n.startPosition.row] ?? "";
      out.push(`${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.isMissing ? `missing ${n.type}` : "unexpected"} in \`${line.trim()}\``);
      return;
    }
    for (const c of n.children) if (c) visit(c);
  };
  visit(tree.rootNode);
  return out;
}
