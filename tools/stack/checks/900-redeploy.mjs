import { removeStack } from '../backup-check.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';

const COUNT = "select count(*) as n, coalesce(sum(status = 'confirmed'), 0) as confirmed from reservations";

export const check = {
  name: 'docker stack rm, then deploy again',
  target: 'every reservation is still there',
  async run(ctx) {
    const [[before]] = await ctx.db.query(COUNT);
    await removeStack(ctx.manager);
    // The release stack:up deployed: all four images carry its tag (the rolling update's tag exists for
    // api and web only, as compose/update.sh rolls only those).
    await inNode(ctx.manager, 'compose/deploy.sh >/dev/null', {
      REGISTRY: ctx.registry,
      TAG: ctx.tag,
      ...ctx.deployEnv,
    });
    await ctx.converged(6 * 60_000);
    // As an operator (and stack:up) would: converged tasks, then the proxies serving them.
    const servingMs = await ctx.serving(30_000);
    const [[after]] = await ctx.db.query(COUNT);
    const shows = await ctx.call('GET', '/shows');
    return {
      pass: before.n === after.n && before.confirmed === after.confirmed && shows.status === 200,
      result: `${before.n} reservations (${before.confirmed} confirmed) before, ${after.n} (${after.confirmed}) after; serving through the proxies ${seconds(servingMs)} after convergence; GET /shows ${shows.status}`,
    };
  },
};
