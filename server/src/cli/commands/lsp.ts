// `nadir lsp --stdio`: the language server for any editor (Neovim, Emacs, Helix, VS Code).
import type { Command } from "../command";
import { CliError } from "../command";

export const lspCommand: Command = {
  name: "lsp",
  summary: "run the language server (LSP over stdio, for any editor)",
  usage: "Usage: nadir lsp --stdio\n\nRuns the Nadir language server, speaking the Language Server Protocol on stdin/stdout.\nSettings come from workspace/configuration (section `nadir`) or initializationOptions.settings.",
  async run(args) {
    const transport = args.find((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket=") || a.startsWith("--pipe="));
    if (!transport) throw new CliError("say how to talk: `nadir lsp --stdio`");
    const unknown = args.filter((a) => a !== transport && !a.startsWith("--clientProcessId"));
    if (unknown.length > 0) throw new CliError(`unknown option '${unknown[0]}' (usage: nadir lsp --stdio)`);
    // createConnection reads the transport from process.argv.
    if (!process.argv.includes(transport)) process.argv.push(transport);
    const { runLanguageServer } = await import("../../lsp/main");
    runLanguageServer();
    // The server runs until the client sends `exit`; keep this promise pending meanwhile.
    return new Promise<number>(() => undefined);
  },
};
