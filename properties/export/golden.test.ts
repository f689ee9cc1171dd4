// The exports of a few specs, pinned: each shows a part of the translation (records and loops,
// queues and rounding, liveness and fairness, enums and step properties, renamed names, fractions). Update
// after a deliberate change with
//   UPDATE_GOLDEN=1 npx vitest run properties/export/golden.test.ts

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpecFile } from "../../src/api/load.js";
import { exportTla } from "../../src/export/index.js";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const DIR = "properties/golden/export";

const SPECS = [
  "spec/anchor-pool.stake",
  "spec/unbonding-queue.stake",
  "spec/share-pool.stake",
  "spec/unbonding-slash.stake",
  "spec/vault.stake",
  "properties/export/fixtures/untrusted-names.stake",
  "properties/export/fixtures/fractions.stake",
];

describe("export --tla golden files", () => {
  for (const file of SPECS) {
    it(file, () => {
      const exp = exportTla(loadSpecFile(file).spec!, { specPath: file });
      for (const [ext, text] of [["tla", exp.tla], ["cfg", exp.cfg]] as const) {
        const golden = `${DIR}/${exp.name}.${ext}`;
        if (UPDATE) {
          mkdirSync(DIR, { recursive: true });
          writeFileSync(golden, text);
        }
        expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
        expect(text).toBe(readFileSync(golden, "utf8"));
      }
    });
  }

  it("is deterministic: the same spec gives the same text", () => {
    const a = exportTla(loadSpecFile("spec/share-pool.stake").spec!);
    const b = exportTla(loadSpecFile("spec/share-pool.stake").spec!);
    expect(a.tla).toBe(b.tla);
  });
});
