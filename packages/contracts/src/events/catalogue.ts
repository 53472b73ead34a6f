import type { EventDefinition } from '../envelope';
import * as enterprise from './enterprise';
import * as identity from './identity';
import * as payroll from './payroll';
import * as welfare from './welfare';

function isEventDefinition(value: unknown): value is EventDefinition {
  return typeof value === 'object' && value !== null && 'type' in value && 'topic' in value && 'data' in value;
}

/** Every event of every service, as the modules declare them (nothing listed twice), in the order of their types. */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [identity, enterprise, payroll, welfare]
  .flatMap((module) => Object.values(module).flatMap((value: unknown) => (isEventDefinition(value) ? [value] : [])))
  // A module namespace lists its exports alphabetically under ESM and in source order under CommonJS: sort, so both agree.
  .sort((a, b) => a.type.localeCompare(b.type));
