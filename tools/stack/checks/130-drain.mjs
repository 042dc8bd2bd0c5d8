import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad, seatInvariant } from '../load.mjs';
import { inNode, NODES } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';

const NODE = NODES[2]; // a worker: the db and the registry live on the manager
const MOVE_MS = 120_000;

const stackContainers = async (node) =>
  (await inNode(node, "docker ps --filter label=com.docker.stack.namespace=musicapp --format '{{.Names}}'"))
    .split('\n')
    .filter(Boolean);
const settled = (promise) =>
  promise.then(
    () => null,
    (error) => error.message.split('\n')[0],
  );

/**
 * Drains `node` and waits until none of the stack's containers is left on it, then until the stack has
 * converged without it (every service at its replicas, every container healthy, elsewhere): what had
 * to move has moved. { had, left, notConverged (why, or null), movedMs }.
 */
async function drain(ctx, node) {
  const had = (await stackContainers(node)).length;
  await inNode(ctx.manager, `docker node update --availability drain ${node} >/dev/null`);
  const drainedAt = Date.now();
  let left = had;
  while (Date.now() - drainedAt < MOVE_MS) {
    left = (await stackContainers(node)).length;
    if (left === 0) break;
    await sleep(1000);
  }
  const notConverged = await settled(ctx.converged(MOVE_MS));
  return { had, left, notConverged, movedMs: Date.now() - drainedAt };
}

export const check = {
  name: `drain ${NODE} under load`,
  target: 'its tasks move; 0 failed, 0 oversold; then active again',
  async run(ctx) {
    const node = NODE;
    const { fans, showId } = await ctx.loadFans(1000, 200, 'Drain');
    const drained = duringLoad(ctx.mixedLoad({ fans, showId }), async () => {
      await sleep(1500);
      return drain(ctx, node);
    });
    // Active again whatever happened, and the stack whole again with it (its global tasks back).
    const { value, load: result } = await drained.finally(() =>
      inNode(ctx.manager, `docker node update --availability active ${node} >/dev/null`),
    );
    const availability = (
      await inNode(ctx.manager, `docker node inspect --format '{{.Spec.Availability}}' ${node}`)
    ).trim();
    const notWhole = await settled(ctx.converged(MOVE_MS));
    const seats = await seatInvariant(ctx.db, [showId], result.posts.statuses[201] ?? 0);
    const { had, left, notConverged, movedMs } = value;
    return {
      pass:
        left === 0 &&
        notConverged === null &&
        result.failed === 0 &&
        seats.oversold === 0 &&
        seats.lost === 0 &&
        availability === 'active' &&
        notWhole === null,
      result:
        `${had} tasks left ${node} (nginx ones stop: global)` +
        (left ? `, ${left} STILL THERE` : '') +
        (notConverged
          ? `; the rest NOT converged elsewhere: ${notConverged}`
          : `, the rest converged elsewhere in ${seconds(movedMs)}`) +
        `; ${result.text}; failed ${result.failed}; oversold ${seats.oversold}, lost ${seats.lost}; then ${availability}` +
        (notWhole ? `, NOT converged again: ${notWhole}` : ' and converged again'),
    };
  },
};
