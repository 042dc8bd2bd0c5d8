import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { imageOf, tagOf } from '../runbook/context.mjs';
import { seconds } from '../runbook/results.mjs';
import { service } from '../swarm-stack.mjs';

const DONE = ['rollback_completed', 'rollback_paused', 'completed'];

/** Updates the api to `broken` and follows the update until it has ended one way or another: its state. */
async function updateTo(ctx, broken) {
  const begun = Date.now();
  await inNode(
    ctx.manager,
    `docker service update --detach=false --with-registry-auth --image ${broken} musicapp_api >/dev/null 2>&1`,
  ).catch(() => null); // fails when it rolls back: the state says how it ended
  let state = '';
  while (Date.now() - begun < 240_000) {
    state = (await service('inspect', '--format', "'{{.UpdateStatus.State}}'", 'musicapp_api')).trim();
    if (DONE.includes(state)) break;
    await sleep(2000);
  }
  return state;
}

export const check = {
  name: 'a broken api image is rolled back by swarm',
  target: 'the update rolls back on its own; 0 failed requests',
  async run(ctx) {
    const current = await imageOf('musicapp_api');
    const broken = `${ctx.registry}/musicapp-api:${ctx.tag}-broken`;
    await inNode(
      ctx.manager,
      // The stack's own healthcheck (GET /health) overrides an image HEALTHCHECK: this image starts a
      // process that serves nothing, so that check fails as a broken release's would.
      `printf 'FROM %s\\nCMD ["node", "-e", "setInterval(() => {}, 60000)"]\\n' "${current.split('@')[0]}" | docker build -q -t ${broken} - >/dev/null && docker push -q ${broken} >/dev/null`,
    );
    const begun = Date.now();
    const { value, load: result } = await duringLoad(ctx.mixedLoad(), async () => {
      await sleep(1500);
      const state = await updateTo(ctx, broken);
      // Rolled back means serving again on the old image: every task healthy, not just the spec reverted.
      const converged = await ctx.converged(120_000).then(
        () => null,
        (error) => error.message.split('\n')[0],
      );
      return { state, converged };
    });
    const tookMs = Date.now() - begun;
    const now = await imageOf('musicapp_api');
    const back = now.split('@')[0] === current.split('@')[0];
    return {
      pass: value.state === 'rollback_completed' && back && value.converged === null && result.failed === 0,
      result:
        `update state ${value.state} after ${seconds(tookMs)}; api ${back ? 'back' : 'NOT back'} on ${tagOf(now)}` +
        (value.converged ? `, NOT converged: ${value.converged}` : ', converged') +
        `; ${result.text}; failed ${result.failed}`,
    };
  },
};
