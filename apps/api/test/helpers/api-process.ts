import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  base: string;
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code (null when killed by a signal); SIGKILL after `timeoutMs`. */
  exited(timeoutMs: number): Promise<number | null>;
  kill(): void;
}

/** Runs the real api entry point (src/main.ts through tsx) as its own process, with only `env`. */
export function spawnApi(env: Record<string, string>, port?: number): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...(port ? { PORT: String(port) } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    port: port ?? 5000,
    base: `http://127.0.0.1:${port ?? 5000}`,
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

/** Starts an api process on a free port and waits until GET /ready answers 200. */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ApiProcess> {
  const api = spawnApi(env, await freePort());
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) break;
    if (
      await fetch(`${api.base}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return api;
    await sleep(100);
  }
  api.kill();
  throw new Error(`api process did not become ready: ${api.output().stderr}`);
}
