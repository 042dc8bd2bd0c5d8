import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '@musicapp/test-kit';
import { DockerfileParser } from 'dockerfile-ast';
import { loadStack } from '../stack-file.mjs';

// Every image the stack builds, checked on the parsed Dockerfile (dockerfile-ast), not by grepping.
const stack = loadStack('docker-compose.yaml');
const built = Object.entries(stack.services).filter(([, service]) => service.build);

function readDockerfile(relative) {
  const dockerfile = DockerfileParser.parse(readFileSync(path.join(repoRoot, relative), 'utf8'));
  const args = new Map(
    dockerfile.getARGs().map((arg) => [arg.getProperty()?.getName(), arg.getProperty()?.getValue()]),
  );
  const resolve = (text) => text.replace(/\$\{?(\w+)\}?/g, (_, name) => args.get(name) ?? '');
  const instructions = dockerfile.getInstructions();
  const lastFrom = dockerfile.getFROMs().at(-1);
  const finalStage = instructions.filter((i) => i.getRange().start.line >= lastFrom.getRange().start.line);
  // The instructions of each named stage, from its FROM to the next one.
  const froms = dockerfile.getFROMs();
  const stages = new Map(
    froms.map((from, at) => {
      const start = from.getRange().start.line;
      const end = froms[at + 1]?.getRange().start.line ?? Number.POSITIVE_INFINITY;
      const lines = instructions.filter(
        (i) => i.getRange().start.line >= start && i.getRange().start.line < end,
      );
      return [from.getBuildStage(), lines];
    }),
  );
  return { dockerfile, resolve, instructions, finalStage, stages };
}

/** Each `npm ci` / `npm install` of a RUN (a global tool install aside), as its list of words. */
function npmInstalls(run) {
  return [...run.getArgumentsContent().matchAll(/\bnpm\s+(?:ci|install)\b[^&|;\n]*/g)]
    .map(([command]) => command.trim().split(/\s+/))
    .filter((words) => !words.includes('--global') && !words.includes('-g'));
}

test('the stack builds the four app images, each from its own Dockerfile', () => {
  assert.deepEqual(built.map(([name]) => name).sort(), ['api', 'nginx-backend', 'nginx-frontend', 'web']);
});

for (const [name, service] of built) {
  describe(`${service.build.dockerfile} (${name})`, () => {
    const { dockerfile, resolve, instructions, finalStage, stages } = readDockerfile(
      service.build.dockerfile,
    );
    const keyword = (k) => finalStage.filter((i) => i.getKeyword() === k);

    test('builds from the repository root', () => {
      // A relative context is relative to the stack file, which is at the root.
      assert.equal(path.resolve(repoRoot, service.build.context), path.resolve(repoRoot));
    });

    test('pins every base image to a version, never latest', () => {
      const stages = new Set();
      for (const from of dockerfile.getFROMs()) {
        const image = resolve(from.getImage());
        if (!stages.has(image)) {
          assert.match(image, /^[\w./-]+(:\d+\.\d+\.\d+[\w.-]*|@sha256:[0-9a-f]{64})$/, `${image} is pinned`);
        }
        if (from.getBuildStage()) stages.add(from.getBuildStage());
      }
    });

    test('runs as a non-root user', () => {
      const user = keyword('USER').at(-1)?.getArgumentsContent();
      assert.ok(user, 'the final stage sets USER');
      assert.doesNotMatch(user, /^(root|0)(:|$)/);
    });

    test('declares a HEALTHCHECK and the port it serves', () => {
      const healthcheck = keyword('HEALTHCHECK').at(-1);
      assert.ok(healthcheck, 'HEALTHCHECK present');
      assert.doesNotMatch(healthcheck.getArgumentsContent(), /^NONE/);
      assert.ok(keyword('EXPOSE').length, 'EXPOSE present');
    });

    test('keeps secrets out of ARG and ENV', () => {
      for (const instruction of instructions.filter((i) => ['ARG', 'ENV'].includes(i.getKeyword()))) {
        for (const property of instruction.getProperties()) {
          assert.doesNotMatch(property.getName(), /PASSWORD|SECRET|TOKEN|_KEY$/, `${property.getName()}`);
        }
      }
    });

    if (name === 'api' || name === 'web') {
      test('prunes the monorepo with turbo and installs from the lockfile', () => {
        const runs = instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent());
        assert.ok(runs.some((r) => r.includes(`turbo prune @musicapp/${name} --docker`)));
        assert.ok(runs.some((r) => /\bnpm ci\b/.test(r)));
      });

      test('starts node directly under tini, in exec form', () => {
        const entrypoint = keyword('ENTRYPOINT').at(-1)?.getArgumentsContent() ?? '';
        assert.match(entrypoint, /^\[\s*"\/usr\/bin\/tini"/, 'tini is the init process');
        const cmd = keyword('CMD').at(-1)?.getArgumentsContent() ?? '';
        assert.match(cmd, /^\[\s*"node"/, 'CMD ["node", …], never npm start');
      });
    }

    if (name === 'api') {
      test('ships production dependencies alone: the SQLite driver is neither compiled nor in the image', () => {
        // Production refuses the embedded database, so its driver is a development dependency (knex
        // loads a client's driver only when that client is used).
        const api = JSON.parse(readFileSync(path.join(repoRoot, 'apps/api/package.json'), 'utf8'));
        for (const driver of ['better-sqlite3', 'sqlite3']) {
          assert.ok(!(driver in (api.dependencies ?? {})), `${driver} is not a production dependency`);
        }
        assert.ok('better-sqlite3' in api.devDependencies, 'development keeps its SQLite driver');
        // The image's node_modules come from a stage whose every install omits the dev dependencies.
        const copy = keyword('COPY').find((c) => /\/node_modules\/?$/.test(c.getArgumentsContent().trim()));
        const source = copy
          ?.getFlags()
          .find((flag) => flag.getName() === 'from')
          ?.getValue();
        assert.ok(source && stages.has(source), 'the runtime copies node_modules from a build stage');
        const installs = stages
          .get(source)
          .filter((i) => i.getKeyword() === 'RUN')
          .flatMap(npmInstalls);
        assert.ok(installs.length, `stage ${source} installs the dependencies`);
        for (const words of installs) {
          assert.ok(
            words.includes('--omit=dev'),
            `${words.join(' ')}: the image's node_modules omit dev dependencies`,
          );
        }
        // Any other install runs no install scripts, so no native module is compiled.
        for (const words of instructions.filter((i) => i.getKeyword() === 'RUN').flatMap(npmInstalls)) {
          assert.ok(
            words.includes('--omit=dev') || words.includes('--ignore-scripts'),
            `${words.join(' ')}: installing dev dependencies compiles nothing (--ignore-scripts)`,
          );
        }
      });
    }
  });
}
