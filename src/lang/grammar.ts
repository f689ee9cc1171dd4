import { readFileSync } from "node:fs";
import * as ohm from "ohm-js";

let cached: ohm.Grammar | undefined;

/** The grammar from `stake.ohm`, loaded once (the build copies the file next to this module). */
export function stakeGrammar(): ohm.Grammar {
  cached ??= ohm.grammar(readFileSync(new URL("./stake.ohm", import.meta.url), "utf8"));
  return cached;
}
