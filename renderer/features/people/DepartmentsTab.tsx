// 执法部门: the departments with their aliases, file and people counts; create, edit, activate,
// aliases, merge.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Department } from '../../../core/registry/schemas';
import { errorText } from '../../i18n/errors';
import { DepartmentModal } from './DepartmentModal';
import { MergeModal } from './MergeModal';
import { usePeople } from './store';
import { toolbarStyle } from './ui';

function AliasTags({ department }: { department: Department }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { addAlias, removeAlias } = usePeople(
    useShallow((s) => ({ addAlias: s.addAlias, removeAlias: s.removeAlias })),
  );
  const [adding, setAdding] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<InputRef>(null);

  const add = async () => {
    const alias = value.trim();
    if (!alias) {
      setAdding(false);
      return;
    }
    setBusy(true);
    const r = await addAlias(department.id, alias);
    setBusy(false);
    if (r.ok) {
      void message.success(t('people.departments.aliasAdded', { name: department.name, alias }));
      setValue('');
      setAdding(false);
    } else {
      void message.error(errorText(r.error));
      input.current?.focus();
    }
  };

  const remove = (alias: string) => {
    modal.confirm({
      title: t('people.departments.aliasRemoveConfirm', { alias }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'alias-remove-ok' },
      onOk: async () => {
        const r = await removeAlias(alias);
        if (r.ok) void message.success(t('people.departments.aliasRemoved', { alias }));
        else void message.error(errorText(r.error));
      },
    });
  };

  return (
    <Space size={[0, 4]} wrap data-testid="department-aliases">
      {department.aliases.map((a) => (
        <Tag
          key={a}
          closable
          data-testid="alias-tag"
          onClose={(e) => {
            e.preventDefault();
            remove(a);
          }}
        >
          {a}
        </Tag>
      ))}
      {adding ? (
        <Input
          ref={input}
          size="small"
          autoFocus
          disabled={busy}
          data-testid="alias-input"
          style={{ width: 140 }}
          maxLength={60}
          placeholder={t('people.departments.aliasPlaceholder')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={() => void add()}
          onBlur={() => {
            if (!value.trim()) setAdding(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setValue('');
              setAdding(false);
            }
          }}
        />
      ) : (
        <Tag
          data-testid="alias-add"
          style={{
            borderStyle: 'dashed',
            background: 'transparent',
            color: '#5b6b82',
            cursor: 'pointer',
          }}
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
        >
          {t('people.departments.addAlias')}
        </Tag>
      )}
    </Space>
  );
}

export function DepartmentsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { departments, loading, setActive } = usePeople(
    useShallow((s) => ({
      departments: s.departments,
      loading: s.loadingDepartments,
      setActive: s.setDepartmentActive,
    })),
  );
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);
  const [merging, setMerging] = useState<Department | null>(null);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return departments;
    return departments.filter((d) =>
      [d.name, d.shortName ?? '', ...d.aliases].some((s) => s.toLowerCase().includes(q)),
    );
  }, [departments, search]);

  const toggle = async (d: Department) => {
    const r = await setActive(d, !d.active);
    if (r.ok) {
      void message.success(
        t(d.active ? 'people.departments.deactivated' : 'people.departments.activated', {
          name: d.name,
        }),
      );
    } else void message.error(errorText(r.error));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('people.departments.intro')}
      </Typography.Paragraph>
      <div style={toolbarStyle}>
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('people.departments.search')}
            style={{ width: 280 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="departments-search"
          />
          <Typography.Text type="secondary" data-testid="departments-count">
            {t('people.departments.total', { count: departments.length })}
          </Typography.Text>
        </Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing(null)}
          data-testid="department-create"
        >
          {t('people.departments.create')}
        </Button>
      </div>
      <Table<Department>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={rows}
        data-testid="departments-table"
        showSorterTooltip={false}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('people.departments.empty') }}
        onRow={(d) => ({ style: d.active ? undefined : { color: '#8a94a6' } })}
        columns={[
          {
            title: t('people.departments.name'),
            dataIndex: 'name',
            width: 220,
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            render: (name: string) => (
              <Typography.Text strong data-testid="department-name-cell">
                {name}
              </Typography.Text>
            ),
          },
          {
            title: t('people.departments.shortName'),
            dataIndex: 'shortName',
            width: 84,
            render: (v: string | null) =>
              v ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            title: t('people.departments.kind'),
            dataIndex: 'kind',
            width: 150,
            render: (k: Department['kind']) =>
              k ? (
                t(`people.kinds.${k}`)
              ) : (
                <Typography.Text type="secondary">
                  {t('people.departments.kindNone')}
                </Typography.Text>
              ),
          },
          {
            title: t('people.departments.active'),
            dataIndex: 'active',
            width: 72,
            render: (active: boolean) => (
              <Tag color={active ? 'green' : 'default'} data-testid="department-status">
                {active ? t('common.active') : t('common.inactive')}
              </Tag>
            ),
          },
          {
            title: t('people.departments.aliases'),
            render: (_v, d) => <AliasTags department={d} />,
          },
          {
            title: t('people.departments.caseCount'),
            dataIndex: 'caseCount',
            width: 80,
            align: 'right',
            sorter: (a, b) => a.caseCount - b.caseCount,
            render: (n: number) => <span data-testid="department-cases">{n}</span>,
          },
          {
            title: t('people.departments.peopleCount'),
            dataIndex: 'peopleCount',
            width: 80,
            align: 'right',
            sorter: (a, b) => a.peopleCount - b.peopleCount,
            render: (n: number) => <span data-testid="department-people">{n}</span>,
          },
          {
            title: t('common.actions'),
            width: 180,
            render: (_v, d) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEditing(d)}
                  data-testid="department-edit"
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger={d.active}
                  onClick={() => void toggle(d)}
                  data-testid="department-toggle"
                >
                  {d.active ? t('people.departments.deactivate') : t('people.departments.activate')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  disabled={departments.length < 2}
                  onClick={() => setMerging(d)}
                  data-testid="department-merge"
                >
                  {t('people.departments.merge')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <DepartmentModal department={editing} onClose={() => setEditing(undefined)} />
      <MergeModal source={merging} onClose={() => setMerging(null)} />
    </Space>
  );
}
