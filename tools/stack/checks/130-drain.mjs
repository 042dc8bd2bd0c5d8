import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad, seatInvariant } from '../load.mjs';
import { inNode, NODES } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';

const NODE = NODES[2]; // a worker: the db and the registry live on the manager

const stackContainers = async (node) =>
  (await inNode(node, "docker ps --filter label=com.docker.stack.namespace=musicapp --format '{{.Names}}'"))
    .split('\n')
    .filter(Boolean);

export const check = {
  name: `drain ${NODE} under load`,
  target: 'its tasks move; 0 failed, 0 oversold; then active again',
  async run(ctx) {
    const { fans, showId } = await ctx.loadFans(1000, 200, 'Drain');
    const { value, load: result } = await duringLoad(ctx.mixedLoad({ fans, showId }), async () => {
      await sleep(1500);
      const had = (await stackContainers(NODE)).length;
      await inNode(ctx.manager, `docker node update --availability drain ${NODE} >/dev/null`);
      const drainedAt = Date.now();
      let left = had;
      while (Date.now() - drainedAt < 120_000) {
        left = (await stackContainers(NODE)).length;
        if (left === 0) break;
        await sleep(1000);
      }
      await ctx.converged(120_000).catch(() => null);
      return { had, left, movedMs: Date.now() - drainedAt };
    });
    await inNode(ctx.manager, `docker node update --availability active ${NODE} >/dev/null`);
    const seats = await seatInvariant(ctx.db, [showId], result.posts.statuses[201] ?? 0);
    const { had, left, movedMs } = value;
    return {
      pass: left === 0 && result.failed === 0 && seats.oversold === 0 && seats.lost === 0,
      result: `${had} tasks left ${NODE} (nginx ones stop: global), the rest running elsewhere in ${seconds(movedMs)}; ${result.text}; failed ${result.failed}; oversold ${seats.oversold}, lost ${seats.lost}`,
    };
  },
};
