import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress, trustedProxyHops } from '@/lib/client-address';

test('behind one proxy, the address it appended is the client, whatever the browser wrote before it', () => {
  assert.equal(clientAddress('203.0.113.9', 1), '203.0.113.9');
  assert.equal(clientAddress('198.51.100.1, 10.0.0.1, 203.0.113.9', 1), '203.0.113.9');
  assert.equal(clientAddress('1.2.3.4,2001:db8::7', 1), '2001:db8::7');
});

test('with no proxy in front of the web, no address is passed on, forged or not', () => {
  assert.equal(clientAddress('198.51.100.1', 0), null);
  assert.equal(clientAddress(null, 1), null);
  assert.equal(clientAddress('', 1), null);
});

test('an entry that is not an address is not passed on', () => {
  assert.equal(clientAddress('1.2.3.4, unknown', 1), null);
  assert.equal(clientAddress('1.2.3.4, 5.6.7.8\\r\\nx: y', 1), null);
  assert.equal(clientAddress('1.2.3.4', 2), null);
});

test('WEB_TRUSTED_PROXY_HOPS is a small whole number, or 0', () => {
  assert.equal(trustedProxyHops('1'), 1);
  assert.equal(trustedProxyHops(undefined), 0);
  assert.equal(trustedProxyHops('one'), 0);
  assert.equal(trustedProxyHops('-1'), 0);
});
