import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:tls';
import { publishedPort } from '../local-swarm.mjs';
import { nodeScript } from '../runbook/in-container.mjs';
import { containersOf } from '../swarm-stack.mjs';
import { testCertificate } from '../test-certificate.mjs';

/** The SHA-256 fingerprint of the certificate an https URL serves. */
async function servedCertificate(url) {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port), servername: 'localhost' });
  try {
    await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject));
    return socket.getPeerX509Certificate().fingerprint256;
  } finally {
    socket.destroy();
  }
}

/**
 * Plain HTTP from outside: a 308 to the same path on the public https port (a POST stays a POST); the
 * same from inside the cluster but outside the web tier (an api task); served from a web task.
 */
async function redirects(ctx, problems) {
  const plain = {
    'nginx-frontend': [await publishedPort(ctx.manager, 80), 'GET', '/shows?page=2', 443],
    'nginx-backend': [await publishedPort(ctx.manager, 8080), 'POST', '/authentications', 8443],
  };
  const seen = [];
  for (const [name, [port, method, path, httpsPort]] of Object.entries(plain)) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, redirect: 'manual' });
    const location = res.headers.get('location');
    seen.push(`${name} ${method} ${res.status} → ${location}`);
    if (res.status !== 308 || location !== `https://127.0.0.1:${httpsPort}${path}`) {
      problems.push(`plain ${method} ${path} at ${name}: ${res.status} ${location}`);
    }
  }
  const inside = {};
  for (const [tier, expected] of [
    ['api', '308'],
    ['web', '200'],
  ]) {
    const [task] = await containersOf(tier);
    const url = 'http://tasks.nginx-backend:8080/shows';
    inside[tier] = (await nodeScript(task, 'plain-http-status', { URL: url })).trim();
    if (inside[tier] !== expected) problems.push(`plain HTTP from a ${tier} task: ${inside[tier]}`);
  }
  return `${seen.join(', ')}; from an api task ${inside.api}, from a web task ${inside.web}`;
}

export const check = {
  name: 'TLS at both proxies',
  target:
    'the certificate from the swarm secrets; plain HTTP redirected to https (not for the web tier); HSTS over https',
  async run(ctx) {
    const problems = [];
    const given = new X509Certificate(readFileSync(testCertificate.certificate)).fingerprint256;
    for (const [name, url] of Object.entries({ 'nginx-frontend': ctx.web, 'nginx-backend': ctx.api })) {
      if ((await servedCertificate(url)) !== given) problems.push(`${name} serves another certificate`);
    }
    const redirected = await redirects(ctx, problems);
    const hsts = {
      'nginx-frontend': (await fetch(`${ctx.web}/shows`)).headers.get('strict-transport-security'),
      'the api': (await fetch(`${ctx.api}/shows`)).headers.get('strict-transport-security'),
    };
    for (const [name, value] of Object.entries(hsts)) {
      if (Number(/max-age=(\d+)/.exec(value ?? '')?.[1] ?? 0) < 31_536_000) {
        problems.push(`HSTS from ${name}: ${value}`);
      }
    }
    return {
      pass: problems.length === 0,
      result: problems.length
        ? problems.join('; ')
        : `both serve the given certificate; ${redirected}; HSTS ${Object.values(hsts).join(' / ')}`,
    };
  },
};
