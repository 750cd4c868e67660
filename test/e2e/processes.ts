// Child-process helpers: spawn with logs, wait for a line of output, and kill
// the whole process group so nothing outlives the suite.
import { ChildProcess, spawn, SpawnOptions } from "child_process";
import * as fs from "fs";
import * as net from "net";

export interface Started {
  child: ChildProcess;
  output: () => string;
}

export function startLogged(command: string, args: string[], options: SpawnOptions, logFile: string): Started {
  // detached: own process group, so stop() can kill code-server's helpers too.
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = fs.createWriteStream(logFile);
  let buffer = "";
  const collect = (chunk: Buffer) => {
    buffer += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  child.on("exit", () => log.end());
  return { child, output: () => buffer };
}

export function waitForOutput(started: Started, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = started.output().match(pattern);
      if (match) { cleanup(); resolve(match); }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`process exited (${code}) before printing ${pattern}:\n${started.output().slice(-2000)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}:\n${started.output().slice(-2000)}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      started.child.stdout?.off("data", check);
      started.child.stderr?.off("data", check);
      started.child.off("exit", onExit);
    };
    started.child.stdout?.on("data", check);
    started.child.stderr?.on("data", check);
    started.child.on("exit", onExit);
    check();
  });
}

/** Kills the process group started by startLogged and waits for the leader to exit. */
export async function stopGroup(started: Started, graceMs = 5000): Promise<void> {
  const { child } = started;
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid as number, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  signalGroup(child.pid, "SIGKILL"); // helpers that ignored SIGTERM
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal); } catch { /* group already gone */ }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
