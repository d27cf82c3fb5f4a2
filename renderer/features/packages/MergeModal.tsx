// Merging a result package (评查结果包): the check and the preview come from
// packages.inspectResult — who sent it, which export, complete or partial, and per sheet whether
// it is new, newer, the same, older, or a conflict (changed here and there since the package was
// issued). Conflicts need a choice before anything is merged; the merge is one transaction.
import { Alert, App, Button, Descriptions, Modal, Radio, Spin, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime, pts } from '../tasks/format';
import { useIssue, type ResultPreview } from './store';

type Sheet = ResultPreview['sheets'][number];
type Keep = 'local' | 'package';

const CLASS_COLORS: Record<Sheet['class'], string> = {
  new: 'green',
  newer: 'blue',
  same: 'default',
  older: 'default',
  conflict: 'red',
};

export function MergeModal({ onMerged }: { onMerged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useIssue();
  const preview = s.result?.preview ?? null;
  const { choices } = s;

  const conflicts = preview?.sheets.filter((x) => x.class === 'conflict') ?? [];
  const undecided = conflicts.filter((x) => !choices[x.sheetId]).length;
  const state = (x: Sheet['local']) =>
    t('packagesUi.merge.sheetState', {
      status: t(`packagesUi.sheetStatus.${x.status}`, { defaultValue: x.status }),
      revision: x.revision,
      total:
        x.total === null
          ? t('packagesUi.merge.noScore')
          : t('packagesUi.merge.points', { points: pts(x.total) }),
    });

  const merge = async () => {
    const r = await s.merge(
      conflicts.map((x) => ({ sheetId: x.sheetId, keep: choices[x.sheetId]! })),
    );
    if (!r?.ok) return;
    void message.success(
      r.data.merged
        ? t('packagesUi.merge.merged', {
            applied: r.data.applied,
            submitted: r.data.submittedNow,
            kept: r.data.keptLocal,
          })
        : t('packagesUi.merge.nothing'),
    );
    s.closeResult();
    onMerged();
  };

  return (
    <Modal
      open={s.result !== null}
      title={t('packagesUi.merge.title')}
      width={860}
      onCancel={() => s.closeResult()}
      maskClosable={!s.merging}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={() => s.closeResult()} disabled={s.merging}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="merge"
          type="primary"
          disabled={!preview || undecided > 0}
          loading={s.merging}
          onClick={() => void merge()}
          data-testid="merge-submit"
        >
          {t('packagesUi.merge.submit')}
        </Button>,
      ]}
    >
      <div data-testid="merge-modal">
        {s.checkingResult ? (
          <Spin tip={t('packagesUi.merge.checking')}>
            <div style={{ height: 80 }} />
          </Spin>
        ) : null}
        <ErrorAlert error={s.resultError} testId="merge-error" />
        {preview ? (
          <>
            <Descriptions
              size="small"
              column={2}
              bordered
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: 'evaluator',
                  label: t('packagesUi.merge.evaluator'),
                  children: (
                    <span data-testid="merge-evaluator">
                      {preview.evaluator.name} · {preview.evaluator.departmentName}
                    </span>
                  ),
                },
                {
                  key: 'campaign',
                  label: t('packagesUi.merge.campaign'),
                  children: preview.campaign.name,
                },
                {
                  key: 'export',
                  label: t('packagesUi.merge.export'),
                  children: t('packagesUi.merge.exportText', {
                    sequence: preview.sequence,
                    time: dateTime(preview.exportedAt),
                  }),
                },
                {
                  key: 'complete',
                  label: t('packagesUi.merge.completeness'),
                  children: (
                    <span
                      data-testid="merge-partial"
                      data-partial={preview.partial ? 'true' : 'false'}
                    >
                      {preview.partial ? t('packages.partial') : t('packages.complete')}
                    </span>
                  ),
                },
              ]}
            />
            {preview.alreadyMerged ? (
              <Alert
                type="info"
                showIcon
                title={t('packagesUi.merge.alreadyMerged')}
                style={{ marginBottom: 12 }}
                data-testid="merge-already"
              />
            ) : null}
            {undecided > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('packagesUi.merge.chooseAll', { count: undecided })}
                style={{ marginBottom: 12 }}
                data-testid="merge-undecided"
              />
            ) : null}
            <Table<Sheet>
              size="small"
              rowKey="sheetId"
              dataSource={preview.sheets}
              pagination={false}
              onRow={(x) =>
                ({
                  'data-testid': 'merge-sheet',
                  'data-case-no': x.caseNo,
                  'data-class': x.class,
                }) as HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  key: 'caseNo',
                  title: t('packagesUi.merge.columns.caseNo'),
                  render: (_, x) => <Typography.Text strong>{x.caseNo}</Typography.Text>,
                },
                {
                  key: 'class',
                  title: t('packagesUi.merge.columns.class'),
                  width: 90,
                  render: (_, x) => (
                    <Tag
                      color={CLASS_COLORS[x.class]}
                      title={t(`packages.sheetClassHelp.${x.class}`)}
                    >
                      {t(`packages.sheetClass.${x.class}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'local',
                  title: t('packagesUi.merge.columns.local'),
                  render: (_, x) => state(x.local),
                },
                {
                  key: 'package',
                  title: t('packagesUi.merge.columns.package'),
                  render: (_, x) => state(x.package),
                },
                {
                  key: 'resolution',
                  title: t('packagesUi.merge.columns.resolution'),
                  width: 210,
                  render: (_, x) =>
                    x.class === 'conflict' ? (
                      <Radio.Group
                        size="small"
                        value={choices[x.sheetId]}
                        onChange={(e) => s.resolve(x.sheetId, e.target.value as Keep)}
                        data-testid="merge-resolution"
                        options={[
                          { value: 'local', label: t('packages.resolution.local') },
                          { value: 'package', label: t('packages.resolution.package') },
                        ]}
                      />
                    ) : null,
                },
              ]}
            />
          </>
        ) : null}
      </div>
    </Modal>
  );
}
