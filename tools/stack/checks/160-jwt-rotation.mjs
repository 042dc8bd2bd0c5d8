import { duringLoad, statusText } from '../load.mjs';
import { inNode } from '../local-swarm.mjs';
import { seconds } from '../runbook/results.mjs';
import { secretNames } from '../swarm-stack.mjs';

/** Phases 1 and 2 under load, with a session refreshing and using its tokens all along. */
async function rotate(ctx) {
  const { fans, showId } = await ctx.loadFans(1000, 200, 'Rotation');
  const session = await ctx.signedInUser('rotation');
  const sessions = ctx.refreshLoop(session.refreshToken);
  const load = ctx.mixedLoad({ fans, showId });
  const both = { stop: async () => ({ load: await load.stop(), refreshed: await sessions.stop() }) };
  const { value: rotatedMs, load: stopped } = await duringLoad(both, async () => {
    const begun = Date.now();
    await inNode(ctx.manager, 'compose/rotate-jwt-keys.sh', ctx.deployEnv);
    return Date.now() - begun;
  });
  return { fans, session, rotatedMs, ...stopped };
}

export const check = {
  name: 'JWT key rotation under load (compose/rotate-jwt-keys.sh)',
  target: 'no failed request while new keys come in; tokens of the old keys refused once it is finished',
  async run(ctx) {
    const { fans, session, rotatedMs, load, refreshed } = await rotate(ctx);
    const oldKeys = await secretNames('musicapp_access_token_key');
    await inNode(ctx.manager, 'compose/rotate-jwt-keys.sh --finish', ctx.deployEnv);
    // The stack signs with the new key from now on: so do the admin token and the fans of later checks.
    await ctx.rereadAccessKey();
    const left = await secretNames('musicapp_access_token_key');
    const after = {
      oldAccess: (await ctx.call('GET', '/playlists', { token: fans[0].token })).status,
      oldRefresh: (
        await ctx.call('PUT', '/authentications', { body: { refreshToken: session.refreshToken } })
      ).status,
      newSession: (
        await ctx.call('GET', '/playlists', { token: (await ctx.signedInUser('rotated')).accessToken })
      ).status,
      admin: (await ctx.call('GET', '/playlists', { token: ctx.admin })).status,
    };
    return {
      pass:
        load.failed === 0 &&
        refreshed.failed === 0 &&
        refreshed.uses > 0 &&
        after.oldAccess === 401 &&
        after.oldRefresh === 400 &&
        after.newSession === 200 &&
        after.admin === 200 &&
        left.length === oldKeys.length - 1,
      result:
        `phases 1 and 2 in ${seconds(rotatedMs)}: ${load.text}; a session refreshed ${refreshed.refreshes} times, its tokens used ${refreshed.uses} times (${statusText(refreshed.statuses)}); failed ${load.failed + refreshed.failed}. ` +
        `After --finish: old access token ${after.oldAccess}, old refresh token ${after.oldRefresh}, a new session ${after.newSession}, the harness's admin token with the key reread ${after.admin}; key secrets ${oldKeys.join(', ')} → ${left.join(', ')}`,
    };
  },
};
