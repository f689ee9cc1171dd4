// The vitest configuration Stryker's runner uses: the project's own, minus the test files that
// cannot run inside Stryker's single worker thread (process.chdir is not allowed in a worker) and
// those that test stakecheck in child processes or a browser only: a child process never runs the
// active mutant (Stryker switches mutants inside the test runner's own process), so these files
// cannot kill one, and under Stryker their time limits (a child that must stop within 30 s) fail the
// first, unmutated run.
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.js";

export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL("../..", import.meta.url)),
    test: {
      exclude: [
        ...configDefaults.exclude,
        "properties/docs/commands.test.ts",
        "properties/monitor/cli.test.ts",
        "properties/robustness/smoke.test.ts",
        "properties/perf/bench.test.ts",
        "properties/trust/signals.test.ts",
        "properties/trust/memory-ceiling.test.ts",
        "properties/trust/too-large.test.ts",
        "properties/lsp/vscode.test.ts",
        "properties/html/browser.test.ts",
        "properties/html/screenshot.test.ts",
      ],
    },
  }),
);
