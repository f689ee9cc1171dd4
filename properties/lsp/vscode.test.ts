// The VS Code extension (editors/vscode) builds offline and packs into a .vsix with @vscode/vsce:
// the manifest contributes the language, the grammar and its configuration; the bundled client
// loads and finds the stakecheck command as documented.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip } from "./support/zip.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-vsix-"));
let vsix: Map<string, Buffer>;

beforeAll(() => {
  const out = execFileSync(process.execPath, ["editors/vscode/build.mjs", "--pack", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(out.trim().split("\n").pop()).toBe(join(dir, "stakecheck-0.1.0.vsix"));
  vsix = readZip(readFileSync(join(dir, "stakecheck-0.1.0.vsix")));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the VS Code extension", () => {
  it("packs the manifest, the bundled client, the grammar and the language configuration, nothing else", () => {
    expect([...vsix.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "extension.vsixmanifest",
      "extension/LICENSE.txt",
      "extension/language-configuration.json",
      "extension/out/extension.js",
      "extension/package.json",
      "extension/readme.md",
      "extension/syntaxes/stake.tmLanguage.json",
    ]);
    expect(vsix.get("extension/syntaxes/stake.tmLanguage.json")!.toString("utf8")).toBe(readFileSync("editors/stake.tmLanguage.json", "utf8"));
  });

  it("contributes the .stake language with its grammar and comment and bracket rules", () => {
    const manifest = JSON.parse(vsix.get("extension/package.json")!.toString("utf8"));
    expect(manifest.contributes.languages).toEqual([{ id: "stake", aliases: ["stake", "Stake"], extensions: [".stake"], configuration: "./language-configuration.json" }]);
    expect(manifest.contributes.grammars).toEqual([{ language: "stake", scopeName: "source.stake", path: "./syntaxes/stake.tmLanguage.json" }]);
    expect(manifest.activationEvents).toEqual(["onLanguage:stake"]);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual(["stakecheck.path", "stakecheck.const"]);
    const config = JSON.parse(vsix.get("extension/language-configuration.json")!.toString("utf8"));
    expect(config.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(config.brackets).toEqual([["{", "}"], ["[", "]"], ["(", ")"]]);
    const grammar = JSON.parse(vsix.get("extension/syntaxes/stake.tmLanguage.json")!.toString("utf8"));
    expect(grammar.scopeName).toBe("source.stake");
  });

  it("the bundled client loads (with vscode-languageclient inside) and finds stakecheck", () => {
    // Outside VS Code, a stand-in for the `vscode` module: every name is a class (the client's
    // classes extend some at load time).
    const vscode = new Proxy({}, { get: () => class {} });
    const load = (Module as unknown as { _load: (r: string, ...a: unknown[]) => unknown })._load;
    (Module as unknown as { _load: unknown })._load = (request: string, ...rest: unknown[]) => (request === "vscode" ? vscode : load(request, ...rest));
    try {
      const bundle = join(dir, "extension.js");
      writeFileSync(bundle, vsix.get("extension/out/extension.js")!);
      const ext = createRequire(import.meta.url)(bundle) as { activate: unknown; deactivate: unknown; serverCommand: (s: string | undefined, f: string[], e: (p: string) => boolean) => string };
      expect(typeof ext.activate).toBe("function");
      expect(typeof ext.deactivate).toBe("function");
      expect(ext.serverCommand(" /opt/bin/stakecheck ", ["/w"], () => true)).toBe("/opt/bin/stakecheck");
      expect(ext.serverCommand("", ["/a", "/w"], (p) => p === join("/w", "node_modules/.bin/stakecheck"))).toBe(join("/w", "node_modules/.bin/stakecheck"));
      expect(ext.serverCommand(undefined, ["/w"], () => false)).toBe("stakecheck");
    } finally {
      (Module as unknown as { _load: unknown })._load = load;
    }
  });
});
