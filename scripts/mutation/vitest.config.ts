// The vitest configuration Stryker's runner uses: the project's own, minus the test files that
// cannot run inside Stryker's worker threads (process.chdir is not allowed in a worker).
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config.js";

export default mergeConfig(
  base,
  defineConfig({
    root: fileURLToPath(new URL("../..", import.meta.url)),
    test: { exclude: [...configDefaults.exclude, "properties/docs/commands.test.ts"] },
  }),
);
