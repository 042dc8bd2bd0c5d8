import { execFileSync } from 'node:child_process';
import { repoRoot } from '@musicapp/test-kit';
import { parse } from 'yaml';

/**
 * REGISTRY and TAG have no defaults in docker-compose.yaml (nothing deploys `latest` by accident): what
 * reads the file for anything but a deployment names them with these, which no swarm can pull.
 */
export const PLACEHOLDER_IMAGES = { REGISTRY: 'registry.invalid:4000', TAG: 'not-for-deployment' };

/**
 * A stack file as `docker stack deploy` reads it: `docker stack config` is the same client-side parser
 * (v3 schema, variables interpolated, anchors merged), so a file it rejects would not deploy either.
 * Throws with docker's own message when the file is invalid.
 */
export function loadStack(files, env = PLACEHOLDER_IMAGES) {
  const args = ['stack', 'config'];
  for (const file of [files].flat()) args.push('-c', file);
  let output;
  try {
    output = execFileSync('docker', args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error('the docker CLI is needed to validate stack files');
    throw new Error(`docker stack config rejected ${[files].flat().join(' + ')}:\n${error.stderr}`);
  }
  return parse(output);
}

/** `deploy.replicas` for a replicated service, or 'global'. */
export function replicasOf(service) {
  return service.deploy?.mode === 'global' ? 'global' : (service.deploy?.replicas ?? 1);
}

/** Seconds of a compose duration such as `30s`, `1m30s` or `500ms`. */
export function durationSeconds(text) {
  let seconds = 0;
  for (const [, value, unit] of String(text).matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    seconds += Number(value) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit];
  }
  return seconds;
}
