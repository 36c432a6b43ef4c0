import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverSubgraphs } from "@lamplight/supergraph";
import nodePlop, { type ActionType } from "node-plop";
import { camelCase, kebabCase, pascalCase, plural, singular, words } from "./names.js";

/** What `pnpm gen subgraph` is asked for. */
export interface SubgraphOptions {
  /** The subgraph's name: its folder, package, PostgreSQL schema and the prefix of its own fields. */
  name: string;
  /** Its registration's port. */
  port: number | string;
  /** Its first entity; the name singularised when not given (notices → Notice). */
  entity?: string | undefined;
}

/** Where the generator reads the workspace and where it writes. */
export interface GenerateOptions {
  /** The workspace root: its registrations and the tables every subgraph has. */
  root: string;
  /** The folder the new files go under (services/<name>, docs/subgraphs/<name>.md); the root by default. */
  into?: string;
  /** When the first migration is dated; now by default. */
  now?: Date;
}

/** Everything the templates name, derived once from the options. */
export interface SubgraphPlan {
  name: string;
  /** `Notices`: the context, schema builder and references listing are named after it. */
  Name: string;
  port: number;
  /** `Notice`: the entity's class, model and table. */
  Entity: string;
  /** `NOTICE`: the prefix of its module's constants. */
  ENTITY: string;
  /** `notice`: its query field and the Prisma delegate. */
  entity: string;
  /** `Notices`. */
  Entities: string;
  /** `notices`: its list query and the repository in the context. */
  entities: string;
  /** `notice`: the module folder and its files' stem. */
  entityFile: string;
  /** `notice` / `notices`: the entity in prose. */
  entityWords: string;
  entitiesWords: string;
  /** The first migration's folder: `<UTC timestamp>_init`. */
  migration: string;
  /** packages/db-kit/prisma/subgraph-tables.sql: the first migration starts with it. */
  subgraphTablesSql: string;
}

/** The gateway's default port (apps/gateway): no subgraph may take it. */
export const GATEWAY_PORT = 4000;

/** Where every subgraph's own tables are declared once; a service's prisma/ folder links to it. */
export const SUBGRAPH_TABLES_LINK = "../../../packages/db-kit/prisma/subgraph-tables.prisma";

/** Models a generated schema already has, or types its GraphQL schema already has. */
const TAKEN_ENTITY_NAMES = new Set([
  "Site",
  "SiteReplica",
  "AuditEntry",
  "OutboxEvent",
  "ConsumedEvent",
  "EventCursor",
  "DeadLetterEvent",
  "Query",
  "Mutation",
]);

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "templates", "subgraph");

/** A flag the generator cannot work with; the message says what to give instead. */
export class GeneratorInputError extends Error {}

/** `20261203121500`: the UTC timestamp migration folders start with. */
function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Checks the options against the workspace and derives every name the templates use. */
export function planSubgraph(options: SubgraphOptions, root: string, now = new Date()): SubgraphPlan {
  const problems: string[] = [];
  const registered = discoverSubgraphs(root);
  const { name } = options;
  // The name is also a PostgreSQL schema and the prefix of GraphQL fields (noticesAuditLog).
  if (!/^[a-z]{2,30}$/.test(name)) {
    problems.push(`--name "${name}": use 2 to 30 lower-case letters, e.g. --name notices`);
  } else if (registered.some((subgraph) => subgraph.name === name)) {
    problems.push(`--name "${name}": that subgraph already exists`);
  } else if (existsSync(path.join(root, "services", name))) {
    problems.push(`--name "${name}": services/${name} already exists`);
  }

  const port = Number(options.port);
  const holder = registered.find((subgraph) => subgraph.port === port);
  if (!Number.isInteger(port) || port < 1024 || port > 65_535) {
    problems.push(`--port "${options.port}": use a whole number from 1024 to 65535, e.g. --port 4090`);
  } else if (port === GATEWAY_PORT) {
    problems.push(`--port ${port}: that is the gateway's port`);
  } else if (holder) {
    problems.push(
      `--port ${port}: ${holder.name} is registered on it (services/${path.basename(holder.dir)})`,
    );
  }

  const Entity = pascalCase(options.entity ?? singular(name));
  if (!/^[A-Z][A-Za-z]{1,40}$/.test(Entity)) {
    problems.push(`--entity "${options.entity}": use letters only, PascalCase, e.g. --entity Notice`);
  } else if (TAKEN_ENTITY_NAMES.has(Entity)) {
    problems.push(`--entity ${Entity}: every generated subgraph already has that type; choose another`);
  }
  if (problems.length > 0) throw new GeneratorInputError(problems.join("\n"));

  const Entities = plural(Entity);
  return {
    name,
    Name: pascalCase(name),
    port,
    Entity,
    ENTITY: kebabCase(Entity).replaceAll("-", "_").toUpperCase(),
    entity: camelCase(Entity),
    Entities,
    entities: camelCase(Entities),
    entityFile: kebabCase(Entity),
    entityWords: words(Entity),
    entitiesWords: words(Entities),
    migration: `${migrationTimestamp(now)}_init`,
    subgraphTablesSql: readFileSync(
      path.join(root, "packages", "db-kit", "prisma", "subgraph-tables.sql"),
      "utf8",
    ),
  };
}

/** What the generator wrote. */
export interface GeneratedSubgraph {
  plan: SubgraphPlan;
  /** services/<name>, absolute. */
  serviceDir: string;
  /** Every file written (the link included), relative to where they were written. */
  files: string[];
}

/**
 * Writes a new subgraph, shaped like every other one (docs/DEVELOPMENT.md): services/<name> from
 * the templates, its link to the tables every subgraph has, and docs/subgraphs/<name>.md. Nothing
 * else in the workspace changes: start-up, composition and tests find it by its registration.
 */
export async function generateSubgraph(
  options: SubgraphOptions,
  { root, into = root, now = new Date() }: GenerateOptions,
): Promise<GeneratedSubgraph> {
  const plan = planSubgraph(options, root, now);
  const serviceDir = path.join(into, "services", plan.name);
  const plop = await nodePlop(undefined, { destBasePath: into, force: false });
  const linkSubgraphTables: ActionType = () => {
    const link = path.join(serviceDir, "prisma", "subgraph-tables.prisma");
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(SUBGRAPH_TABLES_LINK, link);
    return path.relative(into, link);
  };
  const generator = plop.setGenerator("subgraph", {
    description: "a new subgraph: services/<name>, its first entity, migration, tests and docs page",
    prompts: [],
    actions: [
      {
        type: "addMany",
        destination: "services/{{name}}",
        base: path.join(TEMPLATES, "service"),
        templateFiles: path.join(TEMPLATES, "service", "**", "*.hbs"),
        stripExtensions: ["hbs"],
        globOptions: { dot: true },
        abortOnFail: true,
      },
      linkSubgraphTables,
      {
        type: "add",
        path: "docs/subgraphs/{{name}}.md",
        templateFile: path.join(TEMPLATES, "doc.md.hbs"),
        abortOnFail: true,
      },
    ],
  });
  const { failures } = await generator.runActions(plan);
  if (failures.length > 0) {
    throw new Error(
      failures.map((failure) => `${failure.path || failure.type}: ${failure.error}`).join("\n"),
    );
  }
  const written = readdirSync(serviceDir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(into, path.join(entry.parentPath, entry.name)));
  return { plan, serviceDir, files: [...written.sort(), path.join("docs", "subgraphs", `${plan.name}.md`)] };
}
