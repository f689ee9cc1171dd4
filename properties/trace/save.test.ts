// Saving a counterexample: created, then unchanged (the same bytes), then updated (the same name,
// other bytes); written whole (no temporary file left); a disk that refuses is a one-line
// InputError; a spec inside the save directory's tree is recorded relative to it.

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { InputError } from "../../src/lang/read.js";
import { DEFAULT_COUNTEREXAMPLE_DIR, saveTrace, saveViolations } from "../../src/trace/save.js";
import { traceFromViolation } from "../../src/trace/from-model.js";
import { specFromFile } from "../support/load.js";

const THEFT = "spec/buggy/pool-no-owner-check.stake";
const root = mkdtempSync(join(tmpdir(), "stakecheck-save-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("saveTrace", () => {
  const run = check(specFromFile(THEFT));
  const v = run.result.violations[0];

  it("created, unchanged, updated; the file is the whole trace and nothing else is left", () => {
    expect(DEFAULT_COUNTEREXAMPLE_DIR).toBe("counterexamples");
    const dir = join(root, "a", "b");
    const trace = traceFromViolation(run.model, v, { explorer: { kind: "bfs" } });
    const first = saveTrace(run.model, trace, dir);
    expect(first.status).toBe("created");
    expect(first.path).toBe(join(dir, "pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json"));
    const text = readFileSync(first.path, "utf8");
    expect(text).toBe(readFileSync(join("counterexamples", "pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json"), "utf8"));
    expect(saveTrace(run.model, trace, dir)).toMatchObject({ path: first.path, status: "unchanged" });
    writeFileSync(first.path, `${text} `);
    const again = saveTrace(run.model, trace, dir);
    expect(again).toMatchObject({ path: first.path, status: "updated" });
    expect(readFileSync(first.path, "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual(["pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json"]);
  });

  it("a directory that cannot be made is an InputError naming the file and the reason", () => {
    const file = join(root, "not-a-dir");
    writeFileSync(file, "");
    const trace = traceFromViolation(run.model, v, { explorer: { kind: "bfs" } });
    const path = join(file, "pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json");
    expect(() => saveTrace(run.model, trace, file)).toThrow(InputError);
    expect(() => saveTrace(run.model, trace, file)).toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: cannot save the counterexample \\((EEXIST|ENOTDIR)\\)$`));
  });

  it("a spec given by absolute path inside the save directory's tree is recorded relative to it; outside it, as given", () => {
    const dir = join(root, "corpus");
    const inside = join(dir, "specs", "theft.stake");
    mkdirSync(join(dir, "specs"), { recursive: true });
    copyFileSync(THEFT, inside);
    const r1 = saveTrace(run.model, traceFromViolation(run.model, v, { explorer: { kind: "bfs" }, specPath: inside }), dir);
    expect(r1.trace.spec.path).toBe("specs/theft.stake");
    expect(JSON.parse(readFileSync(r1.path, "utf8"))["#meta"].spec.path).toBe("specs/theft.stake");
    const outside = join(root, "elsewhere.stake");
    const r2 = saveTrace(run.model, traceFromViolation(run.model, v, { explorer: { kind: "bfs" }, specPath: outside }), dir);
    expect(r2.trace.spec.path).toBe(outside);
    // The save directory itself is not a spec's place: a spec path equal to it stays as given.
    const r3 = saveTrace(run.model, traceFromViolation(run.model, v, { explorer: { kind: "bfs" }, specPath: dir }), dir);
    expect(r3.trace.spec.path).toBe(dir);
    const relativeGiven = saveTrace(run.model, traceFromViolation(run.model, v, { explorer: { kind: "bfs" }, specPath: "spec/x.stake" }), dir);
    expect(relativeGiven.trace.spec.path).toBe("spec/x.stake");
  });

  it("saveViolations saves each violation of a run", () => {
    const all = check(specFromFile(THEFT), { continueAfterViolation: true });
    const saved = saveViolations(all.model, all.result.violations, { explorer: { kind: "bfs" }, dir: join(root, "all") });
    expect(saved.length).toBe(all.result.violations.length);
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect(saved.map((s) => s.status)).toEqual(saved.map(() => "created"));
  });
});
