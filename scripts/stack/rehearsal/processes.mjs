import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A loopback port nobody listens on right now. */
export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts a child process and keeps the tail of its output for error messages. Every process started
 * here is killed when the rehearsal ends, however it ends.
 */
const running = new Set();
export function start(name, command, args, { env = {}, cwd } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-6000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  running.add(child);
  child.on('exit', () => running.delete(child));
  return { name, child, logs: () => output };
}

export function killAll() {
  // An nginx master killed with SIGKILL leaves its workers running (and holding the port): SIGTERM
  // makes it stop them first. Everything else goes at once.
  for (const child of running) child.kill(child.spawnfile.endsWith('nginx') ? 'SIGTERM' : 'SIGKILL');
}

/** Polls `url` until it answers 2xx; fails early when the process exits. */
export async function waitUntilOk(url, proc, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) {
      throw new Error(`${proc.name} exited with ${proc.child.exitCode}:\n${proc.logs()}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${proc.logs()}`);
}

/** SIGTERM (or another signal) and wait for the exit, SIGKILL after `graceMs` as swarm would. */
export async function stop(proc, signal = 'SIGTERM', graceMs = 30_000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  const exited = once(proc.child, 'exit');
  proc.child.kill(signal);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function run(command, args, { env = {}, cwd, input } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  if (input) input.pipe(child.stdin);
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-4000)}`);
  return output;
}
