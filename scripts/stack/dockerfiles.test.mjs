import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { loadStack, repoRoot } from './stack-file.mjs';

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
  return { dockerfile, resolve, instructions, finalStage };
}

test('the stack builds the four app images, each from its own Dockerfile', () => {
  assert.deepEqual(built.map(([name]) => name).sort(), ['api', 'nginx-backend', 'nginx-frontend', 'web']);
});

for (const [name, service] of built) {
  describe(`${service.build.dockerfile} (${name})`, () => {
    const { dockerfile, resolve, instructions, finalStage } = readDockerfile(service.build.dockerfile);
    const keyword = (k) => finalStage.filter((i) => i.getKeyword() === k);

    test('builds from the repository root', () => {
      assert.equal(path.resolve(service.build.context), repoRoot.replace(/\/$/, ''));
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
  });
}
