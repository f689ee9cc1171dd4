import { readFileSync } from "node:fs";
import { loadSpecText } from "./src/api/load.js";
import { compileModel } from "./src/compile/compile.js";
import { eventsOfPath, randomPath } from "./src/monitor/events-of.js";
import { MonitorSession } from "./src/monitor/session.js";
const text = readFileSync("spec/pool.stake", "utf8");
const model = compileModel(loadSpecText(text, "spec/pool.stake").spec!);
const path = randomPath(model, 5000, 1);
console.log("walk", path.length);
for (const shape of [{}, { hideParams: true, hideCaller: true }, { hideCaller: true }, { hideParams: true, hideCaller: true, observe: ["slashed", "minted"] }, { hideParams: true, hideCaller: true, observe: ["bal[0]"] }, { hideParams: true, hideCaller: true, observe: ["stake[0]", "bal[1]"] }]) {
  const evs = eventsOfPath(model, path, shape as any);
  const s = new MonitorSession(model, {});
  let sum = 0, max = 0;
  const cpu = process.cpuUsage();
  evs.forEach((e, i) => { s.line(JSON.stringify(e), i + 1); sum += s.candidates; max = Math.max(max, s.candidates); });
  const c = process.cpuUsage(cpu);
  console.log(JSON.stringify(shape), "avg", (sum / evs.length).toFixed(1), "max", max, "alert", s.alert?.at.line ?? null, "rate", (evs.length / ((c.user + c.system) / 1e6)).toFixed(0));
}
