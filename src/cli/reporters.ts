// `--reporter NAME[:FILE]` (repeatable) on check, replay and fuzz: text (the default), json, junit,
// github. A machine report without a file goes to stdout, and the text report then moves to stderr
// so stdout stays parseable. GitHub annotations go to stdout beside the text, where the runner reads
// them. Every run ends with the one-line summary.

import { mkdirSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { dirname } from "node:path";
import { InputError } from "../lang/read.js";
import { renderGithub } from "../report/github.js";
import { renderJson } from "../report/json.js";
import { renderJunit } from "../report/junit.js";
import { summaryLine, type RunResult } from "../report/run-result.js";
import { DEFAULT_COUNTEREXAMPLE_DIR } from "../trace/save.js";
import { err, out } from "./output.js";

export const REPORTERS = ["text", "json", "junit", "github"] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface Reporter {
  readonly name: ReporterName;
  /** Where to write; stdout when absent. */
  readonly file?: string;
}

export function parseReporters(args: readonly string[] | undefined): Reporter[] {
  if (!args || args.length === 0) return [{ name: "text" }];
  return args.map((a) => {
    const i = a.indexOf(":");
    const name = (i < 0 ? a : a.slice(0, i)) as ReporterName;
    if (!REPORTERS.includes(name)) throw new InputError(`--reporter ${a}: unknown reporter \`${name}\`; use ${REPORTERS.join(", ")} (optionally NAME:FILE)`);
    const file = i < 0 ? undefined : a.slice(i + 1);
    if (file === "") throw new InputError(`--reporter ${a}: no file after \`:\``);
    if (name === "text" && file) throw new InputError(`--reporter ${a}: the text report goes to the terminal; use json or junit for a file`);
    return file ? { name, file } : { name };
  });
}

/** Where the human-readable report goes: stdout, unless a json or junit report takes stdout. */
export function textWriter(reporters: readonly Reporter[]): (text: string) => void {
  return reporters.some((r) => (r.name === "json" || r.name === "junit") && !r.file) ? err : out;
}

function render(name: ReporterName, run: RunResult): string {
  switch (name) {
    case "json":
      return renderJson(run);
    case "junit":
      return renderJunit(run);
    case "github":
      return renderGithub(run);
    case "text":
      return "";
  }
}

/** The token of the `::stop-commands::` that guards the text report, while it is on. */
let guard: string | null = null;

/**
 * With GitHub annotations on stdout, the runner takes any line of the step's output that starts
 * with `::` as a workflow command, and the text report quotes specs and trace files. So the text
 * report runs between `::stop-commands::TOKEN` and `::TOKEN::` (a random token a file cannot
 * guess), and only the annotations are read as commands. Call before printing the text report.
 */
export function beginReports(reporters: readonly Reporter[]): void {
  guard = null;
  if (!reporters.some((r) => r.name === "github" && !r.file)) return;
  guard = randomUUID();
  process.stdout.write(`::stop-commands::${guard}\n`);
}

function endGuard(): void {
  if (guard === null) return;
  process.stdout.write(`::${guard}::\n`);
  guard = null;
}

/** Writes the machine reports and prints the summary line. */
export function emitReports(run: RunResult, reporters: readonly Reporter[]): void {
  endGuard();
  for (const r of reporters) {
    if (r.name === "text") continue;
    const text = render(r.name, run);
    if (!r.file) {
      if (text) process.stdout.write(text);
      continue;
    }
    try {
      mkdirSync(dirname(r.file), { recursive: true });
      writeFileSync(r.file, text);
    } catch (e) {
      throw new InputError(`--reporter ${r.name}:${r.file}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }
  textWriter(reporters)(summaryLine(run));
}

/** `--save [DIR]`: the directory, or null when not saving. Commander takes the word after a bare
 * `--save` as its value, so `--save spec/a.stake` would mean a directory named like a spec. */
export function saveDirOption(save: string | boolean | undefined): string | null {
  if (save === undefined || save === false) return null;
  if (save === true) return DEFAULT_COUNTEREXAMPLE_DIR;
  if (save.endsWith(".stake")) throw new InputError(`--save ${save}: that is a spec, not a directory; put --save after the files, or write --save=DIR`);
  return save;
}
