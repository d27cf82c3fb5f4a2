// Returning a submitted sheet to its evaluator (退回, with a reason they will read), and the
// versions of a sheet (every save, submit and return), each scored again with the template.
import { Alert, Form, Input, Modal, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import type { Sheet } from '../../../core/api/methods/scoring';
import { taskStatus } from '../../../core/scoring/schemas';
import type { TemplateContent } from '../../../core/standards/model';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { keyOf, outcomeOf } from './draft';
import { useFileReview, type Versions } from './file-store';
import { dataAttrs, dateTime, GradeTag, localizeError, pts, TaskTag } from './format';

const sheetLabel = (s: Sheet, t: (k: 'reviewUi.compare.jointSheet') => string) =>
  s.evaluatorName ?? t('reviewUi.compare.jointSheet');

export function ReturnModal({ sheet, onClose }: { sheet: Sheet | null; onClose: () => void }) {
  const { t } = useTranslation();
  const returnSheet = useFileReview((s) => s.returnSheet);
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    if (!sheet) return;
    const v = await form.validateFields();
    setBusy(true);
    const r = await returnSheet(sheet.id, v.reason.trim());
    setBusy(false);
    if (r.ok) {
      setError(null);
      onClose();
    } else if (!applyFieldErrors(form, r.error)) {
      setError(localizeError(r.error));
    }
  };

  return (
    <Modal
      open={!!sheet}
      title={t('reviewUi.return.title', { name: sheet ? sheetLabel(sheet, t) : '' })}
      okText={t('reviewUi.return.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'return-ok' }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reviewUi.return.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="return-error" />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('reviewUi.return.reason')}
          rules={[{ required: true, whitespace: true, message: t('reviewUi.return.required') }]}
        >
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={500}
            showCount
            data-testid="return-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Version = Versions[number];

export function VersionsModal({
  sheet,
  template,
  onClose,
}: {
  sheet: Sheet | null;
  template: TemplateContent;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const load = useFileReview((s) => s.versions);
  const [versions, setVersions] = useState<Versions | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shownFor, setShownFor] = useState<string | null>(null);
  if ((sheet?.id ?? null) !== shownFor) {
    setShownFor(sheet?.id ?? null);
    setVersions(null);
    setError(null);
  }

  useEffect(() => {
    if (!sheet) return;
    let live = true;
    void load(sheet.id).then((r) => {
      if (!live) return;
      if (r.ok) setVersions(r.data.versions);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [sheet, load]);

  const codeText = new Map<string, string>([
    ...template.vetoItems.map((v) => [keyOf({ kind: 'veto', code: v.code }), v.text] as const),
    ...template.categories.flatMap((c) =>
      c.items.map((i) => [keyOf({ kind: 'item', code: i.code }), i.text] as const),
    ),
    ...template.bonus.items.map((b) => [keyOf({ kind: 'bonus', code: b.code }), b.text] as const),
  ]);

  const columns: ColumnsType<Version> = [
    { key: 'revision', dataIndex: 'revision', title: t('reviewUi.versions.revision'), width: 90 },
    {
      key: 'status',
      title: t('reviewUi.versions.status'),
      width: 100,
      render: (_, v) => <TaskTag status={taskStatus(v.status, v.revision)} />,
    },
    {
      key: 'savedAt',
      title: t('reviewUi.versions.savedAt'),
      width: 160,
      render: (_, v) => dateTime(v.savedAt),
    },
    {
      key: 'score',
      title: t('reviewUi.versions.score'),
      render: (_, v) => {
        const o = outcomeOf(template, v.content.findings);
        return 'result' in o ? (
          <span>
            <span className="review-num" data-testid="version-total">
              {t('reviewUi.points', { points: pts(o.result.total) })}
            </span>{' '}
            <GradeTag grade={o.result.grade} bandIndex={o.result.bandIndex} />
          </span>
        ) : (
          <Typography.Text type="secondary">{t('reviewUi.versions.unscorable')}</Typography.Text>
        );
      },
    },
    {
      key: 'findings',
      title: t('reviewUi.versions.findings'),
      width: 100,
      align: 'right',
      render: (_, v) => v.content.findings.length,
    },
  ];

  return (
    <Modal
      open={!!sheet}
      title={t('reviewUi.versions.title', { name: sheet ? sheetLabel(sheet, t) : '' })}
      footer={null}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {versions && !versions.length ? (
        <Alert type="info" title={t('reviewUi.versions.none')} />
      ) : (
        <Table<Version>
          rowKey={(v) => `${v.revision}:${v.status}:${v.savedAt}`}
          size="small"
          loading={!versions && !error}
          columns={columns}
          dataSource={versions ?? []}
          pagination={false}
          data-testid="versions-table"
          onRow={() => dataAttrs({ 'data-testid': 'version-row' })}
          expandable={{
            rowExpandable: (v) => v.content.findings.length > 0,
            expandedRowRender: (v) => (
              <ul className="versions-findings">
                {v.content.findings.map((f) => (
                  <li key={keyOf(f)}>
                    <Typography.Text strong>{f.code}</Typography.Text>{' '}
                    {codeText.get(keyOf(f)) ?? ''}
                    {f.kind === 'veto' ? `（${t('reviewUi.compare.vetoHit')}）` : ''}
                    {f.reason ? (
                      <Typography.Text type="secondary"> — {f.reason}</Typography.Text>
                    ) : null}
                  </li>
                ))}
              </ul>
            ),
          }}
        />
      )}
    </Modal>
  );
}
