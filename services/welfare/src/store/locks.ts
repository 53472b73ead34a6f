import type { WelfareTx } from '../db';

/**
 * Row locks a decision takes before it reads what it decides on, so two concurrent requests on the same
 * row are decided one after the other (the second sees the first's result).
 */
const lockRow =
  (table: 'welfare_project' | 'award_round' | 'service_request' | 'training_enrolment' | 'training_session', key: 'id' | 'project_id') =>
  async (tx: WelfareTx, id: string): Promise<void> => {
    await tx.$executeRawUnsafe(`SELECT 1 FROM ${table} WHERE ${key} = $1::uuid FOR UPDATE`, id);
  };

export const lockProject = lockRow('welfare_project', 'project_id');
export const lockAwardRound = lockRow('award_round', 'id');
export const lockServiceRequest = lockRow('service_request', 'id');
export const lockTrainingEnrolment = lockRow('training_enrolment', 'id');
export const lockTrainingSession = lockRow('training_session', 'id');
