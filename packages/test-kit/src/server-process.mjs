import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What happens to a process's output:
 * - `keep`: stdout and stderr are kept for output() (tests read them; a failed start shows them);
 * - `show`: stdout is copied to our stderr, stderr passes through (a bench's `--show-logs`);
 * - `quiet`: stdout is dropped, stderr passes through (a process under load logs every request).
 * @typedef {'keep' | 'show' | 'quiet'} Logs
 */

/**
 * @typedef {object} ServerProcess
 * @property {import('node:child_process').ChildProcess} child
 * @property {() => { stdout: string, stderr: string }} output  what `logs: 'keep'` kept so far
 * @property {(timeoutMs: number) => Promise<number | null>} exited  its exit code (null when killed by a
 *   signal), with a SIGKILL after `timeoutMs`
 * @property {() => Promise<void>} stop  SIGTERM, then wait until it has drained and exited
 * @property {() => void} kill  SIGKILL, not waiting
 */

/**
 * A long-running child process. Its environment is PATH plus `env` only, so nothing of the caller's
 * environment changes how it behaves.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string>, logs?: Logs }} [options]
 * @returns {ServerProcess}
 */
export function startProcess(command, args, { cwd, env = {}, logs = 'keep' } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', logs === 'quiet' ? 'ignore' : 'pipe', logs === 'keep' ? 'pipe' : 'inherit'],
  });
  let stdout = '';
  let stderr = '';
  if (logs === 'keep') {
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
  } else if (logs === 'show') {
    child.stdout?.on('data', (chunk) => process.stderr.write(chunk));
  }
  // Listened to from the start: an exit before anyone waits for it is not missed.
  const exit = once(child, 'exit').then(([code]) => /** @type {number | null} */ (code));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => ({ stdout, stderr }),
    async exited(timeoutMs) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
    async stop() {
      if (running()) child.kill('SIGTERM');
      await exit;
    },
    kill() {
      if (running()) child.kill('SIGKILL');
    },
  };
}

/**
 * The end of what a process said, for an error message.
 * @param {ServerProcess} server
 */
function lastWords(server) {
  const { stdout, stderr } = server.output();
  return `${stdout}\n${stderr}`.trim().slice(-4000);
}

/**
 * Waits until `url` answers 2xx, and fails as soon as the process exits instead. `url` is a function
 * when the address is known only from the process's output (undefined until then). On failure the
 * process is killed and the error carries its last output.
 * @param {ServerProcess} server
 * @param {string | (() => string | undefined)} url
 * @param {{ what?: string, timeoutMs?: number }} [options]
 */
export async function waitUntilAnswering(server, url, { what = 'the process', timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let target;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = server.child;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`${what} exited (${exitCode ?? signalCode}) before it answered:\n${lastWords(server)}`);
    }
    target = typeof url === 'function' ? url() : url;
    const answered =
      target !== undefined &&
      (await fetch(target, { signal: AbortSignal.timeout(5000) }).then(
        async (res) => {
          await res.body?.cancel();
          return res.ok;
        },
        () => false,
      ));
    if (answered) return;
    await sleep(100);
  }
  server.kill();
  throw new Error(
    `${what} did not answer ${target ?? '(no address yet)'} within ${timeoutMs / 1000} s:\n${lastWords(server)}`,
  );
}
