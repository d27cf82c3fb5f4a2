// 评查活动 list: name, year, state and counts of every campaign; create one (name and year),
// delete a draft, open one, and verify any exported draw record.
import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, errorText } from '../../i18n/errors';
import { toolbarStyle } from '../people/ui';
import { localizeError, rowData, STATUS_COLORS } from './format';
import { useCampaignList } from './store';
import { VerifyModal } from './VerifyModal';

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCampaignList((s) => s.create);
  const [form] = Form.useForm<{ name: string; year: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const r = await create(v.name.trim(), v.year);
    setBusy(false);
    if (!r.ok) {
      if (!applyFieldErrors(form, r.error)) setError(r.error);
      return;
    }
    void message.success(t('campaignsUi.create.created', { name: r.data.name }));
    onClose();
    void navigate(`/campaigns/${r.data.id}/scope`);
  };

  return (
    <Modal
      open={open}
      title={t('campaignsUi.create.title')}
      okText={t('campaignsUi.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'campaign-create-ok' }}
      destroyOnHidden
    >
      <ErrorAlert error={error} testId="campaign-create-error" />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year: dayjs().year() }}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="name"
          label={t('campaignsUi.create.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}
        >
          <Input
            autoFocus
            maxLength={80}
            placeholder={t('campaignsUi.create.namePlaceholder')}
            data-testid="campaign-create-name"
          />
        </Form.Item>
        <Form.Item name="year" label={t('campaignsUi.create.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} data-testid="campaign-create-year" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CampaignListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { campaigns, loading, error, load, remove } = useCampaignList(
    useShallow((s) => ({
      campaigns: s.campaigns,
      loading: s.loading,
      error: s.error,
      load: s.load,
      remove: s.remove,
    })),
  );
  const [creating, setCreating] = useState(false);
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const del = async (c: Campaign) => {
    const r = await remove(c.id);
    if (r.ok) void message.success(t('campaignsUi.list.deleted', { name: c.name }));
    else void message.error(errorText(localizeError(r.error)));
  };

  return (
    <Card data-testid="campaigns-list">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ErrorAlert error={error} testId="campaigns-error" />
        <div style={toolbarStyle}>
          <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 760 }}>
            {t('campaignsUi.list.intro')}
          </Typography.Paragraph>
          <Space>
            <Button
              icon={<SafetyCertificateOutlined />}
              onClick={() => setVerifying(true)}
              data-testid="campaigns-verify"
            >
              {t('campaignsUi.list.verify')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="campaign-create"
            >
              {t('campaignsUi.list.create')}
            </Button>
          </Space>
        </div>
        <Table<Campaign>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={campaigns}
          data-testid="campaigns-table"
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 980 }}
          locale={{ emptyText: t('campaignsUi.list.empty') }}
          onRow={(c) => rowData({ 'data-name': c.name })}
          columns={[
            {
              title: t('campaignsUi.list.name'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Link to={`/campaigns/${c.id}`} data-testid="campaign-open">
                  <Typography.Text strong>{name}</Typography.Text>
                </Link>
              ),
            },
            { title: t('campaignsUi.list.year'), dataIndex: 'year', width: 80 },
            {
              title: t('campaignsUi.list.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: Campaign['status']) => (
                <Tag color={STATUS_COLORS[s]} data-testid="campaign-status">
                  {t(`campaigns.statuses.${s}`)}
                </Tag>
              ),
            },
            {
              title: t('campaignsUi.list.files'),
              width: 80,
              align: 'right',
              render: (_v, c) => <span data-testid="campaign-files">{c.counts.files}</span>,
            },
            {
              title: t('campaignsUi.list.evaluators'),
              width: 90,
              align: 'right',
              render: (_v, c) => c.counts.evaluators,
            },
            {
              title: t('campaignsUi.list.assignments'),
              width: 100,
              align: 'right',
              render: (_v, c) => c.counts.assignments,
            },
            {
              title: t('campaignsUi.list.updatedAt'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: t('common.actions'),
              width: 130,
              render: (_v, c) => (
                <Space size={0}>
                  <Link to={`/campaigns/${c.id}`}>
                    <Button size="small" type="link">
                      {t('campaignsUi.list.open')}
                    </Button>
                  </Link>
                  {c.status === 'draft' ? (
                    <Popconfirm
                      title={t('campaignsUi.list.deleteConfirm', { name: c.name })}
                      description={t('campaignsUi.list.deleteHelp')}
                      okText={t('campaignsUi.list.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, 'data-testid': 'campaign-delete-ok' }}
                      onConfirm={() => del(c)}
                    >
                      <Button size="small" type="link" danger data-testid="campaign-delete">
                        {t('campaignsUi.list.delete')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" data-testid="campaigns-total">
          {t('campaignsUi.list.total', { count: campaigns.length })}
        </Typography.Text>
      </Space>
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <VerifyModal open={verifying} onClose={() => setVerifying(false)} />
    </Card>
  );
}
