// Requests whose parameters a client got wrong: the LSP layer answers them with an InvalidParams
// error carrying the message (lsp/server.ts), instead of an empty result.

export class InvalidParamsError extends Error {}
