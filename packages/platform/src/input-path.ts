import { BREAK, GraphQLError, Kind, parse, visit, type ASTNode } from 'graphql';

/**
 * The argument or input-field path ("input.instalments[0].amount") of a value a scalar refused,
 * which graphql-js knows but does not hand to the scalar. A variable's value is checked while the
 * variables are read: graphql-js 16 names the variable and the path inside it in its message
 * (Apollo Server reads the same message). A literal is checked while the document is validated:
 * its position in the document leads to the argument holding it.
 */
export function inputPathOf(error: GraphQLError): string | undefined {
  const [node] = error.nodes ?? [];
  if (node?.kind === Kind.VARIABLE_DEFINITION) return variablePath(error.message, node.variable.name.value);
  const [position] = error.positions ?? [];
  return error.source && position !== undefined ? literalPath(error.source.body, position) : undefined;
}

function variablePath(message: string, variable: string): string {
  // A string value in the message is JSON-quoted, so its own quotes are escaped and cannot end the match early.
  const inside = new RegExp(`^Variable "\\$${variable}" got invalid value .*? at "(${variable}[\\w.\\[\\]]*)"; `, 's').exec(message);
  return inside?.[1] ?? variable;
}

const VALUE_KINDS: ReadonlySet<string> = new Set([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

function literalPath(document: string, position: number): string | undefined {
  const root = parse(document);
  let keys: ReadonlyArray<string | number> | undefined;
  visit(root, {
    enter(node, _key, _parent, path) {
      if (!VALUE_KINDS.has(node.kind) || node.loc?.start !== position) return undefined;
      keys = [...path];
      return BREAK;
    },
  });
  return keys && namedPath(root, keys);
}

const isNode = (value: unknown): value is ASTNode => typeof value === 'object' && value !== null && 'kind' in value;

/** Walks the keys from the document down to the value, naming the argument, then each object field and list index. */
function namedPath(root: ASTNode, keys: ReadonlyArray<string | number>): string | undefined {
  let current: unknown = root;
  let path = '';
  for (const [index, key] of keys.entries()) {
    if (path && isNode(current) && current.kind === Kind.LIST && key === 'values') path += `[${String(keys[index + 1])}]`;
    current = typeof current === 'object' && current !== null ? Reflect.get(current, key) : undefined;
    if (isNode(current) && (current.kind === Kind.ARGUMENT || current.kind === Kind.OBJECT_FIELD)) path += `${path ? '.' : ''}${current.name.value}`;
  }
  return path || undefined;
}
