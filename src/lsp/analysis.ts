// One version of one document, analysed: parsed (incrementally), checked like `lint`, names
// resolved and types looked up on first use (a request pays only for what it reads).

import { checkSpec } from "../check/check.js";
import type * as A from "../lang/ast.js";
import { hasErrors, type Diagnostic } from "../lang/diagnostic.js";
import type { SourceFile } from "../lang/source.js";
import type * as I from "../ir/ir.js";
import { IncrementalParser, type Parsed } from "./pieces.js";
import { semanticInfo, type SemanticInfo } from "./semantic.js";
import { resolveNames, type SymbolIndex } from "./symbols.js";

export type ConstOverrides = Readonly<Record<string, number | boolean>>;

export class Analysis {
  readonly file: SourceFile;
  /** The tree when the text parses, else the declarations that do (for names, not diagnostics). */
  readonly ast: A.Spec;
  readonly parses: boolean;
  /** What `lint` reports for the text (with the overrides that name the spec's consts). */
  readonly diagnostics: readonly Diagnostic[];
  /** The checked IR; null when the spec has errors. */
  readonly ir: I.Spec | null;
  /** The overrides applied: the workspace's, for the consts this spec declares. */
  readonly consts: ConstOverrides;
  private symbolIndex: SymbolIndex | undefined;
  private semantic: SemanticInfo | undefined;

  constructor(parsed: Parsed, overrides: ConstOverrides) {
    const { result, recovered } = parsed;
    this.file = result.file;
    this.ast = recovered;
    this.parses = result.ast !== null && !hasErrors(result.diagnostics);
    const declared = new Set(recovered.decls.filter((d) => d.kind === "const").map((d) => d.name.text));
    this.consts = Object.fromEntries(Object.entries(overrides).filter(([k]) => declared.has(k)));
    if (result.ast && this.parses) {
      const checked = checkSpec(result.file, result.ast, { consts: this.consts });
      this.diagnostics = [...result.diagnostics, ...checked.diagnostics];
      this.ir = checked.spec;
    } else {
      this.diagnostics = result.diagnostics;
      this.ir = null;
    }
  }

  get text(): string {
    return this.file.text;
  }

  get symbols(): SymbolIndex {
    return (this.symbolIndex ??= resolveNames(this.text, this.ast.decls));
  }

  get info(): SemanticInfo {
    return (this.semantic ??= semanticInfo(this));
  }
}

/** Analyses the successive versions of one document, reusing the parse of unchanged declarations. */
export class DocumentAnalyser {
  private readonly parser: IncrementalParser;
  private last: { text: string; consts: string; analysis: Analysis } | undefined;

  constructor(path: string) {
    this.parser = new IncrementalParser(path);
  }

  /** For idle time: prepares for the next syntax error in the last text analysed. */
  warm(): void {
    if (this.last) this.parser.warm(this.last.text);
  }

  analyse(text: string, overrides: ConstOverrides = {}): Analysis {
    // A byte-order mark is whitespace to the editor's offsets; `lint` strips it.
    const clean = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
    const consts = JSON.stringify(overrides);
    if (this.last && this.last.text === clean && this.last.consts === consts) return this.last.analysis;
    const analysis = new Analysis(this.parser.parse(clean), overrides);
    this.last = { text: clean, consts, analysis };
    return analysis;
  }
}
