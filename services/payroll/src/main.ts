import { runAsProcess } from '@yikatong/platform';
import { loadPayrollConfig } from './config';
import { createPayrollService } from './service';

runAsProcess('payroll', loadPayrollConfig, createPayrollService);
