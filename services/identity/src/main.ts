import { runAsProcess } from '@yikatong/platform';
import { loadIdentityConfig } from './config';
import { createIdentityService } from './service';

runAsProcess('identity', loadIdentityConfig, createIdentityService);
