// Every request the server answers, run in-process on one version of a document at one offset:
// what the "never crashes on a half-typed file" campaign calls on every prefix of every spec.

import { TextDocument } from "vscode-languageserver-textdocument";
import { ResponseError } from "vscode-languageserver";
import type { DocumentAnalyser } from "../../../src/lsp/analysis.js";
import { completion } from "../../../src/lsp/completion.js";
import { toLspDiagnostic } from "../../../src/lsp/convert.js";
import { hover } from "../../../src/lsp/hover.js";
import { codeLenses } from "../../../src/lsp/lenses.js";
import { definition, highlights, prepareRename, references, rename } from "../../../src/lsp/navigation.js";
import { documentSymbols } from "../../../src/lsp/outline.js";
import { Runs } from "../../../src/lsp/runs.js";

const runs = new Runs();

/** Runs every request; throws what a request throws, except the refusals a rename may answer. */
export function everyRequest(analyser: DocumentAnalyser, text: string, offsets: readonly number[]): number {
  const doc = TextDocument.create("file:///prefix.stake", "stake", 1, text);
  const a = analyser.analyse(text);
  let answers = a.diagnostics.map((d) => toLspDiagnostic(doc, d)).length;
  answers += documentSymbols(a, doc).length + codeLenses(a, doc, runs).length;
  for (const offset of offsets) {
    answers += hover(a, doc, offset) ? 1 : 0;
    answers += definition(a, doc, offset)?.length ?? 0;
    answers += references(a, doc, offset, true)?.length ?? 0;
    answers += highlights(a, doc, offset)?.length ?? 0;
    answers += completion(a, offset).length;
    for (const f of [() => prepareRename(a, doc, offset), () => rename(a, doc, offset, "renamed_x")]) {
      try {
        answers += f() ? 1 : 0;
      } catch (e) {
        if (!(e instanceof ResponseError)) throw e;
      }
    }
  }
  return answers;
}
