import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad, startLoad, statusText } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';
import { containersOf } from '../swarm-stack.mjs';

const CONFIRMED =
  "select count(*) as n, coalesce(sum(seats), 0) as seats from reservations where status = 'confirmed'";

/** GET /shows one at a time until the api answers 200 again after 503s: how long each 503 took, when it was back. */
async function probeOutage(api, deadline) {
  const outage = [];
  let sawDown = false;
  while (Date.now() < deadline) {
    const t = Date.now();
    const res = await fetch(`${api}/shows`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    const status = res?.status ?? 0;
    if (status === 503) {
      sawDown = true;
      outage.push(Date.now() - t);
    } else if (sawDown && status === 200) return { sawDown, outage, backAt: Date.now() };
    await sleep(200);
  }
  return { sawDown, outage, backAt: null };
}

/** When the new db task started and first passed its healthcheck (swarm serves it from then). */
async function newDbTask(ctx) {
  const [dbTask] = await containersOf('db');
  return { startedAt: await ctx.logs.startedAt(dbTask), healthyAt: await ctx.logs.firstHealthyAt(dbTask) };
}

export const check = {
  name: 'db task restarted under load',
  target: '503 fast while down, back ≤ 10 s after the db is healthy, no reservation lost',
  async run(ctx) {
    const [[before]] = await ctx.db.query(CONFIRMED);
    const load = startLoad({ url: ctx.api, path: '/shows', connections: 2, seconds: 300, ok: [200, 503] });
    const { value, load: result } = await duringLoad(load, async () => {
      const update = inNode(
        ctx.manager,
        'docker service update --force --detach=false musicapp_db >/dev/null 2>&1',
      );
      const probed = await probeOutage(ctx.api, Date.now() + 120_000);
      const db = await newDbTask(ctx); // now: the health log keeps 5 entries
      await update; // returns only after the service's monitor period
      return { ...probed, ...db };
    });
    const { sawDown, outage, backAt, startedAt, healthyAt } = value;
    const [[after]] = await ctx.db.query(CONFIRMED);
    const slowest = Math.max(0, ...outage);
    const afterHealthy = backAt && healthyAt ? backAt - healthyAt : null;
    return {
      pass:
        sawDown &&
        slowest <= 2500 &&
        afterHealthy !== null &&
        afterHealthy <= 10_000 &&
        before.n === after.n &&
        before.seats === after.seats &&
        result.errors === 0,
      result:
        `${outage.length} answers 503 while down (slowest ${slowest} ms); 200 again ` +
        (afterHealthy === null
          ? 'NEVER'
          : `${seconds(afterHealthy)} after the new db task was healthy (${seconds(backAt - startedAt)} after it started)`) +
        `; confirmed ${before.n} → ${after.n}; ${statusText(result.statuses)}`,
    };
  },
};
