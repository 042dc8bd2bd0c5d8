import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@musicapp/test-kit';
import { run } from '../local-swarm.mjs';
import { testCertificate } from '../test-certificate.mjs';

const JOURNEYS = 'e2e/journeys.e2e.ts'; // in apps/web
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How many journeys the file declares: its `test(` calls (not test.skip or test.todo). */
export const declaredJourneys = (source) => source.match(/^\s*test\(/gm)?.length ?? 0;

/** The TAP summary's counts (`# pass 15`), each null when the line is missing. */
export function tapCounts(output) {
  const count = (name) => {
    const found = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(output);
    return found ? Number(found[1]) : null;
  };
  return { passed: count('pass'), failed: count('fail'), cancelled: count('cancelled') };
}

export const check = {
  name: 'browser journeys through nginx-frontend',
  target: 'every journey passes',
  async run(ctx) {
    const web = join(repoRoot, 'apps/web');
    const declared = declaredJourneys(readFileSync(join(web, JOURNEYS), 'utf8'));
    const out = await run(
      join(repoRoot, 'node_modules/.bin/tsx'),
      ['--test', '--test-concurrency=1', JOURNEYS],
      {
        cwd: web,
        env: {
          E2E_WEB_URL: ctx.web,
          E2E_API_URL: ctx.api,
          E2E_ADMIN_USERNAME: 'admin',
          E2E_ADMIN_PASSWORD: await ctx.adminPassword(),
          E2E_SCREENSHOTS_DIR: join('/tmp', `musicapp-stack-test-${process.pid}`),
          E2E_TRUSTED_CERTIFICATE: testCertificate.certificate,
          CHROMIUM_PATH: CHROMIUM,
        },
      },
    ).then(
      (o) => ({ ok: true, o }),
      (e) => ({ ok: false, o: e.message }),
    );
    const { passed, failed, cancelled } = tapCounts(out.o);
    if (!out.ok) {
      // The failed journeys' own reports (name, step, error), not whatever the run printed last.
      const failures = out.o.split('# Subtest: ').filter((part) => /^\s*not ok \d+ - /m.test(part));
      console.error(failures.length ? failures.join('# Subtest: ').slice(-12_000) : out.o.slice(-3000));
    }
    return {
      pass: out.ok && declared > 0 && passed === declared && failed === 0,
      result:
        `${passed ?? 'no'} passed of the ${declared} journeys ${JOURNEYS} declares, ${failed ?? '?'} failed` +
        (cancelled ? `, ${cancelled} cancelled` : ''),
    };
  },
};
