// The template's problems as you type (validateTemplate plus the content schema), translated;
// a click selects the node the problem belongs to.
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { nodeKey, nodeOfPath, type EditorProblem } from './content-ops';
import { useEditor } from './editor-store';
import { problemText } from './ui';

export function ProblemsPanel({ problems }: { problems: EditorProblem[] }) {
  const { t } = useTranslation();
  const { content, select } = useEditor(
    useShallow((s) => ({ content: s.content!, select: s.select })),
  );
  if (!problems.length) {
    return (
      <div className="problems-ok" data-testid="editor-problems" data-count={0}>
        <CheckCircleOutlined /> {t('standardsUi.problems.none')}
      </div>
    );
  }
  return (
    <Card
      size="small"
      className="problems-card"
      data-testid="editor-problems"
      data-count={problems.length}
      title={
        <span className="problems-title">
          <WarningOutlined /> {t('standardsUi.problems.title', { count: problems.length })}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t('standardsUi.problems.help')}
          </Typography.Text>
        </span>
      }
    >
      <ol className="problems-list">
        {problems.map((p, i) => {
          const key = nodeKey(nodeOfPath(p.path));
          return (
            <li key={`${p.path}-${p.key}-${i}`}>
              <button
                type="button"
                className="problems-item"
                data-testid="editor-problem"
                data-path={p.path}
                data-node={key}
                onClick={() => select(key)}
              >
                {problemText(content, p)}
              </button>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
