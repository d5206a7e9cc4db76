import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/*
 * Where a site's robot webhook may point (issue 12 item 7: an officer set a channel to an
 * internal address and the worker POSTed to it). Two checks, both needed:
 * - at input, the URL must be https on an allowed robot host (ROBOT_WEBHOOK_HOSTS);
 * - at send time, every address the host resolves to must be public unicast, and the connection
 *   goes to the address that was checked (the lookup below is the socket's own lookup), so a DNS
 *   answer that changes between check and connect (rebinding) cannot reach an internal address.
 */

export interface RobotAddressPolicy {
  /** Host names allowed for robot webhooks (exact match, lower case). */
  hosts: readonly string[];
  /**
   * Tests only (ROBOT_WEBHOOK_ALLOW_LOCAL_FOR_TESTS, refused outside NODE_ENV=test): http, any
   * host and local addresses, for the robots the tests run on 127.0.0.1.
   */
  allowLocal: boolean;
}

/** null when `target` may be a robot webhook, else why not (for the 400 naming the field). */
export function robotUrlProblem(target: string, policy: RobotAddressPolicy): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'must be a webhook URL';
  }
  if (policy.allowLocal && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.port && url.port !== '443') return 'must use the standard https port';
  if (!policy.hosts.includes(url.hostname.toLowerCase())) {
    return `must be a robot webhook on ${policy.hosts.join(' or ')}`;
  }
  return null;
}

/** The address is refused: the delivery fails at once (a retry would meet the same answer). */
export class RobotAddressRefused extends Error {}

/** Public unicast only: loopback, private, link-local, CGNAT, multicast, reserved … are refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ipaddr.process turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as IPv4.
  return ipaddr.process(address).range() === 'unicast';
}

/** Throws RobotAddressRefused when the URL names a non-public IP literal (no lookup happens for those). */
export function assertPublicLiteral(hostname: string, policy: RobotAddressPolicy): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowLocal && isIP(host) && !isPublicAddress(host)) {
    throw new RobotAddressRefused('refused: the robot address is not public');
  }
}

/**
 * A socket lookup that resolves the host and refuses it when any of its addresses is not public;
 * the socket then connects to the checked address.
 */
export function publicOnlyLookup(policy: RobotAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (!policy.allowLocal && (!addresses.length || addresses.some((a) => !isPublicAddress(a.address)))) {
        return callback(
          new RobotAddressRefused('refused: the robot host resolves to a non-public address'),
          '',
          0,
        );
      }
      if ((options as { all?: boolean }).all) {
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      }
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** The policy of this process's configuration. */
export function robotAddressPolicy(config: {
  robotHosts: string[];
  robotAllowLocalForTests: boolean;
}): RobotAddressPolicy {
  return { hosts: config.robotHosts, allowLocal: config.robotAllowLocalForTests };
}
