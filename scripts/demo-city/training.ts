// The city's training this year, entered through the gateway by HRSS's training manager: the
// district's target, a provider with a skill programme and a safety programme, and last month's
// sessions, each attended and completed by workers from the sites (so the dashboard's training
// figure has a target and progress against it). Skipped when the target is set already.
import { addMonthsToPeriod } from '@yikatong/platform';
import type { Ask } from './complaints';

/** Trainee-sessions the district aims at this year. */
const YEARLY_TARGET = 2_400;

export async function runTraining(trainer: Ask, regionCode: string, today: string, workerIds: readonly string[]): Promise<void> {
  const year = Number(today.slice(0, 4));
  const progress = await trainer('query ($region: String!, $year: Int!) { trainingProgress(regionCode: $region, year: $year) { target } }', {
    region: regionCode,
    year,
  });
  if (progress.trainingProgress?.target) return;
  await trainer('mutation ($region: String!, $year: Int!, $n: Int!) { setTrainingTarget(regionCode: $region, year: $year, traineeSessions: $n) { year } }', {
    region: regionCode,
    year,
    n: YEARLY_TARGET,
  });
  const provider = await trainer('mutation ($input: TrainingProviderInput!) { registerTrainingProvider(input: $input) { id } }', {
    input: { name: '邢台市建筑工人职业技能培训基地', kind: 'TRAINING_BASE', regionCode },
  });
  const programmes = [
    { name: '砌筑工（四级）技能培训', kind: 'SKILL', tradeCode: 'MASON', skillLevel: 3, requiredHours: 8 },
    { name: '项目级安全教育', kind: 'SAFETY', safetyLevel: 'PROJECT', requiredHours: 16 },
  ];
  const lastMonth = addMonthsToPeriod(today.slice(0, 7), -1);
  for (const [p, programme] of programmes.entries()) {
    const defined = await trainer('mutation ($input: TrainingProgrammeInput!) { defineTrainingProgramme(input: $input) { id } }', {
      input: { providerId: provider.registerTrainingProvider.id, ...programme },
    });
    const startsOn = `${lastMonth}-${String(10 + p * 7).padStart(2, '0')}`;
    const endsOn = `${lastMonth}-${String(11 + p * 7).padStart(2, '0')}`;
    const trainees = workerIds.slice(p * 30, p * 30 + 30);
    const session = await trainer('mutation ($input: TrainingSessionInput!) { scheduleTrainingSession(input: $input) { id } }', {
      input: { programmeId: defined.defineTrainingProgramme.id, regionCode, startsOn, endsOn, capacity: trainees.length },
    });
    for (const workerId of trainees) {
      const enrolled = await trainer('mutation ($session: ID!, $worker: ID) { enrolInTraining(sessionId: $session, workerId: $worker) { id } }', {
        session: session.scheduleTrainingSession.id,
        worker: workerId,
      });
      const enrolmentId = enrolled.enrolInTraining.id;
      for (const day of [startsOn, endsOn].slice(0, Math.ceil(programme.requiredHours / 8))) {
        await trainer('mutation ($id: ID!, $day: Date!) { recordTrainingHours(enrolmentId: $id, day: $day, hours: 8) { id } }', { id: enrolmentId, day });
      }
      await trainer('mutation ($id: ID!) { completeTraining(enrolmentId: $id) { id } }', { id: enrolmentId });
    }
  }
}
