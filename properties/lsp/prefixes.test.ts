// The server never fails on a half-typed file: every request (diagnostics, hover, definition,
// references, highlights, completion, outline, code lenses, prepareRename, rename) answers on
// prefixes of the shipped specs, at the cursor (the prefix's end) and in the middle of the text,
// the prefixes fed to one analyser in order, as typing feeds them. A rename may refuse (a syntax
// error, a built-in name) but only with its one-line refusal. In-process, for speed.
//
// `npm test` runs every prefix of three specs and every 7th of the others (about 15 s of CPU);
// the whole campaign, every prefix of every shipped spec and of the buggy variants, is
//   STAKECHECK_PREFIXES=all npx vitest run properties/lsp/prefixes.test.ts   (118,000 prefixes, minutes)

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DocumentAnalyser } from "../../src/lsp/analysis.js";
import { everyRequest } from "./support/every-request.js";

const ALL = process.env.STAKECHECK_PREFIXES === "all";
const EVERY_PREFIX = new Set(["spec/anchor-bft.stake", "spec/anchor-pool.stake", "spec/pool.stake"]);
const SPECS = [
  ...readdirSync("spec").filter((f) => f.endsWith(".stake")).map((f) => `spec/${f}`),
  ...(ALL ? readdirSync("spec/buggy").map((f) => `spec/buggy/${f}`) : []),
];

describe("every request on every prefix", () => {
  it.each(SPECS)("%s", (path) => {
    const text = readFileSync(path, "utf8");
    const analyser = new DocumentAnalyser(path);
    let answers = 0;
    const stride = ALL || EVERY_PREFIX.has(path) ? 1 : 7;
    const ends = Array.from({ length: Math.ceil(text.length / stride) }, (_, k) => k * stride).concat(text.length);
    for (const i of ends) {
      const prefix = text.slice(0, i);
      try {
        answers += everyRequest(analyser, prefix, [i, i >> 1]);
      } catch (e) {
        throw new Error(`on the prefix of ${i} characters ending ${JSON.stringify(prefix.slice(-40))}: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    expect(answers).toBeGreaterThan(ends.length);
    // The whole spec: no diagnostics, as `lint` says.
    expect(analyser.analyse(text).diagnostics).toEqual([]);
  });
});
