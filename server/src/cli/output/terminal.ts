// Terminal niceties of `nadir check`: colour for the severity word (only on a terminal, never
// with NO_COLOR, https://no-color.org) and a progress bar on standard error for long runs.

export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

const SGR: Record<string, string> = { error: "31;1", warning: "33", information: "36", hint: "2" };

export function useColour(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== "");
}

/** Colours the severity of `path:line:col severity code message` lines; other lines pass through. */
export function colourText(text: string): string {
  return text.replace(/^(\S.*?:\d+:\d+) (error|warning|information|hint) (\S+)/gm, (_m, where: string, severity: string, code: string) =>
    `\x1b[1m${where}\x1b[0m \x1b[${SGR[severity]}m${severity}\x1b[0m \x1b[2m${code}\x1b[0m`);
}

/** A one-line bar, redrawn in place; only for terminals and runs of at least MIN_FILES files. */
export class ProgressBar {
  static readonly MIN_FILES = 10;
  private shown = -1;

  private constructor(private readonly stream: TerminalStream, private readonly total: number) {}

  static maybe(stream: TerminalStream, total: number): ProgressBar | null {
    return stream.isTTY === true && total >= ProgressBar.MIN_FILES ? new ProgressBar(stream, total) : null;
  }

  update(done: number): void {
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    if (filled === this.shown && done !== this.total) return;
    this.shown = filled;
    this.stream.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${this.total} files`);
  }

  clear(): void {
    this.stream.write("\r\x1b[2K");
  }
}
