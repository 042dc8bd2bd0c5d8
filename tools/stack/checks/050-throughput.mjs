import { combine, startLoad } from '../load.mjs';
import { nodeIp } from '../local-swarm.mjs';

const HOPS = {
  api: 'https to nginx-backend → 3 api vs http to 1 api',
  pages: 'https to nginx-frontend → 2 web vs http to 1 web',
};

const measure = (url, connections) =>
  startLoad({ url, path: '/shows', connections, seconds: 5, ok: [200] }).done;

/**
 * A warm-up of each proxied route, then direct and proxied alternated three times:
 * { route: { side: [results] } }.
 */
async function rounds(routes) {
  const measured = { api: { direct: [], proxied: [] }, pages: { direct: [], proxied: [] } };
  for (const route of Object.values(routes)) await measure(route.proxied, route.connections);
  for (let round = 0; round < 3; round++) {
    for (const [name, route] of Object.entries(routes)) {
      for (const side of ['direct', 'proxied']) {
        measured[name][side].push(await measure(route[side], route.connections));
      }
    }
  }
  return measured;
}

export const check = {
  name: 'throughput: GET /shows through the proxies vs one process direct',
  target: 'figures for the note; 0 failed',
  async run(ctx) {
    // Both sides from the manager's address (not the loopback port, whose userland proxy would burden
    // the proxied side only), alternated three times so a slow moment of the shared machine does not
    // land on one side only.
    const host = await nodeIp(ctx.manager);
    const routes = {
      api: { proxied: `https://${host}:8443`, connections: 32 },
      pages: { proxied: `https://${host}:443`, connections: 8 },
    };
    const replicas = [];
    try {
      for (const [route, name, port] of [
        ['api', 'api', 5000],
        ['pages', 'web', 3000],
      ]) {
        const replica = await ctx.directReplica(name, port);
        replicas.push(replica);
        routes[route].direct = replica.url;
      }
      const text = [];
      let failed = 0;
      for (const [name, { direct, proxied }] of Object.entries(await rounds(routes))) {
        const d = combine(direct);
        const p = combine(proxied);
        failed += d.failed + p.failed;
        text.push(
          `${name} (${HOPS[name]}): ${p.perSecond} vs ${d.perSecond}/s (${Math.round((p.perSecond / d.perSecond) * 100)}%), p99 ${p.p99} vs ${d.p99} ms`,
        );
      }
      return { pass: failed === 0, result: `${text.join('; ')}; failed ${failed}` };
    } finally {
      for (const replica of replicas) await replica.remove();
    }
  },
};
