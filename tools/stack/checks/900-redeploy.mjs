import { differences, fingerprint, removeStack } from '../backup-check.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';

const COUNT = "select count(*) as n, coalesce(sum(status = 'confirmed'), 0) as confirmed from reservations";

/** A confirmed reservation of a new fan, so that there is always one to keep (also when run alone). */
async function bookOne(ctx) {
  const [fan] = await ctx.createFans(1);
  const showId = await ctx.createShow({ title: 'Redeploy', capacity: 10 });
  const booked = await ctx.call('POST', '/reservations', { token: fan.token, body: { showId, seats: 1 } });
  if (booked.status !== 201) throw new Error(`booking before the redeploy: ${booked.status}`);
}

export const check = {
  name: 'docker stack rm, then deploy again',
  target: 'every reservation is still there',
  async run(ctx) {
    await bookOne(ctx);
    const [[before]] = await ctx.db.query(COUNT);
    const kept = await fingerprint(ctx.db);
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
    // Every row, not only how many: the reservations table hashed row by row, before and after.
    const changed = differences(kept, await fingerprint(ctx.db)).filter((t) => t.startsWith('reservations '));
    const shows = await ctx.call('GET', '/shows');
    return {
      pass: Number(before.confirmed) > 0 && changed.length === 0 && shows.status === 200,
      result: `${before.n} reservations (${before.confirmed} confirmed) before, ${after.n} (${after.confirmed}) after, ${changed.length ? `CHANGED: ${changed.join(', ')}` : 'every row as it was'}; serving through the proxies ${seconds(servingMs)} after convergence; GET /shows ${shows.status}`,
    };
  },
};
