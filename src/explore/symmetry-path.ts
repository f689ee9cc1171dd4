import type { Model } from "../model/model.js";
import type { Found } from "./checks.js";
import type { Canonicalizer } from "./symmetry.js";
export function concretePath(_m: Model, _c: Canonicalizer, instances: number[], _f: Found): number[] {
  return instances;
}
