// What every check gets: the stack's addresses and database, calls and signed-in users, the admin
// token, load, direct replicas, log readers, the registry and the release's tag. Made once per run by
// createContext; the one thing a check may change for the others (the JWT key, after a rotation) is
// taken up through ctx.rereadAccessKey(), so no module keeps state of its own.
import { accessToken, createFans, createShow, mixedLoad } from '../load.mjs';
import { inNode, NODES } from '../local-swarm.mjs';
import { waitForStack, waitUntilServing } from '../stack-health.mjs';
import { secretOf, service, stackDb } from '../swarm-stack.mjs';
import { call, refreshLoop, signedInUser } from './api-client.mjs';
import { directReplica } from './direct-replica.mjs';
import {
  firstHealthyAt,
  logsOf,
  proxyLog,
  requestTimes,
  startedAt,
  taskLogs,
  watchNewTasks,
} from './task-logs.mjs';

// Where compose/rotate-jwt-keys.sh and the other chores record the secret names in use, for every
// later compose/deploy.sh.
const DEPLOY_ENV_FILE = '/var/lib/musicapp/deploy.env';

/** A service's image as its spec names it (`registry/name:tag@sha256:…`). */
export const imageOf = async (name) =>
  (await service('inspect', '--format', "'{{.Spec.TaskTemplate.ContainerSpec.Image}}'", name)).trim();
/** The tag of an image reference (`registry/name:tag@sha256:…` → `tag`). */
export const tagOf = (image) => image.trim().split('@')[0].split(':').pop();

/**
 * The context for a stack serving `web` and `api` (the URLs of nginx-frontend and nginx-backend):
 *   web, api, db (queries as root in the db task), manager, workers, registry (host:port), tag (the
 *   release stack:up deployed: every image has it, where api and web may since have rolled to
 *   another), deployEnv (for compose/*.sh);
 *   admin (a token of the admin account, signed at each use), accessKey (the key the stack signs
 *   with), rereadAccessKey() (after a key rotation: the key again from the stack), adminPassword()
 *   (the stack's own secret, so also right after a reset);
 *   call(method, path, { token, body, headers }), signedInUser(prefix), refreshLoop(refreshToken),
 *   createShow({ title, capacity }), createFans(count), loadFans(count, capacity, title),
 *   mixedLoad({ fans, showId, seconds }), converged(timeoutMs), serving(timeoutMs),
 *   directReplica(name, port), and logs: { of, tasks, proxy, requestTimes, firstHealthyAt, startedAt,
 *   watchNewTasks } (runbook/task-logs.mjs).
 */
export async function createContext({ web, api }) {
  const [manager, ...workers] = NODES;
  const db = stackDb();
  const registry = `${(await inNode(manager, "docker info --format '{{.Swarm.NodeAddr}}'")).trim()}:4000`;
  // compose/update.sh rolls api and web only, and a rollback only the api: nginx-frontend keeps the release.
  const tag = tagOf(await imageOf('musicapp_nginx-frontend'));
  const [[adminRow]] = await db.query('select id from users where username = ?', ['admin']);
  if (!adminRow) throw new Error('the stack has no admin account');
  const keys = { accessKey: await secretOf('api', 'access_token_key') };
  const rereadAccessKey = async () => {
    keys.accessKey = await secretOf('api', 'access_token_key');
  };
  // Signed afresh at every use (it expires in an hour), with the key the stack signs with now.
  const admin = () => accessToken(keys.accessKey, adminRow.id, 'admin');
  const bound = (method, path, options) => call(api, method, path, options);
  const createFansNow = (count) => createFans(db, keys.accessKey, count);
  const createShowNow = (show) => createShow(api, admin(), show);
  return Object.freeze({
    web,
    api,
    db,
    manager,
    workers,
    registry,
    tag,
    deployEnv: Object.freeze({ MUSICAPP_DEPLOY_ENV_FILE: DEPLOY_ENV_FILE }),
    get accessKey() {
      return keys.accessKey;
    },
    get admin() {
      return admin();
    },
    rereadAccessKey,
    adminPassword: () => secretOf('api', 'admin_password'),
    call: bound,
    signedInUser: (prefix) => signedInUser(bound, prefix),
    refreshLoop: (refreshToken) => refreshLoop(bound, refreshToken),
    createShow: createShowNow,
    createFans: createFansNow,
    loadFans: async (count, capacity, title) => ({
      fans: await createFansNow(count),
      showId: await createShowNow({ title, capacity }),
    }),
    mixedLoad: (options = {}) => mixedLoad({ api, web, ...options }),
    converged: (timeoutMs = 120_000) => waitForStack(manager, 'musicapp', { timeoutMs }),
    serving: (timeoutMs = 30_000) => waitUntilServing({ web, api }, { timeoutMs }),
    directReplica: (name, port) => directReplica(manager, name, port),
    logs: Object.freeze({
      of: logsOf,
      tasks: taskLogs,
      proxy: proxyLog,
      requestTimes,
      firstHealthyAt,
      startedAt,
      watchNewTasks,
    }),
  });
}
