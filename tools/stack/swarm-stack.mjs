import mysql from 'mysql2';
import { docker, inNode, NODES, run } from './local-swarm.mjs';

/**
 * The running containers of a stack service, on every node, with their swarm slot (the `2` of
 * musicapp_api.2.<task>). A node that does not answer is an error, not an empty list.
 */
export async function containersOf(service, namespace = 'musicapp') {
  const found = [];
  for (const node of NODES) {
    const lines = await inNode(
      node,
      `docker ps --filter label=com.docker.swarm.service.name=${namespace}_${service} --format '{{.ID}} {{.Names}}'`,
    );
    for (const line of lines.split('\n').filter(Boolean)) {
      const [id, name] = line.split(' ');
      found.push({ node, id, name, slot: Number(name.split('.')[1]) });
    }
  }
  return found;
}

/**
 * A shell script inside a container of the stack, on its node; `env` is set in the container (not
 * here), `input` given on stdin, other options as run()'s.
 */
export function inContainer({ node, id }, script, { env = {}, ...options } = {}) {
  const interactive = options.input ? ['-i'] : [];
  const flags = Object.entries(env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
  return run(
    'docker',
    [
      'exec',
      ...interactive,
      `musicapp-${node}`,
      'docker',
      'exec',
      ...interactive,
      ...flags,
      id,
      'sh',
      '-c',
      script,
    ],
    options,
  );
}

/** A swarm secret's value, as a task that mounts it sees it (the test harness signs tokens with it). */
export async function secretOf(service, name) {
  const [task] = await containersOf(service);
  return inContainer(task, `cat /run/secrets/${name}`);
}

/**
 * The stack's database for the checks (the db network is internal: queries run with the mysql client
 * inside the db task, as root). `query` answers like mysql2's: [rows].
 */
export function stackDb() {
  return {
    async query(sql, params = []) {
      const [task] = await containersOf('db');
      if (!task) throw new Error('no running db task');
      const out = await inContainer(
        task,
        'MYSQL_PWD="$(cat /run/secrets/db_root_password)" mysql -uroot --batch --default-character-set=utf8mb4 musicapp',
        { input: `${mysql.format(sql, params)};\n` },
      );
      const [header, ...lines] = out.split('\n').filter(Boolean);
      if (!header) return [[]];
      const columns = header.split('\t');
      return [lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [columns[i], v])))];
    },
  };
}

/** docker service <args…> on the manager. */
export const service = (...args) => inNode(NODES[0], `docker service ${args.join(' ')}`);

export { docker };

/** The names of the swarm secrets whose names start with `prefix` (as `docker secret ls` filters). */
export const secretNames = async (prefix) =>
  (await inNode(NODES[0], `docker secret ls --format '{{.Name}}' --filter name=${prefix}`))
    .split('\n')
    .filter(Boolean);
