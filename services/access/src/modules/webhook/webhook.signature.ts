import { createHmac, randomBytes } from "node:crypto";

/** Standard Webhooks' secret form: `whsec_` and the base64 of the signing key. */
const SECRET_PREFIX = "whsec_";

/** A new signing secret: 32 random bytes (the standard asks for 24 at least). */
export const newWebhookSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;

/**
 * The `webhook-signature` header of Standard Webhooks: `v1,` and the base64 HMAC-SHA256, keyed
 * with the secret's bytes, of `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}
