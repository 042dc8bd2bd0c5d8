import { randomBytes } from 'node:crypto';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';
import { secretNames } from '../swarm-stack.mjs';

export const check = {
  name: 'admin password reset (compose/set-admin-password.sh)',
  target: 'the new password logs in; the old one and the sessions made with it do not',
  async run(ctx) {
    const login = (password) =>
      ctx.call('POST', '/authentications', { body: { username: 'admin', password } });
    const oldPassword = await ctx.adminPassword();
    const before = await login(oldPassword);
    const newPassword = randomBytes(12).toString('base64url');
    const begun = Date.now();
    await inNode(ctx.manager, 'compose/set-admin-password.sh', {
      ADMIN_PASSWORD: newPassword,
      ...ctx.deployEnv,
    });
    const tookMs = Date.now() - begun;
    const after = {
      oldPassword: (await login(oldPassword)).status,
      newPassword: (await login(newPassword)).status,
      oldSession: (
        await ctx.call('PUT', '/authentications', { body: { refreshToken: before.body?.data?.refreshToken } })
      ).status,
    };
    const secrets = await secretNames('musicapp_admin_password');
    return {
      pass:
        before.status === 201 &&
        after.oldPassword === 401 &&
        after.newPassword === 201 &&
        after.oldSession === 400 &&
        secrets.length === 1,
      result: `done in ${seconds(tookMs)}; login with the old password ${before.status} before, ${after.oldPassword} after; the new one ${after.newPassword}; a session from before ${after.oldSession}; admin password secrets now ${secrets.join(', ')}`,
    };
  },
};
