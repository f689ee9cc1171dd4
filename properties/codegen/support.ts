// Generating, type-checking and loading the TypeScript modules of specs, for the codegen tests.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadSpecText } from "../../src/api/load.js";
import { generateTypeScript } from "../../src/compile/ts/emit.js";
import type { Spec } from "../../src/ir/ir.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";

/** Every spec the generator must handle: the shipped ones and this folder's feature specs. */
export function allSpecPaths(): string[] {
  const dir = (d: string) =>
    readdirSync(d)
      .filter((f) => f.endsWith(".stake"))
      .sort()
      .map((f) => `${d}/${f}`);
  return [...dir("spec"), ...dir("properties/codegen/specs")];
}

export interface Generated {
  readonly path: string;
  readonly spec: Spec;
  readonly text: string;
}

export async function generate(path: string): Promise<Generated> {
  const loaded = loadSpecText(readFileSync(path, "utf8"), path);
  if (!loaded.spec) throw new Error(`${path} has errors:\n${renderDiagnostics(loaded.diagnostics)}`);
  return { path, spec: loaded.spec, text: await generateTypeScript(loaded.spec, loaded.ast, { specPath: path }) };
}

/** The strictest settings a user's project might have: the generated code must pass them all. */
const STRICT = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitOverride: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

/** Type-checks modules together with ts-morph's bundled TypeScript, in memory, next to a canary
 * file with two deliberate errors (proof that the check runs): the errors of each. */
export async function typeErrors(modules: readonly Generated[]): Promise<{ modules: string; canary: string }> {
  const { Project, ts } = await import("ts-morph");
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, lib: ["lib.es2022.d.ts"], ...STRICT },
  });
  modules.forEach((m, i) => project.createSourceFile(`/m${i}.ts`, m.text));
  project.createSourceFile("/canary.ts", "export const x: number = 'no';\nfunction unused() {}\n");
  const diags = project.getPreEmitDiagnostics();
  const of = (canary: boolean) => {
    const ds = diags.filter((d) => (d.getSourceFile()?.getFilePath() === "/canary.ts") === canary);
    return ds.length ? project.formatDiagnosticsWithColorAndContext(ds) : "";
  };
  return { modules: of(false), canary: of(true) };
}

/** Transpiles a generated module to JavaScript and imports it. */
export async function load(m: Generated): Promise<Record<string, any>> {
  const { ts } = await import("ts-morph");
  const js = ts.transpileModule(m.text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 } }).outputText;
  const dir = mkdtempSync(join(tmpdir(), "stakecheck-codegen-"));
  const file = join(dir, `${m.path.replace(/\W/g, "_")}.mjs`);
  writeFileSync(file, js);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}
