import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  createIdentitySigner,
  createIdentityVerifier,
  DEVELOPMENT_IDENTITY_KEY,
  identityKey,
  signIdentity,
  verifyIdentity,
} from "./identity.js";
import { ANONYMOUS, type Principal } from "./principal.js";

const key = identityKey(DEVELOPMENT_IDENTITY_KEY);
const admin: Principal = { ...ANONYMOUS, kind: "user", subject: "admin-1", roles: ["PROVINCE_ADMIN"] };

describe("the signed identity header", () => {
  it("opens the subgraph it was signed for", async () => {
    const header = await signIdentity(admin, key, { audience: "sites", requestId: "r-1" });
    await expect(verifyIdentity(header, key, "sites")).resolves.toMatchObject({
      kind: "user",
      subject: "admin-1",
    });
    await expect(createIdentityVerifier(key, "sites")(header)).resolves.toMatchObject({ subject: "admin-1" });
  });

  it("signed for sites counts as the anonymous public at people", async () => {
    const header = await signIdentity(admin, key, { audience: "sites", requestId: "r-1" });
    await expect(verifyIdentity(header, key, "people")).resolves.toEqual(ANONYMOUS);
    // Even after sites verified (and cached) it.
    await createIdentityVerifier(key, "sites")(header);
    await expect(createIdentityVerifier(key, "people")(header)).resolves.toEqual(ANONYMOUS);
  });

  it("expired counts as the anonymous public", async () => {
    const header = await signIdentity(admin, key, { audience: "people", ttlSeconds: 1 });
    await expect(verifyIdentity(header, key, "people")).resolves.toMatchObject({ kind: "user" });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifyIdentity(header, key, "people")).resolves.toEqual(ANONYMOUS);
  });

  it("without a request id, or with the old shared audience, counts as the anonymous public", async () => {
    const old = await new SignJWT({ kind: "user", roles: ["PROVINCE_ADMIN"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("admin-1")
      .setIssuer("lamplight-gateway")
      .setAudience("lamplight-subgraphs")
      .setIssuedAt()
      .setExpirationTime("60s")
      .sign(key);
    await expect(verifyIdentity(old, key, "people")).resolves.toEqual(ANONYMOUS);
    const noJti = await new SignJWT({ kind: "user", roles: ["PROVINCE_ADMIN"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("admin-1")
      .setIssuer("lamplight-gateway")
      .setAudience("people")
      .setIssuedAt()
      .setExpirationTime("60s")
      .sign(key);
    await expect(verifyIdentity(noJti, key, "people")).resolves.toEqual(ANONYMOUS);
  });

  it("is signed by the gateway once per request and subgraph, with the request's id", async () => {
    const forRequest = createIdentitySigner(key)(admin, "request-7");
    const sites = await forRequest("sites");
    expect(await forRequest("sites")).toBe(sites);
    const people = await forRequest("people");
    expect(people).not.toBe(sites);
    const claims = JSON.parse(Buffer.from(people.split(".")[1] as string, "base64url").toString());
    expect(claims).toMatchObject({ aud: "people", jti: "request-7" });
    expect(claims.exp - claims.iat).toBe(20);
    await expect(verifyIdentity(people, key, "people")).resolves.toMatchObject({ subject: "admin-1" });
    await expect(verifyIdentity(people, key, "sites")).resolves.toEqual(ANONYMOUS);
  });
});
