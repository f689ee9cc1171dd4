// Loaded into Stryker's main process (scripts/mutation/run.mjs) and its type-checker processes
// (`checkerNodeArgs` in stryker.config.mjs). The project compiles with typescript 7 (native tsc),
// whose npm package has no compiler API; Stryker's core (it rewrites tsconfig.json in its sandbox)
// and @stryker-mutator/typescript-checker need that API, so their `import ... "typescript"` is
// sent to typescript 6.0.3, installed under the alias `typescript-6`. Every other import, and every
// other process (the test runners, `npm run typecheck`), keeps typescript 7.
import { register } from "node:module";

register("./typescript-6-hooks.mjs", import.meta.url);
