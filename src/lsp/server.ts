// `stakecheck lsp`: the language server, over stdio, on vscode-languageserver. This module loads
// only the protocol library, so the server answers `initialize` quickly; the parser, the checker and
// the features load in the background right after (features.ts).

import { fileURLToPath } from "node:url";
import type { Connection, InitializeResult, MessageReader, MessageWriter } from "vscode-languageserver/node";
import type { TextDocument as Doc } from "vscode-languageserver-textdocument";
import type * as F from "./features.js";
import { CHECK_COMMAND, FUZZ_COMMAND } from "./commands.js";
import { createConnection, ResponseError, TextDocument, TextDocuments, TextDocumentSyncKind } from "./protocol.js";

/** Analyses of a document while it is being typed: at most one per this many milliseconds. The
 * first edit after a pause is analysed at once. */
const GAP_MS = 50;
/** A pause in typing this long lets the server prepare for the next syntax error. */
const WARM_AFTER_MS = 300;
/** The protocol's "request failed" error code. */
const REQUEST_FAILED = -32803;

export interface ServerOptions {
  readonly version: string;
  /** For tests: other streams than stdin and stdout. */
  readonly reader?: MessageReader | NodeJS.ReadableStream;
  readonly writer?: MessageWriter | NodeJS.WritableStream;
}

let featuresLoading: Promise<typeof F> | undefined;
const features = () => (featuresLoading ??= import("./features.js"));

export function startServer(options: ServerOptions): Connection {
  const connection = createConnection(
    (options.reader ?? process.stdin) as NodeJS.ReadableStream,
    (options.writer ?? process.stdout) as NodeJS.WritableStream,
  );
  // stdout carries the protocol: anything printed goes to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(" "));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(" "));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(" "));

  const documents = new TextDocuments(TextDocument);
  const analysers = new Map<string, F.DocumentAnalyser>();
  const timers = new Map<string, NodeJS.Timeout>();
  const warmers = new Map<string, NodeJS.Timeout>();
  const lastRun = new Map<string, number>();
  let consts: Record<string, number | boolean> = {};
  let configurationSupport = false;
  let lensRefreshSupport = false;
  let runs: F.Runs | undefined;

  async function analysis(doc: Doc): Promise<F.Analysis> {
    const f = await features();
    let analyser = analysers.get(doc.uri);
    if (!analyser) analysers.set(doc.uri, (analyser = new f.DocumentAnalyser(pathOf(doc.uri))));
    return analyser.analyse(doc.getText(), consts);
  }

  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const f = await features();
    const a = await analysis(doc);
    // A newer version arrived while this one was analysed: its own run publishes.
    if (documents.get(uri)?.version !== doc.version) return;
    await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: a.diagnostics.map((d) => f.toLspDiagnostic(doc, d)) });
    // After a pause in typing, bring the whole-file matcher up to date (see pieces.ts).
    clearTimeout(warmers.get(uri));
    warmers.set(
      uri,
      setTimeout(() => {
        warmers.delete(uri);
        if (documents.get(uri)?.version === doc.version) analysers.get(uri)?.warm();
      }, WARM_AFTER_MS),
    );
  }

  function schedule(uri: string): void {
    if (timers.has(uri)) return;
    const wait = Math.max(0, (lastRun.get(uri) ?? -Infinity) + GAP_MS - performance.now());
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        lastRun.set(uri, performance.now());
        publish(uri).catch((e: unknown) => connection.console.error(`stakecheck: diagnostics failed: ${describe(e)}`));
      }, wait),
    );
  }

  async function refreshLenses(): Promise<void> {
    if (lensRefreshSupport) await connection.sendRequest("workspace/codeLens/refresh").catch(() => undefined);
  }

  async function loadSettings(fromChange?: unknown): Promise<void> {
    let value: unknown;
    if (configurationSupport) value = await connection.workspace.getConfiguration("stakecheck").catch(() => undefined);
    else value = (fromChange as { stakecheck?: unknown } | undefined)?.stakecheck;
    consts = constSetting(value);
    for (const doc of documents.all()) schedule(doc.uri);
    await refreshLenses();
  }

  /** A request handler on an open document at a position, with the analysis of its current text. */
  function onDoc<P extends { textDocument: { uri: string } }, R>(run: (f: typeof F, a: F.Analysis, doc: Doc, p: P) => R) {
    return async (p: P): Promise<R | null> => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return null;
      const f = await features();
      return run(f, await analysis(doc), doc, p);
    };
  }
  const offset = (doc: Doc, p: { position: { line: number; character: number } }) => doc.offsetAt(p.position);

  connection.onInitialize((params): InitializeResult => {
    configurationSupport = params.capabilities.workspace?.configuration === true;
    lensRefreshSupport = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    consts = constSetting(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        completionProvider: { triggerCharacters: ["."] },
        documentSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [CHECK_COMMAND, FUZZ_COMMAND] },
      },
      serverInfo: { name: "stakecheck", version: options.version },
    };
  });
  connection.onInitialized(() => {
    // Load the parser and the checker now, while the editor opens its first document.
    void features();
    if (configurationSupport) void loadSettings();
  });
  connection.onDidChangeConfiguration((p) => void loadSettings(p.settings));

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    analysers.delete(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    clearTimeout(warmers.get(e.document.uri));
    warmers.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(onDoc((f, a, doc, p) => f.hover(a, doc, offset(doc, p))));
  connection.onDefinition(onDoc((f, a, doc, p) => f.definition(a, doc, offset(doc, p))));
  connection.onReferences(onDoc((f, a, doc, p) => f.references(a, doc, offset(doc, p), p.context.includeDeclaration)));
  connection.onDocumentHighlight(onDoc((f, a, doc, p) => f.highlights(a, doc, offset(doc, p))));
  connection.onCompletion(onDoc((f, a, doc, p) => f.completion(a, offset(doc, p))));
  connection.onDocumentSymbol(onDoc((f, a, doc) => f.documentSymbols(a, doc)));
  connection.onPrepareRename(onDoc((f, a, doc, p) => f.prepareRename(a, doc, offset(doc, p))));
  connection.onRenameRequest(onDoc((f, a, doc, p) => f.rename(a, doc, offset(doc, p), p.newName)));
  connection.onCodeLens(onDoc((f, a, doc) => f.codeLenses(a, doc, (runs ??= new f.Runs()))));

  connection.onExecuteCommand(async (p) => {
    const [uri, property] = (p.arguments ?? []) as [unknown, unknown];
    const doc = typeof uri === "string" ? documents.get(uri) : undefined;
    if (!doc || (property !== null && typeof property !== "string")) {
      throw new ResponseError(REQUEST_FAILED, `${p.command} needs an open .stake document and a property name (or null)`);
    }
    const f = await features();
    const kind = p.command === FUZZ_COMMAND ? "fuzz" : "check";
    const a = await analysis(doc);
    const pending = (runs ??= new f.Runs()).run(doc.uri, pathOf(doc.uri), doc.getText(), kind, property, a.consts);
    await refreshLenses();
    const outcome = await pending;
    await refreshLenses();
    connection.console.log(outcome.output);
    // A notification: the editor need not answer (showInformationMessage would be a request).
    void connection.sendNotification("window/showMessage", { type: outcome.exitCode === 0 || outcome.exitCode === 1 ? 3 : 1, message: outcome.summary });
    return outcome;
  });

  connection.onShutdown(() => runs?.stopAll());
  process.on("exit", () => runs?.stopAll());
  // A failure in one handler is that request's failure, never the server's end.
  process.on("unhandledRejection", (e) => connection.console.error(`stakecheck: ${describe(e)}`));

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The `stakecheck` settings' `const`: `{ "N": 4, "FAST": false }`. Clients hand over the section
 * (`{ const }`) or the whole settings (`{ stakecheck: { const } }`); other values are ignored. */
function constSetting(settings: unknown): Record<string, number | boolean> {
  const field = (o: unknown, k: string): unknown => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined);
  const value = field(settings, "const") ?? field(field(settings, "stakecheck"), "const");
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, number | boolean> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "boolean" || (typeof v === "number" && Number.isSafeInteger(v))) out[k] = v;
  }
  return out;
}

function pathOf(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      // not a local file
    }
  }
  return uri.slice(uri.lastIndexOf("/") + 1) || "untitled.stake";
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
