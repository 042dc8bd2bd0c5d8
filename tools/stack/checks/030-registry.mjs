import { inNode } from '../local-swarm.mjs';

const outcome = (promise) =>
  promise.then(
    (output) => ({ ok: true, output }),
    (error) => ({ ok: false, output: error.message }),
  );
const REFUSED = /no basic auth credentials|unauthorized|denied/i;

/** What a stranger gets: an anonymous push, the catalogue and plain HTTP. */
async function strangers(ctx, worker) {
  const { registry } = ctx;
  // Images pulled by swarm carry digests, not tags: tag one by its id.
  const image = (await inNode(worker, `docker image ls -q ${registry}/musicapp-api | head -1`)).trim();
  const push = await outcome(
    inNode(
      worker,
      `docker tag ${image} ${registry}/stranger:probe && docker push ${registry}/stranger:probe 2>&1`,
    ),
  );
  const catalogue = await inNode(
    worker,
    `curl -s -o /dev/null -w '%{http_code}' --cacert /etc/docker/certs.d/${registry}/ca.crt https://${registry}/v2/_catalog`,
  );
  const plain = await inNode(worker, `curl -s -o /dev/null -w '%{http_code}' http://${registry}/v2/ || true`);
  const pushRefused = !push.ok && REFUSED.test(push.output);
  return {
    pass: pushRefused && catalogue === '401' && plain !== '200',
    text: `anonymous push ${pushRefused ? 'refused (no credentials)' : `NOT REFUSED: ${push.output.slice(-200)}`}; GET /v2/_catalog ${catalogue}; plain HTTP ${plain}`,
  };
}

export const check = {
  name: 'registry refuses strangers',
  target: 'anonymous push and catalogue refused; the stack pulled with credentials',
  async run(ctx) {
    const worker = ctx.workers[0];
    const refused = await strangers(ctx, worker);
    return { pass: refused.pass, result: refused.text };
  },
};
