// Every shipped spec's export parses with the TLA+ project's tree-sitter grammar (in every run; TLC
// itself runs in tlc.test.ts when STAKECHECK_TLC_JAR is set).

import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpecFile } from "../../src/api/load.js";
import { exportTla } from "../../src/export/index.js";
import { tlaSyntaxErrors } from "../support/tla-parser.js";
import { REFUSED } from "./refused.js";

const specs = [
  ...readdirSync("spec").filter((f) => f.endsWith(".stake")).map((f) => `spec/${f}`),
  ...readdirSync("spec/buggy").map((f) => `spec/buggy/${f}`),
  ...readdirSync("properties/codegen/specs").map((f) => `properties/codegen/specs/${f}`),
];

describe("export --tla: the module parses as TLA+", () => {
  it("the parser finds errors (a module with one is rejected)", async () => {
    expect(await tlaSyntaxErrors("---- MODULE M ----\nVARIABLE x\nInit == x = \nNext == x' = x + 1\n====\n")).not.toEqual([]);
    expect(await tlaSyntaxErrors("---- MODULE M ----\nVARIABLE x\nInit == x = 0\nNext == x' = x + 1\n====\n")).toEqual([]);
  });

  it("nested fills bind distinct names (TLA+ forbids shadowing; SANY, not this grammar, would say so)", () => {
    const file = "properties/codegen/specs/features.stake";
    const exp = exportTla(loadSpecFile(file).spec!, { specPath: file });
    expect(exp.tla).toContain("/\\ grid = [k \\in Id |-> [k_1 \\in Color |-> 0]]\n");
  });

  for (const file of specs) {
    const refused = REFUSED[file];
    if (refused) {
      it(`${file} is refused: ${refused.source}`, () => {
        expect(() => exportTla(loadSpecFile(file).spec!, { specPath: file })).toThrow(refused);
      });
      continue;
    }
    it(file, async () => {
      const loaded = loadSpecFile(file);
      const exp = exportTla(loaded.spec!, { specPath: file });
      expect(await tlaSyntaxErrors(exp.tla)).toEqual([]);
    });
  }
});
