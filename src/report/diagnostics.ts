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

/** Spec text shown as is, but for control characters (terminal escapes, odd line terminators),
 * each shown as `?` so the caret still lines up. */
function visible(line: string): string {
  return line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
}

/** Columns of a source line shown at most: a longer line is cut around the caret. */
const MAX_SHOWN = 160;

function window(line: string, caret: number, width: number): { text: string; caret: number; width: number } {
  if (line.length <= MAX_SHOWN) return { text: line, caret, width };
  const from = Math.max(0, Math.min(caret - 60, line.length - MAX_SHOWN));
  const to = Math.min(line.length, from + MAX_SHOWN);
  const head = from > 0 ? "..." : "";
  const text = `${head}${line.slice(from, to)}${to < line.length ? "..." : ""}`;
  const at = caret - from + head.length;
  return { text, caret: at, width: Math.max(1, Math.min(width, to - caret)) };
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
    const shown = window(visible(expand(text)), startCol, Math.max(1, endCol - startCol));
    out.push(`${p.dim(` ${gutter} |`)} ${shown.text}`);
    out.push(`${p.dim(` ${pad} |`)} ${" ".repeat(shown.caret)}${p.caret("^".repeat(shown.width))}`);
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
