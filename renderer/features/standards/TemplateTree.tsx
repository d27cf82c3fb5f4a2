// The template as a tree: 基本信息, the 否决项 group with its veto items, each category with its
// items, the 加分项 group. Drafts can drag items within and across categories, categories among
// themselves, veto and bonus items within their group; nodes with problems are marked, and each
// category shows the sum of its items against its maximum.
import {
  ExclamationCircleFilled,
  GiftOutlined,
  PlusOutlined,
  SettingOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Button, Card, Space, Tooltip, Tree, Typography } from 'antd';
import type { DataNode, TreeProps } from 'antd/es/tree';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TemplateContent } from '../../../core/standards/model';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import {
  addBonus,
  addCategory,
  addItem,
  addVeto,
  BONUS_GROUP_KEY,
  categorySum,
  itemSum,
  moveNode,
  nodeKey,
  nodeOfPath,
  parseKey,
  SETTINGS_KEY,
  VETO_GROUP_KEY,
  type EditorProblem,
  type NodeRef,
} from './content-ops';
import { useEditor } from './editor-store';
import { pts } from './ui';

type DropInfo = Parameters<NonNullable<TreeProps['onDrop']>>[0];

/**
 * Where a dragged node lands, as the list position before which it goes. rc-tree describes every
 * drop relative to one node: inside it (0, as its first child), after it (1), or before it (-1,
 * only at the very top). "After a category" for an item means at the end of that category (the
 * pointer is just below its last item, or on a collapsed or empty category); "after the veto
 * group" for a category means the first category.
 */
function dropTarget(
  content: TemplateContent,
  drag: NodeRef,
  target: NodeRef,
  position: -1 | 0 | 1,
): { to: number; toCategory?: number } | null {
  const inside = position === 0;
  const after = position === 1;
  switch (drag.kind) {
    case 'item':
      if (target.kind === 'category' && inside) return { to: 0, toCategory: target.index };
      if (target.kind === 'category' && after)
        return {
          to: content.categories[target.index]?.items.length ?? 0,
          toCategory: target.index,
        };
      if (target.kind === 'item' && !inside)
        return { to: target.index + (after ? 1 : 0), toCategory: target.category };
      return null;
    case 'category':
      if (target.kind === 'category' && !inside) return { to: target.index + (after ? 1 : 0) };
      if (target.kind === 'vetoGroup' && after) return { to: 0 };
      return null;
    case 'veto':
      if (target.kind === 'vetoGroup' && inside) return { to: 0 };
      if (target.kind === 'veto' && !inside) return { to: target.index + (after ? 1 : 0) };
      return null;
    case 'bonus':
      if (target.kind === 'bonusGroup' && inside) return { to: 0 };
      if (target.kind === 'bonus' && !inside) return { to: target.index + (after ? 1 : 0) };
      return null;
    default:
      return null;
  }
}

const DRAGGABLE = new Set(['item', 'category', 'veto', 'bonus']);

export function TemplateTree({
  problems,
  editable,
}: {
  problems: EditorProblem[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { content, selected, select, edit } = useEditor(
    useShallow((s) => ({
      content: s.content!,
      selected: s.selected,
      select: s.select,
      edit: s.edit,
    })),
  );
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const problemCount = useMemo(() => {
    const map = new Map<string, number>();
    for (const p of problems) {
      const key = nodeKey(nodeOfPath(p.path));
      map.set(key, (map.get(key) ?? 0) + 1);
    }
    return map;
  }, [problems]);

  const parents = useMemo(
    () => [VETO_GROUP_KEY, ...content.categories.map((_c, i) => `cat.${i}`), BONUS_GROUP_KEY],
    [content.categories],
  );
  // The selected node's parent is always open (a problem clicked in the list shows its node).
  const expandedKeys = parents.filter((k) => !collapsed.has(k) || selected.startsWith(`${k}.`));
  const treeBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    treeBox.current
      ?.querySelector(`[data-testid="tree-node"][data-key="${selected}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const treeData = useMemo(
    (): DataNode[] => [
      { key: SETTINGS_KEY, isLeaf: true },
      {
        key: VETO_GROUP_KEY,
        children: content.vetoItems.map((_v, i) => ({ key: `veto.${i}`, isLeaf: true })),
      },
      ...content.categories.map((c, ci) => ({
        key: `cat.${ci}`,
        children: c.items.map((_i, ii) => ({ key: `cat.${ci}.item.${ii}`, isLeaf: true })),
      })),
      {
        key: BONUS_GROUP_KEY,
        children: content.bonus.items.map((_b, i) => ({ key: `bonus.${i}`, isLeaf: true })),
      },
    ],
    [content],
  );

  const mark = (key: string) => {
    const n = problemCount.get(key);
    return n ? (
      <Tooltip title={t('standardsUi.tree.problems', { count: n })}>
        <ExclamationCircleFilled className="tree-problem" data-testid="tree-problem" />
      </Tooltip>
    ) : null;
  };

  const title = (key: string) => {
    const ref = parseKey(key);
    if (!ref) return key;
    const common = {
      'data-testid': 'tree-node',
      'data-key': key,
      'data-problems': problemCount.get(key) ?? 0,
    };
    switch (ref.kind) {
      case 'settings': {
        const sum = categorySum(content);
        return (
          <span className="tree-title tree-group" {...common}>
            <SettingOutlined />
            <span className="tree-text">{t('standardsUi.tree.settings')}</span>
            {mark(key)}
            <span
              className={sum === content.total ? 'tree-points' : 'tree-points tree-points-bad'}
              data-testid="tree-total"
            >
              {pts(sum)}/{pts(content.total)}
            </span>
          </span>
        );
      }
      case 'vetoGroup':
        return (
          <span className="tree-title tree-group" {...common}>
            <StopOutlined />
            <span className="tree-text">{t('standardsUi.tree.vetoGroup')}</span>
            {mark(key)}
            <span className="tree-points">{content.vetoItems.length}</span>
          </span>
        );
      case 'bonusGroup':
        return (
          <span className="tree-title tree-group" {...common}>
            <GiftOutlined />
            <span className="tree-text">{t('standardsUi.tree.bonusGroup')}</span>
            {mark(key)}
            <span className="tree-points">
              {content.bonus.enabled ? content.bonus.items.length : t('standardsUi.tree.off')}
            </span>
          </span>
        );
      case 'veto': {
        const v = content.vetoItems[ref.index];
        return (
          <span className="tree-title" {...common} data-code={v?.code}>
            <span className="tree-code">{v?.code}</span>
            <span className="tree-text">{v?.text || t('standardsUi.tree.untitled')}</span>
            {mark(key)}
          </span>
        );
      }
      case 'bonus': {
        const b = content.bonus.items[ref.index];
        return (
          <span className="tree-title" {...common} data-code={b?.code}>
            <span className="tree-code">{b?.code}</span>
            <span className="tree-text">{b?.text || t('standardsUi.tree.untitled')}</span>
            {mark(key)}
            <span className="tree-points">+{pts(b?.points ?? 0)}</span>
          </span>
        );
      }
      case 'category': {
        const c = content.categories[ref.index];
        if (!c) return key;
        const sum = itemSum(c);
        return (
          <span className="tree-title tree-group" {...common} data-code={c.code}>
            <span className="tree-code">{c.code}</span>
            <span className="tree-text">{c.name}</span>
            {mark(key)}
            <span
              className={sum === c.max ? 'tree-points' : 'tree-points tree-points-bad'}
              data-testid="category-sum"
              data-sum={sum}
              data-max={c.max}
            >
              {pts(sum)}/{pts(c.max)}
            </span>
          </span>
        );
      }
      case 'item': {
        const i = content.categories[ref.category]?.items[ref.index];
        return (
          <span className="tree-title" {...common} data-code={i?.code}>
            <span className="tree-code">{i?.code}</span>
            <span className="tree-text">{i?.text || t('standardsUi.tree.untitled')}</span>
            {mark(key)}
            <span className="tree-points">{pts(i?.max ?? 0)}</span>
          </span>
        );
      }
    }
  };

  /** The category "add item" puts the item in: the selected one, or the last. */
  const currentCategory = () => {
    const ref = parseKey(selected);
    if (ref?.kind === 'category') return ref.index;
    if (ref?.kind === 'item') return ref.category;
    return content.categories.length - 1;
  };

  const onDrop = (info: DropInfo) => {
    const drag = parseKey(String(info.dragNode.key));
    const target = parseKey(String(info.node.key));
    if (!drag || !target) return;
    const pos = info.node.pos.split('-');
    const relative = info.dropPosition - Number(pos[pos.length - 1]);
    const where = dropTarget(content, drag, target, !info.dropToGap ? 0 : relative > 0 ? 1 : -1);
    if (!where) return;
    const moved = moveNode(content, drag, where.to, where.toCategory);
    if (moved) edit(moved[0], moved[1]);
  };

  return (
    <Card
      size="small"
      className="tree-card"
      title={
        editable ? (
          <Space size={4} wrap>
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {t('standardsUi.tree.add')}
            </Typography.Text>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                const [next, ref] = addCategory(content, t('standardsUi.tree.newCategory'));
                edit(next, ref);
              }}
              data-testid="tree-add-category"
            >
              {t('standardsUi.tree.addCategory')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                const [next, ref] = addItem(content, currentCategory());
                edit(next, ref);
              }}
              data-testid="tree-add-item"
            >
              {t('standardsUi.tree.addItem')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                const [next, ref] = addVeto(content);
                edit(next, ref);
              }}
              data-testid="tree-add-veto"
            >
              {t('standardsUi.tree.addVeto')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                const [next, ref] = addBonus(content);
                edit(next, ref);
              }}
              data-testid="tree-add-bonus"
            >
              {t('standardsUi.tree.addBonus')}
            </Button>
          </Space>
        ) : null
      }
    >
      <div ref={treeBox}>
        <Tree
          data-testid="standard-tree"
          className="standard-tree"
          blockNode
          showLine={false}
          treeData={treeData}
          titleRender={(node) => title(String(node.key))}
          selectedKeys={[selected]}
          expandedKeys={expandedKeys}
          onExpand={(keys) => {
            const open = new Set(keys.map(String));
            setCollapsed(new Set(parents.filter((k) => !open.has(k))));
          }}
          onSelect={(keys, info) => select(String(info.node.key))}
          draggable={
            editable
              ? {
                  icon: false,
                  nodeDraggable: (node) => DRAGGABLE.has(parseKey(String(node.key))?.kind ?? ''),
                }
              : false
          }
          allowDrop={({ dragNode, dropNode, dropPosition }) => {
            const drag = parseKey(String(dragNode.key));
            const target = parseKey(String(dropNode.key));
            return !!drag && !!target && dropTarget(content, drag, target, dropPosition) !== null;
          }}
          onDrop={onDrop}
        />
      </div>
      {editable ? (
        <Typography.Paragraph type="secondary" className="tree-help">
          {t('standardsUi.tree.dragHelp')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
