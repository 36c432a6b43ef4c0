import { BlockList, isIP } from "node:net";

/** `::ffff:192.0.2.1`, as a dual-stack socket reports an IPv4 peer, is `192.0.2.1`. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The proxies (load balancers, ingress controllers) whose `X-Forwarded-For` the gateway believes:
 * addresses and CIDR ranges, IPv4 or IPv6 (TRUSTED_PROXIES). Empty, no header is believed.
 */
export class TrustedProxies {
  readonly #list = new BlockList();
  readonly size: number;

  /** Throws on an entry that is neither an address nor a CIDR range; env.ts reports it at start. */
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = "", prefix] = entry.split("/");
      const family = isIP(address);
      const bits = prefix === undefined ? undefined : Number(prefix);
      const maxBits = family === 6 ? 128 : 32;
      if (!family || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))) {
        throw new Error(`"${entry}" is not an IP address or a CIDR range`);
      }
      const type = family === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) this.#list.addAddress(address, type);
      else this.#list.addSubnet(address, bits, type);
    }
    this.size = entries.length;
  }

  has(address: string): boolean {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && this.#list.check(plain, family === 6 ? "ipv6" : "ipv4");
  }
}

/**
 * The client's address, for rate limits and failed-authentication budgets. The socket's peer,
 * unless that peer is a trusted proxy: then `X-Forwarded-For` is read from the right (each proxy
 * appends the address it received from), skipping trusted proxies, and the first address that is
 * not one is the client's. Whatever a client writes into the header itself stands to the left of
 * what its first trusted proxy appended, so it is never reached. A malformed entry stops the walk
 * at the proxy that passed it on.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = plainAddress(socketAddress);
  if (trusted.size === 0 || !trusted.has(client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => plainAddress(hop.trim()));
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!;
    if (!isIP(hop)) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}
