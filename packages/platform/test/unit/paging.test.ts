import { z } from 'zod';
import { connection, cursorKeys, encodeCursor, MAX_PAGE_SIZE, pageRequest } from '../../src/paging';

const ID = '2f6c0c9e-8f2b-4c1e-9a57-3b1d2c4e5f60';
const AT = '2026-11-25T08:00:00.000Z';
const newestFirst = z.tuple([cursorKeys.instant, cursorKeys.uuid]);
const raw = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const refused = (code: string, field: string) => expect.objectContaining({ code, field });

describe('page requests and cursors', () => {
  it('gives the page size, 20 by default, and no key without a cursor', () => {
    expect(pageRequest({}, cursorKeys.uuid)).toEqual({ take: 20 });
    expect(pageRequest({ first: MAX_PAGE_SIZE, after: null }, cursorKeys.uuid)).toEqual({ take: MAX_PAGE_SIZE });
    expect(() => pageRequest({ first: 0 }, cursorKeys.uuid)).toThrow(refused('INVALID_PAGE_SIZE', 'first'));
    expect(() => pageRequest({ first: MAX_PAGE_SIZE + 1 }, cursorKeys.uuid)).toThrow(refused('INVALID_PAGE_SIZE', 'first'));
  });

  it('decodes the cursor a connection gave, as the list compares it (ids, bigint serials, instants, days, months)', () => {
    const page = connection(
      [
        { at: new Date(AT), id: ID },
        { at: new Date(AT), id: ID },
      ],
      1,
      (row) => [row.at.toISOString(), row.id],
    );
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(pageRequest({ after: page.pageInfo.endCursor }, newestFirst)).toEqual({ take: 20, after: [new Date(AT), ID] });
    expect(pageRequest({ after: encodeCursor('9223372036854775807') }, cursorKeys.serial).after).toBe(2n ** 63n - 1n);
    expect(pageRequest({ after: encodeCursor(ID) }, cursorKeys.uuid).after).toBe(ID);
    expect(pageRequest({ after: encodeCursor(['2026-11-25', ID]) }, z.tuple([cursorKeys.day, cursorKeys.uuid])).after).toEqual(['2026-11-25', ID]);
    expect(pageRequest({ after: encodeCursor(['2026-11', ID]) }, z.tuple([cursorKeys.period, cursorKeys.uuid])).after).toEqual(['2026-11', ID]);
    expect(connection([], 20, () => ID).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it.each<[string, string, z.ZodType<unknown, string | readonly string[]>]>([
    ['an empty cursor', '', cursorKeys.uuid],
    ['not base64url', 'not a cursor!', cursorKeys.uuid],
    ['base64url of no JSON', raw('2026-11-25T08:00:00.000Z|x'), newestFirst],
    ['an id that is not a UUID', encodeCursor('not-a-uuid'), cursorKeys.uuid],
    ['a NUL character', encodeCursor(`${ID}\u0000`), cursorKeys.uuid],
    ['an SQL fragment', encodeCursor("' OR 1=1 --"), cursorKeys.uuid],
    ['a serial that is not digits', encodeCursor('12a'), cursorKeys.serial],
    ['a serial as a JSON number', raw('12'), cursorKeys.serial],
    ['a serial above bigint', encodeCursor('9223372036854775808'), cursorKeys.serial],
    ['a negative serial', encodeCursor('-1'), cursorKeys.serial],
    ['an impossible instant', encodeCursor(['2026-02-30T08:00:00.000Z', ID]), newestFirst],
    ['an instant that is not ISO', encodeCursor(['yesterday', ID]), newestFirst],
    ['a pair missing its id', encodeCursor([AT]), newestFirst],
    ['a pair with an extra part', encodeCursor([AT, ID, ID]), newestFirst],
    ["another list's cursor (a day where an instant goes)", encodeCursor(['2026-11-25', ID]), newestFirst],
    ['an impossible day', encodeCursor(['2026-13-01', ID]), z.tuple([cursorKeys.day, cursorKeys.uuid])],
    ['a month that is not one', encodeCursor(['2026-13', ID]), z.tuple([cursorKeys.period, cursorKeys.uuid])],
    ['a huge cursor', encodeCursor('x'.repeat(10_000)), cursorKeys.uuid],
  ])('refuses %s with INVALID_CURSOR on after', (_, after, keySchema) => {
    expect(() => pageRequest({ after }, keySchema)).toThrow(refused('INVALID_CURSOR', 'after'));
  });
});
