// Golden files of the readable counterexample output: the steps with only what changed, and the
// explanation of why the property is false. UPDATE_GOLDEN=1 rewrites the expected files.

import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bfs } from "../src/explore/bfs.js";
import { renderCounterexample } from "../src/report/counterexample.js";
import { modelFromFile } from "./support/load.js";

const DIR = "properties/golden/counterexamples";

describe("counterexample output", () => {
  const specs = readdirSync(DIR).filter((f) => f.endsWith(".stake"));
  it("has at least three cases, one of them a well_typed violation", () => {
    expect(specs.length).toBeGreaterThanOrEqual(3);
  });
  it.each(specs)("%s", (file) => {
    const path = join(DIR, file);
    const model = modelFromFile(path);
    const r = bfs(model, { continueAfterViolation: true });
    expect(r.violations.length).toBeGreaterThan(0);
    const text = r.violations.map((v) => renderCounterexample(model, v)).join("\n\n") + "\n";
    const golden = path.replace(/\.stake$/, ".txt");
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, "utf8"));
  });
});
