import { z } from 'zod';
import { defineEvent } from '../envelope';
import { TOPICS } from '../topics';

export const enterpriseType = z.enum(['GENERAL_CONTRACTOR', 'SUBCONTRACTOR', 'LABOUR_SERVICE']);

export const enterpriseRegisteredV1 = defineEvent({
  type: 'cn.yikatong.enterprise.enterprise.registered.v1',
  topic: TOPICS.enterpriseEnterprises,
  data: z.object({
    uscc: z.string().length(18),
    name: z.string(),
    type: enterpriseType,
    regionCode: z.string(),
    registeredAt: z.string().datetime({ offset: true }),
  }),
});
