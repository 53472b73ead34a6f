import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import type { Logger } from '@yikatong/platform';

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/** A subgraph's answer with an HTTP error status (400 for input it refused, 401, 500): kept whole so its errors can be told. */
class SubgraphAnsweredWithStatus extends GraphQLError {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`subgraph answered HTTP ${status}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isGraphQLError = (value: unknown): value is GraphQLFormattedError => isObject(value) && typeof value.message === 'string';

/** The GraphQL response inside an HTTP error answer, when the subgraph sent one. */
function graphQLAnswerOf(body: unknown): SubgraphResponse | undefined {
  if (!isObject(body) || !Array.isArray(body.errors)) return undefined;
  const errors = body.errors.filter(isGraphQLError);
  if (errors.length === 0) return undefined;
  return { errors, ...(isObject(body.data) ? { data: body.data } : {}) };
}

/**
 * One subgraph behind the gateway. A subgraph that refused the request (HTTP 400 for a value its
 * scalar refused) is answered with its own errors — code, field and message — as if it had sent
 * them with 200. A subgraph that does not answer at all (down, unreachable, a proxy's 502) becomes
 * one SUBGRAPH_UNAVAILABLE error per field it would have served, on that field's path, so the
 * gateway keeps what the other subgraphs answered; its address stays in the log.
 */
export class SubgraphSource<TContext extends Record<string, unknown>> extends RemoteGraphQLDataSource<TContext> {
  constructor(
    readonly name: string,
    url: string,
    private readonly logger: Logger,
    configure: Pick<RemoteGraphQLDataSource<TContext>, 'willSendRequest'>,
  ) {
    super({ url, ...configure });
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    return new SubgraphAnsweredWithStatus(response.status, await this.parseBody(response));
  }

  override async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // Only the caller's operations are answered for; the gateway's own checks keep their failure.
      if (!('incomingRequestContext' in options)) throw error;
      const answer = error instanceof SubgraphAnsweredWithStatus ? graphQLAnswerOf(error.body) : undefined;
      if (answer) return answer;
      this.logger.error({ err: error, subgraph: this.name, url: this.url }, 'subgraph did not answer');
      return { errors: unavailableFields(options.document ?? parse(options.request.query ?? '{ __typename }'), this.name) };
    }
  }
}

/**
 * An error for each field the failed fetch asked for, on a path the gateway maps to the caller's
 * field: the root field itself, or for an entity fetch (`_entities`) the field on the first
 * entity (the gateway reads `["_entities", i, ...]` as the i-th entity's place in the response).
 */
export function unavailableFields(document: DocumentNode, subgraph: string): GraphQLFormattedError[] {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const rootFields = operation?.kind === Kind.OPERATION_DEFINITION ? fieldsOf(operation.selectionSet, fragments) : [];
  const entities = rootFields.find((field) => field.name === '_entities');
  const paths = entities ? fieldsOf(entities.selectionSet, fragments).map((field) => ['_entities', 0, field.key]) : rootFields.map((field) => [field.key]);
  // A fetch of nothing but __typename still failed: say so, without a field to name.
  return paths.length > 0 ? paths.map((path) => unavailable(path, subgraph)) : [unavailable(undefined, subgraph)];
}

interface RequestedField {
  name: string;
  /** The alias, else the name: the key the field has in the response. */
  key: string;
  selectionSet?: SelectionSetNode;
}

function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: ReadonlyMap<string, FragmentDefinitionNode>): RequestedField[] {
  const fields = new Map<string, RequestedField>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.name.value !== '__typename') fields.set(key, { name: selection.name.value, key, selectionSet: selection.selectionSet });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else {
        collect(fragments.get(selection.name.value)?.selectionSet);
      }
    }
  };
  collect(selectionSet);
  return [...fields.values()];
}

function unavailable(path: Array<string | number> | undefined, subgraph: string): GraphQLFormattedError {
  const field = path ? `"${String(path[path.length - 1])}"` : 'This data';
  return {
    message: `${field} is unavailable right now (the ${subgraph} service did not answer); retry in a moment.`,
    ...(path ? { path } : {}),
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true },
  };
}
