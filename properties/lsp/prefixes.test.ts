// The server never fails on a half-typed file: every request (diagnostics, hover, definition,
// references, highlights, completion, outline, code lenses, prepareRename, rename) answers on every
// prefix of every shipped spec, at the cursor (the prefix's end) and in the middle of the text, the
// prefixes fed to one analyser in order, as typing feeds them. A rename may refuse (a syntax error,
// a built-in name) but only with its one-line refusal. In-process, for speed (about 40 s of CPU
// for the nine specs); STAKECHECK_PREFIXES=all adds the buggy variants in spec/buggy.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DocumentAnalyser } from "../../src/lsp/analysis.js";
import { everyRequest } from "./support/every-request.js";

const SPECS = [
  ...readdirSync("spec").filter((f) => f.endsWith(".stake")).map((f) => `spec/${f}`),
  ...(process.env.STAKECHECK_PREFIXES === "all" ? readdirSync("spec/buggy").map((f) => `spec/buggy/${f}`) : []),
];

describe("every request on every prefix", () => {
  it.each(SPECS)("%s", (path) => {
    const text = readFileSync(path, "utf8");
    const analyser = new DocumentAnalyser(path);
    let answers = 0;
    for (let i = 0; i <= text.length; i++) {
      const prefix = text.slice(0, i);
      try {
        answers += everyRequest(analyser, prefix, [i, i >> 1]);
      } catch (e) {
        throw new Error(`on the prefix of ${i} characters ending ${JSON.stringify(prefix.slice(-40))}: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    expect(answers).toBeGreaterThan(text.length);
    // The whole spec: no diagnostics, as `lint` says.
    expect(analyser.analyse(text).diagnostics).toEqual([]);
  });
});
