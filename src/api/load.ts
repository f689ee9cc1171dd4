// Loading a spec: read, parse, check. What every command and the public API start with.

import { checkSpec } from "../check/check.js";
import type { Spec as Ast } from "../lang/ast.js";
import { hasErrors, type Diagnostic } from "../lang/diagnostic.js";
import { parseSpec } from "../lang/parse.js";
import { readSpecFile } from "../lang/read.js";
import type { SourceFile } from "../lang/source.js";
import type { Spec } from "../ir/ir.js";

export type ConstValues = Readonly<Record<string, number | boolean>>;

export interface LoadOptions {
  /** `--const` overrides. */
  readonly consts?: ConstValues;
}

export interface LoadedSpec {
  readonly file: SourceFile;
  readonly ast: Ast | null;
  /** The checked IR; null when there are errors. */
  readonly spec: Spec | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

export function loadSpecText(text: string, path = "<input>", options: LoadOptions = {}): LoadedSpec {
  const parsed = parseSpec(text, path);
  if (!parsed.ast || hasErrors(parsed.diagnostics)) {
    return { file: parsed.file, ast: parsed.ast, spec: null, diagnostics: parsed.diagnostics, ok: false };
  }
  const checked = checkSpec(parsed.file, parsed.ast, { consts: options.consts ?? {} });
  const diagnostics = [...parsed.diagnostics, ...checked.diagnostics];
  return { file: parsed.file, ast: parsed.ast, spec: checked.spec, diagnostics, ok: checked.spec !== null };
}

/** Reads and loads a spec file; throws InputError when the file cannot be read as text. */
export function loadSpecFile(path: string, options: LoadOptions = {}): LoadedSpec {
  return loadSpecText(readSpecFile(path), path, options);
}
