// docs/liveness.md's commands print what the guide shows: every fenced block that starts with
// `$ npx stakecheck ...` is run through the CLI, and its output must equal the rest of the block,
// timings aside. After a deliberate change of output, UPDATE_GUIDE=1 rewrites the blocks; review
// the diff.

import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const DOC = "docs/liveness.md";
const UPDATE = process.env.UPDATE_GUIDE === "1";

interface Example {
  readonly command: string;
  readonly shown: string;
}

function examples(text: string): Example[] {
  const out: Example[] = [];
  for (const m of text.matchAll(/^```\n(\$ npx stakecheck [^\n]*)\n([\s\S]*?)^```$/gm)) out.push({ command: m[1], shown: m[2] });
  return out;
}

/** Timings differ from run to run; everything else must not. */
export function maskTimings(s: string): string {
  return s
    .replace(/, [\d.]+ s \([\d.]+ [kM]? ?(distinct states|steps)\/s\)/g, ", <time>")
    .replace(/fair-cycle search [\d.]+ s/g, "fair-cycle search <time>")
    .replace(/ · [\d.]+ s$/gm, " · <time>")
    .replace(/(loops? closed and judged), [\d.]+ s/g, "$1, <time>");
}

const ALL = examples(readFileSync(DOC, "utf8"));

describe("docs/liveness.md", () => {
  it("shows the check, the lasso, the replay, weak and strong fairness, and fuzz", () => {
    expect(ALL.map((e) => e.command.split(" ")[3])).toEqual(["check", "check", "replay", "check", "replay", "fuzz"]);
  });

  it.each(ALL.map((e) => [e.command, e] as const))("%s", async (_, e) => {
    const args = e.command.slice("$ npx stakecheck ".length).split(" ");
    const r = await runCli(args);
    const printed = r.stdout.endsWith("\n") ? r.stdout : `${r.stdout}\n`;
    if (UPDATE) {
      const text = readFileSync(DOC, "utf8");
      writeFileSync(DOC, text.replace(`${e.command}\n${e.shown}`, `${e.command}\n${printed}`));
      return;
    }
    expect(maskTimings(printed)).toBe(maskTimings(e.shown));
  });
});
