// docs/counterexamples.md's HTML report commands do what the page says: each writes its report
// where the comment says, with the exit code of its command.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const DOC = readFileSync("docs/counterexamples.md", "utf8");
const section = DOC.slice(DOC.indexOf("## The HTML report"));
const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
const commands = block
  .split("\n")
  .filter((l) => l.startsWith("npx stakecheck "))
  .map((l) => ({ args: l.replace(/\s+#.*$/, "").split(/\s+/).slice(2), comment: /# (.*)$/.exec(l)?.[1] ?? "" }));

describe("docs/counterexamples.md: the HTML report", () => {
  it("shows the four ways to get one", () => {
    expect(commands.map((c) => c.args[0])).toEqual(["check", "fuzz", "replay", "report"]);
  });

  it.each(commands.map((c) => [c.args.join(" "), c] as const))("stakecheck %s", async (_, c) => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-docs-html-"));
    const args = c.args.map((w) => (w === "reports/" ? dir : w === "report.html" ? join(dir, "report.html") : w));
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(c.args[0] === "check" || c.args[0] === "fuzz" ? 1 : 0);
    const written = /-> reports\/(\S+)/.exec(c.comment)?.[1] ?? "report.html";
    expect(r.stderr).toContain(`report: ${join(dir, written)}\n`);
    expect(readFileSync(join(dir, written), "utf8")).toContain('<script type="application/json" id="report-data">');
  });

  it("the figures are marked for the bench to refresh", () => {
    expect(section).toContain("<!-- bench: html-report -->");
  });
});
