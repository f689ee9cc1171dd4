// Runs the CLI from source (no build): node --import tsx scripts/dev.ts check spec/pool.stake
import { main } from "../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
