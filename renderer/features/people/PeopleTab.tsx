// 评查人员库: the evaluator pool with filters, create/edit/delete, and the pool import.
import { ImportOutlined, LinkOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Checkbox,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Person } from '../../../core/registry/schemas';
import { errorText } from '../../i18n/errors';
import { ImportWizard } from '../imports/ImportWizard';
import { PersonModal } from './PersonModal';
import { filterPeople, usePeople } from './store';
import { toolbarStyle } from './ui';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

export function PeopleTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { people, departments, loading, filter, setFilter, deletePerson, reload } = usePeople(
    useShallow((s) => ({
      people: s.people,
      departments: s.departments,
      loading: s.loadingPeople,
      filter: s.filter,
      setFilter: s.setFilter,
      deletePerson: s.deletePerson,
      reload: s.reload,
    })),
  );
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const rows = useMemo(() => filterPeople(people, filter), [people, filter]);
  const filtered = rows.length !== people.length;

  const remove = async (p: Person) => {
    const r = await deletePerson(p.id);
    if (r.ok) void message.success(t('people.pool.deleted', { name: p.name }));
    else void message.error(errorText(r.error));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('people.pool.intro')}
      </Typography.Paragraph>
      <div style={toolbarStyle}>
        <Space wrap>
          <Select
            data-testid="people-filter-department"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            placeholder={t('people.pool.filterDepartment')}
            value={filter.departmentId ?? undefined}
            onChange={(v: string | undefined) => setFilter({ departmentId: v ?? null })}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('people.pool.search')}
            style={{ width: 220 }}
            value={filter.text}
            onChange={(e) => setFilter({ text: e.target.value })}
            data-testid="people-search"
          />
          <Checkbox
            checked={filter.legalOnly}
            onChange={(e) => setFilter({ legalOnly: e.target.checked })}
            data-testid="people-filter-legal"
          >
            {t('people.pool.filterLegalOnly')}
          </Checkbox>
          <Checkbox
            checked={filter.activeOnly}
            onChange={(e) => setFilter({ activeOnly: e.target.checked })}
            data-testid="people-filter-active"
          >
            {t('people.pool.filterActiveOnly')}
          </Checkbox>
          <Typography.Text type="secondary" data-testid="people-count">
            {filtered
              ? t('people.pool.filtered', { shown: rows.length, count: people.length })
              : t('people.pool.total', { count: people.length })}
          </Typography.Text>
        </Space>
        <Space>
          <Button
            icon={<ImportOutlined />}
            onClick={() => setImporting(true)}
            data-testid="people-import"
          >
            {t('people.pool.import')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={departments.length === 0}
            onClick={() => setEditing(null)}
            data-testid="person-create"
          >
            {t('people.pool.create')}
          </Button>
        </Space>
      </div>
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        data-testid="people-table"
        showSorterTooltip={false}
        scroll={{ x: 1040 }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          hideOnSinglePage: true,
        }}
        locale={{ emptyText: people.length ? t('people.pool.noMatch') : t('people.pool.empty') }}
        columns={[
          {
            title: t('people.pool.name'),
            dataIndex: 'name',
            width: 90,
            fixed: 'left',
            render: (name: string) => (
              <Typography.Text strong data-testid="person-name-cell">
                {name}
              </Typography.Text>
            ),
          },
          {
            title: t('people.pool.department'),
            dataIndex: 'departmentName',
            width: 180,
            ellipsis: true,
            sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
            render: (v: string) => <span data-testid="person-department-cell">{v}</span>,
          },
          {
            title: t('people.pool.position'),
            dataIndex: 'position',
            width: 90,
            render: (v: string | null) => v ?? dash,
          },
          {
            title: t('people.pool.legalOfficer'),
            dataIndex: 'legalOfficer',
            width: 100,
            render: (v: boolean) =>
              v ? (
                <Tag color="blue" data-testid="person-legal-tag">
                  {t('people.pool.legalOfficerTag')}
                </Tag>
              ) : null,
          },
          {
            title: t('people.pool.certNo'),
            dataIndex: 'certNo',
            width: 100,
            render: (v: string | null) => v ?? dash,
          },
          {
            title: t('people.pool.phone'),
            dataIndex: 'phone',
            width: 120,
            render: (v: string | null) => v ?? dash,
          },
          {
            title: t('people.pool.expertise'),
            dataIndex: 'expertise',
            render: (v: string[]) =>
              v.length ? (
                <Space size={[0, 4]} wrap>
                  {v.map((e) => (
                    <Tag key={e}>{e}</Tag>
                  ))}
                </Space>
              ) : (
                dash
              ),
          },
          {
            title: t('people.pool.active'),
            dataIndex: 'active',
            width: 70,
            render: (active: boolean) => (
              <Tag color={active ? 'green' : 'default'}>
                {active ? t('common.active') : t('common.inactive')}
              </Tag>
            ),
          },
          {
            title: t('people.pool.account'),
            dataIndex: 'username',
            width: 110,
            render: (v: string | null) =>
              v ? (
                <Tag icon={<LinkOutlined />} color="geekblue" data-testid="person-account-cell">
                  {v}
                </Tag>
              ) : (
                dash
              ),
          },
          {
            title: t('common.actions'),
            width: 100,
            fixed: 'right',
            render: (_v, p) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEditing(p)}
                  data-testid="person-edit"
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('people.pool.deleteConfirm', { name: p.name })}
                  description={t('people.pool.deleteHelp')}
                  okText={t('people.pool.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, 'data-testid': 'person-delete-ok' }}
                  onConfirm={() => remove(p)}
                >
                  <Button size="small" type="link" danger data-testid="person-delete">
                    {t('people.pool.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <PersonModal person={editing} onClose={() => setEditing(undefined)} />
      <ImportWizard
        kind="people"
        open={importing}
        onClose={() => {
          setImporting(false);
          void reload();
        }}
      />
    </Space>
  );
}
