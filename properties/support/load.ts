// Loading specs in tests: fail the test with the rendered diagnostics when a spec has errors.

import { readFileSync } from "node:fs";
import { loadSpecText, type ConstValues } from "../../src/api/load.js";
import { compileModel } from "../../src/compile/compile.js";
import type { Spec } from "../../src/ir/ir.js";
import type { Model } from "../../src/model/model.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";

export function specFromText(text: string, path = "<test>", consts: ConstValues = {}): Spec {
  const loaded = loadSpecText(text, path, { consts });
  if (!loaded.spec) {
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    throw new Error(`spec has errors:\n${renderDiagnostics(errors)}\n\n${text}`);
  }
  return loaded.spec;
}

export function specFromFile(path: string, consts: ConstValues = {}): Spec {
  return specFromText(readFileSync(path, "utf8"), path, consts);
}

export function modelFromFile(path: string, consts: ConstValues = {}): Model {
  return compileModel(specFromFile(path, consts));
}

export function modelFromText(text: string, consts: ConstValues = {}): Model {
  return compileModel(specFromText(text, "<test>", consts));
}
