// Edited copies of specs for replay tests, and verdict texts with the temporary directory removed.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { ReplayOutcome } from "../../../src/api/replay.js";
import { renderReplayOutcome } from "../../../src/report/replay-text.js";

/** Makes variants of specs in `dir`: `variant(name, spec, from, to)` writes a copy of `spec` named
 * `name`.stake with `from` (which must occur exactly once) replaced by `to`, and returns its path. */
export function variants(dir: string): (name: string, spec: string, from: string, to: string) => string {
  return (name, spec, from, to) => {
    const text = readFileSync(spec, "utf8");
    expect(text.split(from).length, `\`${from}\` occurs once in ${spec}`).toBe(2);
    const path = join(dir, `${name}.stake`);
    writeFileSync(path, text.replace(from, to));
    return path;
  };
}

/** The verdict text with `dir` removed, for pinning. */
export function verdictText(o: ReplayOutcome, dir: string): string {
  return renderReplayOutcome(o).split(`${dir}/`).join("");
}
