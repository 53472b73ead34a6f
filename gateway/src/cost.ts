import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CostModel {
  /** The items assumed of a list field without `first` (a worker's enrolments, an enterprise's qualifications). */
  listSize: number;
}

interface Walk extends CostModel {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}

/**
 * What an operation costs: about how many objects the subgraphs must produce for it. Each object
 * counts 1; scalars and enums count nothing (they come with their object's row). A list counts
 * its items times everything asked inside each item, so nested lists multiply: a connection's
 * `nodes` or `edges` hold the connection's `first` (its literal, its variable's value or the
 * schema's default), any other list `listSize`.
 *
 *   enterprises(first: 100) { nodes { uscc name } pageInfo { endCursor } }   = 1 + 100 × 1 + 1 = 102
 *   workers(first: 100) { nodes { enrolments { projectId } } }               = 1 + 100 × (1 + 10 × 1) = 1101
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Readonly<Record<string, unknown>>,
  model: CostModel,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const walk: Walk = { ...model, schema, variables, fragments: new Map(fragments.map((fragment) => [fragment.name.value, fragment])) };
  return selectionCost(operation.selectionSet, root, undefined, walk);
}

/** `pageSize` is the `first` of the field these selections belong to, the size of its lists. */
function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, pageSize: number | undefined, walk: Walk): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(selection, parent, pageSize, walk);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += selectionCost(selection.selectionSet, typeNamed(selection.typeCondition?.name.value, walk) ?? parent, pageSize, walk);
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      const type = typeNamed(fragment?.typeCondition.name.value, walk);
      if (fragment && type) cost += selectionCost(fragment.selectionSet, type, pageSize, walk);
    }
  }
  return cost;
}

function fieldCost(field: FieldNode, parent: GraphQLCompositeType, pageSize: number | undefined, walk: Walk): number {
  const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
  const type = definition && getNamedType(definition.type);
  // Scalars, enums, __typename and introspection are free.
  if (!definition || !field.selectionSet || !isCompositeType(type)) return 0;
  const items = isListType(getNullableType(definition.type)) ? (pageSize ?? walk.listSize) : 1;
  return items * (1 + selectionCost(field.selectionSet, type, firstOf(field, definition, walk), walk));
}

/** The page size a paginated field was asked for, or undefined for a field without `first`. */
function firstOf(field: FieldNode, definition: GraphQLField<unknown, unknown>, walk: Walk): number | undefined {
  const argument = definition.args.find((arg) => arg.name === 'first');
  if (!argument) return undefined;
  const given = field.arguments?.find((arg) => arg.name.value === 'first');
  const value = given ? valueFromAST(given.value, argument.type, walk.variables) : undefined;
  if (typeof value === 'number') return Math.max(value, 0);
  return typeof argument.defaultValue === 'number' ? argument.defaultValue : walk.listSize;
}

function typeNamed(name: string | undefined, walk: Walk): GraphQLCompositeType | undefined {
  const type = name === undefined ? undefined : walk.schema.getType(name);
  return isCompositeType(type) ? type : undefined;
}
