// Writes the documents generated from the declarations here (run after changing an event, a topic or a Kafka user):
// packages/contracts/asyncapi.json (AsyncAPI 3) and packages/contracts/strimzi.json (Strimzi KafkaTopic and KafkaUser resources).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiText } from '../src/asyncapi';
import { strimziText } from '../src/strimzi';

writeFileSync(path.join(__dirname, '..', 'asyncapi.json'), asyncApiText());
writeFileSync(path.join(__dirname, '..', 'strimzi.json'), strimziText());
console.log('packages/contracts/asyncapi.json and strimzi.json written');
