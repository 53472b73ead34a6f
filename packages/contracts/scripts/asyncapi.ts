// Writes packages/contracts/asyncapi.json from the event definitions (run after changing an event or topic).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiText } from '../src/asyncapi';

writeFileSync(path.join(__dirname, '..', 'asyncapi.json'), asyncApiText());
console.log('packages/contracts/asyncapi.json written');
