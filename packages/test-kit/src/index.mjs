// One copy of what the api tests, the browser journeys, the benches and the stack tooling share.
export { spawnApi, startApi } from './api-process.mjs';
export { freePort } from './ports.mjs';
export { repoRoot } from './repo-root.mjs';
export { startProcess, waitUntilAnswering } from './server-process.mjs';
export { variablesReachingDev, variablesReachingTask } from './task-environment.mjs';
export { apiEnvOnTestMysql, testMysqlServer } from './test-mysql.mjs';

/** @typedef {import('./api-process.mjs').ApiOptions} ApiOptions */
/** @typedef {import('./api-process.mjs').ListeningApi} ListeningApi */
/** @typedef {import('./server-process.mjs').Logs} Logs */
/** @typedef {import('./server-process.mjs').ServerProcess} ServerProcess */
/** @typedef {import('./test-mysql.mjs').MysqlServer} MysqlServer */
