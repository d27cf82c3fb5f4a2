// 编辑: the tree on the left (with drag to reorder and the add buttons), the problems and the
// form of the selected node on the right. A published version shows the same, read-only.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { EditorProblem } from './content-ops';
import { useEditor } from './editor-store';
import { NodeEditor } from './NodeEditor';
import { ProblemsPanel } from './ProblemsPanel';
import { TemplateTree } from './TemplateTree';

export function EditView({ problems }: { problems: EditorProblem[] }) {
  const { t } = useTranslation();
  const { status, hasDraft } = useEditor(
    useShallow((s) => ({
      status: s.version?.status,
      hasDraft: s.versions.some((x) => x.status === 'draft'),
    })),
  );
  const editable = status === 'draft';
  return (
    <>
      {!editable ? (
        <Alert
          type="info"
          showIcon
          data-testid="editor-readonly"
          title={
            hasDraft ? t('standardsUi.editor.readonlyHasDraft') : t('standardsUi.editor.readonly')
          }
        />
      ) : null}
      <div className="editor-body">
        <div className="editor-left">
          <TemplateTree problems={problems} editable={editable} />
        </div>
        <div className="editor-right">
          {editable ? <ProblemsPanel problems={problems} /> : null}
          <NodeEditor problems={problems} editable={editable} />
        </div>
      </div>
    </>
  );
}
