// Go to definition, find references, highlights and rename: over the occurrences that name
// resolution found.

import type { TextDocument } from "vscode-languageserver-textdocument";
import type { DocumentHighlight, Location, Range, WorkspaceEdit } from "vscode-languageserver";
import { ResponseError } from "./protocol.js";
import type { Analysis } from "./analysis.js";
import { toLocation, toRange } from "./convert.js";
import type { Ref, Special, Sym } from "./symbols.js";
import { nameAt, referencesOf } from "./lookup.js";
import { BUILTIN_NAMES, KEYWORDS } from "./words.js";

/** The protocol's "request failed" code: the editor shows the message. */
const REQUEST_FAILED = -32803;

function at(a: Analysis, offset: number): Ref | Special | undefined {
  return nameAt(a.symbols, a.text, a.ast.decls, offset);
}

export function definition(a: Analysis, doc: TextDocument, offset: number): Location[] | null {
  const occ = at(a, offset);
  if (!occ) return null;
  if ("sym" in occ) return [toLocation(doc, occ.sym.nameSpan)];
  // A step property's `caller`: the caller of whichever action the step takes.
  if (occ.kind === "caller") return a.symbols.symbols.filter((s) => s.kind === "caller").map((s) => toLocation(doc, s.nameSpan));
  return null;
}

export function references(a: Analysis, doc: TextDocument, offset: number, includeDeclaration: boolean): Location[] | null {
  const occ = at(a, offset);
  if (!occ || !("sym" in occ)) return null;
  return referencesOf(a.symbols, occ.sym)
    .filter((r) => includeDeclaration || !r.isDecl)
    .map((r) => toLocation(doc, r.span));
}

export function highlights(a: Analysis, doc: TextDocument, offset: number): DocumentHighlight[] | null {
  const occ = at(a, offset);
  if (!occ || !("sym" in occ)) return null;
  // 3: written (the declaration), 2: read.
  return referencesOf(a.symbols, occ.sym).map((r) => ({ range: toRange(doc, r.span), kind: r.isDecl ? 3 : 2 }));
}

/** What a rename at the offset would rename, or why it cannot. */
function renameTarget(a: Analysis, offset: number): Ref | null {
  const occ = at(a, offset);
  if (!occ) return null;
  if (!("sym" in occ)) throw new ResponseError(REQUEST_FAILED, `\`${occ.name}\` is built in and cannot be renamed`);
  if (!a.parses) throw new ResponseError(REQUEST_FAILED, "the spec has a syntax error: fix it first, or the rename would miss the names in the part that does not parse");
  return occ;
}

export function prepareRename(a: Analysis, doc: TextDocument, offset: number): { range: Range; placeholder: string } | null {
  const target = renameTarget(a, offset);
  return target ? { range: toRange(doc, target.span), placeholder: target.sym.name } : null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NOT_NAMES = new Set([...KEYWORDS, ...BUILTIN_NAMES, "old", "caller", "well_typed", "__proto__"]);

export function rename(a: Analysis, doc: TextDocument, offset: number, newName: string): WorkspaceEdit | null {
  const target = renameTarget(a, offset);
  if (!target) return null;
  const sym = target.sym;
  if (!NAME.test(newName)) throw new ResponseError(REQUEST_FAILED, `\`${newName}\` is not a name: a letter or \`_\`, then letters, digits and \`_\``);
  if (NOT_NAMES.has(newName)) throw new ResponseError(REQUEST_FAILED, `\`${newName}\` is reserved or built in: choose another name`);
  if (newName !== sym.name) {
    const clash = a.symbols.symbols.find((s) => s.name === newName && s !== sym && clashes(s, sym));
    if (clash) {
      const line = doc.positionAt(clash.nameSpan.start).line + 1;
      throw new ResponseError(REQUEST_FAILED, `\`${newName}\` is already declared at line ${line}: stakecheck does not shadow names`);
    }
  }
  const edits = referencesOf(a.symbols, sym).map((r) => ({ range: toRange(doc, r.span), newText: newName }));
  return { changes: { [doc.uri]: edits } };
}

/** Whether two names may not be the same: one is global, or their scopes overlap (nothing shadows). */
function clashes(x: Sym, y: Sym): boolean {
  if (x.scope === null || y.scope === null) return true;
  return x.scope.start <= y.scope.end && y.scope.start <= x.scope.end;
}
