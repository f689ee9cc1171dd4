// Code lenses: above each property "check" and "fuzz" (that property alone) and its last result;
// above each action "check all" and "fuzz all" (every property).

import type { TextDocument } from "vscode-languageserver-textdocument";
import type { CodeLens } from "vscode-languageserver";
import type { Analysis } from "./analysis.js";
import { CHECK_COMMAND, FUZZ_COMMAND } from "./commands.js";
import { toRange } from "./convert.js";
import { outcomeTitle, type Runs } from "./runs.js";


export function codeLenses(a: Analysis, doc: TextDocument, runs: Runs): CodeLens[] {
  const lenses: CodeLens[] = [];
  const running = runs.runningFor(doc.uri);
  for (const d of a.ast.decls) {
    if (d.kind !== "invariant" && d.kind !== "step" && d.kind !== "liveness" && d.kind !== "action") continue;
    const range = toRange(doc, d.name.span);
    const lens = (title: string, command = "", args: unknown[] = []) => lenses.push({ range, command: { title, command, arguments: args } });
    if (d.kind === "action") {
      lens("▶ check all", CHECK_COMMAND, [doc.uri, null]);
      lens("▶ fuzz all", FUZZ_COMMAND, [doc.uri, null]);
      if (running && running.property === null) lens(`${running.kind}: running…`);
      continue;
    }
    const name = d.name.text;
    lens("▶ check", CHECK_COMMAND, [doc.uri, name]);
    lens("▶ fuzz", FUZZ_COMMAND, [doc.uri, name]);
    const last = runs.result(doc.uri, doc.getText(), name);
    if (running && (running.property === null || running.property === name)) lens(`${running.kind}: running…`);
    else if (last) lens(outcomeTitle(last));
  }
  return lenses;
}
