// docs/editor.md against the code: the commands it shows are the ones the tests run, its settings
// do what it says in the shapes each editor sends them, and every editor's configuration starts
// `stakecheck lsp`.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LspClient, positionOf } from "./support/client.js";

const DOC = readFileSync("docs/editor.md", "utf8");
const POOL = readFileSync("spec/pool.stake", "utf8");

function blocks(lang: string): string[] {
  return [...DOC.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```$", "gm"))].map((m) => m[1]);
}

async function hoverN(client: LspClient): Promise<string> {
  const { uri, version } = await client.open("spec/pool.stake");
  await client.diagnosticsFor(uri, version);
  const h = await client.hover(uri, positionOf(POOL, "N * START", 0, 1));
  return (h!.contents as { value: string }).value.split("\n\n")[1];
}

describe("docs/editor.md", () => {
  it("packs the extension with the command the VS Code test runs", () => {
    const [sh] = blocks("sh");
    expect(sh).toBe("npm ci\nnpm run vscode          # writes stakecheck-0.1.0.vsix\ncode --install-extension stakecheck-0.1.0.vsix\n");
    // properties/lsp/vscode.test.ts runs `node editors/vscode/build.mjs --pack DIR` and finds this file.
    expect(JSON.parse(readFileSync("package.json", "utf8")).scripts.vscode).toBe("node editors/vscode/build.mjs --pack .");
    expect(readFileSync("editors/vscode/build.mjs", "utf8")).toContain('"stakecheck-0.1.0.vsix"');
  });

  it("the settings shown override consts, as a section (VS Code, Neovim, Emacs) or whole (Helix)", async () => {
    const [json] = blocks("json");
    const settings = JSON.parse(json) as Record<string, Record<string, unknown>>;
    expect(settings).toEqual({ "stakecheck.const": { N: 4, FAST: false } });
    // Answering workspace/configuration for the section "stakecheck".
    const a = new LspClient({ const: settings["stakecheck.const"] });
    await a.initialize();
    expect(await hoverN(a)).toBe("value `4` (set by the setting `stakecheck.const`)");
    expect(await a.stop()).toBe(0);
    // Helix: the whole `config` as initialization options (and as every section's answer).
    const b = new LspClient({ stakecheck: { const: { N: 5 } } } as never);
    b.initializationOptions = { stakecheck: { const: { N: 5 } } };
    await b.initialize();
    expect(await hoverN(b)).toBe("value `5` (set by the setting `stakecheck.const`)");
    expect(await b.stop()).toBe(0);
  });

  it("every editor's configuration starts `stakecheck lsp`", () => {
    const [lua] = blocks("lua");
    const [toml] = blocks("toml");
    const [elisp] = blocks("elisp");
    expect(lua).toContain('cmd = { "stakecheck", "lsp" }');
    expect(lua).toContain("settings = { stakecheck = { const = { N = 4 } } }");
    expect(toml).toContain('command = "stakecheck"\nargs = ["lsp"]');
    expect(toml).toContain("config = { stakecheck = { const = { N = 4 } } }");
    expect(elisp).toContain('(stake-mode "stakecheck" "lsp")');
    expect(elisp).toContain("'(:stakecheck (:const (:N 4)))");
  });

  it("the speed figures carry their bench keys", () => {
    for (const key of ["lsp.startup.wallMs", "lsp.big.name.ms", "lsp.big.syntax.ms"]) expect(DOC).toContain(`<!-- bench: ${key} -->`);
    const bench = readFileSync("bench/lsp.ts", "utf8");
    expect(bench).toContain("JSON.stringify({ startup: up, big })");
  });
});
