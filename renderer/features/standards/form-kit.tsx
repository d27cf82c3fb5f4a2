// Building blocks of the node forms: a change helper on the working copy, a labelled field that
// shows the problems of its path, and the problem-tag picker (grouped A–H).
import { Form, Select } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cloneTemplate, type TemplateContent } from '../../../core/standards/model';
import type { EditorProblem, NodeRef } from './content-ops';
import { useEditor } from './editor-store';
import { problemMessage } from './ui';

/** Changes the working copy: `recipe` gets a copy to change in place. */
export function change(recipe: (draft: TemplateContent) => void, select?: NodeRef): void {
  const { content, edit } = useEditor.getState();
  if (!content) return;
  const next = cloneTemplate(content);
  recipe(next);
  edit(next, select);
}

/** Sets or removes an optional field (undefined removes it, so the JSON stays clean). */
export function setOptional<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

export function Field({
  label,
  problems,
  help,
  children,
  required,
  style,
  testId,
}: {
  label: ReactNode;
  problems?: readonly EditorProblem[] | undefined;
  help?: ReactNode;
  children: ReactNode;
  required?: boolean;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const bad = problems && problems.length > 0;
  return (
    <Form.Item
      label={label}
      required={required}
      validateStatus={bad ? 'error' : undefined}
      help={
        bad ? (
          <span data-testid={testId ? `${testId}-problem` : undefined}>
            {problems.map((p) => problemMessage(p)).join(' ')}
          </span>
        ) : (
          help
        )
      }
      style={style}
    >
      {children}
    </Form.Item>
  );
}

/** Problem tags, grouped A–H; deactivated tags can stay on an item but not be newly chosen. */
export function TagSelect({
  value,
  onChange,
  disabled,
  status,
}: {
  value: string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
  status?: 'error' | '';
}) {
  const { t } = useTranslation();
  const groups = useEditor((s) => s.tagGroups);
  const tags = useEditor((s) => s.tags);
  const options = useMemo(() => {
    const chosen = new Set(value);
    return groups.map((g) => ({
      label: t('standardsUi.tags.groupLabel', { code: g.code, name: g.name }),
      title: g.code,
      options: tags
        .filter((tag) => tag.group === g.code && (tag.active || chosen.has(tag.code)))
        .map((tag) => {
          const label = `${tag.code} ${tag.name}`;
          return {
            value: tag.code,
            label: tag.active ? label : t('standardsUi.form.inactiveTag', { label }),
          };
        }),
    }));
  }, [groups, tags, value, t]);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={disabled}
      status={status}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('standardsUi.form.tagsPlaceholder')}
      maxCount={30}
      data-testid="field-tags"
      style={{ width: '100%' }}
    />
  );
}
