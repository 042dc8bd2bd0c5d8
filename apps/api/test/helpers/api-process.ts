import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (null when killed by a signal); SIGKILL after `timeoutMs`. */
  exited(timeoutMs: number): Promise<number | null>;
  kill(): void;
}

export interface ListeningApi extends ApiProcess {
  port: number;
  base: string;
}

/** Runs the real api entry point (src/main.ts through tsx) as its own process, with only `env`. */
export function spawnApi(env: Record<string, string>): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => ({ stdout, stderr }),
    async exited(timeoutMs) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * Starts an api process on a port the system picks (PORT=0: no race with other tests for a "free" port),
 * learns the port from its "listening" log line and waits until GET /ready answers 200.
 */
export async function startApiProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ListeningApi> {
  // LOG_LEVEL info: the "listening" line that tells the port is an info line.
  const api = spawnApi({ ...env, LOG_LEVEL: 'info', PORT: '0' });
  const deadline = Date.now() + timeoutMs;
  let port: number | undefined;
  while (Date.now() < deadline && api.child.exitCode === null) {
    port ??= listeningPort(api.output().stdout);
    if (
      port &&
      (await fetch(`http://127.0.0.1:${port}/ready`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      return { ...api, port, base: `http://127.0.0.1:${port}` };
    }
    await sleep(100);
  }
  api.kill();
  throw new Error(`api process did not become ready: ${api.output().stderr}`);
}

function listeningPort(stdout: string): number | undefined {
  for (const line of stdout.split('\n')) {
    if (!line.includes('musicapp api listening')) continue;
    const { port } = JSON.parse(line) as { port?: number };
    if (port) return port;
  }
  return undefined;
}
