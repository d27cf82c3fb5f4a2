// What a package file is, as packages.inspect describes it: shown before importing a task package
// so the evaluator can see who issued it (with the key fingerprint to compare) and what it holds.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Tag, Typography } from 'antd';
import type { DescriptionsItemType } from 'antd/es/descriptions';
import { useTranslation } from 'react-i18next';
import { tr } from '../../i18n/errors';
import { dateTime } from '../tasks/format';
import type { Inspection } from './store';

const problemText = (p: { key: string; params?: Record<string, string | number> | undefined }) =>
  tr(p.key, p.params);

export function PackageSummary({ inspection: i }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const items: DescriptionsItemType[] = [
    {
      key: 'kind',
      label: t('packagesUi.summary.kind'),
      children: i.kind ? t(`packages.kind.${i.kind}`) : '—',
    },
  ];
  if (i.campaign) {
    items.push({
      key: 'campaign',
      label: t('packagesUi.summary.campaign'),
      children: <span data-testid="package-campaign">{i.campaign.name}</span>,
    });
  }
  if (i.evaluator) {
    items.push({
      key: 'evaluator',
      label: t('packagesUi.summary.evaluator'),
      children: (
        <span data-testid="package-evaluator">
          {i.evaluator.name}
          <Typography.Text type="secondary"> · {i.evaluator.departmentName}</Typography.Text>
        </span>
      ),
    });
  }
  if (i.files.length) {
    items.push({
      key: 'files',
      label: t('packagesUi.summary.files'),
      children: (
        <div data-testid="package-files" data-count={i.files.length}>
          {t('packagesUi.summary.filesCount', { count: i.files.length })}
          <ul className="package-files">
            {i.files.map((f) => (
              <li key={f.caseId}>
                {f.caseNo}
                <Typography.Text type="secondary">
                  {' '}
                  · {f.caseTypeName} · {f.departmentName} ·{' '}
                  {t('packagesUi.summary.attachments', { count: f.attachments })}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      ),
    });
  }
  if (i.coordinator) {
    items.push(
      {
        key: 'issuer',
        label: t('packagesUi.summary.issuer'),
        children: `${i.coordinator.orgName} · ${i.coordinator.issuedBy}`,
      },
      {
        key: 'fingerprint',
        label: t('packagesUi.summary.fingerprint'),
        children: (
          <Typography.Text code data-testid="package-fingerprint">
            {i.coordinator.fingerprint}
          </Typography.Text>
        ),
      },
    );
  }
  if (i.issuedAt) {
    items.push({
      key: 'issued',
      label: t('packagesUi.summary.issuedAt'),
      children: dateTime(i.issuedAt),
    });
  }
  if (i.validUntil) {
    items.push({
      key: 'valid',
      label: t('packagesUi.summary.validUntil'),
      children: dateTime(i.validUntil),
    });
  }
  if (i.result) {
    items.push({
      key: 'result',
      label: t('packagesUi.summary.result'),
      children: (
        <>
          {t('packagesUi.summary.resultText', i.result)}{' '}
          <Tag>{i.result.partial ? t('packages.partial') : t('packages.complete')}</Tag>
        </>
      ),
    });
  }
  return (
    <div data-testid="package-summary" data-verified={i.verified ? 'true' : 'false'}>
      {i.verified ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={t('packagesUi.import.verified')}
          style={{ marginBottom: 12 }}
          data-testid="package-verified"
        />
      ) : (
        <Alert
          type="error"
          showIcon
          icon={<CloseCircleFilled />}
          title={t('packagesUi.import.notVerified')}
          description={i.problem ? problemText(i.problem) : undefined}
          style={{ marginBottom: 12 }}
          data-testid="package-problem"
        />
      )}
      <Descriptions size="small" column={1} bordered items={items} />
      {i.verified && !i.canImport && i.importProblem ? (
        <Alert
          type="warning"
          showIcon
          title={t('packagesUi.import.cannotImport')}
          description={problemText(i.importProblem)}
          style={{ marginTop: 12 }}
          data-testid="package-import-problem"
        />
      ) : null}
    </div>
  );
}
