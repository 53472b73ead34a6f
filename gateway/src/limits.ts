import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type FragmentDefinitionNode, type GraphQLFormattedError, type ValidationContext } from 'graphql';
import { AppError } from '@yikatong/platform';
import type { GatewayConfig } from './config';
import { operationCost } from './cost';

/**
 * An operation refused for its size, before anything is fetched: HTTP 400 with a code a client
 * can branch on (QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES, TOO_MANY_TOKENS,
 * QUERY_TOO_COSTLY). The error formatter tells the AppError inside.
 */
function limitRefusal(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { originalError: new AppError(code, message), extensions: { http: { status: 400 } } });
}

/** graphql-armor words its refusals as syntax errors ("Syntax Error: Query depth limit of 10 exceeded, found 12."). */
const refuseAs =
  (code: string) =>
  (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(limitRefusal(code, error.message.replace(/^Syntax Error: /, '')));
  };

/** graphql-js (16) refuses a document past `maxTokens` with a syntax error of this wording; nothing else marks it. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens/;

function tokenLimitRefusal(error: unknown): AppError | undefined {
  const limit = error instanceof GraphQLError ? TOKEN_LIMIT.exec(error.message)?.[1] : undefined;
  if (limit === undefined) return undefined;
  return new AppError(
    'TOO_MANY_TOKENS',
    `The operation has more than ${limit} tokens (names, punctuation and values); send a smaller one, with values in variables.`,
  );
}

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The gateway's operation limits. Tokens are counted by graphql-js's parser itself (graphql-armor's
 * token plugin throws outside Apollo's parse step, which answers 500); depth, aliases and directives
 * by graphql-armor's rules, reporting coded refusals; cost by our own model (cost.ts), which reads
 * `first` from variables too, so it runs once the operation and its variables are known.
 */
export function operationLimits<TContext extends BaseContext>(config: GatewayConfig, production: boolean) {
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: { n: config.GATEWAY_MAX_DEPTH, propagateOnRejection: false, onReject: [refuseAs('QUERY_TOO_DEEP')] },
    maxAliases: { n: config.GATEWAY_MAX_ALIASES, propagateOnRejection: false, onReject: [refuseAs('TOO_MANY_ALIASES')] },
    maxDirectives: { propagateOnRejection: false, onReject: [refuseAs('TOO_MANY_DIRECTIVES')] },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  const costLimit: ApolloServerPlugin<TContext> = {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, document, request, schema }) => {
        if (!operation) return;
        const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
        const cost = operationCost(schema, operation, fragments, request.variables ?? {}, { listSize: config.GATEWAY_COST_LIST_SIZE });
        if (cost <= config.GATEWAY_MAX_COST) return;
        throw limitRefusal(
          'QUERY_TOO_COSTLY',
          `The operation asks for about ${Math.ceil(cost)} objects; at most ${config.GATEWAY_MAX_COST} are served at once. Ask for fewer items a page (first) or fewer nested lists.`,
        );
      },
    }),
  };
  return {
    plugins: [...protection.plugins, costLimit],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: config.GATEWAY_MAX_TOKENS },
    /** Tells a token-limit refusal as TOO_MANY_TOKENS instead of a syntax error. */
    formatErrorWith:
      (format: FormatError): FormatError =>
      (formatted, error) =>
        format(formatted, tokenLimitRefusal(error) ?? error),
  };
}
