import { main } from "/work/wt/monitor/src/cli/main.ts";
process.exitCode = await main(process.argv.slice(2));
