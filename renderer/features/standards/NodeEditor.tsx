// The form of the selected node, edited in place: every change goes to the working copy at once
// (and from there to the autosave), and each field shows the problems of its own path.
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PROCEDURES } from '../../../core/registry/schemas';
import {
  BAND_PRESETS,
  DEDUCTION_MODES,
  OVERFLOW_RULES,
  VETO_EFFECTS,
  type Item,
  type TemplateContent,
} from '../../../core/standards/model';
import {
  addBonus,
  addItem,
  addVeto,
  categorySum,
  itemSum,
  moveNode,
  nodeExists,
  parseKey,
  problemsOfNode,
  removeNode,
  withMode,
  type EditorProblem,
  type NodeRef,
} from './content-ops';
import { useEditor } from './editor-store';
import { change, Field, setOptional, TagSelect } from './form-kit';
import { problemMessage, PointsInput, pts, ruleText } from './ui';

type Problems = Map<string, EditorProblem[]>;

const errorStatus = (list: readonly EditorProblem[] | undefined) =>
  list?.length ? ('error' as const) : ('' as const);

// ---- the card around every form: title, move up/down, delete ---------------------------------

function NodeCard({
  title,
  nodeRef,
  editable,
  children,
  deleteBody,
  deleteLabel,
  canDelete = true,
  listLength,
  index,
}: {
  title: ReactNode;
  nodeRef: NodeRef;
  editable: boolean;
  children: ReactNode;
  deleteBody?: string;
  deleteLabel?: string;
  canDelete?: boolean;
  listLength?: number;
  index?: number;
}) {
  const { t } = useTranslation();
  const content = useEditor((s) => s.content!);
  const edit = useEditor((s) => s.edit);
  const movable = index !== undefined && listLength !== undefined;
  const moveBy = (delta: -1 | 1) => {
    if (index === undefined) return;
    const moved = moveNode(content, nodeRef, delta < 0 ? index - 1 : index + 2);
    if (moved) edit(moved[0], moved[1]);
  };
  const extra =
    editable && deleteLabel !== undefined ? (
      <Space size={4}>
        {movable ? (
          <>
            <Tooltip title={t('standardsUi.form.moveUp')}>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                aria-label={t('standardsUi.form.moveUp')}
                onClick={() => moveBy(-1)}
                data-testid="node-move-up"
              />
            </Tooltip>
            <Tooltip title={t('standardsUi.form.moveDown')}>
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index >= listLength - 1}
                aria-label={t('standardsUi.form.moveDown')}
                onClick={() => moveBy(1)}
                data-testid="node-move-down"
              />
            </Tooltip>
          </>
        ) : null}
        {canDelete ? (
          <Popconfirm
            title={t('standardsUi.form.deleteTitle', { label: deleteLabel })}
            description={deleteBody}
            okText={t('standardsUi.form.delete')}
            okButtonProps={{ danger: true, 'data-testid': 'node-delete-ok' }}
            cancelText={t('common.cancel')}
            onConfirm={() => {
              const [next, select] = removeNode(content, nodeRef);
              edit(next, select);
            }}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              data-testid="node-delete"
            >
              {t('standardsUi.form.delete')}
            </Button>
          </Popconfirm>
        ) : (
          <Tooltip title={t('standardsUi.form.lastCategory')}>
            <Button size="small" type="text" danger disabled icon={<DeleteOutlined />}>
              {t('standardsUi.form.delete')}
            </Button>
          </Tooltip>
        )}
      </Space>
    ) : null;
  return (
    <Card size="small" className="node-card" title={title} extra={extra} data-testid="node-form">
      {children}
    </Card>
  );
}

// ---- an item of a category -------------------------------------------------------------------

function ItemForm({
  nodeRef,
  problems,
  editable,
}: {
  nodeRef: Extract<NodeRef, { kind: 'item' }>;
  problems: Problems;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const content = useEditor((s) => s.content!);
  const category = content.categories[nodeRef.category]!;
  const item = category.items[nodeRef.index]!;
  const set = (recipe: (i: Item) => Item | void) =>
    change((d) => {
      const list = d.categories[nodeRef.category]!.items;
      const current = list[nodeRef.index]!;
      list[nodeRef.index] = recipe(current) ?? current;
    });
  const p = (f: string) => problems.get(f);

  return (
    <NodeCard
      nodeRef={nodeRef}
      editable={editable}
      index={nodeRef.index}
      listLength={category.items.length}
      deleteLabel={item.code}
      title={
        <Space size={8}>
          <span>{t('standardsUi.form.itemTitle')}</span>
          <Tag>{item.code}</Tag>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {category.name}
          </Typography.Text>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={6}>
          <Field
            label={t('standardsUi.form.code')}
            problems={p('code')}
            required
            testId="field-code"
          >
            <Input
              value={item.code}
              maxLength={20}
              onChange={(e) => set((i) => ({ ...i, code: e.target.value }))}
              status={errorStatus(p('code'))}
              data-testid="field-code"
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field label={t('standardsUi.form.max')} problems={p('max')} required testId="field-max">
            <PointsInput
              value={item.max}
              onChange={(v) => set((i) => ({ ...i, max: v ?? 0 }))}
              status={errorStatus(p('max'))}
              testId="field-max"
            />
          </Field>
        </Col>
        <Col span={12}>
          <Field label={t('standardsUi.form.naFullMarks')}>
            <Space size={8} align="center">
              <Switch
                checked={item.naFullMarks}
                onChange={(v) => set((i) => ({ ...i, naFullMarks: v }))}
                data-testid="field-na"
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('standardsUi.form.naHelp')}
              </Typography.Text>
            </Space>
          </Field>
        </Col>
      </Row>
      <Field label={t('standardsUi.form.text')} problems={p('text')} required testId="field-text">
        <Input.TextArea
          value={item.text}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => set((i) => ({ ...i, text: e.target.value }))}
          status={errorStatus(p('text'))}
          data-testid="field-text"
        />
      </Field>
      <div className="mode-fields">
        <Field label={t('standardsUi.form.mode')}>
          <Radio.Group
            optionType="button"
            value={item.mode}
            onChange={(e) => set((i) => withMode(i, e.target.value as Item['mode']))}
            data-testid="field-mode"
            options={DEDUCTION_MODES.map((m) => ({
              value: m,
              label: <span data-testid={`mode-${m}`}>{t(`standards.modes.${m}`)}</span>,
            }))}
          />
        </Field>
        {item.mode === 'fixed' ? (
          <Row gutter={16}>
            <Col span={8}>
              <Field
                label={t('standardsUi.form.deduct')}
                problems={p('deduct')}
                required
                testId="field-deduct"
              >
                <PointsInput
                  value={item.deduct}
                  onChange={(v) => set((i) => setOptional(i, 'deduct', v))}
                  status={errorStatus(p('deduct'))}
                  testId="field-deduct"
                />
              </Field>
            </Col>
            <Col span={16}>
              <Field
                label={t('standardsUi.form.partialUnit')}
                problems={p('partialUnit')}
                help={t('standardsUi.form.partialUnitHelp')}
                testId="field-partialUnit"
              >
                <PointsInput
                  value={item.partialUnit}
                  onChange={(v) => set((i) => setOptional(i, 'partialUnit', v))}
                  status={errorStatus(p('partialUnit'))}
                  testId="field-partialUnit"
                />
              </Field>
            </Col>
          </Row>
        ) : item.mode === 'per_occurrence' ? (
          <Row gutter={16}>
            <Col span={8}>
              <Field
                label={t('standardsUi.form.unit')}
                problems={p('unit')}
                required
                testId="field-unit"
              >
                <PointsInput
                  value={item.unit}
                  onChange={(v) => set((i) => setOptional(i, 'unit', v))}
                  status={errorStatus(p('unit'))}
                  testId="field-unit"
                />
              </Field>
            </Col>
            <Col span={16}>
              <Field label={t('standardsUi.form.overflow')}>
                <Radio.Group
                  value={item.overflow}
                  onChange={(e) =>
                    set((i) => ({ ...i, overflow: e.target.value as Item['overflow'] }))
                  }
                  data-testid="field-overflow"
                  options={OVERFLOW_RULES.map((o) => ({
                    value: o,
                    label: t(`standards.overflow.${o}`),
                  }))}
                />
              </Field>
            </Col>
          </Row>
        ) : (
          <Row gutter={16}>
            <Col span={8}>
              <Field
                label={t('standardsUi.form.rangeMin')}
                problems={p('rangeMin')}
                required
                testId="field-rangeMin"
              >
                <PointsInput
                  value={item.rangeMin}
                  onChange={(v) => set((i) => setOptional(i, 'rangeMin', v))}
                  status={errorStatus(p('rangeMin'))}
                  testId="field-rangeMin"
                />
              </Field>
            </Col>
            <Col span={8}>
              <Field
                label={t('standardsUi.form.rangeMax')}
                problems={p('rangeMax')}
                required
                testId="field-rangeMax"
              >
                <PointsInput
                  value={item.rangeMax}
                  onChange={(v) => set((i) => setOptional(i, 'rangeMax', v))}
                  status={errorStatus(p('rangeMin'))}
                  testId="field-rangeMax"
                />
              </Field>
            </Col>
            <Col span={8}>
              <Field label={t('standardsUi.form.step')} problems={p('step')} testId="field-step">
                <PointsInput
                  value={item.step}
                  onChange={(v) => set((i) => setOptional(i, 'step', v))}
                  status={errorStatus(p('step'))}
                  testId="field-step"
                />
              </Field>
            </Col>
          </Row>
        )}
        <Typography.Text type="secondary" className="rule-preview" data-testid="rule-preview">
          {t('standardsUi.form.rulePreview', { rule: ruleText(item) })}
        </Typography.Text>
      </div>
      <Field label={t('standardsUi.form.tags')} problems={p('tags')} testId="field-tags">
        <TagSelect
          value={item.tags}
          status={errorStatus(p('tags'))}
          onChange={(tags) => set((i) => ({ ...i, tags }))}
        />
      </Field>
      <Field
        label={t('standardsUi.form.guidance')}
        problems={p('guidance')}
        style={{ marginBottom: 0 }}
      >
        <Input.TextArea
          value={item.guidance}
          maxLength={4000}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('standardsUi.form.guidancePlaceholder')}
          onChange={(e) => set((i) => ({ ...i, guidance: e.target.value }))}
          data-testid="field-guidance"
        />
      </Field>
    </NodeCard>
  );
}

// ---- a veto item ------------------------------------------------------------------------------

function VetoForm({
  nodeRef,
  problems,
  editable,
}: {
  nodeRef: Extract<NodeRef, { kind: 'veto' }>;
  problems: Problems;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const content = useEditor((s) => s.content!);
  const veto = content.vetoItems[nodeRef.index]!;
  const set = (patch: Partial<typeof veto>) =>
    change((d) => {
      d.vetoItems[nodeRef.index] = { ...d.vetoItems[nodeRef.index]!, ...patch };
    });
  const p = (f: string) => problems.get(f);
  return (
    <NodeCard
      nodeRef={nodeRef}
      editable={editable}
      index={nodeRef.index}
      listLength={content.vetoItems.length}
      deleteLabel={veto.code}
      title={
        <Space size={8}>
          <span>{t('standardsUi.form.vetoTitle')}</span>
          <Tag color="red">{veto.code}</Tag>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={8}>
          <Field
            label={t('standardsUi.form.code')}
            problems={p('code')}
            required
            testId="field-code"
          >
            <Input
              value={veto.code}
              maxLength={20}
              onChange={(e) => set({ code: e.target.value })}
              status={errorStatus(p('code'))}
              data-testid="field-code"
            />
          </Field>
        </Col>
        <Col span={16}>
          <Field label={t('standardsUi.form.effect')}>
            <Select
              value={veto.effect}
              onChange={(effect) => set({ effect })}
              data-testid="field-effect"
              options={VETO_EFFECTS.map((e) => ({ value: e, label: t(`standards.effects.${e}`) }))}
            />
          </Field>
        </Col>
      </Row>
      <Field
        label={t('standardsUi.form.vetoText')}
        problems={p('text')}
        required
        testId="field-text"
      >
        <Input.TextArea
          value={veto.text}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => set({ text: e.target.value })}
          status={errorStatus(p('text'))}
          data-testid="field-text"
        />
      </Field>
      <Field label={t('standardsUi.form.tags')} problems={p('tags')}>
        <TagSelect value={veto.tags} onChange={(tags) => set({ tags })} />
      </Field>
      <Field label={t('standardsUi.form.guidance')} style={{ marginBottom: 0 }}>
        <Input.TextArea
          value={veto.guidance}
          maxLength={4000}
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('standardsUi.form.guidancePlaceholder')}
          onChange={(e) => set({ guidance: e.target.value })}
          data-testid="field-guidance"
        />
      </Field>
    </NodeCard>
  );
}

// ---- a bonus item -----------------------------------------------------------------------------

function BonusForm({
  nodeRef,
  problems,
  editable,
}: {
  nodeRef: Extract<NodeRef, { kind: 'bonus' }>;
  problems: Problems;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const content = useEditor((s) => s.content!);
  const bonus = content.bonus.items[nodeRef.index]!;
  const set = (patch: Partial<typeof bonus>) =>
    change((d) => {
      d.bonus.items[nodeRef.index] = { ...d.bonus.items[nodeRef.index]!, ...patch };
    });
  const p = (f: string) => problems.get(f);
  return (
    <NodeCard
      nodeRef={nodeRef}
      editable={editable}
      index={nodeRef.index}
      listLength={content.bonus.items.length}
      deleteLabel={bonus.code}
      title={
        <Space size={8}>
          <span>{t('standardsUi.form.bonusItemTitle')}</span>
          <Tag color="green">{bonus.code}</Tag>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={8}>
          <Field
            label={t('standardsUi.form.code')}
            problems={p('code')}
            required
            testId="field-code"
          >
            <Input
              value={bonus.code}
              maxLength={20}
              onChange={(e) => set({ code: e.target.value })}
              status={errorStatus(p('code'))}
              data-testid="field-code"
            />
          </Field>
        </Col>
        <Col span={16}>
          <Field label={t('standardsUi.form.points')} problems={p('points')} required>
            <PointsInput
              value={bonus.points}
              onChange={(v) => set({ points: v ?? 0 })}
              status={errorStatus(p('points'))}
              testId="field-points"
            />
          </Field>
        </Col>
      </Row>
      <Field
        label={t('standardsUi.form.bonusText')}
        problems={p('text')}
        required
        testId="field-text"
      >
        <Input.TextArea
          value={bonus.text}
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => set({ text: e.target.value })}
          status={errorStatus(p('text'))}
          data-testid="field-text"
        />
      </Field>
      <Field label={t('standardsUi.form.tags')} problems={p('tags')}>
        <TagSelect value={bonus.tags} onChange={(tags) => set({ tags })} />
      </Field>
      <Field label={t('standardsUi.form.guidance')} style={{ marginBottom: 0 }}>
        <Input.TextArea
          value={bonus.guidance}
          maxLength={4000}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(e) => set({ guidance: e.target.value })}
          data-testid="field-guidance"
        />
      </Field>
    </NodeCard>
  );
}

// ---- a category -------------------------------------------------------------------------------

function CategoryForm({
  nodeRef,
  problems,
  editable,
}: {
  nodeRef: Extract<NodeRef, { kind: 'category' }>;
  problems: Problems;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const content = useEditor((s) => s.content!);
  const select = useEditor((s) => s.select);
  const c = content.categories[nodeRef.index]!;
  const sum = itemSum(c);
  const set = (patch: Partial<typeof c>) =>
    change((d) => {
      d.categories[nodeRef.index] = { ...d.categories[nodeRef.index]!, ...patch };
    });
  const p = (f: string) => problems.get(f);
  return (
    <NodeCard
      nodeRef={nodeRef}
      editable={editable}
      index={nodeRef.index}
      listLength={content.categories.length}
      deleteLabel={c.name}
      deleteBody={
        c.items.length
          ? t('standardsUi.form.deleteCategoryBody', { count: c.items.length })
          : undefined
      }
      canDelete={content.categories.length > 1}
      title={
        <Space size={8}>
          <span>{t('standardsUi.form.categoryTitle')}</span>
          <Tag color="blue">{c.code}</Tag>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col span={6}>
          <Field
            label={t('standardsUi.form.code')}
            problems={p('code')}
            required
            testId="field-code"
          >
            <Input
              value={c.code}
              maxLength={20}
              onChange={(e) => set({ code: e.target.value })}
              status={errorStatus(p('code'))}
              data-testid="field-code"
            />
          </Field>
        </Col>
        <Col span={10}>
          <Field
            label={t('standardsUi.form.categoryName')}
            problems={p('name')}
            required
            testId="field-name"
          >
            <Input
              value={c.name}
              maxLength={40}
              onChange={(e) => set({ name: e.target.value })}
              status={errorStatus(p('name'))}
              data-testid="field-name"
            />
          </Field>
        </Col>
        <Col span={8}>
          <Field
            label={t('standardsUi.form.categoryMax')}
            problems={p('max')}
            required
            testId="field-max"
            help={
              <span className={sum === c.max ? '' : 'points-bad'} data-testid="category-items-sum">
                {t('standardsUi.form.itemsSum', { sum: pts(sum) })}
              </span>
            }
          >
            <PointsInput
              value={c.max}
              onChange={(v) => set({ max: v ?? 0 })}
              status={errorStatus(p('max'))}
              testId="field-max"
            />
          </Field>
        </Col>
      </Row>
      {p('items')?.length ? (
        <Typography.Paragraph type="danger">
          {p('items')!
            .map((x) => problemMessage(x))
            .join(' ')}
        </Typography.Paragraph>
      ) : null}
      <div className="node-list-head">
        <Typography.Text type="secondary">
          {t('standardsUi.form.categoryItems', { count: c.items.length })}
        </Typography.Text>
        {editable ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              const [next, ref] = addItem(content, nodeRef.index);
              useEditor.getState().edit(next, ref);
            }}
            data-testid="category-add-item"
          >
            {t('standardsUi.tree.addItem')}
          </Button>
        ) : null}
      </div>
      <Table<Item & { n: number }>
        size="small"
        rowKey="n"
        pagination={false}
        dataSource={c.items.map((i, n) => ({ ...i, n }))}
        onRow={(i) => ({
          onClick: () => select(`cat.${nodeRef.index}.item.${i.n}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { key: 'code', title: t('standardsUi.form.code'), dataIndex: 'code', width: 70 },
          { key: 'text', title: t('standardsUi.form.text'), dataIndex: 'text', ellipsis: true },
          {
            key: 'max',
            title: t('standardsUi.form.max'),
            width: 70,
            align: 'right',
            render: (_v, i) => pts(i.max),
          },
          {
            key: 'rule',
            title: t('standardsUi.try.rule'),
            width: 200,
            ellipsis: true,
            render: (_v, i) => ruleText(i),
          },
        ]}
      />
    </NodeCard>
  );
}

// ---- the groups -------------------------------------------------------------------------------

function BonusSettings({ problems }: { problems: Problems }) {
  const { t } = useTranslation();
  const bonus = useEditor((s) => s.content!.bonus);
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Field label={t('standardsUi.form.bonusEnabled')}>
          <Switch
            checked={bonus.enabled}
            onChange={(v) =>
              change((d) => {
                d.bonus.enabled = v;
              })
            }
            data-testid="field-bonusEnabled"
          />
        </Field>
      </Col>
      <Col span={16}>
        <Field
          label={t('standardsUi.form.bonusCap')}
          problems={problems.get('bonus')}
          help={t('standardsUi.form.bonusHelp')}
        >
          <PointsInput
            value={bonus.cap}
            onChange={(v) =>
              change((d) => {
                d.bonus.cap = v ?? 0;
              })
            }
            testId="field-bonusCap"
          />
        </Field>
      </Col>
    </Row>
  );
}

function GroupPanel({
  kind,
  problems,
  editable,
}: {
  kind: 'vetoGroup' | 'bonusGroup';
  problems: Problems;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const content = useEditor((s) => s.content!);
  const select = useEditor((s) => s.select);
  const veto = kind === 'vetoGroup';
  const rows = veto
    ? content.vetoItems.map((v, n) => ({
        n,
        code: v.code,
        text: v.text,
        extra: t(`standards.effects.${v.effect}`),
      }))
    : content.bonus.items.map((b, n) => ({
        n,
        code: b.code,
        text: b.text,
        extra: `+${pts(b.points)}`,
      }));
  const groupProblems = problems.get('') ?? [];
  return (
    <Card
      size="small"
      className="node-card"
      data-testid="node-form"
      title={veto ? t('standardsUi.tree.vetoGroup') : t('standardsUi.tree.bonusGroup')}
      extra={
        editable ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              const [next, ref] = veto ? addVeto(content) : addBonus(content);
              useEditor.getState().edit(next, ref);
            }}
            data-testid={veto ? 'group-add-veto' : 'group-add-bonus'}
          >
            {veto ? t('standardsUi.tree.addVeto') : t('standardsUi.tree.addBonus')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {veto ? t('standardsUi.form.vetoGroupHelp') : t('standardsUi.form.bonusGroupHelp')}
      </Typography.Paragraph>
      {!veto ? <BonusSettings problems={new Map()} /> : null}
      {groupProblems.length ? (
        <Typography.Paragraph type="danger">
          {groupProblems.map((x) => problemMessage(x)).join(' ')}
        </Typography.Paragraph>
      ) : null}
      <Table
        size="small"
        rowKey="n"
        pagination={false}
        dataSource={rows}
        onRow={(r) => ({
          onClick: () => select(veto ? `veto.${r.n}` : `bonus.${r.n}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('standardsUi.form.code'), width: 70 },
          {
            key: 'text',
            dataIndex: 'text',
            title: veto ? t('standardsUi.form.vetoText') : t('standardsUi.form.bonusText'),
            ellipsis: true,
          },
          {
            key: 'extra',
            dataIndex: 'extra',
            title: veto ? t('standardsUi.form.effect') : t('standardsUi.form.points'),
            width: 170,
          },
        ]}
      />
    </Card>
  );
}

// ---- the template's own settings ------------------------------------------------------------

function SettingsForm({ problems }: { problems: EditorProblem[] }) {
  const { t } = useTranslation();
  const { content, caseTypes } = useEditor(
    useShallow((s) => ({ content: s.content!, caseTypes: s.caseTypes })),
  );
  const own = problemsOfNode(problems, { kind: 'settings' });
  const p = (f: string) => own.get(f);
  const bandProblems = (i: number, field: 'name' | 'min') =>
    problems.filter((x) => x.path === `bands.${i}.${field}`);
  const sum = categorySum(content);
  const set = (recipe: (d: TemplateContent) => void) => change(recipe);

  return (
    <Card
      size="small"
      className="node-card"
      data-testid="node-form"
      title={t('standardsUi.form.settingsTitle')}
    >
      <Field label={t('standardsUi.form.name')} problems={p('name')} required testId="field-name">
        <Input
          value={content.name}
          maxLength={60}
          onChange={(e) =>
            set((d) => {
              d.name = e.target.value;
            })
          }
          status={errorStatus(p('name'))}
          data-testid="field-name"
        />
      </Field>
      <Field label={t('standardsUi.form.description')} problems={p('description')}>
        <Input.TextArea
          value={content.description}
          maxLength={2000}
          autoSize={{ minRows: 1, maxRows: 5 }}
          placeholder={t('standardsUi.form.descriptionPlaceholder')}
          onChange={(e) =>
            set((d) => {
              d.description = e.target.value;
            })
          }
          data-testid="field-description"
        />
      </Field>
      <Row gutter={16}>
        <Col span={14}>
          <Field label={t('standardsUi.form.caseTypes')} problems={p('appliesTo')}>
            <Select
              mode="multiple"
              value={content.appliesTo.caseTypes}
              placeholder={t('standardsUi.form.caseTypesAll')}
              onChange={(v: string[]) =>
                set((d) => {
                  d.appliesTo.caseTypes = v;
                })
              }
              options={[
                ...caseTypes.map((c) => ({ value: c.code, label: c.name })),
                // A code no longer in the list (renamed or removed) stays visible.
                ...content.appliesTo.caseTypes
                  .filter((code) => !caseTypes.some((c) => c.code === code))
                  .map((code) => ({ value: code, label: code })),
              ]}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="field-caseTypes"
            />
          </Field>
        </Col>
        <Col span={10}>
          <Field
            label={t('standardsUi.form.procedures')}
            help={t('standardsUi.form.proceduresHelp')}
          >
            <Checkbox.Group
              value={content.appliesTo.procedures}
              onChange={(v) =>
                set((d) => {
                  d.appliesTo.procedures = PROCEDURES.filter((x) => v.includes(x));
                })
              }
              options={PROCEDURES.map((x) => ({ value: x, label: t(`import.procedures.${x}`) }))}
              data-testid="field-procedures"
            />
          </Field>
        </Col>
      </Row>
      <Field
        label={t('standardsUi.form.total')}
        problems={p('total')}
        required
        testId="field-total"
        help={
          <span className={sum === content.total ? '' : 'points-bad'}>
            {t('standardsUi.form.categoriesSum', { sum: pts(sum) })}
          </span>
        }
      >
        <PointsInput
          value={content.total}
          onChange={(v) =>
            set((d) => {
              d.total = v ?? 0;
            })
          }
          status={errorStatus(p('total'))}
          testId="field-total"
        />
      </Field>

      <div className="bands">
        <div className="node-list-head">
          <Typography.Text strong>{t('standardsUi.form.bands')}</Typography.Text>
          <Space size={4} wrap>
            <Typography.Text type="secondary">{t('standardsUi.form.usePreset')}</Typography.Text>
            {(['four', 'three'] as const).map((k) => (
              <Button
                key={k}
                size="small"
                onClick={() =>
                  set((d) => {
                    d.bands = BAND_PRESETS[k].map((b) => ({ ...b }));
                  })
                }
                data-testid={`bands-preset-${k}`}
              >
                {t(k === 'four' ? 'standardsUi.form.presetFour' : 'standardsUi.form.presetThree')}
              </Button>
            ))}
          </Space>
        </div>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('standardsUi.form.bandsHelp')}
        </Typography.Paragraph>
        {content.bands.map((b, i) => {
          const nameProblems = bandProblems(i, 'name');
          const minProblems = bandProblems(i, 'min');
          const all = [...nameProblems, ...minProblems];
          return (
            <div key={i} className="band-row" data-testid="band-row">
              <Input
                value={b.name}
                maxLength={10}
                style={{ width: 140 }}
                aria-label={t('standardsUi.form.bandName')}
                status={errorStatus(nameProblems)}
                onChange={(e) =>
                  set((d) => {
                    d.bands[i]!.name = e.target.value;
                  })
                }
                data-testid={`band-name-${i}`}
              />
              <span className="band-ge">≥</span>
              <PointsInput
                value={b.min}
                onChange={(v) =>
                  set((d) => {
                    d.bands[i]!.min = v ?? 0;
                  })
                }
                status={errorStatus(minProblems)}
                testId={`band-min-${i}`}
              />
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                disabled={content.bands.length <= 2}
                aria-label={t('standardsUi.form.delete')}
                onClick={() =>
                  set((d) => {
                    d.bands.splice(i, 1);
                  })
                }
              />
              {all.length ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {all.map((x) => problemMessage(x)).join(' ')}
                </Typography.Text>
              ) : null}
            </div>
          );
        })}
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          disabled={content.bands.length >= 8}
          onClick={() =>
            set((d) => {
              d.bands.push({ name: '', min: 0 });
            })
          }
          style={{ marginTop: 4 }}
        >
          {t('standardsUi.form.addBand')}
        </Button>
      </div>

      <div className="bonus-settings">
        <Typography.Text strong>{t('standardsUi.form.bonusTitle')}</Typography.Text>
        <BonusSettings problems={own} />
      </div>
    </Card>
  );
}

// ---- the dispatcher ---------------------------------------------------------------------------

export function NodeEditor({
  problems,
  editable,
}: {
  problems: EditorProblem[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { content, selected } = useEditor(
    useShallow((s) => ({ content: s.content!, selected: s.selected })),
  );
  const ref = parseKey(selected);
  const form = (() => {
    if (!ref || !nodeExists(content, ref)) return null;
    const own = problemsOfNode(problems, ref);
    switch (ref.kind) {
      case 'settings':
        return <SettingsForm problems={problems} />;
      case 'vetoGroup':
      case 'bonusGroup':
        return <GroupPanel kind={ref.kind} problems={own} editable={editable} />;
      case 'veto':
        return <VetoForm key={selected} nodeRef={ref} problems={own} editable={editable} />;
      case 'bonus':
        return <BonusForm key={selected} nodeRef={ref} problems={own} editable={editable} />;
      case 'category':
        return <CategoryForm key={selected} nodeRef={ref} problems={own} editable={editable} />;
      case 'item':
        return <ItemForm key={selected} nodeRef={ref} problems={own} editable={editable} />;
    }
  })();
  return (
    <Form layout="vertical" component="div" disabled={!editable} className="node-editor">
      {form ?? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standardsUi.form.empty')} />
        </Card>
      )}
    </Form>
  );
}
