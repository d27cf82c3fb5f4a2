// Create or edit one person of the evaluator pool, including the link to a login account.
import { App, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Person } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { usePeople } from './store';

interface PersonForm {
  name: string;
  departmentId?: string;
  position?: string;
  legalOfficer: boolean;
  certNo?: string;
  phone?: string;
  expertise: string[];
  active: boolean;
  /** '' for no account (a Select cannot hold null as a choosable value). */
  userId: string;
  notes?: string;
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** `person` undefined: closed; null: create; a person: edit them. */
export function PersonModal({
  person,
  onClose,
}: {
  person: Person | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonForm>();
  const { departments, people, users, save } = usePeople(
    useShallow((s) => ({
      departments: s.departments,
      people: s.people,
      users: s.users,
      save: s.savePerson,
    })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Keeps the title and fields of the last one shown while the dialog animates closed.
  const [shown, setShown] = useState(person);
  if (person !== undefined && person !== shown) setShown(person);
  const editing = (person === undefined ? shown : person) ?? null;

  // Evaluator accounts not linked to anybody else, plus this person's own.
  const accountOptions = useMemo(() => {
    const taken = new Set(
      people.filter((p) => p.userId && p.id !== editing?.id).map((p) => p.userId),
    );
    return [
      { value: '', label: t('people.pool.noAccount') },
      ...users
        .filter((u) => u.id === editing?.userId || (u.role === 'evaluator' && !taken.has(u.id)))
        .map((u) => ({
          value: u.id,
          label: `${u.displayName}（${u.username}）${u.active ? '' : ` · ${t('common.inactive')}`}`,
        })),
    ];
  }, [users, people, editing, t]);

  const expertiseOptions = useMemo(
    () =>
      [...new Set(people.flatMap((p) => p.expertise))]
        .sort((a, b) => a.localeCompare(b, 'zh-CN'))
        .map((e) => ({ value: e, label: e })),
    [people],
  );

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const r = await save(
      {
        name: v.name.trim(),
        departmentId: v.departmentId ?? '',
        position: text(v.position),
        legalOfficer: v.legalOfficer,
        certNo: text(v.certNo),
        phone: text(v.phone),
        expertise: [...new Set(v.expertise.map((e) => e.trim()).filter(Boolean))],
        active: v.active,
        userId: v.userId || null,
        notes: text(v.notes),
      },
      editing?.id ?? null,
    );
    setBusy(false);
    if (r.ok) {
      void message.success(
        t(editing ? 'people.pool.updated' : 'people.pool.created', { name: r.data.name }),
      );
      close();
    } else if (!applyFieldErrors(form, r.error)) setError(r.error);
  };

  return (
    <Modal
      open={person !== undefined}
      width={640}
      title={
        editing ? t('people.pool.editTitle', { name: editing.name }) : t('people.pool.createTitle')
      }
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'person-ok' }}
    >
      <ErrorAlert error={error} testId="person-error" />
      <Form<PersonForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: editing?.name ?? '',
          departmentId: editing?.departmentId,
          position: editing?.position ?? '',
          legalOfficer: editing?.legalOfficer ?? true,
          certNo: editing?.certNo ?? '',
          phone: editing?.phone ?? '',
          expertise: editing?.expertise ?? [],
          active: editing?.active ?? true,
          userId: editing?.userId ?? '',
          notes: editing?.notes ?? '',
        }}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="name"
              label={t('people.pool.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input data-testid="person-name" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="departmentId"
              label={t('people.pool.department')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select
                data-testid="person-department"
                showSearch
                optionFilterProp="label"
                placeholder={t('people.pool.chooseDepartment')}
                options={departments.map((d) => ({
                  value: d.id,
                  label: d.active ? d.name : `${d.name}（${t('common.inactive')}）`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="position" label={t('people.pool.position')}>
              <Input data-testid="person-position" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="legalOfficer"
              label={t('people.pool.legalOfficer')}
              valuePropName="checked"
            >
              <Switch
                data-testid="person-legal"
                checkedChildren={t('common.yes')}
                unCheckedChildren={t('common.no')}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="active" label={t('people.pool.active')} valuePropName="checked">
              <Switch
                data-testid="person-active"
                checkedChildren={t('common.active')}
                unCheckedChildren={t('common.inactive')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="certNo" label={t('people.pool.certNo')}>
              <Input data-testid="person-certNo" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="phone" label={t('people.pool.phone')}>
              <Input data-testid="person-phone" maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="expertise" label={t('people.pool.expertise')}>
          <Select
            data-testid="person-expertise"
            mode="tags"
            tokenSeparators={[',', '，', '、', ';', '；']}
            placeholder={t('people.pool.expertisePlaceholder')}
            options={expertiseOptions}
            maxCount={20}
          />
        </Form.Item>
        <Form.Item
          name="userId"
          label={t('people.pool.account')}
          extra={t('people.pool.accountHelp')}
        >
          <Select
            data-testid="person-account"
            showSearch
            optionFilterProp="label"
            options={accountOptions}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('people.pool.notes')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            data-testid="person-notes"
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
