import { attendanceMutations } from './attendance-mutations';
import { cardMutations } from './card-mutations';
import { enrolmentMutations } from './enrolment-mutations';
import { workerMutations } from './worker-mutations';

export const Mutation = { ...cardMutations, ...workerMutations, ...enrolmentMutations, ...attendanceMutations };
