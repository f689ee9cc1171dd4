import { simulate } from "./examples/monitor/simulate.js";
const lines = simulate({ events: Number(process.argv[2]), seed: Number(process.argv[3]), buggy: process.argv[4] === "buggy" });
process.stdout.write(lines.join("\n") + "\n");
