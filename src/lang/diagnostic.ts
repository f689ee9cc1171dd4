import type { Span } from "./ast.js";
import type { SourceFile } from "./source.js";

export type Severity = "error" | "warning";

/** Another place a diagnostic refers to ("first declared here"), shown by editors. */
export interface Related {
  readonly span: Span;
  readonly message: string;
}

/** One problem found in a spec. Every stage reports through this shape and collects all of them. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly file: SourceFile;
  readonly span: Span;
  readonly hint?: string;
  readonly related?: readonly Related[];
}

export function error(file: SourceFile, span: Span, message: string, hint?: string, related?: readonly Related[]): Diagnostic {
  const d: Diagnostic = hint === undefined
    ? { severity: "error", message, file, span }
    : { severity: "error", message, file, span, hint };
  return related ? { ...d, related } : d;
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
