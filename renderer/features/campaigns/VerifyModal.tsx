// 核验抽取: recomputes a draw from an exported record and population file and says identical, or
// shows the first difference in words.
import { CheckCircleFilled, CloseCircleFilled, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import { useCampaignList, type Verification } from './store';

function FilePick({
  file,
  onPick,
  testId,
}: {
  file: File | null;
  onPick: (f: File) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId} style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(f) => {
          onPick(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('campaignsUi.verify.choose')}</Button>
      </Upload>
      <Typography.Text type={file ? undefined : 'secondary'} ellipsis style={{ maxWidth: 320 }}>
        {file?.name ?? '—'}
      </Typography.Text>
    </div>
  );
}

/**
 * The verification's message. A differing pick comes as "counter:key" (or nothing when one side
 * has no pick there): shown as the key with its counter i, or 无.
 */
function messageText(message: Verification['message']): string {
  if (message.key !== 'campaigns.verify.pick') return tr(message.key, message.params);
  const pick = (v: string | number | undefined) => {
    const m = /^(\d+):([\s\S]+)$/.exec(String(v ?? ''));
    if (m) return tr('campaignsUi.verify.pick', { key: m[2]!, counter: m[1]! });
    return v ? String(v) : tr('campaignsUi.verify.noPick');
  };
  return tr(message.key, {
    ...message.params,
    expected: pick(message.params.expected),
    actual: pick(message.params.actual),
  });
}

export function VerifyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const verify = useCampaignList((s) => s.verify);
  const [record, setRecord] = useState<File | null>(null);
  const [populations, setPopulations] = useState<File | null>(null);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = (set: (f: File) => void) => (f: File) => {
    set(f);
    setResult(null);
    setError(null);
  };

  const run = async () => {
    if (!record || !populations) return;
    setBusy(true);
    const r = await verify(record, populations);
    setBusy(false);
    setResult(r.ok ? r.data : null);
    setError(r.ok ? null : r.error);
  };

  const close = () => {
    setRecord(null);
    setPopulations(null);
    setResult(null);
    setError(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('campaignsUi.verify.title')}
      onCancel={close}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close} data-testid="verify-close">
          {t('common.close')}
        </Button>,
        <Button
          key="run"
          type="primary"
          loading={busy}
          disabled={!record || !populations}
          onClick={() => void run()}
          data-testid="verify-run"
        >
          {t('campaignsUi.verify.submit')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('campaignsUi.verify.intro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('campaignsUi.verify.record')}>
          <FilePick file={record} onPick={pick(setRecord)} testId="verify-record" />
        </Form.Item>
        <Form.Item label={t('campaignsUi.verify.populations')}>
          <FilePick file={populations} onPick={pick(setPopulations)} testId="verify-populations" />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} testId="verify-error" />
      {result ? (
        <Alert
          data-testid="verify-result"
          data-ok={String(result.ok)}
          type={result.ok ? 'success' : 'error'}
          icon={result.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
          showIcon
          title={result.ok ? t('campaignsUi.verify.identical') : t('campaignsUi.verify.different')}
          description={messageText(result.message)}
        />
      ) : null}
    </Modal>
  );
}
