import { describe, expect, it } from "vitest";
import { clientAddress, TrustedProxies } from "./client-address.js";

describe("clientAddress", () => {
  const proxies = new TrustedProxies(["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"]);

  it("is the socket's peer when no proxy is trusted, whatever the header says", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", new TrustedProxies([]))).toBe("203.0.113.5");
  });

  it("is the socket's peer when that peer is no trusted proxy", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", proxies)).toBe("203.0.113.5");
  });

  it("is the rightmost address that is not a trusted proxy, through several proxies", () => {
    expect(clientAddress("::ffff:10.0.0.2", "6.6.6.6, 198.51.100.1, 192.0.2.1", proxies)).toBe(
      "198.51.100.1",
    );
    expect(clientAddress("2001:db8::1", "2001:db8:ffff::9, 198.51.100.2", proxies)).toBe("198.51.100.2");
    expect(clientAddress("10.0.0.2", ["198.51.100.3", "10.0.0.7"], proxies)).toBe("198.51.100.3");
  });

  it("stops at the proxy that passed on a malformed entry", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.1, not-an-address", proxies)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "", proxies)).toBe("10.0.0.2");
  });

  it("refuses an entry that is no address or range", () => {
    expect(() => new TrustedProxies(["10.0.0.0/33"])).toThrow(/not an IP address or a CIDR range/);
    expect(() => new TrustedProxies(["proxy.internal"])).toThrow(/not an IP address or a CIDR range/);
  });
});
