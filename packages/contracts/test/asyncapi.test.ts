import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { asyncApiDocument, asyncApiText } from '../src/asyncapi';
import { EVENT_CATALOGUE, TOPICS } from '../src';

const committed = readFileSync(path.join(__dirname, '..', 'asyncapi.json'), 'utf8');

describe('the AsyncAPI document', () => {
  it('is committed up to date (run `npm run documents -w @yikatong/contracts` after changing an event or a topic)', () => {
    expect(committed).toBe(asyncApiText());
  });

  it('is valid AsyncAPI 3.0 by @asyncapi/parser, with no error and no warning', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity <= 1).map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(
      document!
        .channels()
        .all()
        .map((channel) => channel.address())
        .sort(),
    ).toEqual(
      Object.values(TOPICS)
        .map((topic) => (topic === TOPICS.payrollDisbursements ? `${topic}.{bank}` : topic))
        .sort(),
    );
    expect(document!.components().messages().all().length).toBe(EVENT_CATALOGUE.length + 1);
  });

  it("describes each event's data with its own schema: a wage-card change names its card number and holder", () => {
    const messages = (
      asyncApiDocument().components as {
        messages: Record<string, { payload: { properties: Record<string, { required?: string[]; properties?: Record<string, unknown> }> } }>;
      }
    ).messages;
    const data = messages['identity.worker.wage-card-changed.v1']!.payload.properties.data!;
    expect(data.required).toEqual(expect.arrayContaining(['workerId', 'holderName', 'bankCode', 'cardNumber', 'version']));
  });
});
