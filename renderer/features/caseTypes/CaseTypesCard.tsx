// 设置 → 案件类型 (coordinators): the configurable list of case types with the synonyms the
// importer recognises. Built-in types keep their names and cannot be removed.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import { errorText, tr } from '../../i18n/errors';
import { isDirty, useCaseTypes, type DraftType } from './store';

const FIELD_ERROR_PATH = /^caseTypes\.(\d+)(?:\.(\w+))?/;

/** Field errors name the row by index; say which type instead. */
function saveErrors(error: ApiError, draft: DraftType[]): { rows: Set<number>; lines: string[] } {
  const rows = new Set<number>();
  if (!error.fieldErrors?.length) return { rows, lines: [errorText(error)] };
  const lines = error.fieldErrors.map((f) => {
    const m = FIELD_ERROR_PATH.exec(f.path);
    const index = m ? Number(m[1]) : -1;
    if (index >= 0) rows.add(index);
    const message = tr(f.key, f.params);
    // Messages under errors.* already name the types; validation.* ones need the row's name.
    const row = draft[index];
    return row && f.key.startsWith('validation.')
      ? tr('people.caseTypes.rowError', { name: row.name, message })
      : message;
  });
  return { rows, lines: [...new Set(lines)] };
}

function SynonymAdder({ onAdd }: { onAdd: (word: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const commit = () => {
    if (value.trim()) onAdd(value);
    setValue('');
    setEditing(false);
  };
  return editing ? (
    <Input
      size="small"
      autoFocus
      maxLength={30}
      style={{ width: 140 }}
      data-testid="synonym-input"
      placeholder={t('people.caseTypes.synonymPlaceholder')}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={commit}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setValue('');
          setEditing(false);
        }
      }}
    />
  ) : (
    <Tag
      data-testid="synonym-add"
      icon={<PlusOutlined />}
      style={{
        borderStyle: 'dashed',
        background: 'transparent',
        color: '#5b6b82',
        cursor: 'pointer',
      }}
      onClick={() => setEditing(true)}
    >
      {t('people.caseTypes.addSynonym')}
    </Tag>
  );
}

export function CaseTypesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useCaseTypes(
    useShallow((st) => ({
      saved: st.saved,
      draft: st.draft,
      loading: st.loading,
      saving: st.saving,
      error: st.error,
      load: st.load,
      save: st.save,
      reset: st.reset,
      addType: st.addType,
      removeType: st.removeType,
      rename: st.rename,
      addSynonym: st.addSynonym,
      removeSynonym: st.removeSynonym,
    })),
  );
  const [newName, setNewName] = useState('');
  const [newNameError, setNewNameError] = useState<string | null>(null);
  const { load } = s;

  useEffect(() => {
    void load();
  }, [load]);

  const dirty = isDirty(s.saved, s.draft);
  // A name must be 2–20 characters and unique; the server would refuse the list otherwise.
  const badName = (row: DraftType) => {
    const name = row.name.trim();
    return (
      name.length < 2 ||
      s.draft.some((other) => other.key !== row.key && other.name.trim() === name)
    );
  };
  const invalid = s.draft.some(badName);
  const problems = s.error ? saveErrors(s.error, s.draft) : null;

  const add = () => {
    const name = newName.trim();
    if (name.length < 2 || name.length > 20) {
      setNewNameError(t('people.caseTypes.nameTooShort'));
      return;
    }
    if (s.draft.some((d) => d.name.trim() === name)) {
      setNewNameError(t('people.caseTypes.nameTaken', { name }));
      return;
    }
    s.addType(name);
    setNewName('');
    setNewNameError(null);
  };

  const save = async () => {
    if (await s.save()) void message.success(t('people.caseTypes.saved'));
  };

  return (
    <Card
      title={t('people.caseTypes.title')}
      data-testid="case-types"
      extra={
        dirty ? (
          <Tag color="orange" data-testid="case-types-dirty">
            {t('people.caseTypes.unsaved')}
          </Tag>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('people.caseTypes.intro')}</Typography.Paragraph>
      {problems ? (
        <Alert
          type="error"
          showIcon
          data-testid="case-types-error"
          style={{ marginBottom: 16 }}
          title={
            problems.lines.length === 1 ? (
              problems.lines[0]
            ) : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )
          }
        />
      ) : null}
      <Table<DraftType>
        rowKey="key"
        size="middle"
        loading={s.loading}
        dataSource={s.draft}
        pagination={false}
        data-testid="case-types-table"
        onRow={(r, i) => ({
          'data-testid': 'case-type-row',
          'data-name': r.name.trim(),
          style: i !== undefined && problems?.rows.has(i) ? { background: '#fff1f0' } : undefined,
        })}
        columns={[
          {
            title: t('people.caseTypes.name'),
            width: 220,
            render: (_v, row) =>
              row.builtin ? (
                <Space size={6}>
                  <Typography.Text strong data-testid="case-type-name">
                    {row.name}
                  </Typography.Text>
                  <Tag>{t('people.caseTypes.builtin')}</Tag>
                </Space>
              ) : (
                <Input
                  size="small"
                  maxLength={20}
                  value={row.name}
                  data-testid="case-type-name-input"
                  status={badName(row) ? 'error' : undefined}
                  onChange={(e) => s.rename(row.key, e.target.value)}
                />
              ),
          },
          {
            title: t('people.caseTypes.synonyms'),
            render: (_v, row) => (
              <Space size={[0, 6]} wrap>
                {row.synonyms.map((w) => (
                  <Tag
                    key={w}
                    closable
                    data-testid="synonym-tag"
                    onClose={(e) => {
                      e.preventDefault();
                      s.removeSynonym(row.key, w);
                    }}
                  >
                    {w}
                  </Tag>
                ))}
                <SynonymAdder onAdd={(w) => s.addSynonym(row.key, w)} />
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 90,
            render: (_v, row) =>
              row.builtin ? null : (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => s.removeType(row.key)}
                  data-testid="case-type-remove"
                >
                  {t('people.caseTypes.remove')}
                </Button>
              ),
          },
        ]}
      />
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'flex-start',
          gap: 12,
          flexWrap: 'wrap',
          marginTop: 16,
        }}
      >
        <Space align="start">
          <Space direction="vertical" size={2}>
            <Input
              style={{ width: 240 }}
              maxLength={20}
              value={newName}
              status={newNameError ? 'error' : undefined}
              placeholder={t('people.caseTypes.newType')}
              data-testid="case-type-new-name"
              onChange={(e) => {
                setNewName(e.target.value);
                setNewNameError(null);
              }}
              onPressEnter={add}
            />
            {newNameError ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {newNameError}
              </Typography.Text>
            ) : null}
          </Space>
          <Button icon={<PlusOutlined />} onClick={add} data-testid="case-type-add">
            {t('people.caseTypes.add')}
          </Button>
        </Space>
        <Space>
          <Button disabled={!dirty || s.saving} onClick={s.reset} data-testid="case-types-reset">
            {t('people.caseTypes.reset')}
          </Button>
          <Button
            type="primary"
            disabled={!dirty || invalid}
            loading={s.saving}
            onClick={() => void save()}
            data-testid="case-types-save"
          >
            {t('people.caseTypes.save')}
          </Button>
        </Space>
      </div>
    </Card>
  );
}
