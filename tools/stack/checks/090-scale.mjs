import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';
import { containersOf } from '../swarm-stack.mjs';

/** Requests for /shows answered since `since` by each of these api containers (their request log lines). */
async function servedBy(ctx, tasks, since) {
  const counts = [];
  for (const task of tasks) counts.push((await ctx.logs.requestTimes(task, since)).length);
  return counts;
}

export const check = {
  name: 'scale api 3 → 5 under load',
  target: 'new tasks take traffic within 10 s of being healthy; 0 failed',
  async run(ctx) {
    // Scaling 3 → 5 adds slots 4 and 5.
    const { value, load: result } = await duringLoad(ctx.mixedLoad(), async () => {
      await sleep(1000);
      await inNode(ctx.manager, 'compose/scale.sh api 5 >/dev/null');
      const healthyAt = Date.now();
      const fresh = (await containersOf('api')).filter((t) => t.slot > 3);
      let counts = [];
      while (Date.now() - healthyAt < 20_000) {
        counts = await servedBy(ctx, fresh, healthyAt - 1000);
        if (fresh.length === 2 && counts.every((n) => n > 0)) break;
        await sleep(500);
      }
      return { fresh, counts, tookMs: Date.now() - healthyAt };
    });
    await inNode(ctx.manager, 'compose/scale.sh api 3 >/dev/null');
    const { fresh, counts, tookMs } = value;
    return {
      pass: fresh.length === 2 && counts.every((n) => n > 0) && tookMs <= 10_000 && result.failed === 0,
      result: `${fresh.length} new tasks served ${counts.join(' and ')} GETs within ${seconds(tookMs)} of being healthy; ${result.text}; failed ${result.failed}`,
    };
  },
};
