// Diagnostics the way a good compiler prints them: `file:line:col: error: message`, the source
// line, a caret under the span, and the hint.

import pc from "picocolors";
import type { Diagnostic } from "../lang/diagnostic.js";

export interface RenderOptions {
  readonly color?: boolean;
}

type Paint = (s: string) => string;

function painter(color: boolean): { err: Paint; warn: Paint; bold: Paint; dim: Paint; caret: Paint; hint: Paint } {
  const id: Paint = (s) => s;
  if (!color) return { err: id, warn: id, bold: id, dim: id, caret: id, hint: id };
  return { err: pc.red, warn: pc.yellow, bold: pc.bold, dim: pc.dim, caret: pc.red, hint: pc.cyan };
}

/** Expands tabs so the caret lines up with what a terminal shows. */
function expand(line: string): string {
  return line.replace(/\t/g, "    ");
}

function visualCol(line: string, col: number): number {
  return expand(line.slice(0, col - 1)).length;
}

export function renderDiagnostic(d: Diagnostic, options: RenderOptions = {}): string {
  const p = painter(options.color ?? false);
  const { line, col } = d.file.position(d.span.start);
  const end = d.file.position(Math.max(d.span.start, d.span.end));
  const sev = d.severity === "error" ? p.err(p.bold("error")) : p.warn(p.bold("warning"));
  const out = [`${p.bold(`${d.file.path}:${line}:${col}`)}: ${sev}: ${p.bold(d.message)}`];
  if (line <= d.file.lineCount) {
    const text = d.file.lineText(line);
    const gutter = String(line);
    const pad = " ".repeat(gutter.length);
    const startCol = visualCol(text, col);
    const endCol = end.line === line ? visualCol(text, end.col) : expand(text).length;
    const width = Math.max(1, endCol - startCol);
    out.push(`${p.dim(` ${gutter} |`)} ${expand(text)}`);
    out.push(`${p.dim(` ${pad} |`)} ${" ".repeat(startCol)}${p.caret("^".repeat(width))}`);
    if (d.hint) out.push(`${p.dim(` ${pad} =`)} ${p.hint("hint:")} ${d.hint}`);
  } else if (d.hint) {
    out.push(`  hint: ${d.hint}`);
  }
  return out.join("\n");
}

export function renderDiagnostics(diags: readonly Diagnostic[], options: RenderOptions = {}): string {
  return diags.map((d) => renderDiagnostic(d, options)).join("\n\n");
}

/** "2 errors, 1 warning" */
export function summariseDiagnostics(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === "error").length;
  const warnings = diags.length - errors;
  const parts: string[] = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ") || "no problems";
}
