import { inNode } from '../local-swarm.mjs';
import { containersOf, inContainer } from '../swarm-stack.mjs';

export const check = {
  name: 'start-up',
  target:
    'reservasi.sql initialised the db; the api applied no migration; container logs rotate; no secret in the web image',
  async run(ctx) {
    // reservasi.sql stamps its migrations with a fixed time; one the api ran would carry today's.
    const [[row]] = await ctx.db.query(
      "select count(*) as recorded, coalesce(sum(migration_time <> '2026-01-01 00:00:00'), 0) as byApi from knex_migrations",
    );
    const logs = (
      await inNode(
        ctx.manager,
        'docker ps -q --filter label=com.docker.stack.namespace=musicapp | xargs docker inspect --format \'{{.Name}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config "max-size"}}\'',
      )
    )
      .split('\n')
      .filter(Boolean);
    const unrotated = logs.filter((line) => !/ json-file \d+[km]$/.test(line));
    // The Server Actions key reaches the web as a secret; no file of the image holds a copy.
    const [webTask] = await containersOf('web');
    const copies = (
      await inContainer(webTask, 'grep -rlF -f /run/secrets/next_server_actions_key /app 2>/dev/null; true')
    ).trim();
    return {
      pass:
        Number(row.recorded) > 0 &&
        Number(row.byApi) === 0 &&
        logs.length > 0 &&
        !unrotated.length &&
        copies === '',
      result:
        `${row.recorded} migrations recorded by reservasi.sql, ${row.byApi} applied by the api; ` +
        (unrotated.length
          ? `logs NOT rotated: ${unrotated.join(', ')}`
          : `${logs.length} containers on ${ctx.manager} log to json-file, rotated`) +
        (copies
          ? `; the Server Actions key IS in the web image: ${copies}`
          : '; no Server Actions key in the web image'),
    };
  },
};
