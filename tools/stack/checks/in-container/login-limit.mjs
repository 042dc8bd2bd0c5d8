// Run inside an api task by the proxy check (runbook/in-container.mjs): eight quick wrong logins at
// one nginx-backend task over the overlay (each task keeps its own count, and the service name would
// spread the requests over all), each claiming another address in X-Forwarded-For. Prints the
// statuses, comma-separated. Over https with NODE_TLS_REJECT_UNAUTHORIZED=0: the certificate is for
// the public name, not this address.
import { lookup } from 'node:dns/promises';

process.removeAllListeners('warning'); // the one about NODE_TLS_REJECT_UNAUTHORIZED
const [one] = await lookup('tasks.nginx-backend', { all: true });
const statuses = [];
for (let i = 0; i < 8; i++) {
  const res = await fetch(`https://${one.address}:8443/authentications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
    body: JSON.stringify({ username: `inside${i}`, password: 'wrong-password' }),
  });
  statuses.push(res.status);
}
console.log(statuses.join(','));
