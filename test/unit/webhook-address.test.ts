import { describe, expect, it } from 'vitest';
import { isAllowedAddress } from '../../lib/webhooks/address';

describe('webhook addresses: only global unicast', () => {
  it.each([
    '::7f00:1', // IPv4-compatible loopback
    '::ffff:0:7f00:1', // IPv4-translated loopback (RFC 6145)
    '::ffff:7f00:1', // IPv4-mapped loopback, hex form
    'fec0::1', // site-local
    '64:ff9b:1::a00:1', // local-use NAT64 to 10.0.0.1
    '64:ff9b::a00:1', // well-known NAT64 to 10.0.0.1
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '2001:0:7f00:1::', // Teredo
    '2001:db8::1', // documentation
    '100::1', // discard
    'fd00::1',
    'fe80::1',
    '::1',
    '::',
    'ff02::1',
    '127.0.0.1',
    '10.1.2.3',
    '169.254.169.254',
    '0.0.0.0',
    '192.0.2.1',
    '198.51.100.1',
    '203.0.113.1',
  ])('refuses %s', (address) => {
    expect(isAllowedAddress(address, false)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isAllowedAddress(address, false)).toBe(true);
  });

  it('allows loopback only where the local stage says so', () => {
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('::1', true)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', true)).toBe(false);
  });
});
