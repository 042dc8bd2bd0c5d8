// The kill-api and kill-web checks: one body, one file each.
import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad } from '../../load.mjs';
import { inNode } from '../../local-swarm.mjs';
import { seconds } from '../../runbook/results.mjs';
import { containersOf } from '../../swarm-stack.mjs';

/**
 * `docker kill` of one task of `service` under mixed load: swarm replaces it (the stack converges with
 * as many tasks as before, one of them new) and no GET or page fails meanwhile.
 */
export function killUnderLoad(service) {
  return {
    name: `docker kill of a ${service} task under load`,
    target: 'replaced; 0 failed GETs and pages',
    async run(ctx) {
      const before = await containersOf(service);
      const [task] = before;
      const { value: replacedMs, load: result } = await duringLoad(ctx.mixedLoad(), async () => {
        await sleep(1500);
        await inNode(task.node, `docker kill ${task.id} >/dev/null`);
        const killedAt = Date.now();
        await ctx.converged(120_000);
        const ms = Date.now() - killedAt;
        await sleep(2000);
        return ms;
      });
      const after = await containersOf(service);
      const fresh = after.filter((t) => !before.some((b) => b.id === t.id));
      const replaced =
        after.length === before.length && fresh.length === 1 && !after.some((t) => t.id === task.id);
      return {
        pass: replaced && result.failed === 0,
        result: `${replaced ? `replaced (${fresh[0].name}) and healthy` : `NOT replaced: ${after.length} tasks, ${fresh.length} new`} in ${seconds(replacedMs)}; ${result.text}; failed ${result.failed}`,
      };
    },
  };
}
