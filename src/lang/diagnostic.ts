import type { Span } from "./ast.js";
import type { SourceFile } from "./source.js";

export type Severity = "error" | "warning";

/** One problem found in a spec. Every stage reports through this shape and collects all of them. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly file: SourceFile;
  readonly span: Span;
  readonly hint?: string;
}

export function error(file: SourceFile, span: Span, message: string, hint?: string): Diagnostic {
  return hint === undefined
    ? { severity: "error", message, file, span }
    : { severity: "error", message, file, span, hint };
}

export function warning(file: SourceFile, span: Span, message: string, hint?: string): Diagnostic {
  return hint === undefined
    ? { severity: "warning", message, file, span }
    : { severity: "warning", message, file, span, hint };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Orders diagnostics by position so output reads top to bottom. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) =>
    a.file.path === b.file.path ? a.span.start - b.span.start || a.span.end - b.span.end : a.file.path < b.file.path ? -1 : 1,
  );
}
