import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { createBatchingExecutor } from "@graphql-tools/batch-execute";
import { ErrorCode, IDENTITY_HEADER, isClientErrorCode, type Logger } from "@lamplight/platform";
import {
  type DocumentNode,
  type FieldNode,
  GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  Kind,
  parse,
  print,
  type SelectionSetNode,
} from "graphql";
import type { GatewayContext } from "./server.js";

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
/** A fetch of a client's operation (not a health check or a schema load). */
type OperationFetch = Extract<ProcessOptions, { incomingRequestContext: unknown }>;
type Response = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;
type Executor = Parameters<typeof createBatchingExecutor>[0];

/**
 * How the gateway talks to one subgraph. It forwards the request id (one request followed through
 * every log) and the verified principal, signed, so that subgraphs trust who is asking without
 * re-authenticating; and it spends as few subgraph requests as it can:
 *
 * - Fetches of one client request to this subgraph that the query plan starts together (a city's
 *   children counts and its homes' children counts, at two paths of the answer) travel as ONE
 *   request: their operations are merged (fields and variables prefixed apart) and the answer is
 *   split back. Each subgraph request costs a context, an identity check and a pass through the
 *   server's pipeline, whatever it asks.
 * - Identical public queries under way at the same moment share one request (see `process`).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Public fetches under way, by query and variables: identical ones share one subgraph request. */
  private readonly publicFetches = new Map<string, Promise<Response>>();
  /** Per client request: the executor that merges this subgraph's fetches started together. */
  private readonly batches = new WeakMap<GatewayContext, Executor>();
  /** The plan's own text of each fetch's document: a fetch sent alone is not printed again. */
  private readonly texts = new WeakMap<DocumentNode, string>();

  constructor(
    /** The subgraph's name in the supergraph: the audience its identity headers are signed for. */
    readonly subgraphName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly logger?: Logger,
  ) {
    super(config);
  }

  /**
   * A fetch that fails (the subgraph is down, answers 5xx or nothing at all in time) becomes an
   * answer with errors instead of an exception: the gateway then places each error at the path of
   * the fields the fetch was to fill, with this subgraph's name, where an exception reaches the
   * client without a path. What failed, with the subgraph's URL, is logged, never sent. See
   * docs/decisions/0033.
   */
  override async process(options: ProcessOptions): Promise<Response> {
    try {
      return await this.processFetch(options);
    } catch (error) {
      const clientError = error instanceof GraphQLError && isClientErrorCode(error.extensions.code);
      if (!("incomingRequestContext" in options) || clientError) throw error;
      return this.failedFetch(options, error);
    }
  }

  private failedFetch(options: OperationFetch, error: unknown): Response {
    const timedOut = isTimeout(error);
    this.logger?.error(
      { err: error, requestId: options.context.requestId, subgraph: this.subgraphName, timedOut },
      "subgraph fetch failed",
    );
    const message = timedOut
      ? `The ${this.subgraphName} service did not answer in time; try again shortly`
      : `The ${this.subgraphName} service is unavailable; try again shortly`;
    const extensions = { code: timedOut ? ErrorCode.TIMEOUT : ErrorCode.SERVICE_UNAVAILABLE };
    const document = options.document ?? parse(options.request.query ?? "");
    const operation = getOperationAST(document);
    const root = operation ? fieldNames(operation.selectionSet) : [];
    // An entity fetch completes objects found elsewhere in the answer: its errors point at the
    // fields it was to add to the first of them (the gateway turns `_entities` index 0 into that
    // object's path); the others' fields are null too, without an error each.
    const entities = operation?.selectionSet.selections.find(
      (selection): selection is FieldNode =>
        selection.kind === Kind.FIELD && selection.name.value === "_entities",
    );
    const paths = entities?.selectionSet
      ? fieldNames(entities.selectionSet).map((field) => ["_entities", 0, field])
      : root.map((field) => [field]);
    return { data: null, errors: paths.map((path) => ({ message, path, extensions })) };
  }

  private async processFetch(options: ProcessOptions): Promise<Response> {
    if (!("incomingRequestContext" in options)) return this.fetchShared(options);
    const document = options.document ?? parse(options.request.query ?? "");
    if (options.request.query) this.texts.set(document, options.request.query);
    // Queries only: mutation fields run one after another, as the plan orders them.
    if (getOperationAST(document)?.operation !== "query") return this.fetchShared(options);
    const result = (await this.batchFor(options)({
      document,
      variables: options.request.variables ?? {},
      operationType: "query" as never,
      context: options.context,
    })) as Response;
    return { data: result.data ?? null, ...(result.errors ? { errors: result.errors } : {}) };
  }

  override async willSendRequest({ request, context }: ProcessOptions): Promise<void> {
    // The subgraph's status codes then keep their meaning (400: the document was refused).
    request.http?.headers.set("accept", "application/graphql-response+json, application/json;q=0.9");
    if (!("requestId" in context)) return;
    request.http?.headers.set("x-request-id", context.requestId);
    request.http?.headers.set(IDENTITY_HEADER, await context.identityFor(this.subgraphName));
  }

  /**
   * A subgraph refuses some bad input with an HTTP error (a variable its scalar cannot parse):
   * keep the subgraph's own client error and code instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]) {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: { errors?: GraphQLFormattedError[] } } | undefined)
      ?.body;
    const first = typeof body === "object" ? body?.errors?.[0] : undefined;
    if (first && isClientErrorCode(first.extensions?.code)) {
      return new GraphQLError(first.message, { extensions: first.extensions ?? {} });
    }
    return error;
  }

  /**
   * The client request's merging executor for this subgraph. Fetches arriving in the same tick are
   * one batch; a batch of one is sent as it is. The merged request goes out with the first fetch's
   * request context (the same client request, so the same identity and request id).
   */
  private batchFor(first: OperationFetch): Executor {
    let batch = this.batches.get(first.context);
    if (!batch) {
      const send = (async (request: { document: DocumentNode; variables?: Record<string, unknown> }) => {
        const document = request.document;
        const operationName = getOperationAST(document)?.name?.value;
        return this.fetchShared({
          ...first,
          document,
          request: {
            ...first.request,
            query: this.texts.get(document) ?? print(document),
            variables: request.variables ?? {},
            ...(operationName ? { operationName } : {}),
          },
        });
      }) as unknown as Executor;
      batch = createBatchingExecutor(send);
      this.batches.set(first.context, batch);
    }
    return batch;
  }

  /**
   * Many clients asking the same public question at once (a home page's figures) cost the subgraph
   * one request. Only for the anonymous public and only for queries: their answers do not depend
   * on who asks and leave no audit entry, which a signed-in reader's must (one per read).
   */
  private async fetchShared(options: ProcessOptions): Promise<Response> {
    const key = "incomingRequestContext" in options ? publicFetchKey(options) : null;
    if (!key) return super.process(options);
    let shared = this.publicFetches.get(key);
    if (!shared) {
      shared = super.process(options).finally(() => this.publicFetches.delete(key));
      this.publicFetches.set(key, shared);
    }
    // Each caller gets its own copy: the query plan merges results into what it is given.
    const response = await shared;
    return { ...response, data: structuredClone(response.data), errors: structuredClone(response.errors) };
  }
}

function publicFetchKey(options: OperationFetch): string | null {
  if (options.incomingRequestContext.operation?.operation !== "query") return null;
  if (!("principal" in options.context) || options.context.principal.kind !== "anonymous") return null;
  return JSON.stringify([options.request.query, options.request.variables ?? null]);
}

/** The response names of a selection's fields, through inline fragments, without `__typename`. */
function fieldNames(selectionSet: SelectionSetNode): string[] {
  const names = selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldNames(selection.selectionSet);
    if (selection.kind !== Kind.FIELD || selection.name.value === "__typename") return [];
    return [selection.alias?.value ?? selection.name.value];
  });
  return [...new Set(names)];
}

/** A fetch aborted by its deadline (SUBGRAPH_TIMEOUT_MS), possibly wrapped by the data source. */
function isTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const { name, cause } = current as { name?: unknown; cause?: unknown };
    if (name === "TimeoutError") return true;
    current = cause;
  }
  return false;
}
