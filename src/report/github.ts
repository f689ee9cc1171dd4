// GitHub Actions annotations (`--reporter github`): one `::error` workflow command per violated
// property (or failed replay), pointing at the property's line in the spec, so the pull request
// shows the failure on the line that states it. Printed to stdout, where the runner reads them.

import { propertyTitle, type CaseResult, type RunResult, type SuiteResult } from "./run-result.js";

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value (file, title): also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** GitHub truncates long annotations; keep the counterexample's head, which has the steps. */
const MAX_MESSAGE = 4000;

function annotation(level: "error" | "warning", props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  const body = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}\n...` : message;
  return `::${level}${p ? ` ${p}` : ""}::${escapeData(body)}`;
}

function constsText(s: SuiteResult): string {
  const e = Object.entries(s.consts);
  return e.length ? ` (${e.map(([k, v]) => `${k} = ${v}`).join(", ")})` : "";
}

function caseAnnotation(run: RunResult, s: SuiteResult, c: CaseResult): string | null {
  if (c.status === "passed") return null;
  // Properties left unchecked because the search stopped at a violation add nothing to its error;
  // those a resource limit left unproved are worth a warning each.
  if (c.status === "skipped" && c.stopped === "violation") return null;
  const level = c.status === "skipped" ? "warning" : "error";
  const what = c.property ? propertyTitle(c.property) : c.name;
  const title = run.command === "replay" ? `stakecheck replay: ${c.label}` : `stakecheck ${run.command}: ${what} ${c.status === "skipped" ? "not proved" : c.label}`;
  const message =
    run.command === "replay"
      ? `${c.file ?? c.name}: ${c.details ?? c.message ?? c.label}`
      : [`${c.message ?? c.label}${constsText(s)}`, c.file ? `saved as ${c.file}` : "", c.details ?? ""].filter((x) => x).join("\n\n");
  const loc = c.location;
  // Columns only when the span is on one line (GitHub refuses them otherwise).
  const props = loc
    ? { file: loc.file, line: loc.line, endLine: loc.endLine, ...(loc.line === loc.endLine ? { col: loc.col, endColumn: loc.endCol } : {}), title }
    : { file: run.command === "replay" ? (c.file ?? s.file) : s.file, title };
  return annotation(level, props, message);
}

/** The annotations of a run, one per line (empty when everything passed). */
export function renderGithub(run: RunResult): string {
  const lines: string[] = [];
  for (const s of run.suites) for (const c of s.cases) {
    const a = caseAnnotation(run, s, c);
    if (a) lines.push(a);
  }
  return lines.length ? lines.join("\n") + "\n" : "";
}
