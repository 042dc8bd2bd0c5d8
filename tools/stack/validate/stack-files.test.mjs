import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '@musicapp/test-kit';
import { durationSeconds, loadStack, PLACEHOLDER_IMAGES, replicasOf } from '../stack-file.mjs';

// The stack's contract, checked on the file exactly as `docker stack deploy` parses it.
const stack = loadStack('docker-compose.yaml');
const services = stack.services;
const expected = {
  db: { replicas: 1, networks: ['db-network'] },
  api: { replicas: 3, networks: ['api-network', 'db-network'] },
  web: { replicas: 2, networks: ['web-network'] },
  'nginx-backend': { replicas: 'global', networks: ['api-network', 'web-network'] },
  'nginx-frontend': { replicas: 'global', networks: ['web-network'] },
};
const appServices = ['api', 'web', 'nginx-backend', 'nginx-frontend'];
const networksOf = (service) =>
  (Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {})).sort();

describe('docker-compose.yaml', () => {
  test('has exactly the five services, with their replicas and tier networks', () => {
    assert.deepEqual(Object.keys(services).sort(), Object.keys(expected).sort());
    for (const [name, want] of Object.entries(expected)) {
      assert.equal(replicasOf(services[name]), want.replicas, `${name} replicas`);
      assert.deepEqual(networksOf(services[name]), want.networks, `${name} networks`);
    }
    for (const network of ['db-network', 'api-network', 'web-network']) {
      assert.equal(stack.networks[network]?.driver, 'overlay', `${network} is an overlay`);
    }
  });

  test('each tier believes X-Forwarded-For from exactly the subnet of the proxies in front of it', () => {
    const subnet = (network) => stack.networks[network]?.ipam?.config?.[0]?.subnet;
    for (const network of ['db-network', 'api-network', 'web-network']) {
      assert.match(String(subnet(network)), /^\d+\.\d+\.\d+\.\d+\/\d+$/, `${network} has a subnet`);
    }
    assert.equal(services.api.environment.TRUST_PROXY, subnet('api-network'), 'the api trusts nginx-backend');
    assert.equal(
      services['nginx-backend'].environment.NGINX_TRUSTED_PROXIES,
      subnet('web-network'),
      'nginx-backend trusts the web replicas',
    );
  });

  test('every container log rotates (json-file, size-capped, a few files), here and in the registry stack', () => {
    const registry = loadStack('compose/registry.yaml');
    for (const [name, service] of [...Object.entries(services), ['registry', registry.services.registry]]) {
      const { driver, options = {} } = service.logging ?? {};
      assert.equal(driver, 'json-file', `${name} log driver`);
      assert.match(String(options['max-size']), /^\d+[km]$/, `${name} max-size`);
      assert.ok(Number(options['max-file']) >= 2, `${name} max-file`);
    }
  });

  test('names every app image after the registry and tag, which must be given: never `latest` by default', () => {
    const tagged = loadStack('docker-compose.yaml', { REGISTRY: 'registry.example:5000', TAG: 'abc123' });
    for (const name of appServices) {
      assert.equal(tagged.services[name].image, `registry.example:5000/musicapp-${name}:abc123`);
    }
    // Without TAG the file does not load (REGISTRY is required the same way, and compose/deploy.sh
    // checks both: docker's CLI enforces only the last `:?` of a value).
    assert.throws(
      () => loadStack('docker-compose.yaml', { REGISTRY: 'r.example:5000' }),
      /required variable TAG/,
    );
    assert.match(services.db.image, /^mysql:9\.7\.\d+$/, 'db runs a pinned mysql 9.7 (LTS)');
  });

  test('needs no IPVS: every service is DNS round-robin and publishes in host mode only', () => {
    for (const file of ['docker-compose.yaml', 'compose/registry.yaml']) {
      for (const [name, service] of Object.entries(loadStack(file).services)) {
        assert.equal(service.deploy?.endpoint_mode, 'dnsrr', `${file}: ${name} has no virtual IP`);
        for (const port of service.ports ?? [])
          assert.equal(port.mode, 'host', `${file}: ${name} publishes ${port.published} in host mode`);
      }
    }
  });

  test('keeps every password and key in swarm secrets read through *_FILE, none in the file', () => {
    for (const [name, secret] of Object.entries(stack.secrets)) {
      assert.equal(secret.external, true, `secret ${name} is created outside the file`);
      assert.equal(secret.file, undefined);
    }
    for (const [name, service] of Object.entries(services)) {
      const mounted = new Set((service.secrets ?? []).map((s) => s.target ?? s.source));
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        assert.doesNotMatch(
          key,
          /(PASSWORD|SECRET|TOKEN|_KEY)$/,
          `${name}.${key} would be a plaintext secret`,
        );
        if (key.endsWith('_FILE')) {
          const secret = String(value).replace('/run/secrets/', '');
          assert.ok(mounted.has(secret), `${name}.${key} reads ${value}, which ${name} must mount`);
        }
      }
    }
    const raw = readFileSync(path.join(repoRoot, 'docker-compose.yaml'), 'utf8');
    assert.doesNotMatch(
      raw,
      /^\s*[A-Z_]*(PASSWORD|_KEY|SECRET):\s*["']?[^\s"'/$#][^\n]*$/m,
      'no literal secret value',
    );
  });

  test('secrets that scripts replace follow the names in MUSICAPP_DEPLOY_ENV_FILE, defaulting to the first ones', () => {
    // No rotation under way by default: each rotation key is the key itself.
    assert.equal(stack.secrets.access_token_rotation_key.name, stack.secrets.access_token_key.name);
    assert.equal(stack.secrets.refresh_token_rotation_key.name, stack.secrets.refresh_token_key.name);
    assert.equal(stack.secrets.admin_password.name, 'musicapp_admin_password');
    assert.equal(stack.secrets.db_password.name, 'musicapp_db_password');
    const rotated = loadStack('docker-compose.yaml', {
      ...PLACEHOLDER_IMAGES,
      ACCESS_TOKEN_KEY_SECRET: 'musicapp_access_token_key_2',
      ACCESS_TOKEN_ROTATION_KEY_SECRET: 'musicapp_access_token_key',
      ADMIN_PASSWORD_SECRET: 'musicapp_admin_password_2',
    });
    assert.equal(rotated.secrets.access_token_key.name, 'musicapp_access_token_key_2');
    assert.equal(rotated.secrets.access_token_rotation_key.name, 'musicapp_access_token_key');
    assert.equal(rotated.secrets.admin_password.name, 'musicapp_admin_password_2');
    const env = services.api.environment;
    assert.equal(env.ACCESS_TOKEN_ROTATION_KEY_FILE, '/run/secrets/access_token_rotation_key');
    assert.equal(env.REFRESH_TOKEN_ROTATION_KEY_FILE, '/run/secrets/refresh_token_rotation_key');
  });

  test('gives every service a healthcheck that does not depend on the database for the api', () => {
    for (const [name, service] of Object.entries(services)) {
      assert.ok(service.healthcheck?.test?.length, `${name} has a healthcheck`);
      assert.notEqual(service.healthcheck.disable, true);
    }
    assert.ok(services.api.healthcheck.test.join(' ').includes('/health'), 'api liveness is /health');
    assert.ok(!services.api.healthcheck.test.join(' ').includes('/ready'), 'never /ready (database)');
    assert.ok(services.db.healthcheck.test.join(' ').includes('--protocol=tcp'), 'db checked over TCP');
  });

  test('rolls api and web out one at a time, start-first, rolling back on failure', () => {
    for (const name of ['api', 'web']) {
      const { deploy } = services[name];
      assert.equal(deploy.update_config.parallelism, 1);
      assert.equal(deploy.update_config.order, 'start-first', `${name} starts the new task first`);
      assert.equal(deploy.update_config.failure_action, 'rollback');
      assert.ok(durationSeconds(deploy.update_config.monitor) > 0, `${name} monitors new tasks`);
      assert.equal(deploy.rollback_config.order, 'start-first');
      assert.equal(deploy.restart_policy.condition, 'any');
      assert.ok(deploy.resources.limits.memory, `${name} has a memory limit`);
      assert.ok(deploy.resources.limits.cpus, `${name} has a cpu limit`);
    }
    const drain = Number(services.api.environment.SHUTDOWN_TIMEOUT_SECONDS);
    assert.ok(durationSeconds(services.api.stop_grace_period) > drain + 2, 'grace period outlasts the drain');
  });

  test('keeps the database single, pinned, unpublished, stop-first and initialised by reservasi.sql', () => {
    const { db } = services;
    assert.equal(db.ports, undefined, 'the database is never published');
    assert.equal(db.deploy.update_config.order, 'stop-first');
    assert.ok(db.deploy.placement.constraints.some((c) => c.startsWith('node.labels.')));
    assert.ok(
      db.volumes.some((v) => v.target === '/var/lib/mysql'),
      'data on a volume',
    );
    const init = db.configs.find((c) => c.target.startsWith('/docker-entrypoint-initdb.d/'));
    assert.ok(init, 'an init script config');
    assert.ok(stack.configs[init.source].file.endsWith('reservasi.sql'));
    assert.match(stack.configs[init.source].name, /reservasi_sql_/, 'a versioned config name');
    const hashed = loadStack('docker-compose.yaml', {
      ...PLACEHOLDER_IMAGES,
      RESERVASI_SQL_HASH: '0123abcd',
    });
    assert.equal(hashed.configs[init.source].name, 'musicapp_reservasi_sql_0123abcd');
  });

  test('publishes only the two proxies, in host mode so they see client addresses', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    assert.deepEqual(published.map(([name]) => name).sort(), ['nginx-backend', 'nginx-frontend']);
    // https, and plain HTTP that redirects to it (nginx-backend's also carries the web tier's calls).
    const ports = (name) =>
      services[name].ports.map((p) => [p.published, p.target, p.mode]).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(ports('nginx-frontend'), [
      [80, 8080, 'host'],
      [443, 8443, 'host'],
    ]);
    assert.deepEqual(ports('nginx-backend'), [
      [8080, 8080, 'host'],
      [8443, 8443, 'host'],
    ]);
  });

  test('both proxies terminate TLS with the certificate and key from swarm secrets', () => {
    for (const name of ['nginx-frontend', 'nginx-backend']) {
      const service = services[name];
      const targets = Object.fromEntries(
        service.secrets.map((s) => [s.source, s.target ?? `/run/secrets/${s.source}`]),
      );
      assert.equal(service.environment.NGINX_TLS_CERTIFICATE_FILE, targets.tls_certificate, name);
      assert.equal(service.environment.NGINX_TLS_KEY_FILE, targets.tls_key, name);
      assert.equal(
        String(service.environment.NGINX_HTTPS_PORT),
        String(service.ports.find((p) => p.target === Number(service.environment.NGINX_TLS_PORT)).published),
        `${name} redirects plain HTTP to its published https port`,
      );
    }
    assert.equal(stack.secrets.tls_certificate.name, 'musicapp_tls_certificate');
    assert.equal(stack.secrets.tls_key.name, 'musicapp_tls_key');
  });
});

describe('compose/ stack files', () => {
  test('the registry stack: registry 3 on 4000 (host mode), htpasswd accounts and TLS from secrets', () => {
    const registry = loadStack('compose/registry.yaml').services.registry;
    assert.match(registry.image, /^registry:3\.\d+\.\d+$/);
    assert.deepEqual(
      { published: registry.ports[0].published, mode: registry.ports[0].mode },
      { published: 4000, mode: 'host' },
    );
    assert.ok(registry.volumes.some((v) => v.target === '/var/lib/registry'));
    assert.ok(registry.healthcheck.test.length);
    assert.equal(registry.environment.REGISTRY_AUTH, 'htpasswd');
    const secrets = new Set(registry.secrets.map((s) => s.source));
    for (const file of [
      'REGISTRY_AUTH_HTPASSWD_PATH',
      'REGISTRY_HTTP_TLS_CERTIFICATE',
      'REGISTRY_HTTP_TLS_KEY',
    ]) {
      assert.ok(secrets.has(registry.environment[file].replace('/run/secrets/', '')), `${file} is a secret`);
    }
  });

  test('the encryption override encrypts every overlay of the stack and changes nothing else', () => {
    const encrypted = loadStack(
      ['docker-compose.yaml', 'compose/docker-compose.encrypted.yaml'],
      PLACEHOLDER_IMAGES,
    );
    const plain = loadStack('docker-compose.yaml', PLACEHOLDER_IMAGES);
    assert.deepEqual(Object.keys(encrypted.networks).sort(), Object.keys(plain.networks).sort());
    for (const [name, network] of Object.entries(encrypted.networks)) {
      assert.equal(network.driver_opts?.encrypted, 'true', `${name} is encrypted`);
      const { driver_opts, ...rest } = network;
      assert.deepEqual(rest, plain.networks[name], `${name} is otherwise as in docker-compose.yaml`);
    }
  });

  test('the NFS override puts the database volume on NFS', () => {
    const nfs = loadStack(['docker-compose.yaml', 'compose/docker-compose.nfs.yaml'], {
      ...PLACEHOLDER_IMAGES,
      NFS_SERVER: '10.1.2.3',
    });
    assert.equal(nfs.volumes['db-data'].driver_opts.type, 'nfs');
    assert.match(nfs.volumes['db-data'].driver_opts.o, /addr=10\.1\.2\.3/);
  });
});
