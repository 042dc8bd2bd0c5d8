import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '@musicapp/test-kit';

/**
 * A local multi-node swarm on this machine: Docker-in-Docker nodes (tools/ci-images/swarm-node/) on one
 * bridge network of the machine's engine. Everything made here carries the label below, so
 * `npm run stack:down` finds and removes all of it.
 */
export const LABEL = 'musicapp.local-swarm=1';
export const NETWORK = 'musicapp-swarm';
const SUBNET = '172.31.240.0/24';
export const NODE_IMAGE = 'musicapp-ci/swarm-node:latest';
export const NODES = ['node-1', 'node-2', 'node-3']; // node-1: the manager; the others: workers
const container = (node) => `musicapp-${node}`;
/** The machine's CA bundle, given to image builds for this machine's TLS-intercepting proxy. */
const HOST_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
export const BUILD_CA_IN_NODE = '/etc/musicapp/build-ca.pem';

/** Runs a command; resolves with its stdout, rejects with its output when it fails. */
export function run(command, args, { input, env, cwd, timeoutMs = 15 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ? { ...process.env, ...env } : process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout.trim());
      else {
        const why = signal ? `killed by ${signal}` : `exit code ${code}`;
        reject(
          new Error(`${command} ${args.join(' ')}: ${why}\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`),
        );
      }
    });
    if (input) {
      if (typeof input === 'string') child.stdin.end(input);
      else input.pipe(child.stdin);
    } else child.stdin.end();
  });
}

export const docker = (...args) => run('docker', args);

/** A shell script run by /bin/sh in a node, with `env` set, in the repository (/src). */
export function inNode(node, script, env = {}, options = {}) {
  const flags = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  if (options.input) flags.push('--interactive'); // stdin reaches the script only with -i
  return run('docker', ['exec', ...flags, '-w', '/src', container(node), 'sh', '-c', script], options);
}

/** The node's address on the swarm network. */
export const nodeIp = (node) =>
  docker(
    'inspect',
    '--format',
    `{{(index .NetworkSettings.Networks "${NETWORK}").IPAddress}}`,
    container(node),
  );

/** The loopback port of this machine that reaches `port` of the node (published by the outer engine). */
export async function publishedPort(node, port) {
  const mapping = await docker('port', container(node), `${port}/tcp`);
  return Number(mapping.split('\n')[0].split(':').pop());
}

/** Removes every node, volume and network made by startNodes (and the stack on them with them). */
export async function removeAll() {
  const containers = (await docker('ps', '-aq', '--filter', `label=${LABEL}`)).split('\n').filter(Boolean);
  if (containers.length) await docker('rm', '--force', '--volumes', ...containers);
  const volumes = (await docker('volume', 'ls', '-q', '--filter', `label=${LABEL}`))
    .split('\n')
    .filter(Boolean);
  if (volumes.length) await docker('volume', 'rm', '--force', ...volumes);
  if ((await docker('network', 'ls', '-q', '--filter', `name=^${NETWORK}$`)) !== '') {
    await docker('network', 'rm', NETWORK);
  }
  return { containers: containers.length, volumes: volumes.length };
}

/**
 * Starts the nodes: each runs its own dockerd (Engine 28, buildx, compose) on a volume of its own, with
 * the repository read-only at /src. This kernel refuses --privileged; these capabilities and unconfined
 * profiles are what dockerd needs instead. The manager's ports 443 and 80 (nginx-frontend) and 8443 and
 * 8080 (nginx-backend), host mode there, are published on this machine's loopback only.
 */
export async function startNodes() {
  await docker('network', 'create', '--label', LABEL, '--subnet', SUBNET, NETWORK);
  for (const [index, node] of NODES.entries()) {
    const volume = `${container(node)}-docker`;
    await docker('volume', 'create', '--label', LABEL, volume);
    const args = ['run', '--detach', '--name', container(node), '--hostname', node, '--label', LABEL];
    args.push(
      '--network',
      NETWORK,
      '--cap-add',
      'ALL',
      '--cap-drop',
      'SYS_MODULE',
      '--cap-drop',
      'SYS_RESOURCE',
    );
    for (const opt of ['seccomp=unconfined', 'apparmor=unconfined', 'systempaths=unconfined']) {
      args.push('--security-opt', opt);
    }
    args.push('--volume', '/sys/fs/cgroup:/sys/fs/cgroup:rw', '--volume', `${volume}:/var/lib/docker`);
    args.push('--volume', `${repoRoot}:/src:ro`);
    if (existsSync(HOST_CA_BUNDLE)) args.push('--volume', `${HOST_CA_BUNDLE}:${BUILD_CA_IN_NODE}:ro`);
    if (index === 0) {
      for (const port of [80, 443, 8080, 8443]) args.push('--publish', `127.0.0.1::${port}`);
    }
    await docker(...args, NODE_IMAGE);
  }
  for (const node of NODES) {
    const deadline = Date.now() + 60_000;
    while ((await inNode(node, 'docker info >/dev/null 2>&1 && echo up').catch(() => '')) !== 'up') {
      if (Date.now() > deadline) {
        throw new Error(
          `dockerd in ${node} did not start:\n${await docker('logs', '--tail', '30', container(node))}`,
        );
      }
      await sleep(500);
    }
  }
}

/** Copies images of this machine's engine into a node's engine. */
export async function loadImages(node, images) {
  const save = spawn('docker', ['save', ...images], { stdio: ['ignore', 'pipe', 'inherit'] });
  await run('docker', ['exec', '-i', container(node), 'docker', 'load'], { input: save.stdout });
}
