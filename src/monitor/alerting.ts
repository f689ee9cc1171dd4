// `--on-violation CMD`: runs the operator's command (through the shell, as the operator wrote it)
// with the alert, one JSON line, on its standard input. Event data never reaches the command line or
// the environment: only stdin, so a crafted event cannot inject a shell command.

import { spawn } from "node:child_process";

/** How long the command may run before it is stopped. */
export const ALERT_COMMAND_TIMEOUT_MS = 60_000;

/** Runs `command` with `alert` on stdin; null when it exits 0, else what went wrong, in words. */
export function runAlertCommand(command: string, alert: string, timeoutMs = ALERT_COMMAND_TIMEOUT_MS): Promise<string | null> {
  return new Promise((resolve) => {
    // The child's stdout goes to our stderr, so a JSON report on our stdout stays parseable.
    const child = spawn(command, { shell: true, stdio: ["pipe", 2, "inherit"], timeout: timeoutMs });
    let settled = false;
    const done = (r: string | null) => {
      if (!settled) resolve(r);
      settled = true;
    };
    child.on("error", (e) => done(`cannot run \`${command}\` (${e.message})`));
    child.on("close", (code, signal) => {
      if (signal) done(`\`${command}\` was stopped by ${signal}${signal === "SIGTERM" ? ` (it ran longer than ${timeoutMs / 1000} s?)` : ""}`);
      else done(code === 0 ? null : `\`${command}\` exited with ${code}`);
    });
    // A command that does not read its stdin closes the pipe: not an error of ours.
    child.stdin?.on("error", () => {});
    child.stdin?.end(alert + "\n");
  });
}
