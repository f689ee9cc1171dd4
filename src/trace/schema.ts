// The shape of a `.itf.json` counterexample file, as an effect Schema. It checks the envelope and
// our `#meta` fields; variable values and step parameters stay `unknown` here, because what they
// must look like depends on the spec: src/trace/itf.ts reads them as ITF expressions and
// model.encode types them (src/trace/bind.ts).
//
// Lenient where ITF is: keys this schema does not name (other tools' `#meta` fields, ITF's
// `params`) are ignored, and every state's variables are kept as they are. ITF's `loop` is read:
// a liveness counterexample is a lasso.

import * as Schema from "effect/Schema";

const Index = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, { message: "expected a whole number, 0 or more" }));
const Name = Schema.String.check(Schema.isMinLength(1, { message: "expected a non-empty name" }));
const Values = Schema.Record(Schema.String, Schema.Unknown);

export const StepMetaSchema = Schema.Struct({
  action: Name,
  params: Schema.optionalKey(Values),
  caller: Schema.optionalKey(Schema.Unknown),
  picks: Schema.optionalKey(Values),
});

const StateMeta = Schema.Struct({
  index: Index,
  action: Schema.optionalKey(Name),
  params: Schema.optionalKey(Values),
  caller: Schema.optionalKey(Schema.Unknown),
  picks: Schema.optionalKey(Values),
  disabled: Schema.optionalKey(Schema.Boolean),
});

export const StateSchema = Schema.StructWithRest(Schema.Struct({ "#meta": StateMeta }), [Values]);

const PropertyKind = Schema.Literals(["invariant", "step", "well_typed", "conformance", "liveness"]);

const Conformance = Schema.Struct({
  failure: Schema.Literals(["state", "rejected", "error", "accepted"]),
  at: Schema.optionalKey(Name),
  expected: Schema.optionalKey(Schema.Unknown),
  found: Schema.optionalKey(Schema.Unknown),
});

const Violation = Schema.Struct({
  kind: PropertyKind,
  name: Name,
  step: Index,
  during: Schema.optionalKey(Schema.Struct({ kind: Schema.Literals(["invariant", "step", "liveness"]), name: Name })),
  failedStep: Schema.optionalKey(StepMetaSchema),
  conformance: Schema.optionalKey(Conformance),
  message: Schema.optionalKey(Schema.String),
  loopStep: Schema.optionalKey(StepMetaSchema),
  binding: Schema.optionalKey(Values),
  trigger: Schema.optionalKey(Index),
});

const Explorer = Schema.Struct({
  kind: Schema.Literals(["bfs", "fuzz", "conform", "monitor"]),
  seed: Schema.optionalKey(Schema.Union([Schema.Int, Schema.String])),
  flags: Schema.optionalKey(Schema.Record(Schema.String, Schema.Union([Schema.String, Schema.Finite, Schema.Boolean]))),
});

const SpecRef = Schema.Struct({
  name: Name,
  path: Name,
  sha256: Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/, { message: "expected a sha256 in 64 lowercase hex digits" })),
});

const Meta = Schema.Struct({
  "stakecheck-format": Schema.Int.check(Schema.isGreaterThanOrEqualTo(1, { message: "expected a format version, 1 or more" })),
  spec: SpecRef,
  consts: Schema.Record(Schema.String, Schema.Union([Schema.Int, Schema.Boolean])),
  violation: Violation,
  explorer: Explorer,
});

export const TraceFileSchema = Schema.Struct({
  "#meta": Meta,
  vars: Schema.Array(Name),
  states: Schema.Array(StateSchema).check(Schema.isMinLength(1, { message: "expected at least the initial state" })),
  loop: Schema.optionalKey(Index),
});

export type TraceFileJson = typeof TraceFileSchema.Type;
export type StepMetaJson = typeof StepMetaSchema.Type;
