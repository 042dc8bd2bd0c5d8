import { duringLoad, startLoad, statusText } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';
import { containersOf, inContainer, secretNames, secretOf } from '../swarm-stack.mjs';

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

export const check = {
  name: 'database password rotation under load (compose/rotate-db-password.sh)',
  target: 'reads answer 200, or 503 while the db task restarts; the old password refused after',
  async run(ctx) {
    const { fans, showId } = await ctx.loadFans(10, 50, 'Db password');
    const oldPassword = await secretOf('api', 'db_password');
    const load = startLoad({ url: ctx.api, path: '/shows', connections: 2, seconds: 600, ok: [200, 503] });
    const { value: tookMs, load: result } = await duringLoad(load, async () => {
      const begun = Date.now();
      await inNode(ctx.manager, 'compose/rotate-db-password.sh', ctx.deployEnv);
      const ms = Date.now() - begun;
      await ctx.serving(30_000);
      return ms;
    });
    const newPassword = await secretOf('api', 'db_password');
    const old = await logsIn(oldPassword);
    const current = await logsIn(newPassword);
    const booked = await ctx.call('POST', '/reservations', {
      token: fans[0].token,
      body: { showId, seats: 1 },
    });
    const secrets = await secretNames('musicapp_db_password');
    return {
      pass:
        result.failed === 0 &&
        newPassword !== oldPassword &&
        old === 'no' &&
        current === 'yes' &&
        booked.status === 201 &&
        secrets.length === 1,
      result: `done in ${seconds(tookMs)}; GET /shows ${statusText(result.statuses)}, failed ${result.failed}; the old password logs in: ${old}, the new one: ${current}; a reservation afterwards ${booked.status}; db password secrets now ${secrets.join(', ')}`,
    };
  },
};
