// `stakecheck export --tla`: a spec as a TLA+ module and its TLC configuration (docs/scale.md).

import type * as I from "../ir/ir.js";
import { sha256Hex } from "../trace/write.js";
import { VERSION } from "../version.js";
import { exportModule, renderCfg, type TlaCheck, type TlaExport } from "./module.js";

export { ExportError } from "./context.js";
export { renderCfg, type TlaCheck, type TlaExport };

export interface TlaExportOptions {
  /** The spec's path as the user gave it (written into the header). */
  readonly specPath?: string;
}

/** The TLA+ module and configuration of a checked spec; throws ExportError for a construct the
 * export cannot write faithfully. */
export function exportTla(spec: I.Spec, options: TlaExportOptions = {}): TlaExport {
  return exportModule(spec, { version: VERSION, specPath: options.specPath ?? spec.file.path, sha256: sha256Hex(spec.file.text) });
}

/** A configuration for the same module that checks only `checks` (tests run one property at a time). */
export function configFor(exp: TlaExport, checks: readonly TlaCheck[], specPath = ""): string {
  return renderCfg({ version: VERSION, specPath, sha256: "" }, exp.name, exp.constants, checks);
}
