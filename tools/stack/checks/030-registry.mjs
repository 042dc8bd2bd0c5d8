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

/**
 * The stack pulled with credentials: a worker (which never logged in, and holds no credentials for the
 * registry) runs the stack's tasks from images it pulled from the registry (each has a digest there),
 * and the same image pulled by the worker itself, anonymously, is refused. So swarm passed the
 * manager's login along (deploy.sh's --with-registry-auth), and nothing else could have pulled them.
 */
async function pulledWithCredentials(ctx, worker) {
  const { registry, tag } = ctx;
  const images = (
    await inNode(
      worker,
      "docker ps -q --filter label=com.docker.stack.namespace=musicapp | xargs -r docker inspect --format '{{.Config.Image}} {{.Image}}' | sort -u",
    )
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' '));
  const notPulled = [];
  for (const [image, id] of images) {
    const digests = await inNode(worker, `docker image inspect --format '{{json .RepoDigests}}' ${id}`);
    const [name] = image.split('@')[0].split(/:(?=[^/]*$)/);
    if (
      !image.startsWith(`${registry}/`) ||
      !JSON.parse(digests).some((d) => d.startsWith(`${name}@sha256:`))
    ) {
      notPulled.push(image);
    }
  }
  const stored = await inNode(worker, 'cat "$HOME/.docker/config.json" 2>/dev/null || true');
  const hasCredentials = stored.includes(registry);
  const pull = await outcome(inNode(worker, `docker pull ${registry}/musicapp-api:${tag} 2>&1`));
  const pullRefused = !pull.ok && REFUSED.test(pull.output);
  return {
    pass: images.length > 0 && notPulled.length === 0 && !hasCredentials && pullRefused,
    text:
      `${worker} runs ${images.length} image(s) of the stack, ${notPulled.length ? `NOT from the registry: ${notPulled.join(', ')}` : 'each pulled from the registry'}` +
      `, holding ${hasCredentials ? 'CREDENTIALS of its own' : 'no credentials'}; its own anonymous pull ${pullRefused ? 'refused' : `NOT REFUSED: ${pull.output.slice(-200)}`}`,
  };
}

export const check = {
  name: 'registry refuses strangers',
  target: 'anonymous push and catalogue refused; the stack pulled with credentials',
  async run(ctx) {
    const worker = ctx.workers[0];
    const refused = await strangers(ctx, worker);
    const pulled = await pulledWithCredentials(ctx, worker);
    return { pass: refused.pass && pulled.pass, result: `${refused.text}; ${pulled.text}` };
  },
};
