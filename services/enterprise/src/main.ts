import { runAsProcess } from '@yikatong/platform';
import { loadEnterpriseConfig } from './config';
import { createEnterpriseService } from './service';

runAsProcess('enterprise', loadEnterpriseConfig, createEnterpriseService);
