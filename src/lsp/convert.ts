// Between the checker's shapes (character offsets) and the protocol's (line and UTF-16 column).

import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic as LspDiagnostic, Location, Range } from "vscode-languageserver";
import type { Span } from "../lang/ast.js";
import type { Diagnostic } from "../lang/diagnostic.js";

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(Math.max(span.start, span.end)) };
}

export function toLocation(doc: TextDocument, span: Span): Location {
  return { uri: doc.uri, range: toRange(doc, span) };
}

/** Severity numbers of the protocol (1 error, 2 warning): the enum is not imported, to keep the
 * module free of the server library's run-time code. */
const SEVERITY = { error: 1, warning: 2 } as const;

/** A diagnostic as the editor shows it: the message, then the hint on a line of its own. */
export function toLspDiagnostic(doc: TextDocument, d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(doc, d.span),
    severity: SEVERITY[d.severity],
    source: "stakecheck",
    message: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`,
  };
  if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: toLocation(doc, r.span), message: r.message }));
  return out;
}
