// `stakecheck codegen`: a spec as a typed TypeScript module. ts-morph (which formats the output) is
// loaded by generateTypeScript on first use, so importing this file costs nothing.

import { generateTypeScript } from "../compile/ts/emit.js";
import type { Diagnostic } from "../lang/diagnostic.js";
import { readSpecFile } from "../lang/read.js";
import { loadSpecText, type ConstValues } from "./load.js";

export interface CodegenOptions {
  readonly consts?: ConstValues;
  /** The command line that regenerates the module, written into its header. */
  readonly command?: string;
}

export interface CodegenResult {
  /** The module's text; null when the spec has errors. */
  readonly text: string | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Generates the TypeScript module of the spec at `specPath` (named in the output as given). */
export async function codegen(specPath: string, options: CodegenOptions = {}): Promise<CodegenResult> {
  const loaded = loadSpecText(readSpecFile(specPath), specPath, { consts: options.consts ?? {} });
  if (!loaded.spec) return { text: null, diagnostics: loaded.diagnostics };
  const text = await generateTypeScript(loaded.spec, loaded.ast, {
    specPath: specPath.replace(/\\/g, "/"),
    ...(options.command ? { command: options.command } : {}),
    ...(options.consts ? { consts: options.consts } : {}),
  });
  return { text, diagnostics: loaded.diagnostics };
}
