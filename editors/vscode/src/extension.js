// The VS Code side of stakecheck: starts `stakecheck lsp` and lets vscode-languageclient speak to
// it. Everything else (diagnostics, hover, lenses, their commands) is the server's.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/**
 * The command that runs stakecheck: the `stakecheck.path` setting; else the workspace's own
 * installation (node_modules/.bin/stakecheck); else `stakecheck` on the PATH.
 * @param {string | undefined} setting
 * @param {readonly string[]} folders workspace folders' paths
 * @param {(p: string) => boolean} exists
 */
function serverCommand(setting, folders, exists = fs.existsSync) {
  if (setting && setting.trim() !== "") return setting.trim();
  const bin = process.platform === "win32" ? "stakecheck.cmd" : "stakecheck";
  for (const folder of folders) {
    const local = path.join(folder, "node_modules", ".bin", bin);
    if (exists(local)) return local;
  }
  return "stakecheck";
}

/** @param {import("vscode").ExtensionContext} context */
async function activate(context) {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const command = serverCommand(vscode.workspace.getConfiguration("stakecheck").get("path"), folders);
  const executable = { command, args: ["lsp"], transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  client = new LanguageClient(
    "stakecheck",
    "stakecheck",
    { run: executable, debug: executable },
    { documentSelector: [{ language: "stake" }], synchronize: { configurationSection: "stakecheck" } },
  );
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate, serverCommand };
