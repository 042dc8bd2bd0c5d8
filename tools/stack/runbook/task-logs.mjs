// What the stack's containers say: their log lines, the proxies' access logs, the api's request lines
// and when a container's healthcheck first passed.
import { setTimeout as sleep } from 'node:timers/promises';
import { inNode, NODES } from '../local-swarm.mjs';
import { containersOf } from '../swarm-stack.mjs';

/** A stack container's log lines (stdout and stderr) since `since` (ms); none when it is gone. */
export async function logsOf(task, since) {
  const out = await inNode(
    task.node,
    `docker logs --since ${(since / 1000).toFixed(3)} ${task.id} 2>&1`,
  ).catch(() => '');
  return out.split('\n').filter(Boolean);
}

/** The log lines of every task of a stack service on `nodes` since `since`. */
export async function taskLogs(service, since, nodes = NODES) {
  const lines = [];
  for (const task of (await containersOf(service)).filter((t) => nodes.includes(t.node))) {
    lines.push(...(await logsOf(task, since)));
  }
  return lines;
}

/** The JSON access-log lines (nginx/snippets/log-format.conf) of nginx-<name> on `nodes` since `since`. */
export async function proxyLog(name, since, nodes = [NODES[0]]) {
  return (await taskLogs(`nginx-${name}`, since, nodes))
    .filter((line) => line.startsWith('{"time"'))
    .map((line) => JSON.parse(line));
}

/**
 * When an api container logged its requests for paths starting with `path` since `since`: the times
 * (ms) its request log lines carry (the api's logger stamps each line when it is written, not when the
 * buffered lines reach docker), oldest first.
 */
export async function requestTimes(task, since, path = '/shows') {
  const times = [];
  for (const line of await logsOf(task, since)) {
    if (!line.includes(`"url":"${path}`)) continue;
    const time = Date.parse(/"time":"([^"]+)"/.exec(line)?.[1] ?? '');
    if (!Number.isNaN(time)) times.push(time);
  }
  return times.sort((a, b) => a - b);
}

/**
 * When the container's healthcheck first passed (ms), from `docker inspect`'s health log, or null while
 * no check has passed. The log keeps the last 5 checks only: ask while the first pass is among them (a
 * healthy container is probed every `interval`, 10 s in the stack). A full log that begins with a pass
 * may have lost the first one: that is an error, not a later moment taken for the first.
 */
export async function firstHealthyAt(task) {
  const text = await inNode(task.node, `docker inspect --format '{{json .State.Health.Log}}' ${task.id}`);
  const log = JSON.parse(text) ?? [];
  const first = log.findIndex((entry) => entry.ExitCode === 0);
  if (first < 0) return null;
  if (first === 0 && log.length >= 5) {
    throw new Error(`${task.name}: its first passing healthcheck is no longer in its health log`);
  }
  return Date.parse(log[first].End);
}

/** When the container's process started (ms). */
export async function startedAt(task) {
  return Date.parse(await inNode(task.node, `docker inspect --format '{{.State.StartedAt}}' ${task.id}`));
}

/**
 * Watches the containers of a stack service that start from `since` on (ms) until stop(): when each
 * first passed its healthcheck, read every second while that is still in its health log. stop()
 * resolves with [{ task, healthyAt }] (healthyAt null if it never passed, `lost` if it passed unseen),
 * in slot order; current() gives the same at any moment.
 */
export function watchNewTasks(service, since, { everyMs = 1000 } = {}) {
  const fresh = new Map();
  const older = new Set(); // containers from before `since` (one a scale-down is still stopping, say)
  const look = async () => {
    for (const task of await containersOf(service)) {
      if (fresh.has(task.id) || older.has(task.id)) continue;
      if ((await startedAt(task)) < since) older.add(task.id);
      else fresh.set(task.id, { task, healthyAt: null });
    }
    for (const entry of fresh.values()) {
      if (entry.healthyAt !== null || entry.lost) continue;
      entry.healthyAt = await firstHealthyAt(entry.task).catch((error) => {
        if (/no longer in its health log/.test(error.message)) entry.lost = true;
        return null; // else gone meanwhile: nothing more to learn
      });
    }
  };
  let running = true;
  const done = (async () => {
    while (running) {
      await look().catch(() => {}); // a container that went between two looks: the next one sees
      await sleep(everyMs);
    }
  })();
  const current = () => [...fresh.values()].sort((a, b) => a.task.slot - b.task.slot);
  return {
    current,
    async stop() {
      running = false;
      await done;
      return current();
    },
  };
}
