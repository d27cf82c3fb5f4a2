// 范围与设置: which files may be drawn (case types, procedures, closed only, a closing-date window,
// departments, files drawn before), the standard version pinned per case type, evaluators per
// file, scoring mode, the discrepancy threshold, the deadline and the most files per evaluator;
// beside it the population the saved scope gives. After the draw the scope, the standards, the
// evaluators per file and the mode are fixed; the rest can still change.
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { SCORING_MODES, type Scope, type Settings } from '../../../core/campaigns/schemas';
import { PROCEDURES } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { useCampaign, type TemplateOption } from './campaign-store';
import { localizeError, points } from './format';
import { PopulationPanel } from './PopulationPanel';

interface ScopeValues {
  scope: {
    caseTypes: string[];
    procedures: Scope['procedures'];
    closedOnly: boolean;
    closedRange: [Dayjs | null, Dayjs | null] | null;
    departmentIds: string[];
    includePreviouslyDrawn: boolean;
  };
  settings: {
    templates: Record<string, string | undefined>;
    perFile: number;
    mode: Settings['mode'];
    threshold: number;
    deadline: Dayjs | null;
    maxLoad: number | null;
  };
}

const day = (v: string | null) => (v ? dayjs(v) : null);
const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

function initialValues(c: Campaign): ScopeValues {
  return {
    scope: {
      caseTypes: c.scope.caseTypes,
      procedures: c.scope.procedures,
      closedOnly: c.scope.closedOnly,
      closedRange:
        c.scope.closedFrom || c.scope.closedTo
          ? [day(c.scope.closedFrom), day(c.scope.closedTo)]
          : null,
      departmentIds: c.scope.departmentIds,
      includePreviouslyDrawn: c.scope.includePreviouslyDrawn,
    },
    settings: {
      templates: { ...c.settings.templates },
      perFile: c.settings.perFile,
      mode: c.settings.mode,
      threshold: Number(points(c.settings.threshold)),
      deadline: day(c.settings.deadline),
      maxLoad: c.settings.maxLoad,
    },
  };
}

/** Published versions of standards written for this case type; every one when none is. */
function templatesFor(all: readonly TemplateOption[], type: string): TemplateOption[] {
  const own = all.filter((o) => o.caseTypes.includes(type));
  return own.length ? own : [...all];
}

function ScopeForm({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScopeValues>();
  const { refs, update } = useCampaign(useShallow((s) => ({ refs: s.refs, update: s.update })));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fixed = campaign.status !== 'draft';
  const closed = campaign.status === 'done';
  const caseTypes = Form.useWatch(['scope', 'caseTypes'], form) ?? campaign.scope.caseTypes;
  const typeName = useMemo(() => {
    const names = new Map(refs.caseTypes.map((c) => [c.code, c.name]));
    return (code: string) => names.get(code) ?? code;
  }, [refs.caseTypes]);

  const submit = async (v: ScopeValues) => {
    const threshold = Math.round(v.settings.threshold * 10);
    const later = {
      threshold,
      deadline: iso(v.settings.deadline),
      maxLoad: v.settings.maxLoad ?? null,
    };
    const scope: Scope = {
      caseTypes: v.scope.caseTypes,
      procedures: v.scope.procedures,
      closedOnly: v.scope.closedOnly,
      closedFrom: iso(v.scope.closedRange?.[0]),
      closedTo: iso(v.scope.closedRange?.[1]),
      departmentIds: v.scope.departmentIds,
      includePreviouslyDrawn: v.scope.includePreviouslyDrawn,
    };
    const templates: Record<string, string> = {};
    for (const type of scope.caseTypes) {
      const id = v.settings.templates[type];
      if (id) templates[type] = id;
    }
    setBusy(true);
    // After the draw the fixed parts are sent exactly as stored, so only the rest can change.
    const r = fixed
      ? await update({ settings: { ...campaign.settings, ...later } })
      : await update({
          scope,
          settings: { templates, perFile: v.settings.perFile, mode: v.settings.mode, ...later },
        });
    setBusy(false);
    if (!r.ok) {
      if (!applyFieldErrors(form, r.error)) setError(localizeError(r.error));
      return;
    }
    setError(null);
    void message.success(t('campaignsUi.scope.saved'));
  };

  const label = (o: TemplateOption) =>
    `${t('campaignsUi.scope.templateOption', { name: o.templateName, version: o.version })}${
      o.retired ? t('campaignsUi.scope.templateRetired') : ''
    }`;

  return (
    <Form<ScopeValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(campaign)}
      onFinish={(v) => void submit(v)}
      disabled={closed}
      data-testid="scope-form"
    >
      <ErrorAlert error={error} testId="scope-error" />
      {fixed ? (
        <Alert
          type="info"
          showIcon
          title={t('campaignsUi.scope.fixed')}
          style={{ marginBottom: 16 }}
          data-testid="scope-fixed"
        />
      ) : null}
      <Card size="small" title={t('campaignsUi.scope.title')} style={{ marginBottom: 16 }}>
        <Form.Item
          name={['scope', 'caseTypes']}
          label={t('campaignsUi.scope.caseTypes')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Select
            mode="multiple"
            disabled={fixed}
            options={refs.caseTypes.map((c) => ({ value: c.code, label: c.name }))}
            data-testid="scope-caseTypes"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['scope', 'procedures']}
              label={t('campaignsUi.scope.procedures')}
              extra={t('campaignsUi.scope.proceduresHelp')}
            >
              <Checkbox.Group
                disabled={fixed}
                options={PROCEDURES.map((p) => ({ value: p, label: t(`import.procedures.${p}`) }))}
                data-testid="scope-procedures"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['scope', 'closedOnly']}
              label={t('campaignsUi.scope.closedOnly')}
              valuePropName="checked"
            >
              <Switch disabled={fixed} data-testid="scope-closedOnly" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name={['scope', 'closedRange']}
          label={t('campaignsUi.scope.closedWindow')}
          extra={t('campaignsUi.scope.closedWindowHelp')}
        >
          <DatePicker.RangePicker
            disabled={fixed}
            allowEmpty={[true, true]}
            data-testid="scope-closedRange"
          />
        </Form.Item>
        <Form.Item name={['scope', 'departmentIds']} label={t('campaignsUi.scope.departments')}>
          <Select
            mode="multiple"
            allowClear
            disabled={fixed}
            optionFilterProp="label"
            placeholder={t('campaignsUi.scope.departmentsPlaceholder')}
            options={refs.departments.map((d) => ({ value: d.id, label: d.name }))}
            data-testid="scope-departments"
          />
        </Form.Item>
        <Form.Item
          name={['scope', 'includePreviouslyDrawn']}
          valuePropName="checked"
          extra={t('campaignsUi.scope.includePreviouslyDrawnHelp')}
          style={{ marginBottom: 0 }}
        >
          <Checkbox disabled={fixed} data-testid="scope-includePreviouslyDrawn">
            {t('campaignsUi.scope.includePreviouslyDrawn')}
          </Checkbox>
        </Form.Item>
      </Card>

      <Card size="small" title={t('campaignsUi.scope.settingsTitle')} style={{ marginBottom: 16 }}>
        {!refs.templates.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('campaignsUi.scope.noTemplates')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {caseTypes.map((type) => (
          <Form.Item
            key={type}
            name={['settings', 'templates', type]}
            label={t('campaignsUi.scope.templateFor', { type: typeName(type) })}
            rules={[
              { required: true, message: t('errors.campaignTemplate', { type: typeName(type) }) },
            ]}
          >
            <Select
              disabled={fixed}
              placeholder={t('campaignsUi.scope.templatePlaceholder')}
              options={templatesFor(refs.templates, type).map((o) => ({
                value: o.versionId,
                label: label(o),
              }))}
              data-testid={`scope-template-${type}`}
            />
          </Form.Item>
        ))}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['settings', 'perFile']}
              label={t('campaignsUi.scope.perFile')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={1}
                max={5}
                precision={0}
                disabled={fixed}
                suffix={t('campaignsUi.scope.perFileUnit')}
                style={{ width: '100%' }}
                data-testid="scope-perFile"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['settings', 'threshold']}
              label={t('campaignsUi.scope.threshold')}
              tooltip={t('campaignsUi.scope.thresholdHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber
                min={0}
                max={100}
                step={0.5}
                precision={1}
                suffix={t('campaignsUi.scope.pointsUnit')}
                style={{ width: '100%' }}
                data-testid="scope-threshold"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['settings', 'maxLoad']} label={t('campaignsUi.scope.maxLoad')}>
              <InputNumber
                min={1}
                max={1000}
                precision={0}
                placeholder={t('campaignsUi.scope.maxLoadPlaceholder')}
                suffix={t('campaignsUi.scope.maxLoadUnit')}
                style={{ width: '100%' }}
                data-testid="scope-maxLoad"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['settings', 'mode']} label={t('campaignsUi.scope.mode')}>
          <Radio.Group disabled={fixed} data-testid="scope-mode">
            {SCORING_MODES.map((m) => (
              <Radio key={m} value={m}>
                {t(`campaigns.modes.${m}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name={['settings', 'deadline']}
          label={t('campaignsUi.scope.deadline')}
          style={{ marginBottom: 0 }}
        >
          <DatePicker data-testid="scope-deadline" />
        </Form.Item>
      </Card>
      {!closed ? (
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="scope-save">
            {t('campaignsUi.scope.save')}
          </Button>
          <Button onClick={() => form.resetFields()}>{t('campaignsUi.scope.reset')}</Button>
        </Space>
      ) : null}
    </Form>
  );
}

export function ScopeStep({ campaign }: { campaign: Campaign }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        {/* A fresh form whenever the campaign was saved or moved. */}
        <ScopeForm key={campaign.updatedAt} campaign={campaign} />
      </Col>
      <Col xs={24} xl={10}>
        <PopulationPanel />
      </Col>
    </Row>
  );
}
