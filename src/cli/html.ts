// `--html DIR` on check, fuzz and replay, and `stakecheck report -o FILE`: writing a report file.

import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../lang/read.js";
import { err } from "./output.js";

/** The report's file name in `--html DIR`: the spec's name when the run has one spec, else the
 * command's (`pool-no-owner-check.html`, `check.html`, `replay.html`). */
export function htmlFileName(command: string, specFiles: readonly string[]): string {
  const specs = [...new Set(specFiles.filter((f) => f))];
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, "_");
  return specs.length === 1 && command !== "replay" ? `${safe(basename(specs[0]).replace(/\.stake$/, ""))}.html` : `${command}.html`;
}

/** Writes `html` to `file` (making its directory) and says so on stderr. */
export function writeHtmlFile(file: string, html: string, flag: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
  } catch (e) {
    throw new InputError(`${flag} ${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  err(`report: ${file}`);
}

/** `--html DIR`: the file the report of this run goes to. */
export function htmlPath(dir: string, command: string, specFiles: readonly string[]): string {
  return join(dir, htmlFileName(command, specFiles));
}
