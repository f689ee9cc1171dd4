// A language client as an editor is one: `stakecheck lsp` started as a child process, spoken to
// over stdio with vscode-languageserver-protocol's client side. Records what the server sends on
// its own (diagnostics, messages, log lines, lens refreshes) and answers its requests
// (workspace/configuration with the settings given).

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import type {
  CodeLens, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, Position, PublishDiagnosticsParams, TextDocumentContentChangeEvent, WorkspaceEdit,
} from "vscode-languageserver-protocol";

import { ensureBuilt } from "./built.js";

export const ROOT = resolve(import.meta.dirname, "../../..");
const CLI = resolve(ROOT, "bin/stakecheck.js");
ensureBuilt();

export interface Settings {
  const?: Record<string, unknown>;
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  lensRefreshes = 0;
  stderr = "";
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  settings: Settings;
  /** Sent with `initialize` (Helix sends its `config` so). */
  initializationOptions: unknown = undefined;

  constructor(settings: Settings = {}) {
    this.settings = settings;
    this.child = spawn(process.execPath, [CLI, "lsp", "--stdio"], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (b: Buffer) => (this.stderr += b.toString("utf8")));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      this.wake();
    });
    this.connection.onNotification("window/showMessage", (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.wake();
    });
    this.connection.onNotification("window/logMessage", (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.connection.onRequest("workspace/codeLens/refresh", () => {
      this.lensRefreshes++;
      this.wake();
      return null;
    });
    this.connection.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Waits until `ready()` holds, re-testing after every notification from the server. */
  async until<T>(ready: () => T | undefined, what: string, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = ready();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, 200);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }> {
    const r = await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      initializationOptions: this.initializationOptions,
      capabilities: {
        workspace: { configuration: true, codeLens: { refreshSupport: true } },
        textDocument: { rename: { prepareSupport: true } },
      },
    });
    await this.connection.sendNotification("initialized", {});
    return r as { capabilities: Record<string, unknown> };
  }

  uri(path: string): string {
    return pathToFileURL(resolve(ROOT, path)).href;
  }

  /** Opens a document (`path` need not exist when `text` is given). Versions keep counting up when
   * a document is opened again, so each version's diagnostics are told apart. */
  async open(path: string, text = readFileSync(resolve(ROOT, path), "utf8")): Promise<{ uri: string; version: number }> {
    const uri = this.uri(path);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "stake", version, text } });
    return { uri, version };
  }

  /** Sends an edit; returns the document's new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  /** The diagnostics published for this version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.until(() => this.diagnostics.find((d) => d.uri === uri && d.version === version)?.diagnostics, `diagnostics of ${uri} v${version}`);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position });
  }
  definition(uri: string, position: Position): Promise<Location[] | null> {
    return this.connection.sendRequest("textDocument/definition", { textDocument: { uri }, position });
  }
  references(uri: string, position: Position, includeDeclaration = true): Promise<Location[] | null> {
    return this.connection.sendRequest("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration } });
  }
  completion(uri: string, position: Position): Promise<CompletionItem[] | null> {
    return this.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position });
  }
  symbols(uri: string): Promise<DocumentSymbol[] | null> {
    return this.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
  }
  prepareRename(uri: string, position: Position): Promise<unknown> {
    return this.connection.sendRequest("textDocument/prepareRename", { textDocument: { uri }, position });
  }
  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest("textDocument/rename", { textDocument: { uri }, position, newName });
  }
  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest("textDocument/codeLens", { textDocument: { uri } });
  }
  execute(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest("workspace/executeCommand", { command, arguments: args });
  }

  /** shutdown, exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((res) => this.child.on("exit", (code) => res(code)));
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The 0-based position of the `n`th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, n = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` occurs fewer than ${n + 1} times`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - before.lastIndexOf("\n") - 1 };
}
