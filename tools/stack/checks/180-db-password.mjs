import { duringLoad, startLoad, statusText } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';
import { containersOf, inContainer, secretNames, secretOf, service } from '../swarm-stack.mjs';

const BACK_MS = 10_000; // as the db-restart check: the api serves again within this of a healthy db

/** Whether the app's account logs in over TCP, as the api connects, with `password` (given on stdin). */
async function logsIn(password) {
  const [dbTask] = await containersOf('db');
  const answer = await inContainer(
    dbTask,
    'read -r PW; MYSQL_PWD="$PW" mysql --protocol=tcp -h 127.0.0.1 -u musicapp -e "select 1" musicapp >/dev/null 2>&1 && echo yes || echo no',
    { input: `${password}\n` },
  );
  return answer.trim();
}

/**
 * When the db was down for the rotation: from the start of its update (after the api's, which needs no
 * restart of the database) until BACK_MS after its new task first passed its healthcheck; null when no
 * new db task was seen healthy.
 */
async function dbRestart(watched) {
  const started = Date.parse(
    JSON.parse(await service('inspect', '--format', "'{{json .UpdateStatus.StartedAt}}'", 'musicapp_db')),
  );
  const [task] = watched.filter((w) => w.healthyAt !== null);
  return task && !Number.isNaN(started) ? { from: started, to: task.healthyAt + BACK_MS } : null;
}

export const check = {
  name: 'database password rotation under load (compose/rotate-db-password.sh)',
  target: 'reads answer 200, or 503 while the db task restarts; the old password refused after',
  async run(ctx) {
    const { fans, showId } = await ctx.loadFans(10, 50, 'Db password');
    const oldPassword = await secretOf('api', 'db_password');
    const load = startLoad({ url: ctx.api, path: '/shows', connections: 2, seconds: 600, ok: [200, 503] });
    const begun = Date.now();
    const watch = ctx.logs.watchNewTasks('db', begun);
    const { value: tookMs, load: result } = await duringLoad(load, async () => {
      await inNode(ctx.manager, 'compose/rotate-db-password.sh', ctx.deployEnv).finally(() => watch.stop());
      const ms = Date.now() - begun;
      await ctx.serving(30_000);
      return ms;
    });
    const restart = await dbRestart(await watch.stop());
    const [first503, last503] = result.spans[503] ?? [];
    const outside = first503 !== undefined && (!restart || first503 < restart.from || last503 > restart.to);
    const newPassword = await secretOf('api', 'db_password');
    const old = await logsIn(oldPassword);
    const current = await logsIn(newPassword);
    const booked = await ctx.call('POST', '/reservations', {
      token: fans[0].token,
      body: { showId, seats: 1 },
    });
    const secrets = await secretNames('musicapp_db_password');
    const at = (ms) => seconds(ms - begun);
    return {
      pass:
        result.failed === 0 &&
        !outside &&
        newPassword !== oldPassword &&
        old === 'no' &&
        current === 'yes' &&
        booked.status === 201 &&
        secrets.length === 1,
      result:
        `done in ${seconds(tookMs)}; GET /shows ${statusText(result.statuses)}, failed ${result.failed}` +
        (first503 === undefined
          ? ''
          : `; 503s from ${at(first503)} to ${at(last503)}, ${outside ? 'NOT all' : 'all'} while the db restarted (${restart ? `${at(restart.from)} to ${at(restart.to)}` : 'no new db task seen healthy'})`) +
        `; the old password logs in: ${old}, the new one: ${current}; a reservation afterwards ${booked.status}; db password secrets now ${secrets.join(', ')}`,
    };
  },
};
