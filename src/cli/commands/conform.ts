import {
  checkConformance,
  conformanceModel,
  ConformanceUsageError,
  loadAdapter,
  replayConformance,
  type ConformanceReport,
} from "../../api/conform.js";
import { InputError } from "../../lang/read.js";
import { DEFAULT_COUNTEREXAMPLE_DIR } from "../../trace/save.js";
import { renderConformance } from "../../report/conform-text.js";
import { EXIT } from "../exit.js";
import { constCombinations, parseConstArg, parseCount } from "../options.js";
import { out, useColor } from "../output.js";

export interface ConformCliOptions {
  readonly impl: string;
  readonly const?: string[];
  readonly runs?: string;
  readonly depth?: string;
  /** The old name of --depth. */
  readonly steps?: string;
  readonly seed?: string;
  readonly path?: string;
  readonly instances?: string;
  readonly disabled?: boolean;
  readonly traces?: string;
  readonly save?: boolean;
}

function parseInstances(text: string): number[] {
  const t = text.trim();
  if (t === "") return [];
  return t.split(",").map((x) => {
    if (!/^\s*\d+\s*$/.test(x)) throw new InputError(`--instances ${text}: expected action instance numbers separated by commas, such as 0,9,4`);
    return Number(x);
  });
}

/** `stakecheck conform SPEC --impl ADAPTER`: 0 conforms, 1 diverges, 2 bad spec, adapter or usage. */
export async function conformCommand(spec: string, o: ConformCliOptions): Promise<number> {
  const constArgs = o.const ?? [];
  const combos = constCombinations(constArgs.map(parseConstArg));
  if (combos.length > 1) throw new InputError("conform checks one configuration: give each --const a single value");
  const seed = o.seed === undefined ? undefined : Number(o.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new InputError(`--seed ${o.seed}: expected an integer`);
  if (o.path !== undefined && seed === undefined) throw new InputError("--path replays a failure of one run: give its --seed too");
  const model = conformanceModel(spec, combos[0] ?? {});
  const adapter = await loadAdapter(o.impl);
  let report: ConformanceReport;
  try {
    report =
      o.instances !== undefined
        ? await replayConformance(model, adapter, parseInstances(o.instances))
        : await checkConformance(model, adapter, {
            ...(o.runs ? { runs: parseCount("--runs", o.runs) } : {}),
            ...(o.depth ?? o.steps ? { maxSteps: parseCount(o.depth !== undefined ? "--depth" : "--steps", (o.depth ?? o.steps)!) } : {}),
            ...(seed !== undefined ? { seed } : {}),
            ...(o.path !== undefined ? { path: o.path } : {}),
            disabledActions: o.disabled !== false,
            dir: o.traces ?? DEFAULT_COUNTEREXAMPLE_DIR,
            save: o.save !== false,
            impl: o.impl,
          });
  } catch (e) {
    if (e instanceof ConformanceUsageError) throw new InputError(`${o.impl}: ${e.message}`);
    throw e;
  }
  const searchArgs = [
    ...(o.runs ? ["--runs", o.runs] : []),
    ...(o.steps ? ["--steps", o.steps] : []),
    ...(o.disabled === false ? ["--no-disabled"] : []),
    ...(o.traces !== undefined ? ["--traces", o.traces] : []),
    ...(o.save === false ? ["--no-save"] : []),
  ];
  out(renderConformance(model, report, { color: useColor(process.stdout), spec, adapter: o.impl, constArgs, searchArgs }));
  return report.ok ? EXIT.OK : EXIT.VIOLATION;
}
