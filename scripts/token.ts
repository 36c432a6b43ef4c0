import { parseArgs } from "node:util";
import { signDevelopmentToken } from "@lamplight/gateway/auth";
import { ROLES, type Role } from "@lamplight/subgraph-kit";

// `pnpm token --role CITY_ADMIN --region 510700`: prints a development bearer token that the
// gateway accepts outside production (signed with AUTH_DEV_KEY or the development default).
const { values } = parseArgs({
  options: {
    role: { type: "string", multiple: true },
    region: { type: "string" },
    site: { type: "string", multiple: true },
    volunteer: { type: "string" },
    sub: { type: "string" },
    ttl: { type: "string", default: "8h" },
    key: { type: "string" },
  },
});

const roles = values.role ?? [];
const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
if (roles.length === 0 || unknown.length > 0) {
  process.stderr.write(
    `Usage: pnpm token --role <ROLE> [--role …] [--region <code>] [--site <id> …] [--volunteer <id>] [--sub <subject>] [--ttl 8h]\n` +
      `Roles: ${ROLES.filter((role) => role !== "PARTNER").join(", ")}\n` +
      (unknown.length ? `Unknown role: ${unknown.join(", ")}\n` : ""),
  );
  process.exit(2);
}

const token = await signDevelopmentToken(
  {
    subject: values.sub ?? `dev-${roles[0]!.toLowerCase()}${values.region ? `-${values.region}` : ""}`,
    roles: roles as Role[],
    region: values.region,
    sites: values.site,
    volunteer: values.volunteer,
  },
  values.key ?? process.env.AUTH_DEV_KEY,
  values.ttl,
);
process.stdout.write(`${token}\n`);
