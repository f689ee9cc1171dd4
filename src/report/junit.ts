// The JUnit XML report (`--reporter junit`), in the shape CI servers read (Jenkins, GitLab, the
// GitHub test-report actions): <testsuites> with one <testsuite> per spec (and consts), one
// <testcase> per property (check, fuzz) or per counterexample file (replay). A failure carries the
// counterexample as its text.

import type { CaseResult, RunResult, SuiteResult } from "./run-result.js";

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function attrs(a: Record<string, string | number>): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join("");
}

function seconds(s: number): string {
  return s.toFixed(3);
}

function constsText(consts: SuiteResult["consts"]): string {
  const entries = Object.entries(consts);
  return entries.length ? ` (${entries.map(([k, v]) => `${k} = ${v}`).join(", ")})` : "";
}

function testcase(suite: SuiteResult, c: CaseResult, command: RunResult["command"]): string {
  const a = attrs({ name: c.name, classname: `${suite.name}${constsText(suite.consts)}`, file: command === "replay" && c.file ? c.file : suite.file, ...(c.location ? { line: c.location.line } : {}) });
  const body: string[] = [];
  const message = c.message ?? c.label;
  const text = [c.file && command !== "replay" ? `saved as ${c.file}` : "", c.details ?? message].filter((x) => x).join("\n\n");
  if (c.status === "failed") body.push(`      <failure${attrs({ message, type: c.label })}>${xmlEscape(text)}</failure>`);
  else if (c.status === "error") body.push(`      <error${attrs({ message, type: "error" })}>${xmlEscape(text)}</error>`);
  else if (c.status === "skipped") body.push(`      <skipped${attrs({ message })}/>`);
  else if (c.details) body.push(`      <system-out>${xmlEscape(c.details)}</system-out>`);
  return body.length ? `    <testcase${a}>\n${body.join("\n")}\n    </testcase>` : `    <testcase${a}/>`;
}

export function renderJunit(run: RunResult): string {
  const count = (s: SuiteResult, st: CaseResult["status"]) => s.cases.filter((c) => c.status === st).length;
  const total = (st: CaseResult["status"]) => run.suites.reduce((n, s) => n + count(s, st), 0);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites${attrs({ name: `stakecheck ${run.command}`, tests: run.suites.reduce((n, s) => n + s.cases.length, 0), failures: total("failed"), errors: total("error"), skipped: total("skipped"), time: seconds(run.seconds) })}>`,
  );
  for (const s of run.suites) {
    lines.push(
      `  <testsuite${attrs({ name: `${s.name}${constsText(s.consts)}`, file: s.file, tests: s.cases.length, failures: count(s, "failed"), errors: count(s, "error"), skipped: count(s, "skipped"), time: seconds(s.seconds) })}>`,
    );
    const props = [...Object.entries(s.consts).map(([k, v]) => [`const.${k}`, String(v)]), ...Object.entries(s.stats ?? {}).map(([k, v]) => [k, String(v)])];
    if (s.incomplete) props.push(["incomplete", s.incomplete]);
    if (props.length) {
      lines.push("    <properties>");
      for (const [k, v] of props) lines.push(`      <property${attrs({ name: k, value: v })}/>`);
      lines.push("    </properties>");
    }
    for (const c of s.cases) lines.push(testcase(s, c, run.command));
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}
