import { parseArgs } from "node:util";
import { ROLES, type Role, signDevelopmentToken } from "@lamplight/platform";
import { DEMO_PARTNER_KEY, DEMO_USERS } from "@lamplight/seed-kit";

// `pnpm run token --role CITY_ADMIN --region 510700` or `pnpm run token --user demo-site-manager`:
// prints a development bearer token that the gateway accepts outside production (signed with
// AUTH_DEV_KEY or the development default). `--list` shows the demo users.
const { values } = parseArgs({
  options: {
    user: { type: "string" },
    list: { type: "boolean" },
    role: { type: "string", multiple: true },
    region: { type: "string" },
    site: { type: "string", multiple: true },
    volunteer: { type: "string" },
    organisation: { type: "string" },
    sub: { type: "string" },
    ttl: { type: "string", default: "8h" },
    key: { type: "string" },
  },
});

if (values.list) {
  for (const user of DEMO_USERS) {
    const scope = user.region
      ? ` ${user.region}`
      : user.sites
        ? ` site ${user.sites.join(",")}`
        : user.volunteer
          ? ` volunteer ${user.volunteer}`
          : user.organisation
            ? ` organisation ${user.organisation}`
            : "";
    process.stdout.write(
      `${user.subject.padEnd(30)} ${user.roles.join(",")}${scope}  (${user.description})\n`,
    );
  }
  process.stdout.write(
    `\nThe demo partner (${DEMO_PARTNER_KEY.organisation}) sends x-api-key: ${DEMO_PARTNER_KEY.secret}\n`,
  );
  process.exit(0);
}

const usage = () => {
  process.stderr.write(
    "Usage: pnpm run token --user <demo user> | --role <ROLE> [--role …] [--region <code>] [--site <id> …]\n" +
      "                      [--volunteer <id>] [--organisation <id>] [--sub <subject>] [--ttl 8h]\n" +
      "       pnpm run token --list\n" +
      `Roles: ${ROLES.filter((role) => role !== "PARTNER").join(", ")}\n`,
  );
  process.exit(2);
};

let claims: Parameters<typeof signDevelopmentToken>[0];
if (values.user) {
  const user = DEMO_USERS.find((candidate) => candidate.subject === values.user);
  if (!user) {
    process.stderr.write(`No demo user ${values.user}; see pnpm run token --list\n`);
    process.exit(2);
  }
  claims = user;
} else {
  const roles = values.role ?? [];
  if (
    roles.length === 0 ||
    roles.some((role) => !(ROLES as readonly string[]).includes(role) || role === "PARTNER")
  )
    usage();
  claims = {
    subject: values.sub ?? `dev-${roles[0]!.toLowerCase()}${values.region ? `-${values.region}` : ""}`,
    roles: roles as Role[],
    region: values.region,
    sites: values.site,
    volunteer: values.volunteer,
    organisation: values.organisation,
  };
}

process.stdout.write(
  `${await signDevelopmentToken(claims, values.key ?? process.env.AUTH_DEV_KEY, values.ttl)}\n`,
);
