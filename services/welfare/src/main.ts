import { runAsProcess } from '@yikatong/platform';
import { loadWelfareConfig } from './config';
import { createWelfareService } from './service';

runAsProcess('welfare', loadWelfareConfig, createWelfareService);
