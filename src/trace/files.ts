// Which files a `replay FILE|DIR...` means: files as given, directories searched (recursively) for
// `*.itf.json`, in a stable order.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../lang/read.js";

export const TRACE_SUFFIX = ".itf.json";

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && e.name.endsWith(TRACE_SUFFIX)) out.push(p);
  }
}

/** The counterexample files named by `args`; throws InputError for a path that does not exist. */
export function traceFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    let isDir: boolean;
    try {
      isDir = statSync(a).isDirectory();
    } catch {
      throw new InputError(`${a}: no such file or directory`);
    }
    if (isDir) walk(a, out);
    else out.push(a);
  }
  return [...new Set(out)];
}
