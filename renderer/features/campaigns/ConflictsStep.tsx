// 回避关系: conflicts declared beyond the built-in rules (own department, two from one department):
// a person stands aside from a whole department, or from files a named handler worked on.
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, errorText } from '../../i18n/errors';
import { useCampaign, type Conflict } from './campaign-store';
import { localizeError } from './format';

interface ConflictForm {
  personId?: string;
  target: 'department' | 'handler';
  departmentId?: string;
  handlerName?: string;
  reason?: string;
}

function AddConflict() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConflictForm>();
  const { people, departments, evaluators, addConflict } = useCampaign(
    useShallow((s) => ({
      people: s.refs.people,
      departments: s.refs.departments,
      evaluators: s.evaluators,
      addConflict: s.addConflict,
    })),
  );
  const target = Form.useWatch('target', form) ?? 'department';
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // Drawn evaluators first: their conflicts are the ones the assignment needs.
  const options = useMemo(() => {
    const drawn = new Set(evaluators.map((e) => e.personId));
    const label = (name: string, dept: string, isDrawn: boolean) =>
      `${name}（${dept}）${isDrawn ? ` · ${t('campaignsUi.conflicts.drawnTag')}` : ''}`;
    return [...people]
      .filter((p) => p.active || drawn.has(p.id))
      .sort((a, b) => Number(drawn.has(b.id)) - Number(drawn.has(a.id)))
      .map((p) => ({ value: p.id, label: label(p.name, p.departmentName, drawn.has(p.id)) }));
  }, [people, evaluators, t]);

  const submit = async (v: ConflictForm) => {
    setBusy(true);
    const r = await addConflict({
      personId: v.personId!,
      reason: v.reason!.trim(),
      ...(v.target === 'department'
        ? { departmentId: v.departmentId! }
        : { handlerName: v.handlerName!.trim() }),
    });
    setBusy(false);
    if (!r.ok) {
      if (!applyFieldErrors(form, r.error)) setError(localizeError(r.error));
      return;
    }
    setError(null);
    form.resetFields(['departmentId', 'handlerName', 'reason']);
    void message.success(t('campaignsUi.conflicts.added'));
  };

  return (
    <Form<ConflictForm>
      form={form}
      layout="vertical"
      initialValues={{ target: 'department' }}
      onFinish={(v) => void submit(v)}
      data-testid="conflict-form"
    >
      <ErrorAlert error={error} testId="conflict-error" />
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            name="personId"
            label={t('campaignsUi.conflicts.person')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('campaignsUi.conflicts.personPlaceholder')}
              options={options}
              data-testid="conflict-person"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Form.Item name="target" label={t('campaignsUi.conflicts.target')}>
            <Radio.Group optionType="button" data-testid="conflict-target">
              <Radio.Button value="department" data-testid="conflict-target-department">
                {t('campaignsUi.conflicts.targetDepartment')}
              </Radio.Button>
              <Radio.Button value="handler" data-testid="conflict-target-handler">
                {t('campaignsUi.conflicts.targetHandler')}
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          {target === 'department' ? (
            <Form.Item
              name="departmentId"
              label={t('campaignsUi.conflicts.department')}
              rules={[{ required: true }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t('campaignsUi.conflicts.departmentPlaceholder')}
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
                data-testid="conflict-department"
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="handlerName"
              label={t('campaignsUi.conflicts.handler')}
              rules={[{ required: true, whitespace: true, max: 40 }]}
            >
              <Input
                maxLength={40}
                placeholder={t('campaignsUi.conflicts.handlerPlaceholder')}
                data-testid="conflict-handler"
              />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Form.Item
            name="reason"
            label={t('campaignsUi.conflicts.reason')}
            rules={[{ required: true, whitespace: true, max: 500 }]}
          >
            <Input
              maxLength={500}
              placeholder={t('campaignsUi.conflicts.reasonPlaceholder')}
              data-testid="conflict-reason"
            />
          </Form.Item>
        </Col>
      </Row>
      <Button
        type="primary"
        htmlType="submit"
        icon={<PlusOutlined />}
        loading={busy}
        data-testid="conflict-add"
      >
        {t('campaignsUi.conflicts.add')}
      </Button>
    </Form>
  );
}

export function ConflictsStep({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { conflicts, removeConflict } = useCampaign(
    useShallow((s) => ({ conflicts: s.conflicts, removeConflict: s.removeConflict })),
  );
  const editable = ['draft', 'drawn', 'assigned'].includes(campaign.status);

  const remove = async (c: Conflict) => {
    const r = await removeConflict(c.id);
    if (r.ok) void message.success(t('campaignsUi.conflicts.removed'));
    else void message.error(errorText(localizeError(r.error)));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('campaignsUi.conflicts.intro')}
      </Typography.Paragraph>
      {!editable ? <Alert type="info" showIcon title={t('campaignsUi.conflicts.locked')} /> : null}
      {campaign.status === 'assigned' ? (
        <Alert type="warning" showIcon title={t('campaignsUi.conflicts.afterAssign')} />
      ) : null}
      {editable ? (
        <Card size="small">
          <AddConflict />
        </Card>
      ) : null}
      <Card size="small">
        <Table<Conflict>
          rowKey="id"
          size="small"
          dataSource={conflicts}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('campaignsUi.conflicts.empty') }}
          data-testid="conflicts-table"
          columns={[
            { title: t('campaignsUi.conflicts.person'), dataIndex: 'personName', width: 120 },
            {
              title: t('campaignsUi.conflicts.target'),
              render: (_v, c) =>
                c.departmentName ? (
                  <span>
                    <Tag>{t('campaignsUi.conflicts.targetDepartment')}</Tag>
                    {c.departmentName}
                  </span>
                ) : (
                  <span>
                    <Tag color="gold">{t('campaignsUi.conflicts.targetHandler')}</Tag>
                    {c.handlerName}
                  </span>
                ),
            },
            { title: t('campaignsUi.conflicts.reason'), dataIndex: 'reason' },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'remove',
                    width: 90,
                    render: (_v: unknown, c: Conflict) => (
                      <Popconfirm
                        title={t('campaignsUi.conflicts.removeConfirm')}
                        okText={t('campaignsUi.conflicts.remove')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true, 'data-testid': 'conflict-remove-ok' }}
                        onConfirm={() => remove(c)}
                      >
                        <Button size="small" type="link" danger data-testid="conflict-remove">
                          {t('campaignsUi.conflicts.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
