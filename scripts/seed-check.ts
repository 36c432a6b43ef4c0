import { signDevelopmentToken } from "@lamplight/platform";
import { DEMO_USERS } from "@lamplight/seed-kit";
import { checkReferences, formatReferenceCheck } from "@lamplight/supergraph";

// `pnpm seed:check`: walks every reference one subgraph holds to another's records through a
// running gateway (GATEWAY_URL, http://localhost:4000/graphql by default) as the demo province
// admin, prints per subgraph and entity the references checked and those that dangle, and exits
// with 1 when any does. LAMPLIGHT_TOKEN, when set, is sent instead of a development token (signed
// with AUTH_DEV_KEY or the development default, as `pnpm token` does).
const url = process.env.GATEWAY_URL || "http://localhost:4000/graphql";
const admin = DEMO_USERS.find((user) => user.roles.includes("PROVINCE_ADMIN"));
if (!admin) throw new Error("no demo province admin");
const token =
  process.env.LAMPLIGHT_TOKEN || (await signDevelopmentToken(admin, process.env.AUTH_DEV_KEY, "1h"));

const started = performance.now();
try {
  const rows = await checkReferences({ url, headers: { authorization: `Bearer ${token}` } });
  process.stdout.write(`${formatReferenceCheck(rows)}\n`);
  process.stderr.write(`checked through ${url} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.exitCode = rows.some((row) => row.dangling > 0) ? 1 : 0;
} catch (error) {
  process.stderr.write(`seed:check could not walk the references at ${url}: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
