import { setTimeout as sleep } from 'node:timers/promises';
import { duringLoad, seatInvariant } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { imageOf, tagOf } from '../runbook/context.mjs';
import { seconds } from '../runbook/results.mjs';

export const check = {
  name: 'rolling update of api and web to a new tag under load',
  target: '0 failed, 0 oversold, every confirmed reservation kept',
  async run(ctx) {
    const { registry, tag } = ctx;
    // On a stack used before (--reuse), `<tag>-next` may be what runs already: then another one.
    const running = tagOf(await imageOf('musicapp_api'));
    const next = running === `${tag}-next` ? `${tag}-next-${Date.now().toString(36)}` : `${tag}-next`;
    await inNode(
      ctx.manager,
      `for s in api web; do docker tag ${registry}/musicapp-$s:${tag} ${registry}/musicapp-$s:${next} && docker push -q ${registry}/musicapp-$s:${next} >/dev/null; done`,
    );
    const { fans, showId } = await ctx.loadFans(1000, 200, 'Rolling update');
    const { value: tookMs, load: result } = await duringLoad(ctx.mixedLoad({ fans, showId }), async () => {
      await sleep(1500);
      const begun = Date.now();
      await inNode(ctx.manager, `compose/update.sh ${next} >/dev/null 2>&1`, { REGISTRY: registry });
      const ms = Date.now() - begun;
      await sleep(2000);
      return ms;
    });
    const images = [await imageOf('musicapp_api'), await imageOf('musicapp_web')];
    const seats = await seatInvariant(ctx.db, [showId], result.posts.statuses[201] ?? 0);
    const updated = images.every((image) => tagOf(image) === next);
    return {
      pass: updated && result.failed === 0 && seats.oversold === 0 && seats.lost === 0,
      result: `api and web ${updated ? 'on' : 'NOT on'} ${next} in ${seconds(tookMs)}; ${result.text}; failed ${result.failed}; ${seats.confirmed} confirmed, oversold ${seats.oversold}, lost ${seats.lost}`,
    };
  },
};
