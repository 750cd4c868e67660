// Entry point of the language server. The transport comes from the command line, as
// vscode-languageserver reads it: `--stdio` for any editor (and the VS Code client), `--node-ipc`,
// `--socket=N` or `--pipe=NAME`. On the stream transports the server writes messages with
// PublishingMessageWriter (transport.ts), which sends publishDiagnostics from pre-encoded pieces.
import { format } from "util";
import { createConnection, Connection, MessageReader, ProposedFeatures, SocketMessageReader } from "vscode-languageserver/node";
import { startServer } from "./server";
import { connectSocket, PublishingMessageWriter, transportFromArgs } from "./transport";

export function runLanguageServer(): void {
  startServer(createServerConnection(process.argv.slice(2)));
}

export function createServerConnection(argv: string[]): Connection {
  const transport = transportFromArgs(argv);
  if (transport === null || transport.kind === "ipc") return createConnection(ProposedFeatures.all);
  if (transport.kind === "stdio") {
    // Given stdin as a stream (its typings pair streams with streams, its code takes either),
    // vscode-languageserver also ends the process when stdin ends, as it does for its own stdio.
    const input = process.stdin as unknown as MessageReader;
    const connection = createConnection(ProposedFeatures.all, input, new PublishingMessageWriter(process.stdout));
    keepStdoutForMessages(connection);
    return connection;
  }
  const socket = connectSocket(transport);
  return createConnection(ProposedFeatures.all, new SocketMessageReader(socket), new PublishingMessageWriter(socket));
}

/**
 * On stdio, standard output carries the protocol: anything printed with console.* goes to the
 * client's log instead (vscode-languageserver does the same when it opens stdio itself).
 */
function keepStdoutForMessages(connection: Connection): void {
  const log = (...args: unknown[]) => connection.console.log(format(...args));
  const error = (...args: unknown[]) => connection.console.error(format(...args));
  console.log = log;
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = log;
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = error;
  console.trace = (...args: unknown[]) => error(`Trace: ${format(...args)}\n${new Error().stack?.split("\n").slice(2).join("\n") ?? ""}`);
  console.dir = (item: unknown) => log(item);
}

if (require.main === module) runLanguageServer();
