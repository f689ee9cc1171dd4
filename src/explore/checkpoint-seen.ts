// A single-threaded search's seen-set in a checkpoint: its arrays as sections, its figures in the
// header; restored into a fresh set of the same kind (the same options make the same kind).

import type { CheckpointReader, SectionSource } from "./checkpoint-file.js";
import { CheckpointFileError } from "./checkpoint-file.js";
import { BitstateSet, DirectSet, ExactSet, FingerprintSet, type SeenSet } from "./seen.js";

export type SeenMeta =
  | { readonly kind: "fingerprint"; readonly size: number; readonly hasZero: boolean; readonly full: boolean }
  | { readonly kind: "direct"; readonly size: number }
  | { readonly kind: "exact"; readonly size: number }
  | { readonly kind: "bitstate"; readonly size: number; readonly ones: number; readonly omitted: number };

export function seenSections(seen: SeenSet): { meta: SeenMeta; sections: SectionSource[] } {
  if (seen instanceof FingerprintSet) {
    const s = seen.state();
    return { meta: { kind: "fingerprint", size: s.size, hasZero: s.hasZero, full: s.full }, sections: [{ name: "seen.table", parts: [s.table] }] };
  }
  if (seen instanceof DirectSet) return { meta: { kind: "direct", size: seen.size }, sections: [{ name: "seen.map", parts: [seen.map] }] };
  if (seen instanceof ExactSet) {
    const s = seen.state();
    return { meta: { kind: "exact", size: s.size }, sections: [{ name: "seen.index", parts: [s.index] }, { name: "seen.states", parts: [s.states] }] };
  }
  if (seen instanceof BitstateSet) {
    const s = seen.state();
    return { meta: { kind: "bitstate", size: s.size, ones: s.ones, omitted: s.omitted }, sections: [{ name: "seen.words", parts: [s.words] }] };
  }
  throw new Error("checkpoint: a shared seen-set is saved by the parallel search");
}

/** A section's bytes as 32-bit words. */
export function ints(bytes: Uint8Array): Int32Array {
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
}

/** Fills `seen` (fresh, of the kind the search's options make) from a checkpoint. */
export function restoreSeen(meta: SeenMeta, reader: CheckpointReader, seen: SeenSet): void {
  const wrong = () => new CheckpointFileError(`the checkpoint is corrupt (its seen-set is a ${meta.kind} set, but this search keeps another kind)`);
  switch (meta.kind) {
    case "fingerprint": {
      if (!(seen instanceof FingerprintSet)) throw wrong();
      seen.adopt({ table: ints(reader.section("seen.table")), size: meta.size, hasZero: meta.hasZero, full: meta.full });
      return;
    }
    case "direct": {
      if (!(seen instanceof DirectSet)) throw wrong();
      const map = ints(reader.section("seen.map"));
      if (map.length < seen.map.length) throw new CheckpointFileError("the checkpoint is corrupt (its bitmap is too short)");
      seen.map.set(map.subarray(0, seen.map.length));
      seen.size = meta.size;
      return;
    }
    case "exact": {
      if (!(seen instanceof ExactSet)) throw wrong();
      seen.adopt({ index: ints(reader.section("seen.index")), states: ints(reader.section("seen.states")), size: meta.size });
      return;
    }
    case "bitstate": {
      if (!(seen instanceof BitstateSet)) throw wrong();
      const words = ints(reader.section("seen.words"));
      if (words.length * 32 < seen.bits) throw new CheckpointFileError("the checkpoint is corrupt (its bit array is too short)");
      seen.adopt({ words: words.subarray(0, seen.bits / 32), size: meta.size, ones: meta.ones, omitted: meta.omitted });
      return;
    }
  }
}
