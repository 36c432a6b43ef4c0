import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import {
  DEVELOPMENT_TOKEN_AUDIENCE,
  DEVELOPMENT_TOKEN_ISSUER,
  DEVELOPMENT_TOKEN_KEY,
  signDevelopmentToken,
} from "./development-token.js";

describe("signDevelopmentToken", () => {
  it("signs the claims as an identity provider's token, leaving out the empty ones", async () => {
    const token = await signDevelopmentToken({
      subject: "demo-site-manager",
      roles: ["SITE_MANAGER"],
      sites: [],
    });
    const { payload, protectedHeader } = await jwtVerify(
      token,
      new TextEncoder().encode(DEVELOPMENT_TOKEN_KEY),
      {
        issuer: DEVELOPMENT_TOKEN_ISSUER,
        audience: DEVELOPMENT_TOKEN_AUDIENCE,
      },
    );
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ sub: "demo-site-manager", roles: ["SITE_MANAGER"] });
    expect(payload).not.toHaveProperty("sites");
    expect(payload.exp! - payload.iat!).toBe(8 * 3600);
  });
});
