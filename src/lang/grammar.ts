import { existsSync, readFileSync } from "node:fs";
import * as ohm from "ohm-js";

let cached: ohm.Grammar | undefined;

// Exported by ohm-js 17 but missing from its type declarations.
const { makeRecipe } = ohm as unknown as { makeRecipe(recipe: unknown): ohm.Grammar };

/** The grammar from `stake.ohm`, loaded once (the build copies the file next to this module).
 * The build also writes `stake.ohm.json`, Ohm's recipe of the same grammar: making the grammar from
 * it skips parsing the grammar text (about 200 ms of every CLI start-up, against a few ms). */
export function stakeGrammar(): ohm.Grammar {
  if (cached) return cached;
  const recipe = new URL("./stake.ohm.json", import.meta.url);
  const g = existsSync(recipe)
    ? makeRecipe(JSON.parse(readFileSync(recipe, "utf8")))
    : ohm.grammar(readFileSync(new URL("./stake.ohm", import.meta.url), "utf8"));
  cached = g;
  return g;
}
