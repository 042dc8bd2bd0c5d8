#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
// `npm run stack:up`: a local 3-node swarm (Docker-in-Docker nodes on this machine), then the README's
// deploy steps with the project's own scripts, run on the manager exactly as an operator runs them:
// registry secrets and stack, compose/build-push.sh, compose/create-secrets.sh, the db node label,
// compose/deploy.sh. Waits until every service has converged and every container is healthy, then
// prints where nginx-frontend (web) and nginx-backend (api) answer, and leaves the stack running.
// The admin account is `admin`, with ADMIN_PASSWORD when set (else a random one, printed once).
// `npm run stack:down` removes everything this made.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@musicapp/test-kit';
import {
  BUILD_CA_IN_NODE,
  inNode,
  loadImages,
  NODES,
  nodeIp,
  publishedPort,
  removeAll,
  run,
  startNodes,
} from './local-swarm.mjs';
import { waitForStack, waitUntilServing } from './stack-health.mjs';
import { trustTestCertificate } from './test-certificate.mjs';

const tls = trustTestCertificate();
const CI_IMAGES = join(repoRoot, 'tools/ci-images');

const [manager, ...workers] = NODES;
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

let current = 'start';
async function step(name, work) {
  current = name;
  const begun = Date.now();
  process.stdout.write(`stack:up ${name} …\n`);
  const detail = await work();
  console.log(`stack:up ${name}: done in ${seconds(begun)}${detail ? ` (${detail})` : ''}`);
  return detail;
}

/** What an operator looks at when a step fails: the services' tasks and their logs. */
async function diagnose() {
  const lines = [];
  const services = await inNode(manager, "docker service ls --format '{{.Name}}'").catch(() => '');
  for (const service of services.split('\n').filter(Boolean)) {
    lines.push(await inNode(manager, `docker service ps --no-trunc ${service}`).catch((e) => e.message));
    lines.push(
      await inNode(manager, `docker service logs --tail 20 ${service} 2>&1`).catch((e) => e.message),
    );
  }
  return lines.join('\n');
}

const tag = (() => {
  const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  // Uncommitted changes get a tag of their own, so a second stack:up really rolls them out.
  return dirty ? `${commit}-dirty-${Date.now().toString(36)}` : commit;
})();
const adminPassword = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
// The repository is read-only in the nodes: the Server Actions key build-push.sh makes lives on the manager.
const SERVER_ACTIONS_KEY_FILE = '/var/lib/musicapp/next-server-actions-key';
const registryPassword = randomBytes(18).toString('base64url');
const TLS_DIR = '/var/lib/musicapp/tls';

try {
  await step('docker engine and stand-in images', () =>
    run('bash', [join(CI_IMAGES, 'docker-engine.sh')]).then(() => run('bash', [join(CI_IMAGES, 'build.sh')])),
  );
  await step('nodes', async () => {
    const removed = await removeAll();
    await startNodes();
    return `${NODES.join(', ')}${removed.containers ? `; replaced ${removed.containers} old nodes` : ''}`;
  });
  const managerIp = await nodeIp(manager);
  const registry = `${managerIp}:4000`;
  await step('base images into the manager', async () => {
    const tags = (
      await run('bash', [join(CI_IMAGES, 'build.sh'), '--tags', 'mysql', 'node', 'nginx', 'registry'])
    )
      .split('\n')
      .filter(Boolean);
    await loadImages(manager, tags);
    return tags.join(', ');
  });
  await step('swarm', async () => {
    await inNode(manager, `docker swarm init --advertise-addr ${managerIp} >/dev/null`);
    const token = await inNode(manager, 'docker swarm join-token -q worker');
    for (const worker of workers) {
      await inNode(worker, `docker swarm join --token ${token} ${managerIp}:2377 >/dev/null`);
    }
    return `${manager} manages, ${workers.join(' and ')} work`;
  });
  await step('registry', async () => {
    const secretsDir = '/var/lib/musicapp/registry';
    await inNode(manager, 'compose/registry-secrets.sh "$MANAGER_IP"', {
      MANAGER_IP: managerIp,
      REGISTRY_PASSWORD: registryPassword,
      REGISTRY_SECRETS_DIR: secretsDir,
    });
    // Every node trusts the registry's CA for this address only (no insecure-registries).
    const ca = await inNode(manager, `cat ${secretsDir}/ca.crt`);
    for (const node of NODES) {
      await inNode(
        node,
        `mkdir -p /etc/docker/certs.d/${registry} && cat > /etc/docker/certs.d/${registry}/ca.crt`,
        {},
        { input: `${ca}\n` },
      );
    }
    await inNode(manager, 'docker stack deploy --detach=true -c compose/registry.yaml registry >/dev/null');
    await waitForStack(manager, 'registry', { timeoutMs: 120_000 });
    await inNode(
      manager,
      `printf '%s' "$REGISTRY_PASSWORD" | docker login --username musicapp --password-stdin ${registry} >/dev/null`,
      {
        REGISTRY_PASSWORD: registryPassword,
      },
    );
    return `${registry}, TLS and htpasswd`;
  });
  await step('build and push (compose/build-push.sh)', async () => {
    await inNode(manager, 'compose/build-push.sh', {
      REGISTRY: registry,
      TAG: tag,
      BUILD_PULL: 'false', // the base images are this machine's stand-ins, not on any registry
      BUILD_CA_FILE: BUILD_CA_IN_NODE,
      NEXT_SERVER_ACTIONS_KEY_FILE: SERVER_ACTIONS_KEY_FILE,
    });
    return `${registry}/musicapp-*:${tag}`;
  });
  await step('secrets (compose/create-secrets.sh)', async () => {
    // The certificate pair as an operator's files on the manager (the repository is read-only there).
    for (const [name, file] of Object.entries(tls)) {
      await inNode(
        manager,
        `install -d -m 700 ${TLS_DIR} && cat > ${TLS_DIR}/${name}.pem`,
        {},
        {
          input: readFileSync(file, 'utf8'),
        },
      );
    }
    await inNode(manager, 'compose/create-secrets.sh >/dev/null', {
      ADMIN_PASSWORD: adminPassword,
      NEXT_SERVER_ACTIONS_KEY_FILE: SERVER_ACTIONS_KEY_FILE,
      TLS_CERTIFICATE_FILE: `${TLS_DIR}/certificate.pem`,
      TLS_KEY_FILE: `${TLS_DIR}/key.pem`,
    });
  });
  await step('db node label', () =>
    inNode(manager, `docker node update --label-add musicapp.db=true ${manager} >/dev/null`),
  );
  await step('deploy (compose/deploy.sh)', () =>
    inNode(manager, 'compose/deploy.sh >/dev/null', { REGISTRY: registry, TAG: tag }),
  );
  await step('converge', async () => {
    const summary = await waitForStack(manager, 'musicapp', { timeoutMs: 8 * 60_000 });
    return summary;
  });
  const web = `https://127.0.0.1:${await publishedPort(manager, 443)}`;
  const api = `https://127.0.0.1:${await publishedPort(manager, 8443)}`;
  await step('through the proxies', async () => {
    await waitUntilServing({ web, api });
    return 'web /api/health and api /ready answer 200 over https';
  });
  console.log(
    `stack:up: ready in ${seconds(started)}; admin account: admin${process.env.ADMIN_PASSWORD ? ' (ADMIN_PASSWORD)' : ` / ${adminPassword}`}`,
  );
  console.log(`web: ${web}`);
  console.log(`api: ${api}`);
  console.log(`certificate: ${tls.certificate} (self-signed; curl --cacert it)`);
} catch (error) {
  console.error(`stack:up failed at step "${current}" after ${seconds(started)}:\n${error.message}`);
  if (!['docker engine and stand-in images', 'nodes'].includes(current)) console.error(await diagnose());
  process.exit(1);
}
