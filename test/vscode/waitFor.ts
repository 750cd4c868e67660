// Waits for a condition that an editor event signals, without fixed sleeps:
// re-checks on every event and gives up after `timeoutMs`.
import * as vscode from "vscode";

export function waitFor<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (error: Error | undefined, value?: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const attempt = async () => {
      try {
        const value = await check();
        if (value !== undefined) finish(undefined, value);
      } catch (error) {
        finish(error as Error);
      }
    };
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    const subscription = event(() => void attempt());
    void attempt();
  });
}
