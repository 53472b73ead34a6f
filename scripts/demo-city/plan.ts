// The demo city, decided before anything is written: which projects Xingtai's counties have, at which
// stage, who works on them, and how each month's wages went. Pure and seeded, so every start of a
// fresh demo draws the same city around its own date.
import { addDays, addMonthsToDay, addMonthsToPeriod, chinaDay, chinaMidnight, chinaPeriod, lastDayOfPeriod } from '@yikatong/platform';
import { residentIdCheckCharacter } from '../../services/identity/src/domain/resident-id';
import { luhnCheckDigit } from '../../services/identity/src/domain/luhn';

export const COUNTIES = [
  ['130502', '襄都区'],
  ['130503', '信都区'],
  ['130505', '任泽区'],
  ['130506', '南和区'],
  ['130522', '临城县'],
  ['130525', '隆尧县'],
  ['130528', '宁晋县'],
  ['130529', '巨鹿县'],
  ['130533', '威县'],
  ['130534', '清河县'],
  ['130581', '南宫市'],
  ['130582', '沙河市'],
] as const;

const KINDS = ['保障性住房', '中学教学楼', '人民医院门诊楼', '城区道路改造', '产业园标准厂房', '污水处理厂', '安置小区', '文体中心', '小学综合楼'] as const;
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔';
const GIVEN = '建国志强秀英海涛立新丽娟红梅国庆军明华平刚伟磊敏静丽强军杰涛超勇艳娜辉鹏飞斌浩宇洋帆林峰';
const TRADES = ['REBAR', 'MASON', 'CARPENTER', 'CONCRETE', 'SCAFFOLDER', 'ELECTRICIAN', 'WELDER', 'PLUMBER', 'PAINTER', 'LABOURER'] as const;

export type Stage = 'BIDDING' | 'AWARDED' | 'PERMITTED' | 'CONSTRUCTION' | 'COMPLETED' | 'CLOSED';
/**
 * How a month's wages went on a project: paid by the due day; paid twelve days late; all but one
 * worker paid; no sheet at all (the arrears the warnings exist for).
 */
export type PayOutcome = 'ON_TIME' | 'LATE' | 'ALL_BUT_ONE' | 'UNPAID';

export interface PlannedWorker {
  name: string;
  idNumber: string;
  phone: string;
  tradeCode: string;
  /** Fen per day. */
  dailyRateFen: number;
  bankCode: 'ICBC' | 'CCB' | 'ABC';
  cardNumber: string;
}

export interface PlannedProject {
  key: string;
  name: string;
  regionCode: string;
  county: string;
  client: string;
  contractor: number;
  stage: Stage;
  contractValueFen: bigint;
  labourCostSharePercent: number;
  registeredOn: string;
  /** The day each stage after BIDDING was reached, as far as the project got. */
  reached: Partial<Record<Exclude<Stage, 'BIDDING'>, string>>;
  officer: { name: string; phone: string };
  workers: PlannedWorker[];
  /** The outcome of each closed month the project worked (keys are the plan's `months`). */
  pay: Record<string, PayOutcome>;
  /** The client's newest labour-cost instalment is overdue (a blue warning). */
  fundingOverdue: boolean;
  /** The injury policy ran out and was not renewed (an insurance gap on the dashboard). */
  insuranceLapsed: boolean;
}

export interface CityPlan {
  /** The closed months with wages, oldest first. */
  months: string[];
  today: string;
  projects: PlannedProject[];
}

/** mulberry32: a small seeded generator, so the same city comes out every time. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STAGE_BY_SLOT: readonly Stage[] = ['BIDDING', 'BIDDING', 'AWARDED', 'PERMITTED', ...Array<Stage>(12).fill('CONSTRUCTION'), 'COMPLETED', 'CLOSED'];
export const PROJECTS_PER_COUNTY = STAGE_BY_SLOT.length;
/** Closed months of wages each construction project has on record. */
export const MONTHS_OF_HISTORY = 4;
const BANK_PREFIX = { ICBC: '622202', CCB: '621700', ABC: '622848' } as const;

function idNumber(regionCode: string, birth: string, serial: number, male: boolean): string {
  // The 17th digit is odd for men, even for women.
  const order = String(Math.floor(serial / 5) % 100).padStart(2, '0') + String((serial % 5) * 2 + (male ? 1 : 0));
  const first17 = `${regionCode}${birth.replaceAll('-', '')}${order}`;
  return first17 + residentIdCheckCharacter(first17);
}

function bankCard(bankCode: keyof typeof BANK_PREFIX, serial: number): string {
  const body = `${BANK_PREFIX[bankCode]}${String(serial).padStart(12, '0')}`;
  return body + String(luhnCheckDigit(body));
}

/**
 * The city as of `now`: twelve counties of `PROJECTS_PER_COUNTY` projects; construction projects
 * with ten to twenty workers each and `MONTHS_OF_HISTORY` closed months of wages. Most contractors pay
 * on time; contractors 10 and 11 left their latest due month unpaid on half their sites, 8 and 9 paid
 * all but one worker, and late payments are scattered through the older months.
 */
export function planCity(now: Date, contractors: number, dueDaysAfterCycle: number): CityPlan {
  const random = seeded(20261202);
  const today = chinaDay(now);
  const current = chinaPeriod(now);
  const months = Array.from({ length: MONTHS_OF_HISTORY }, (_, i) => addMonthsToPeriod(current, i - MONTHS_OF_HISTORY));
  const firstWorkDay = `${months[0]}-01`;
  // The newest month whose wages were due before today is where arrears show.
  const latestDue = [...months].reverse().find((period) => addDays(lastDayOfPeriod(period), dueDaysAfterCycle) < today) ?? months[0]!;
  let serial = 0;
  const projects: PlannedProject[] = [];
  for (const [countyIndex, [regionCode, county]] of COUNTIES.entries()) {
    for (const [slot, stage] of STAGE_BY_SLOT.entries()) {
      const index = countyIndex * PROJECTS_PER_COUNTY + slot;
      const contractor = index % contractors;
      const kind = KINDS[(slot + countyIndex) % KINDS.length]!;
      const started = stage === 'CONSTRUCTION' || stage === 'COMPLETED' || stage === 'CLOSED';
      // Projects at work started before the wage history begins; one awarded or permitted lately is within its deadlines.
      const constructionOn = started ? addDays(firstWorkDay, -20 - Math.floor(random() * 300)) : addDays(today, 20 + Math.floor(random() * 40));
      const awardedOn = started ? addDays(constructionOn, -60) : addDays(today, -5 - Math.floor(random() * 20));
      const reached: PlannedProject['reached'] = {};
      if (stage !== 'BIDDING') reached.AWARDED = awardedOn;
      if (['PERMITTED', 'CONSTRUCTION', 'COMPLETED', 'CLOSED'].includes(stage))
        reached.PERMITTED = started ? addDays(constructionOn, -20) : addDays(awardedOn, 3);
      if (started) reached.CONSTRUCTION = constructionOn;
      if (stage === 'COMPLETED' || stage === 'CLOSED') reached.COMPLETED = addDays(today, -40 - slot);
      if (stage === 'CLOSED') reached.CLOSED = addDays(today, -10);
      const workers: PlannedWorker[] = [];
      const pay: Record<string, PayOutcome> = {};
      if (stage === 'CONSTRUCTION') {
        const count = 10 + Math.floor(random() * 11);
        for (let w = 0; w < count; w += 1) {
          serial += 1;
          const male = random() < 0.85;
          const birth = addDays('1968-01-01', Math.floor(random() * 365 * 34));
          const bankCode = (['ICBC', 'CCB', 'ABC'] as const)[serial % 3]!;
          workers.push({
            name: SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN.slice(Math.floor(random() * (GIVEN.length / 2)) * 2).slice(0, 1 + (serial % 2)),
            idNumber: idNumber(`1305${String(21 + (serial % 12)).padStart(2, '0')}`, birth, serial, male),
            phone: `1${[3, 5, 8][serial % 3]}${String(300_000_000 + serial * 7919).slice(-9)}`,
            tradeCode: TRADES[Math.floor(random() * TRADES.length)]!,
            dailyRateFen: 22_000 + Math.floor(random() * 16) * 1_000,
            bankCode,
            cardNumber: bankCard(bankCode, 130_500_000 + serial),
          });
        }
        for (const period of months) {
          const unpaidHere = contractor >= contractors - 2 && (slot + countyIndex) % 2 === 0;
          pay[period] =
            period === latestDue && unpaidHere
              ? 'UNPAID'
              : period === latestDue && (contractor === contractors - 3 || contractor === contractors - 4) && slot % 3 === 0
                ? 'ALL_BUT_ONE'
                : random() < 0.08
                  ? 'LATE'
                  : 'ON_TIME';
        }
      }
      projects.push({
        key: `${regionCode}-${slot}`,
        name: `${county}${kind}${slot >= KINDS.length ? '二期' : ''}项目`,
        regionCode,
        county,
        client: slot % 3 === 0 ? `${county}人民政府` : slot % 3 === 1 ? `${county}住房和城乡建设局` : `${county}教育局`,
        contractor,
        stage,
        contractValueFen: BigInt(2 + Math.floor(random() * 18)) * 1_000_000_000n,
        labourCostSharePercent: 20 + (index % 3) * 5,
        registeredOn: addDays(awardedOn, -45),
        reached,
        officer: {
          name: SURNAMES[(index * 7) % SURNAMES.length]! + GIVEN.slice(((index * 3) % (GIVEN.length / 2)) * 2, ((index * 3) % (GIVEN.length / 2)) * 2 + 2),
          phone: `139031${String(90_000 + index).slice(-5)}`,
        },
        workers,
        pay,
        fundingOverdue: stage === 'CONSTRUCTION' && index % 17 === 5,
        insuranceLapsed: stage === 'CONSTRUCTION' && index % 23 === 7,
      });
    }
  }
  return { months, today, projects };
}

/** An instant on a China day at a China hour (business events happen in office hours). */
export const atChinaHour = (day: string, hour: number): Date => new Date(chinaMidnight(day).getTime() + hour * 3_600_000);

/** The first of the month after `day`'s month. */
export const nextMonthStart = (day: string): string => `${addMonthsToDay(`${day.slice(0, 7)}-01`, 1)}`;
