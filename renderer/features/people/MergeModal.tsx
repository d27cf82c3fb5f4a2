// 合并到…: moves a department's case files and people into another department, keeping its name
// (and its aliases) as aliases of the target so later imports still find it.
import { Alert, App, Form, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import type { Department } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePeople } from './store';

export function MergeModal({
  source,
  onClose,
}: {
  source: Department | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = usePeople((s) => s.departments);
  const merge = usePeople((s) => s.merge);
  const [targetId, setTargetId] = useState<string | null>(null);
  // Keeps the text of the last source while the dialog animates closed.
  const [shown, setShown] = useState(source);
  if (source !== null && source !== shown) setShown(source);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const close = () => {
    setTargetId(null);
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!source || !targetId) return;
    setBusy(true);
    setError(null);
    const r = await merge(source.id, targetId);
    setBusy(false);
    if (r.ok) {
      void message.success({
        content: (
          <span data-testid="merge-result">
            {t('people.departments.merged', {
              target: r.data.target.name,
              cases: r.data.movedCases,
              people: r.data.movedPeople,
            })}
          </span>
        ),
        duration: 6,
      });
      close();
    } else setError(r.error);
  };

  const options = departments
    .filter((d) => d.id !== shown?.id)
    .map((d) => ({
      value: d.id,
      label: d.active ? d.name : `${d.name}（${t('common.inactive')}）`,
    }));

  return (
    <Modal
      open={source !== null}
      title={shown ? t('people.departments.mergeTitle', { name: shown.name }) : ''}
      okText={t('people.departments.mergeOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ danger: true, disabled: !targetId, 'data-testid': 'merge-ok' }}
    >
      {shown ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <ErrorAlert error={error} testId="merge-error" />
          <Form layout="vertical">
            <Form.Item label={t('people.departments.mergeTarget')} style={{ marginBottom: 0 }}>
              <Select
                data-testid="merge-target"
                showSearch
                optionFilterProp="label"
                value={targetId ?? undefined}
                placeholder={t('people.departments.mergeTargetPlaceholder')}
                onChange={(v: string) => setTargetId(v)}
                options={options}
              />
            </Form.Item>
          </Form>
          <Alert
            type="info"
            showIcon
            data-testid="merge-explain"
            title={t('people.departments.mergeExplain', {
              name: shown.name,
              cases: shown.caseCount,
              people: shown.peopleCount,
            })}
          />
          <Typography.Text type="secondary">
            {t('people.departments.mergeIrreversible')}
          </Typography.Text>
        </Space>
      ) : null}
    </Modal>
  );
}
