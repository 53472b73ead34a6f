import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import QRCode from 'qrcode';
import type { WebConfig } from '../web-config';
import { graphql } from '../generated';
import { useI18n } from '../i18n';
import { yuan } from '../money';

const NOTICE = graphql(`
  query RightsNotice($projectId: ID!) {
    project(id: $projectId) {
      id
      name
      regionCode
      client
      labourWageOfficer {
        name
        phone
      }
      generalContractor {
        uscc
        name
        legalRepresentative
        responsiblePersons {
          person {
            name
          }
        }
      }
    }
    wageAccounts(projectId: $projectId) {
      bankName
      status
    }
    wageSheets(projectId: $projectId, first: 1) {
      nodes {
        dueOn
      }
    }
  }
`);
const MINIMUM_WAGE = graphql(`
  query NoticeMinimumWage($region: String!) {
    minimumWage(regionCode: $region) {
      monthly
      hourly
    }
  }
`);

/** 维权信息告示牌: the rights notice every site must post, printable on A3, with a QR code to the worker's complaint page for this project. */
export function NoticeBoard({ projectId, config }: { projectId: string; config: WebConfig }) {
  const { t } = useI18n();
  const notice = useQuery(NOTICE, { variables: { projectId }, errorPolicy: 'all' });
  const region = notice.data?.project?.regionCode;
  const minimumWage = useQuery(MINIMUM_WAGE, { variables: { region: region ?? '' }, skip: !region, errorPolicy: 'all' });
  const complaintUrl = `${window.location.origin}/#/complain/${encodeURIComponent(projectId)}`;
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    void QRCode.toDataURL(complaintUrl, { width: 320, margin: 1, errorCorrectionLevel: 'M' }).then(setQr);
  }, [complaintUrl]);
  const project = notice.data?.project;
  if (notice.data && !project) return <Alert type="warning" showIcon title={t('无权查看该项目或项目不存在', 'No such project for you')} />;
  const contractor = project?.generalContractor;
  const account = notice.data?.wageAccounts?.find((candidate) => candidate.status === 'ACTIVE') ?? notice.data?.wageAccounts?.[0];
  const payDay = notice.data?.wageSheets?.nodes[0]?.dueOn.slice(8, 10);
  const minimum = minimumWage.data?.minimumWage;
  const office = config.labourInspectionOffice;
  const rows: Array<[string, string]> = [
    ['总承包单位', contractor?.name ?? '—'],
    ['建设单位', project?.client ?? '—'],
    [
      '企业负责人',
      [contractor?.legalRepresentative, ...(contractor?.responsiblePersons ?? []).flatMap((person) => (person.person ? [person.person.name] : []))]
        .filter(Boolean)
        .join('、') || '—',
    ],
    ['劳资专管员', project?.labourWageOfficer ? `${project.labourWageOfficer.name}（${project.labourWageOfficer.phone}）` : '—'],
    ['工资专用账户开户银行', account?.bankName ?? '—'],
    ['工资支付日', payDay ? `每月${Number(payDay)}日前支付上一周期工资` : '按月足额支付，最迟于次月发放日前'],
    ['当地最低工资标准', minimum ? `月 ${yuan(minimum.monthly)}；小时 ${yuan(minimum.hourly)}` : '—'],
    ['欠薪投诉举报电话', config.complaintHotline],
    ['劳动保障监察机构', office ? `${office.name}（${office.address}，${office.phone}）` : '—'],
  ];
  return (
    <div className="notice-board">
      <div className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => window.print()}>
          {t('打印（A3）', 'Print (A3)')}
        </Button>
      </div>
      <article className="notice-sheet" aria-label="维权信息告示牌">
        <h1>农民工维权信息告示牌</h1>
        <h2>{project?.name ?? ''}</h2>
        <table>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="notice-qr">
          {qr && <img src={qr} alt="扫码投诉：本项目欠薪投诉页面" data-target={complaintUrl} width={200} height={200} />}
          <p>
            用人单位拖欠工资的，请扫码或拨打 <strong>{config.complaintHotline}</strong> 投诉举报。
            <br />
            依据《保障农民工工资支付条例》第三十四条，施工总承包单位应当在施工现场醒目位置设立维权信息告示牌。
          </p>
        </div>
      </article>
    </div>
  );
}
