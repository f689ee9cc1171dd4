// The protocol library's run-time values, loaded with `require`: vscode-languageserver is CommonJS,
// and importing it as an ES module costs about 0.25 s more at start-up (Node's ESM loader scans the
// exports of every module it re-exports). Types are imported the ordinary way.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const server = require("vscode-languageserver/node") as typeof import("vscode-languageserver/node");
const textDocument = require("vscode-languageserver-textdocument") as typeof import("vscode-languageserver-textdocument");

export const { createConnection, ResponseError, TextDocuments, TextDocumentSyncKind } = server;
export const { TextDocument } = textDocument;
