// Everything a request needs beyond the protocol, loaded on the first request (after start-up):
// the parser, the checker and the editor features over them.

export { DocumentAnalyser, type Analysis, type ConstOverrides } from "./analysis.js";
export { toLspDiagnostic } from "./convert.js";
export { hover } from "./hover.js";
export { definition, references, highlights, prepareRename, rename } from "./navigation.js";
export { completion } from "./completion.js";
export { documentSymbols } from "./outline.js";
export { codeLenses } from "./lenses.js";
export { Runs, type RunOutcome, type RunKind } from "./runs.js";
