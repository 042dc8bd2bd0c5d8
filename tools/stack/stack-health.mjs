import { setTimeout as sleep } from 'node:timers/promises';
import { inNode, NODES } from './local-swarm.mjs';

/**
 * One look at a stack: every service at its wanted replicas, and every container of it on every node
 * running and healthy (no task still starting, no old task still draining).
 */
export async function stackState(manager, namespace) {
  const services = (
    await inNode(manager, `docker stack services ${namespace} --format '{{.Name}} {{.Replicas}}'`)
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, replicas] = line.split(' ');
      const [running, wanted] = replicas.split('/').map(Number);
      return { name, running, wanted };
    });
  const containers = [];
  for (const node of NODES) {
    const lines = await inNode(
      node,
      `docker ps --filter label=com.docker.stack.namespace=${namespace} --format '{{.Names}}\t{{.Status}}'`,
    ).catch(() => '');
    for (const line of lines.split('\n').filter(Boolean)) {
      const [name, status] = line.split('\t');
      containers.push({ node, name, status, healthy: !/\(health: starting\)|\(unhealthy\)/.test(status) });
    }
  }
  const wanted = services.reduce((sum, s) => sum + s.wanted, 0);
  const converged =
    services.length > 0 &&
    services.every((s) => s.wanted > 0 && s.running === s.wanted) &&
    containers.length === wanted &&
    containers.every((c) => c.healthy);
  return { services, containers, converged };
}

/** Waits until the stack has converged; a summary of it, or an error saying what is missing. */
export async function waitForStack(manager, namespace, { timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await stackState(manager, namespace);
    const summary = state.services
      .map((s) => `${s.name.replace(`${namespace}_`, '')} ${s.running}/${s.wanted}`)
      .join(', ');
    if (state.converged) return `${summary}; ${state.containers.length} containers healthy`;
    if (Date.now() > deadline) {
      const waiting = state.containers
        .filter((c) => !c.healthy)
        .map((c) => `${c.name} on ${c.node}: ${c.status}`);
      throw new Error(
        `${namespace} did not converge within ${timeoutMs / 1000} s: ${summary}; ${state.containers.length} containers` +
          (waiting.length ? `; not healthy: ${waiting.join('; ')}` : ''),
      );
    }
    await sleep(2000);
  }
}

/**
 * Waits until the stack serves end to end: the web's health through nginx-frontend and the api's
 * readiness (database reachable) through nginx-backend. Converged tasks are not enough: a proxy that
 * started before its upstream's tasks were in DNS finds them at its next re-resolve (a few seconds).
 * Resolves with the milliseconds it took; rejects naming the URL and its last status.
 */
export async function waitUntilServing({ web, api }, { timeoutMs = 60_000 } = {}) {
  const begun = Date.now();
  for (const url of [`${web}/api/health`, `${api}/ready`]) {
    for (;;) {
      const status = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() - begun > timeoutMs) throw new Error(`${url} answered ${status || 'nothing'}`);
      await sleep(500);
    }
  }
  return Date.now() - begun;
}
