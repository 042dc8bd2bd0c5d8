// One more task of a stack service, outside the stack, for measuring one process on its own.
import { setTimeout as sleep } from 'node:timers/promises';
import { inNode, nodeIp } from '../local-swarm.mjs';
import { service } from '../swarm-stack.mjs';

/**
 * The same spec as musicapp_<name> (image, environment, secrets, limits, networks) as the service
 * direct_<name>: one replica on the manager with its port published there as `published`. Its networks
 * carry no alias, so it is not one of the proxies' `tasks.<name>`. Resolves, once it is healthy, with
 * its URL and remove(), which removes the service.
 */
export async function directReplica(manager, name, published) {
  const spec = JSON.parse(await service('inspect', '--format', "'{{json .Spec}}'", `musicapp_${name}`));
  const target = Number(
    spec.TaskTemplate.ContainerSpec.Env.find((e) => e.startsWith('PORT='))?.slice('PORT='.length),
  );
  const { UpdateConfig, RollbackConfig, ...rest } = spec;
  const direct = {
    ...rest,
    Name: `direct_${name}`,
    Labels: {},
    Mode: { Replicated: { Replicas: 1 } },
    TaskTemplate: {
      ...spec.TaskTemplate,
      ContainerSpec: { ...spec.TaskTemplate.ContainerSpec, Labels: {} },
      Networks: spec.TaskTemplate.Networks.map(({ Target }) => ({ Target })),
      Placement: { Constraints: ['node.role == manager'] },
    },
    EndpointSpec: {
      Mode: 'dnsrr',
      Ports: [{ Protocol: 'tcp', TargetPort: target, PublishedPort: published, PublishMode: 'host' }],
    },
  };
  await inNode(
    manager,
    "curl -sS --fail-with-body --unix-socket /var/run/docker.sock -H 'Content-Type: application/json' --data-binary @- http://localhost/services/create >/dev/null",
    {},
    { input: JSON.stringify(direct) },
  );
  const remove = () => service('rm', `direct_${name}`).catch(() => {});
  const deadline = Date.now() + 120_000;
  for (;;) {
    const status = await inNode(
      manager,
      `docker ps --filter label=com.docker.swarm.service.name=direct_${name} --format '{{.Status}}'`,
    );
    if (status.includes('(healthy)')) return { url: `http://${await nodeIp(manager)}:${published}`, remove };
    if (Date.now() > deadline) {
      await remove();
      throw new Error(`direct_${name} did not become healthy: ${status || 'no task'}`);
    }
    await sleep(1000);
  }
}
