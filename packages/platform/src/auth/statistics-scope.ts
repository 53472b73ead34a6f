import { forbidden } from '../errors';
import { requireRegionCode } from '../validation';
import { requireKind, seesRegion } from './guards';
import type { Principal } from './principal';

/**
 * Who reads a region's dashboard figures (aggregates, no personal data): analytics and portals, for a
 * region within one of their token's regions. Every statistics resolver applies this one rule, so one
 * city's dashboard never reads another's figures, and a caller asking outside its regions is told so
 * rather than answered zeros or another region's figures. The code's shape is checked before it is
 * compared: "4403" would otherwise pass as a prefix of 440300.
 */
export function requireStatisticsScope(principal: Principal | null, regionCode: string, field = 'regionCode'): Principal {
  const reader = requireKind(principal, 'ANALYTICS', 'PORTAL');
  requireRegionCode(regionCode, field);
  if (!seesRegion(reader, regionCode)) {
    const own = reader.regionCodes.length > 0 ? `your token covers ${reader.regionCodes.join(', ')}` : 'your token names no region';
    throw forbidden(`The figures of region ${regionCode} are outside your regions (${own}); ask for a region within them.`);
  }
  return reader;
}
