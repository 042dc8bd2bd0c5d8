import { inNode, NODES } from '../local-swarm.mjs';
import { containersOf, inContainer } from '../swarm-stack.mjs';

const KEY_FILE = '/run/secrets/next_server_actions_key';

/**
 * Every stack container on every node whose logs are not json-file with a max-size (a node without any
 * is one too: nothing was looked at there), and how many each node has.
 */
async function unrotatedLogs() {
  const unrotated = [];
  const counts = [];
  for (const node of NODES) {
    const lines = (
      await inNode(
        node,
        'docker ps -q --filter label=com.docker.stack.namespace=musicapp | xargs -r docker inspect --format \'{{.Name}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config "max-size"}}\'',
      )
    )
      .split('\n')
      .filter(Boolean);
    counts.push(lines.length);
    if (!lines.length) unrotated.push(`no container found on ${node}`);
    unrotated.push(
      ...lines.filter((line) => !/ json-file \d+[km]$/.test(line)).map((l) => `${l} on ${node}`),
    );
  }
  return { unrotated, counts };
}

/**
 * Whether a file of the web image holds the Server Actions key, which reaches the web as a secret only:
 * `missing` when the secret itself is absent or empty (nothing to look for proves nothing), `clean`,
 * or the files that hold it. grep's exit status tells a file not found (1) from a search that failed (2).
 */
async function keyCopies() {
  const [webTask] = await containersOf('web');
  const out = (
    await inContainer(
      webTask,
      `if [ ! -s ${KEY_FILE} ]; then echo missing; exit 0; fi; grep -rlF -f ${KEY_FILE} /app; echo "grep $?"`,
    ).catch((error) => `grep failed: ${error.message.split('\n').slice(-2).join(' ')}`)
  ).trim();
  if (out === 'missing') return { verdict: 'missing', text: `NO secret at ${KEY_FILE}: nothing to look for` };
  if (out === 'grep 1') return { verdict: 'clean', text: 'no Server Actions key in the web image' };
  const files = out.split('\n').filter((line) => !line.startsWith('grep '));
  return {
    verdict: 'copied',
    text: files.length
      ? `the Server Actions key IS in the web image: ${files.join(', ')}`
      : `the web image could not be searched: ${out}`,
  };
}

export const check = {
  name: 'start-up',
  target:
    'reservasi.sql initialised the db; the api applied no migration; container logs rotate; no secret in the web image',
  async run(ctx) {
    // reservasi.sql stamps its migrations with a fixed time; one the api ran would carry today's.
    const [[row]] = await ctx.db.query(
      "select count(*) as recorded, coalesce(sum(migration_time <> '2026-01-01 00:00:00'), 0) as byApi from knex_migrations",
    );
    const { unrotated, counts } = await unrotatedLogs();
    const key = await keyCopies();
    return {
      pass:
        Number(row.recorded) > 0 && Number(row.byApi) === 0 && !unrotated.length && key.verdict === 'clean',
      result:
        `${row.recorded} migrations recorded by reservasi.sql, ${row.byApi} applied by the api; ` +
        (unrotated.length
          ? `logs NOT rotated: ${unrotated.join(', ')}`
          : `${counts.join(' + ')} containers on ${NODES.join(', ')} log to json-file, rotated`) +
        `; ${key.text}`,
    };
  },
};
