// placeholder, replaced below
export interface Canonicalizer {
  readonly groupSize: number;
  stabilizer: number;
  canonicalize(src: Int32Array, dst: Int32Array): void;
}
import type { Model } from "../model/model.js";
export function makeCanonicalizer(_m: Model): Canonicalizer | null { return null; }
