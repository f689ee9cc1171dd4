/** `stakecheck lsp`: the language server on stdin and stdout, until the editor ends it (the
 * protocol's `exit`, or stdin closing, ends the process). */
export async function lspCommand(version: string): Promise<number> {
  const { startServer } = await import("../../lsp/server.js");
  startServer({ version });
  return new Promise<number>(() => {});
}
