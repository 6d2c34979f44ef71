// Test support: runs the example app as a child process with piped stdin and collects its output.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export type TExampleRun = {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the output matches; rejects after timeoutMs (bounded, so a hung app fails the test). */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  exited: Promise<number | null>;
};

export function runExample(args: string[], input = ""): TExampleRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/client/example/app.ts"), ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let text = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const w of [...waiters]) if (w.pattern.test(text)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  if (input) child.stdin!.write(input);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor: (pattern, timeoutMs = 120_000) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(text)) return resolve();
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          reject(new Error(`Timed out waiting for ${pattern} in:\n${text}`));
        }, timeoutMs);
        waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
        void exited.then(() => {
          if (!pattern.test(text)) (clearTimeout(timer), reject(new Error(`Exited before ${pattern}:\n${text}`)));
        });
      }),
  };
}
