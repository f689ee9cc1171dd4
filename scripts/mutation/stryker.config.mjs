// Stryker's configuration for `npm run mutation` (scripts/mutation/run.mjs passes `--mutate`,
// `--incrementalFile` and the report paths for each folder it measures).
// @ts-check
const unit = process.env.STAKECHECK_MUTATION_UNIT ?? "src";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "scripts/mutation/vitest.config.ts" },
  // Each mutant runs only the tests that executed its code in the first (dry) run.
  coverageAnalysis: "perTest",
  // Mutants that do not compile are discarded by the type checker before any test runs.
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  // The checker needs typescript's compiler API, which typescript 7 does not ship: see
  // typescript-6.mjs.
  checkerNodeArgs: ["--import", "./scripts/mutation/typescript-6.mjs"],
  mutate: ["src/**/*.ts"],
  // `// @ts-nocheck` only on the instrumented sources (by default Stryker adds it to every .ts file of
  // its sandbox, and the codegen golden test compares examples/pool-impl/pool.gen.ts byte for byte).
  disableTypeChecks: "src/**/*.ts",
  incremental: true,
  incrementalFile: `reports/mutation/${unit}.incremental.json`,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: `reports/mutation/${unit}.json` },
  htmlReporter: { fileName: `reports/mutation/${unit}.html` },
  ignorePatterns: ["/bench/.work", "/coverage", "/reports", "/editors/vscode/out", "*.vsix"],
  // One test-runner process: the machine has 2 cores, and the checker takes the other.
  concurrency: 1,
  timeoutMS: 30_000,
  // The first, unmutated run of every test that imports a mutated file: over 5 minutes (Stryker's
  // default limit) for a folder that the CLI imports, on a loaded 2-core machine.
  dryRunTimeoutMinutes: 40,
  cleanTempDir: "always",
};
