import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';

const FROM = 3;
const TO = 5;
const WITHIN_MS = 10_000;
const GIVE_UP_MS = 30_000; // after a task's first healthy moment, to say it never took traffic

/**
 * Follows the api tasks that scaling adds (slots FROM+1…TO, started from `since` on): when each first
 * passed its healthcheck (ctx.logs.watchNewTasks) and when it logged its first request for /shows.
 * Resolves once every new task has served, or has been healthy for GIVE_UP_MS, or at `deadline`:
 * [{ task, healthyAt, lost, servedAt }] (null where it never happened).
 */
async function followNewTasks(ctx, since, deadline) {
  const watch = ctx.logs.watchNewTasks('api', since);
  const served = new Map();
  const settled = (s) =>
    s.servedAt !== null || s.lost || (s.healthyAt !== null && Date.now() - s.healthyAt > GIVE_UP_MS);
  try {
    for (;;) {
      const fresh = watch.current().filter((s) => s.task.slot > FROM);
      for (const { task, healthyAt } of fresh) {
        if (healthyAt !== null && !served.get(task.id)) {
          served.set(task.id, (await ctx.logs.requestTimes(task, since))[0] ?? null);
        }
      }
      const all = fresh.map((s) => ({ ...s, servedAt: served.get(s.task.id) ?? null }));
      if ((all.length === TO - FROM && all.every(settled)) || Date.now() > deadline) return all;
      await sleep(1000);
    }
  } finally {
    await watch.stop();
  }
}

const describe = ({ task, healthyAt, lost, servedAt }) => {
  if (lost) return `task ${task.slot} healthy at a moment no longer in its health log`;
  if (healthyAt === null) return `task ${task.slot} NEVER healthy`;
  if (servedAt === null)
    return `task ${task.slot} served NOTHING within ${seconds(GIVE_UP_MS)} of being healthy`;
  return `task ${task.slot} ${seconds(servedAt - healthyAt)}`;
};

export const check = {
  name: `scale api ${FROM} → ${TO} under load`,
  target: `new tasks take traffic within ${WITHIN_MS / 1000} s of being healthy; 0 failed`,
  async run(ctx) {
    const scaled = duringLoad(ctx.mixedLoad(), async () => {
      await sleep(1000);
      const begun = Date.now();
      const scaling = inNode(ctx.manager, `compose/scale.sh api ${TO} >/dev/null`);
      const found = await followNewTasks(ctx, begun - 1000, begun + 180_000).finally(() =>
        scaling.catch(() => {}),
      );
      await scaling; // its failure is this check's
      return found;
    });
    // Back to FROM for the checks after this one, whatever happened.
    const { value: fresh, load: result } = await scaled.finally(() =>
      inNode(ctx.manager, `compose/scale.sh api ${FROM} >/dev/null`),
    );
    const delays = fresh.map((s) =>
      s.healthyAt !== null && s.servedAt !== null ? s.servedAt - s.healthyAt : null,
    );
    return {
      pass:
        fresh.length === TO - FROM &&
        delays.every((ms) => ms !== null && ms <= WITHIN_MS) &&
        result.failed === 0,
      result: `${fresh.length} new tasks, first GET served after their first passing healthcheck: ${fresh.map(describe).join(', ') || 'none'}; ${result.text}; failed ${result.failed}`,
    };
  },
};
