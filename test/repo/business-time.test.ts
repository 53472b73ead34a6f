import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Business time comes from the service's clock (packages/platform's Clock), never from the system
 * date: a rule that reads `new Date()` passes today and fails on the 1st of next month, and no test
 * can pin it. This scans every service's source for the ways of reading the system time.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const FORBIDDEN: Array<[RegExp, string]> = [
  [/new Date\(\s*\)/, 'new Date() reads the system time: take clock.now()'],
  [/\bDate\.now\(\)/, 'Date.now() reads the system time: take clock.now() (performance.now() for durations)'],
  [/\bsystemClock\b/, 'the system clock is chosen once, by clockFromConfig'],
  [/(?<![.\w])now\(\)|\bCURRENT_(DATE|TIMESTAMP)\b|\blocaltimestamp\b/i, "the database's now(): pass the clock's time as a parameter"],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export function businessTimeReads(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        FORBIDDEN.filter(([pattern]) => pattern.test(line)).map(([, why]) => `${path.relative(ROOT, file)}:${index + 1}: ${why}\n    ${line.trim()}`),
      ),
  );
}

const services = readdirSync(path.join(ROOT, 'services'));

it('finds the four services', () => {
  expect(services.sort()).toEqual(['enterprise', 'identity', 'payroll', 'welfare']);
});

it.each(services)('%s takes business time only from its clock', (service) => {
  expect(businessTimeReads(sourceFiles(path.join(ROOT, 'services', service, 'src')))).toEqual([]);
});

it('would catch each way of reading the system time', () => {
  const probe = path.join(__dirname, 'business-time.fixture.txt');
  expect(businessTimeReads([probe]).length).toBe(5);
});
