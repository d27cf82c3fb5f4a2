// 问题标签: groups A–H with their tags; add a tag, rename, deactivate or reactivate, then save the
// whole list. Tags are never deleted, so findings that carry them keep their meaning.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { errorText, tr } from '../../i18n/errors';
import { tagsDirty, useTags, type ProblemTag } from './tags-store';

const CODE = /^[A-Za-z][A-Za-z0-9]{1,19}$/;

function saveErrorLines(
  draft: ProblemTag[],
  error: NonNullable<ReturnType<typeof useTags.getState>['error']>,
) {
  if (!error.fieldErrors?.length) return [errorText(error)];
  return [
    ...new Set(
      error.fieldErrors.map((f) => {
        const m = /^tags\.(\d+)/.exec(f.path);
        const tag = m ? draft[Number(m[1])] : undefined;
        const message = tr(f.key, f.params);
        return tag ? `${tag.code}：${message}` : message;
      }),
    ),
  ];
}

export function TagsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useTags(
    useShallow((st) => ({
      groups: st.groups,
      saved: st.saved,
      draft: st.draft,
      loading: st.loading,
      saving: st.saving,
      error: st.error,
      loadIfClean: st.loadIfClean,
      save: st.save,
      reset: st.reset,
      add: st.add,
      rename: st.rename,
      setActive: st.setActive,
    })),
  );
  const { loadIfClean } = s;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [addError, setAddError] = useState<string | null>(null);

  useEffect(() => {
    void loadIfClean();
  }, [loadIfClean]);

  const dirty = tagsDirty(s.saved, s.draft);
  const emptyName = s.draft.some((x) => !x.name.trim());
  const byGroup = useMemo(() => {
    const map = new Map<string, ProblemTag[]>();
    for (const tag of s.draft) map.set(tag.group, [...(map.get(tag.group) ?? []), tag]);
    return map;
  }, [s.draft]);

  const add = () => {
    const c = code.trim().toUpperCase();
    if (!CODE.test(c)) return setAddError(t('standardsUi.tags.codeBad'));
    if (!name.trim()) return setAddError(t('standardsUi.tags.nameRequired'));
    if (!group) return setAddError(t('standardsUi.tags.groupRequired'));
    if (!s.add({ code: c, name, group }))
      return setAddError(t('standardsUi.tags.codeTaken', { code: c }));
    setCode('');
    setName('');
    setAddError(null);
  };

  const save = async () => {
    if (await s.save()) void message.success(t('standardsUi.tags.saved'));
  };

  const groupLabel = (g: { code: string; name: string }) =>
    t('standardsUi.tags.groupLabel', { code: g.code, name: g.name });

  return (
    <div className="standards-tab" data-testid="tags-tab">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('standardsUi.tags.intro')}
      </Typography.Paragraph>
      <div className="standards-toolbar">
        <Space wrap align="start">
          <Input
            style={{ width: 110 }}
            value={code}
            maxLength={20}
            placeholder={t('standardsUi.tags.codePlaceholder')}
            aria-label={t('standardsUi.tags.code')}
            onChange={(e) => setCode(e.target.value)}
            data-testid="tag-new-code"
          />
          <Input
            style={{ width: 300 }}
            value={name}
            maxLength={40}
            placeholder={t('standardsUi.tags.namePlaceholder')}
            aria-label={t('standardsUi.tags.name')}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={add}
            data-testid="tag-new-name"
          />
          <Select
            style={{ width: 190 }}
            value={group}
            placeholder={t('standardsUi.tags.group')}
            onChange={setGroup}
            options={s.groups.map((g) => ({ value: g.code, label: groupLabel(g) }))}
            data-testid="tag-new-group"
          />
          <Button icon={<PlusOutlined />} onClick={add} data-testid="tag-add">
            {t('standardsUi.tags.add')}
          </Button>
        </Space>
        <Space>
          {dirty ? (
            <Tag color="orange" data-testid="tags-dirty">
              {t('standardsUi.tags.unsaved')}
            </Tag>
          ) : null}
          <Button disabled={!dirty || s.saving} onClick={s.reset} data-testid="tags-reset">
            {t('standardsUi.tags.reset')}
          </Button>
          <Button
            type="primary"
            disabled={!dirty || emptyName}
            loading={s.saving}
            onClick={() => void save()}
            data-testid="tags-save"
          >
            {t('standardsUi.tags.save')}
          </Button>
        </Space>
      </div>
      {addError ? (
        <Alert
          type="warning"
          showIcon
          title={addError}
          style={{ marginBottom: 12 }}
          data-testid="tag-add-error"
        />
      ) : null}
      {s.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="tags-error"
          title={saveErrorLines(s.draft, s.error).map((line) => (
            <div key={line}>{line}</div>
          ))}
        />
      ) : null}
      <Collapse
        defaultActiveKey={['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']}
        items={s.groups.map((g) => {
          const tags = byGroup.get(g.code) ?? [];
          return {
            key: g.code,
            label: (
              <span data-testid={`tag-group-${g.code}`}>
                <Typography.Text strong>{groupLabel(g)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {t('standardsUi.tags.groupCount', { count: tags.length })}
                </Typography.Text>
              </span>
            ),
            children: (
              <div className="tag-grid">
                {tags.map((tag) => (
                  <div
                    key={tag.code}
                    className={tag.active ? 'tag-row' : 'tag-row tag-row-inactive'}
                    data-testid="tag-row"
                    data-code={tag.code}
                  >
                    <Typography.Text code className="tag-code">
                      {tag.code}
                    </Typography.Text>
                    <Input
                      size="small"
                      variant="borderless"
                      value={tag.name}
                      maxLength={40}
                      status={tag.name.trim() ? '' : 'error'}
                      aria-label={t('standardsUi.tags.name')}
                      onChange={(e) => s.rename(tag.code, e.target.value)}
                      data-testid="tag-name"
                    />
                    <Switch
                      size="small"
                      checked={tag.active}
                      checkedChildren={t('standardsUi.tags.active')}
                      unCheckedChildren={t('standardsUi.tags.inactive')}
                      onChange={(v) => s.setActive(tag.code, v)}
                      data-testid="tag-active"
                    />
                  </div>
                ))}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
