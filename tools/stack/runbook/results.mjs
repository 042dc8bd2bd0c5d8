// Running one check and keeping its row of the runbook's table.

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs one check with the context; an exception is a failed check with the error's first lines as its
 * result, and the run goes on. Prints `PASS  <name>: <result> (<duration>)` and resolves with the row.
 */
export async function runCheck(check, ctx, { log = console.log, now = Date.now } = {}) {
  const begun = now();
  let outcome;
  try {
    const { pass, result } = await check.run(ctx);
    outcome = { pass: pass === true, result: String(result) };
  } catch (error) {
    const message = String(error?.message ?? error);
    outcome = { pass: false, result: `error: ${message.split('\n').slice(0, 6).join(' | ')}` };
  }
  const duration = seconds(now() - begun);
  const pass = outcome.pass ? 'PASS' : 'FAIL';
  log(`${pass}  ${check.name}: ${outcome.result} (${duration})`);
  return { step: check.name, target: check.target, pass, result: outcome.result, duration };
}

/** The closing line's counts and the exit code: 0 only when something ran and nothing failed. */
export function summary(rows, { aborted = false } = {}) {
  const passed = rows.filter((r) => r.pass === 'PASS').length;
  const failed = rows.filter((r) => r.pass === 'FAIL').length;
  return { passed, failed, exitCode: aborted || passed === 0 || failed > 0 ? 1 : 0 };
}
