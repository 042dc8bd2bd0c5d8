import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { repoRoot } from '../stack-file.mjs';
import { freePort, start, stop, waitUntilOk } from './processes.mjs';

/** The image's CMD, parsed from its Dockerfile, so the rehearsal runs what the container runs. */
function imageCommand(dockerfile) {
  const parsed = DockerfileParser.parse(readFileSync(join(repoRoot, dockerfile), 'utf8'));
  const cmd = parsed.getCMDs().at(-1);
  return JSON.parse(cmd.getArgumentsContent());
}

/** The web image's /app: the standalone server with the static files and entry point beside it (see its Dockerfile). */
export function prepareWebApp() {
  const app = join(repoRoot, 'apps/web/.next/standalone');
  if (!existsSync(join(app, 'apps/web/server.js'))) {
    throw new Error('no standalone web build: run `npm run build` first');
  }
  cpSync(join(repoRoot, 'apps/web/.next/static'), join(app, 'apps/web/.next/static'), { recursive: true });
  cpSync(join(repoRoot, 'apps/web/standalone-entry.mjs'), join(app, 'apps/web/standalone-entry.mjs'));
  return app;
}

/**
 * Starts one replica of a stack service: the service's environment from docker-compose.yaml, with what
 * swarm would provide replaced by loopback equivalents (`overrides`), and the image's CMD.
 */
export async function startReplica({ service, name, dockerfile, cwd, env, overrides, healthPath, port }) {
  const [command, ...args] = imageCommand(dockerfile);
  port ??= await freePort();
  const proc = start(name, command === 'node' ? process.execPath : command, args, {
    cwd,
    env: { ...env, ...overrides, PORT: String(port) },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilOk(`${base}${healthPath}`, proc, 90_000);
  return { service, name, port, base, proc, stop: (signal) => stop(proc, signal) };
}
