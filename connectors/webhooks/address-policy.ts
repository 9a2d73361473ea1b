import ipaddr from 'ipaddr.js';

/** Where deliveries may go. Production: public unicast addresses only. */
export interface AddressPolicy {
  /** Development and tests: loopback addresses (127.0.0.0/8, ::1) are allowed too. */
  allowLoopback: boolean;
  /** Exact addresses an operator trusts beyond the public ones (an internal receiver), normalised. */
  allowAddresses?: readonly string[];
}

/**
 * Whether a delivery may connect to `address`. An IPv4-mapped IPv6 address is judged as the IPv4
 * address it carries; every range but public unicast (private, loopback, link-local, CGNAT, multicast,
 * NAT64, 6to4, Teredo, reserved...) is refused.
 */
export function addressAllowed(address: string, policy: AddressPolicy): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (policy.allowAddresses?.includes(ip.toNormalizedString())) return true;
  const range = ip.range();
  return range === 'unicast' || (policy.allowLoopback && range === 'loopback');
}

/** The host of a URL as an address when it is an IP literal (brackets of IPv6 removed), else null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}
