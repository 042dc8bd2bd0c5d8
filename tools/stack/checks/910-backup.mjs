import { backupAndRestore } from '../backup-check.mjs';

export const check = {
  name: 'backup under load, restored into a new stack (compose/backup.sh, compose/restore.sh)',
  target: 'the fresh stack gets back every table and reservation as dumped; 0 failed during the dump',
  async run(ctx) {
    const { fans, showId } = await ctx.loadFans(1000, 200, 'Backup');
    return backupAndRestore({
      manager: ctx.manager,
      registry: ctx.registry,
      tag: ctx.tag,
      deployEnv: ctx.deployEnv,
      db: ctx.db,
      load: () => ctx.mixedLoad({ fans, showId }),
      serving: () => ctx.serving(30_000),
    });
  },
};
