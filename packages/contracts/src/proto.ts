import path from 'node:path';

/** Absolute path of a .proto file in this package, e.g. protoPath('enterprise/eligibility.proto'). */
export function protoPath(relative: string): string {
  return path.join(__dirname, '..', 'proto', relative);
}
