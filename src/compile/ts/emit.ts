// Prints the generated module with ts-morph and formats it with TypeScript's formatter. ts-morph
// costs ~0.5 s to import, so it is loaded here, on first use, and nothing on the check path
// imports this file.

import type * as A from "../../lang/ast.js";
import type * as I from "../../ir/ir.js";
import { assertPlainLineEnds, commentLines } from "./escape.js";
import { buildModule, type Item, type ModuleOptions } from "./module.js";

export type { ModuleOptions } from "./module.js";

type TsMorph = typeof import("ts-morph");

let loaded: Promise<TsMorph> | null = null;
/** One in-memory project, reused: creating one per module costs more than printing the module. */
let project: import("ts-morph").Project | undefined;
let generated = 0;

function tsMorph(): Promise<TsMorph> {
  loaded ??= import("ts-morph");
  return loaded;
}

function statement(tm: TsMorph, item: Item): string | import("ts-morph").StatementStructures {
  const { StructureKind, VariableDeclarationKind } = tm;
  const docs = (d: string | undefined) => (d === undefined ? [] : [commentLines(d).join("\n")]);
  switch (item.k) {
    case "comment":
      return item.lines.flatMap(commentLines).map((l) => `// ${l}`.trimEnd()).join("\n");
    case "type": {
      const m = /^(\w+)<(\w+) extends (\w+)>$/.exec(item.name);
      return {
        kind: StructureKind.TypeAlias,
        name: m ? m[1] : item.name,
        ...(m ? { typeParameters: [{ name: m[2], constraint: m[3] }] } : {}),
        type: item.type,
        isExported: item.exported,
        docs: docs(item.docs),
      };
    }
    case "interface":
      return {
        kind: StructureKind.Interface,
        name: item.name,
        isExported: true,
        docs: docs(item.docs),
        properties: item.props.map((p) => ({ name: p.name, type: p.type, isReadonly: true, docs: docs(p.docs) })),
      };
    case "const":
      return {
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        isExported: item.exported,
        docs: docs(item.docs),
        declarations: [{ name: item.name, ...(item.type ? { type: item.type } : {}), initializer: item.init }],
      };
    case "function":
      return {
        kind: StructureKind.Function,
        name: item.name,
        isExported: item.exported,
        docs: docs(item.docs),
        parameters: item.params.map((p) => ({ name: p.name, type: p.type })),
        returnType: item.returns,
        statements: item.body.join("\n"),
      };
    case "raw":
      return item.docs === undefined ? item.text : `${jsdoc(item.docs)}\n${item.text}`;
  }
}

function jsdoc(text: string): string {
  const lines = commentLines(text);
  return lines.length === 1 ? `/** ${lines[0]} */` : `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join("\n")}\n */`;
}

/** The typed TypeScript module of a checked spec, formatted. Deterministic: the same spec and
 * options always give the same text. */
export async function generateTypeScript(spec: I.Spec, ast: A.Spec | null, options: ModuleOptions): Promise<string> {
  const tm = await tsMorph();
  const [header, ...items] = buildModule(spec, ast, options);
  project ??= new tm.Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: tm.IndentationText.TwoSpaces, quoteKind: tm.QuoteKind.Double, useTrailingCommas: true },
    // Formatting needs no type information: no lib files to load.
    compilerOptions: { target: tm.ts.ScriptTarget.ES2022, module: tm.ts.ModuleKind.ES2022, noLib: true, types: [] },
  });
  // A fresh name each time: the language service that formats caches files by name and version.
  const sf = project.createSourceFile(`/generated-${++generated}.ts`, { statements: items.map((i) => statement(tm, i)) });
  sf.formatText({
    indentSize: 2,
    tabSize: 2,
    convertTabsToSpaces: true,
    ensureNewLineAtEndOfFile: true,
  });
  const text = `${statement(tm, header) as string}\n\n${blankLinesBetweenItems(sf.getFullText())}`;
  project.removeSourceFile(sf);
  return assertPlainLineEnds(text);
}

/** One blank line between top-level declarations (the printer leaves some adjacent). */
function blankLinesBetweenItems(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = out[out.length - 1];
    const startsItem = /^(export |const |function |type |\/\*\*|\/\/)/.test(l);
    const attached = prev === undefined || prev === "" || /^(\/\/|\/\*\*| \*)/.test(prev);
    if (startsItem && !attached) out.push("");
    out.push(l);
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}
