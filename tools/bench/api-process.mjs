// The api as the benches run it: the built entry point on a MariaDB database, as production runs it,
// on a port of its own so its request logs can stay off (a process under load logs every request).
import { apiEnvOnTestMysql, freePort, startApi } from '@musicapp/test-kit';

/**
 * @param {object} options
 * @param {string} options.database  MariaDB database the api uses (it migrates it at start-up)
 * @param {Record<string, string>} [options.env]  more settings (keys, log level, rate limits…)
 * @param {string | null} [options.profileDir]  record a CPU profile there (--cpu-prof)
 * @param {boolean} [options.showLogs]  copy the api's stdout (its JSON logs) to our stderr
 */
export async function startBenchApi({ database, env = {}, profileDir = null, showLogs = false }) {
  return startApi({
    port: await freePort(),
    env: { ...apiEnvOnTestMysql(database), ...env },
    nodeFlags: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    logs: showLogs ? 'show' : 'quiet',
  });
}
