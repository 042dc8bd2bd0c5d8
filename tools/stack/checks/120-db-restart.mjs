import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad, startLoad, statusText } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';
import { containersOf } from '../swarm-stack.mjs';

const FAST_MS = 2500;
const BACK_MS = 10_000;
const CONFIRMED =
  "select count(*) as n, coalesce(sum(seats), 0) as seats from reservations where status = 'confirmed'";

/**
 * GET /shows one at a time until the api answers 200 again after an outage: every answer that was not
 * a 200 from the first one on (status 0: no answer within 10 s), and when it was back.
 */
async function probeOutage(api, deadline) {
  const outage = [];
  while (Date.now() < deadline) {
    const begun = Date.now();
    const status = await fetch(`${api}/shows`, { signal: AbortSignal.timeout(10_000) }).then(
      async (res) => {
        await res.arrayBuffer();
        return res.status;
      },
      () => 0,
    );
    if (status !== 200) outage.push({ status, ms: Date.now() - begun });
    else if (outage.length) return { outage, backAt: Date.now() };
    await sleep(200);
  }
  return { outage, backAt: null };
}

/** When the new db task started and first passed its healthcheck (swarm serves it from then). */
async function newDbTask(ctx) {
  const [dbTask] = await containersOf('db');
  return { startedAt: await ctx.logs.startedAt(dbTask), healthyAt: await ctx.logs.firstHealthyAt(dbTask) };
}

export const check = {
  name: 'db task restarted under load',
  target: `503 fast while down, back ≤ ${BACK_MS / 1000} s after the db is healthy, no reservation lost`,
  async run(ctx) {
    const [[before]] = await ctx.db.query(CONFIRMED);
    const load = startLoad({ url: ctx.api, path: '/shows', connections: 2, seconds: 300, ok: [200, 503] });
    const { value, load: result } = await duringLoad(load, async () => {
      const update = inNode(
        ctx.manager,
        'docker service update --force --detach=false musicapp_db >/dev/null 2>&1',
      );
      const probed = await probeOutage(ctx.api, Date.now() + 120_000);
      // Now, while its first pass is still in the health log (5 entries); not needed when never back.
      const db = probed.backAt ? await newDbTask(ctx) : {};
      await update; // returns only after the service's monitor period
      return { ...probed, ...db };
    });
    const { outage, backAt, startedAt, healthyAt } = value;
    const [[after]] = await ctx.db.query(CONFIRMED);
    const answers = {};
    for (const { status } of outage) answers[status] = (answers[status] ?? 0) + 1;
    const other = outage.filter((a) => a.status !== 503).length;
    const slowest = Math.max(0, ...outage.filter((a) => a.status === 503).map((a) => a.ms));
    const afterHealthy = backAt && healthyAt ? backAt - healthyAt : null;
    return {
      pass:
        outage.length > 0 &&
        other === 0 &&
        slowest <= FAST_MS &&
        afterHealthy !== null &&
        afterHealthy <= BACK_MS &&
        before.n === after.n &&
        before.seats === after.seats &&
        result.failed === 0,
      result:
        `${outage.length} answers while down: ${statusText(answers)}` +
        (other ? ` (${other} NOT 503)` : '') +
        (answers[503] ? ` (slowest 503 ${slowest} ms)` : '') +
        '; 200 again ' +
        (afterHealthy === null
          ? 'NEVER'
          : `${seconds(afterHealthy)} after the new db task was healthy (${seconds(backAt - startedAt)} after it started)`) +
        `; confirmed ${before.n} → ${after.n}; load ${statusText(result.statuses)}, failed ${result.failed}`,
    };
  },
};
