import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup as lookupCallback } from 'node:dns';
import { msg, render, type Msg } from '../i18n';

// A provider's endpoint (its webhook, its SaaS endpoint) may point only at global unicast addresses: IPv4 outside the special-purpose
// registry's non-global blocks, IPv6 inside 2000::/3 outside its special blocks. An allow-list: an address
// form nobody thought of (IPv4-compatible, translated, site-local, NAT64, 6to4, Teredo) is refused.
const notGlobalV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  notGlobalV4.addSubnet(net, prefix, 'ipv4');
}
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');
const notGlobalV6 = new BlockList();
for (const [net, prefix] of [
  ['2001::', 23], // IETF protocol assignments, Teredo (2001::/32) included
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: carries an IPv4 address of any kind
  ['3fff::', 20], // documentation
] as const) {
  notGlobalV6.addSubnet(net, prefix, 'ipv6');
}
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const unmapped = (address: string) => (/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address);

/** Whether an address may receive the platform's calls: global unicast, or loopback where the local stage allows it. */
export const isAllowedAddress = (address: string, allowLoopback: boolean) => {
  const a = unmapped(address);
  const version = isIP(a);
  if (version === 0) return false;
  const family = version === 6 ? 'ipv6' : 'ipv4';
  if (allowLoopback && loopback.check(a, family)) return true;
  if (family === 'ipv4') return !notGlobalV4.check(a, 'ipv4');
  return globalUnicastV6.check(a, 'ipv6') && !notGlobalV6.check(a, 'ipv6');
};

/** Why an endpoint's address is refused: a catalogue message (the field message), in English as the error's message. */
export class UnsafeUrlError extends Error {
  constructor(readonly text: Msg) {
    super(render('en', text));
  }
}

/** Checks an endpoint's URL: https (http only to loopback on the local stage), resolving to allowed addresses only. */
export const checkEndpointUrl = async (raw: string, allowLoopback: boolean) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError(msg('field.notUrl'));
  }
  if (url.username || url.password) throw new UnsafeUrlError(msg('field.urlCredentials'));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new UnsafeUrlError(msg('field.hostUnresolved', { host }));
  }
  if (addresses.length === 0 || !addresses.every((a) => isAllowedAddress(a, allowLoopback))) {
    throw new UnsafeUrlError(msg('field.privateAddress'));
  }
  const isLoopback = addresses.every((a) => !isAllowedAddress(a, false));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowLoopback && isLoopback)) {
    throw new UnsafeUrlError(msg('field.httpsOnly'));
  }
  return url;
};

/**
 * A DNS lookup for the outbound request itself that refuses disallowed addresses, so a name that
 * resolved to a public address when registered cannot be re-pointed at the platform's network later.
 */
export const guardedLookup =
  (allowLoopback: boolean): LookupFunction =>
  (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as Array<{ address: string; family: number }>;
      const safe = list.find((a) => isAllowedAddress(a.address, allowLoopback));
      if (!safe || list.some((a) => !isAllowedAddress(a.address, allowLoopback))) {
        return callback(new UnsafeUrlError(msg('field.disallowedAddress', { host: hostname })), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as never as (e: null, a: unknown) => void)(null, [safe]);
      callback(null, safe.address, safe.family);
    });
  };

/** The webhook's name for the same check. */
export const checkWebhookUrl = checkEndpointUrl;
