// Creating or editing one case file by hand: every field of CaseInputSchema. Amounts are typed in
// 元 and sent in fen; dates are picked and sent as YYYY-MM-DD. The server's field errors (a case
// number already used in that department, …) are shown on the fields.
import {
  AutoComplete,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError, Envelope } from '../../../core/api/errors';
import {
  CASE_STATUSES,
  PROCEDURES,
  type CaseFile,
  type CaseInput,
} from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { fenToYuan, yuanFormatter, yuanParser, yuanToFen } from './format';
import { useCases } from './store';

type Procedure = (typeof PROCEDURES)[number];
type Status = (typeof CASE_STATUSES)[number];

interface FormValues {
  caseNo: string;
  filingNo: string | null;
  caseType: string | null;
  procedure: Procedure | null;
  cause: string | null;
  partyName: string | null;
  partyType: string | null;
  partyCode: string | null;
  departmentId: string | null;
  handlers: string | null;
  handlerCertNos: string | null;
  filedOn: Dayjs | null;
  decidedOn: Dayjs | null;
  closedOn: Dayjs | null;
  penaltyKinds: string | null;
  /** 元 in the form; fen in the API. The name matches the API so field errors land here. */
  amountFen: number | null;
  legalBasis: string | null;
  status: Status;
  pageCount: number | null;
  notes: string | null;
}

const PARTY_TYPES = ['naturalPerson', 'legalPerson', 'unincorporated', 'soleTrader'] as const;

const day = (s: string | null) => (s ? dayjs(s, 'YYYY-MM-DD') : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | null | undefined) => {
  const v = s?.trim();
  return v ? v : null;
};

function initialValues(c: CaseFile | null, defaultType: string | null): FormValues {
  return {
    caseNo: c?.caseNoRaw ?? '',
    filingNo: c?.filingNo ?? null,
    caseType: c?.caseType ?? defaultType,
    procedure: c ? c.procedure : 'normal',
    cause: c?.cause ?? null,
    partyName: c?.partyName ?? null,
    partyType: c?.partyType ?? null,
    partyCode: c?.partyCode ?? null,
    departmentId: c?.departmentId ?? null,
    handlers: c?.handlers ?? null,
    handlerCertNos: c?.handlerCertNos ?? null,
    filedOn: day(c?.filedOn ?? null),
    decidedOn: day(c?.decidedOn ?? null),
    closedOn: day(c?.closedOn ?? null),
    penaltyKinds: c?.penaltyKinds ?? null,
    amountFen: fenToYuan(c?.amountFen),
    legalBasis: c?.legalBasis ?? null,
    status: c?.status ?? 'closed',
    pageCount: c?.pageCount ?? null,
    notes: c?.notes ?? null,
  };
}

function toInput(v: FormValues): CaseInput {
  return {
    caseNo: v.caseNo.trim(),
    filingNo: text(v.filingNo),
    caseType: v.caseType ?? '',
    procedure: v.procedure ?? null,
    cause: text(v.cause),
    partyName: text(v.partyName),
    partyType: text(v.partyType),
    partyCode: text(v.partyCode),
    departmentId: v.departmentId ?? '',
    handlers: text(v.handlers),
    handlerCertNos: text(v.handlerCertNos),
    filedOn: iso(v.filedOn),
    decidedOn: iso(v.decidedOn),
    closedOn: iso(v.closedOn),
    penaltyKinds: text(v.penaltyKinds),
    amountFen: yuanToFen(v.amountFen),
    legalBasis: text(v.legalBasis),
    status: v.status,
    pageCount: v.pageCount ?? null,
    notes: text(v.notes),
  };
}

export interface CaseFormModalProps {
  open: boolean;
  /** The case being edited; null to create a new one. */
  caseFile: CaseFile | null;
  onClose: () => void;
  /** Sends the input to the API (cases.create or cases.update). */
  onSubmit: (input: CaseInput) => Promise<Envelope<CaseFile>>;
  onSaved: (saved: CaseFile) => void;
}

export function CaseFormModal({ open, caseFile, onClose, onSubmit, onSaved }: CaseFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { caseTypes, departments, loadRefs } = useCases(
    useShallow((s) => ({
      caseTypes: s.caseTypes,
      departments: s.departments,
      loadRefs: s.loadRefs,
    })),
  );

  useEffect(() => {
    if (open) void loadRefs();
  }, [open, loadRefs]);

  const required = [{ required: true, message: t('validation.required') }];
  const label = (key: string) => t(`import.fields.case.${key}` as 'import.fields.case.caseNo');

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd shows the messages on the fields
    }
    setBusy(true);
    setError(null);
    const r = await onSubmit(toInput(values));
    setBusy(false);
    if (r.ok) onSaved(r.data);
    else if (!applyFieldErrors(form, r.error)) setError(r.error);
  };

  const date = (name: 'filedOn' | 'decidedOn' | 'closedOn') => (
    <Form.Item name={name} label={label(name)}>
      <DatePicker style={{ width: '100%' }} data-testid={`case-${name}`} />
    </Form.Item>
  );
  const input = (
    name: keyof FormValues,
    max: number,
    extra: { placeholder?: string; rules?: typeof required } = {},
  ) => (
    <Form.Item name={name} label={label(name)} rules={extra.rules}>
      <Input maxLength={max} placeholder={extra.placeholder} data-testid={`case-${name}`} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      width={920}
      title={caseFile ? t('registry.form.editTitle') : t('registry.form.createTitle')}
      okText={caseFile ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'case-form-ok' }}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
      data-testid="case-form"
    >
      <ErrorAlert error={error} testId="case-form-error" />
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues(caseFile, caseTypes[0]?.code ?? null)}
        preserve={false}
        className="case-form"
      >
        <Divider titlePlacement="start" plain>
          {t('registry.form.sections.case')}
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="caseNo"
              label={label('caseNo')}
              extra={t('registry.form.caseNoHelp')}
              rules={[...required, { min: 3, message: t('validation.string_min', { min: 3 }) }]}
            >
              <Input
                maxLength={80}
                placeholder={t('registry.form.caseNoPlaceholder')}
                data-testid="case-caseNo"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {input('filingNo', 80, { placeholder: t('registry.form.filingNoPlaceholder') })}
          </Col>
          <Col span={8}>
            <Form.Item name="caseType" label={label('caseType')} rules={required}>
              <Select
                data-testid="case-caseType"
                placeholder={t('registry.form.chooseCaseType')}
                options={caseTypes.map((ct) => ({ value: ct.code, label: ct.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="procedure" label={label('procedure')}>
              <Select
                data-testid="case-procedure"
                allowClear
                placeholder={t('registry.form.chooseProcedure')}
                options={PROCEDURES.map((p) => ({ value: p, label: t(`import.procedures.${p}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={label('status')} rules={required}>
              <Radio.Group
                data-testid="case-status"
                optionType="button"
                buttonStyle="solid"
                options={CASE_STATUSES.map((s) => ({
                  value: s,
                  label: t(`import.statuses.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="cause" label={label('cause')}>
              <Input
                maxLength={200}
                placeholder={t('registry.form.causePlaceholder')}
                data-testid="case-cause"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="departmentId" label={label('department')} rules={required}>
              <Select
                data-testid="case-departmentId"
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('registry.form.chooseDepartment')}
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('registry.form.sections.party')}
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            {input('partyName', 200, { placeholder: t('registry.form.partyNamePlaceholder') })}
          </Col>
          <Col span={5}>
            <Form.Item name="partyType" label={label('partyType')}>
              <AutoComplete
                data-testid="case-partyType"
                maxLength={20}
                options={PARTY_TYPES.map((p) => ({ value: t(`import.partyTypes.${p}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={7}>{input('partyCode', 40)}</Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('registry.form.sections.handling')}
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            {input('handlers', 200, { placeholder: t('registry.form.handlersPlaceholder') })}
          </Col>
          <Col span={12}>
            {input('handlerCertNos', 200, { placeholder: t('registry.form.certNosPlaceholder') })}
          </Col>
          <Col span={8}>{date('filedOn')}</Col>
          <Col span={8}>{date('decidedOn')}</Col>
          <Col span={8}>{date('closedOn')}</Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('registry.form.sections.decision')}
        </Divider>
        <Row gutter={16}>
          <Col span={14}>
            {input('penaltyKinds', 200, {
              placeholder: t('registry.form.penaltyKindsPlaceholder'),
            })}
          </Col>
          <Col span={10}>
            <Form.Item name="amountFen" label={label('amount')}>
              <InputNumber<number>
                data-testid="case-amount"
                style={{ width: '100%' }}
                min={0}
                max={1_000_000_000_000}
                precision={2}
                prefix="¥"
                formatter={yuanFormatter}
                parser={yuanParser}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="legalBasis" label={label('legalBasis')}>
              <Input.TextArea
                data-testid="case-legalBasis"
                maxLength={1000}
                autoSize={{ minRows: 2, maxRows: 5 }}
                placeholder={t('registry.form.legalBasisPlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('registry.form.sections.other')}
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="pageCount" label={label('pageCount')}>
              <InputNumber<number>
                data-testid="case-pageCount"
                style={{ width: '100%' }}
                min={0}
                max={100000}
                precision={0}
                suffix={t('registry.form.pageCountSuffix')}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="notes" label={label('notes')}>
              <Input.TextArea
                data-testid="case-notes"
                maxLength={2000}
                autoSize={{ minRows: 1, maxRows: 4 }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
