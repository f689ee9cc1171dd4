// Builds the extension: bundles the client (with vscode-languageclient, from the npm registry, so
// the .vsix needs nothing else) and copies the grammar in. `--pack DIR` also packs the .vsix into
// DIR with @vscode/vsce (nothing is published). Both packages come from the repository's
// devDependencies: run `npm ci` at the root first.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, "out"), { recursive: true, force: true });
await build({
  entryPoints: [join(here, "src/extension.js")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  outfile: join(here, "out/extension.js"),
  minify: true,
  logLevel: "warning",
});
mkdirSync(join(here, "syntaxes"), { recursive: true });
copyFileSync(join(here, "../stake.tmLanguage.json"), join(here, "syntaxes/stake.tmLanguage.json"));

const at = process.argv.indexOf("--pack");
if (at >= 0) {
  const { createVSIX } = await import("@vscode/vsce");
  const dir = resolve(process.argv[at + 1] ?? ".");
  const packagePath = join(dir, "stakecheck-0.1.0.vsix");
  await createVSIX({ cwd: here, packagePath, dependencies: false, allowMissingRepository: true });
  console.log(packagePath);
}
