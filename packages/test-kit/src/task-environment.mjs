import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './repo-root.mjs';

/**
 * @typedef {{ configured: string[] | null, inferred: string[] | null, passthrough: string[] | null }} TaskEnvironment
 */

/**
 * Which of `names` `turbo run <task>` hands to that task of `workspace`, asked of turbo itself: a dry
 * run with each of them set, so its strict env mode and wildcards are read as turbo reads them (turbo 2
 * drops every variable a task does not declare, silently).
 * @param {string} workspace  a package name, e.g. '@musicapp/api'
 * @param {string} task  e.g. 'test'
 * @param {readonly string[]} names
 * @returns {Set<string>}
 */
export function variablesReachingTask(workspace, task, names) {
  /** @type {Record<string, string>} */
  const env = { PATH: process.env.PATH ?? '', TURBO_TELEMETRY_DISABLED: '1' };
  for (const name of names) env[name] = 'set';
  const output = execFileSync(
    join(repoRoot, 'node_modules/.bin/turbo'),
    ['run', task, '--dry=json', `--filter=${workspace}`],
    { cwd: repoRoot, env, encoding: 'utf8' },
  );
  /** @type {{ globalCacheInputs: { environmentVariables: TaskEnvironment }, tasks: { taskId: string, environmentVariables: TaskEnvironment }[] }} */
  const plan = JSON.parse(output);
  const planned = plan.tasks.find((t) => t.taskId === `${workspace}#${task}`);
  if (!planned) throw new Error(`turbo plans no ${workspace}#${task}`);
  const reaching = new Set();
  for (const group of [plan.globalCacheInputs.environmentVariables, planned.environmentVariables]) {
    for (const entry of [
      ...(group.configured ?? []),
      ...(group.inferred ?? []),
      ...(group.passthrough ?? []),
    ]) {
      reaching.add(entry.slice(0, entry.indexOf('=')));
    }
  }
  return reaching;
}

/**
 * Which of `names` `turbo run dev` hands to the dev task of `workspace` (see variablesReachingTask).
 * @param {string} workspace
 * @param {readonly string[]} names
 * @returns {Set<string>}
 */
export const variablesReachingDev = (workspace, names) => variablesReachingTask(workspace, 'dev', names);
