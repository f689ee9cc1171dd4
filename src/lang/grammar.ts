import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as ohm from "ohm-js";

let cached: ohm.Grammar | undefined;

/** Present in ohm-js 17 at run time, missing from its type declarations. */
const recipes = ohm as unknown as { makeRecipe(recipe: unknown): ohm.Grammar };
type WithRecipe = ohm.Grammar & { toRecipe(): string };

/** Identifies a grammar text, so that a compiled recipe is used only with the text it came from. */
export function grammarHash(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/** The grammar from `stake.ohm`, loaded once (the build copies the file next to this module).
 * Compiling the .ohm text takes about 0.25 s, a quarter of a small spec's whole `check`; the build
 * also writes the compiled grammar as an Ohm recipe (`stake.recipe.json`, ~5 ms to load), used
 * when its hash matches the .ohm text beside it. */
export function stakeGrammar(): ohm.Grammar {
  if (cached) return cached;
  const source = readFileSync(new URL("./stake.ohm", import.meta.url), "utf8");
  try {
    const saved = JSON.parse(readFileSync(new URL("./stake.recipe.json", import.meta.url), "utf8")) as { hash: string; recipe: unknown };
    if (saved.hash === grammarHash(source)) cached = recipes.makeRecipe(saved.recipe);
  } catch {
    // No recipe (running from src/) or an unreadable one: compile the text.
  }
  cached ??= ohm.grammar(source);
  return cached;
}

/** The recipe file's content for a grammar text (written by scripts/build.mjs). */
export function grammarRecipe(source: string): string {
  return JSON.stringify({ hash: grammarHash(source), recipe: JSON.parse((ohm.grammar(source) as WithRecipe).toRecipe()) });
}
