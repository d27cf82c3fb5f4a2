// The editor of one template version (#/standards/:versionId): the header with status and
// actions, then one of three views — 编辑 (tree, node form, problems), 试算 (the real scoring
// function on sample findings) and 打印预览 (the standard as offices publish it). The view is in
// the address (?view=try), so a reload keeps it.
import { Alert, App, Button, Result, Segmented, Spin } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { errorText } from '../../i18n/errors';
import { templateProblems } from './content-ops';
import { EditorHeader } from './EditorHeader';
import { useEditor } from './editor-store';
import { EditView } from './EditView';
import { PrintView } from './PrintView';
import { TryPane } from './TryPane';

const VIEWS = ['edit', 'try', 'print'] as const;
type View = (typeof VIEWS)[number];

export function EditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { versionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'edit';
  const s = useEditor(
    useShallow((st) => ({
      version: st.version,
      content: st.content,
      tags: st.tags,
      loading: st.loading,
      loadError: st.loadError,
      saveError: st.saveError,
      saveState: st.saveState,
      open: st.open,
      close: st.close,
      reload: st.reload,
    })),
  );
  const { open, close } = s;
  const { modal } = App.useApp();

  useEffect(() => {
    void open(versionId);
    return () => void close();
  }, [versionId, open, close]);

  // Changes that cannot be saved yet (an empty required field) would be lost by leaving.
  const unsavable = s.saveState === 'invalid' || s.saveState === 'error';
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsavable && currentLocation.pathname !== nextLocation.pathname,
  );
  const asked = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      asked.current = false;
      return;
    }
    if (asked.current) return;
    asked.current = true;
    modal.confirm({
      title: t('standardsUi.editor.leaveTitle'),
      content: t('standardsUi.editor.leaveBody'),
      okText: t('standardsUi.editor.leaveOk'),
      okButtonProps: { danger: true },
      cancelText: t('standardsUi.editor.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!unsavable) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsavable]);

  const knownTags = useMemo(() => new Set(s.tags.map((x) => x.code)), [s.tags]);
  const problems = useMemo(
    () => (s.content ? templateProblems(s.content, s.tags.length ? knownTags : undefined) : []),
    [s.content, knownTags, s.tags.length],
  );

  if (s.loadError && !s.loading) {
    return (
      <Result
        status="warning"
        title={errorText(s.loadError)}
        subTitle={s.loadError.code === 'NOT_FOUND' ? t('standardsUi.editor.notFound') : undefined}
        extra={
          <Button onClick={() => void navigate('/standards')}>
            {t('standardsUi.editor.back')}
          </Button>
        }
        data-testid="editor-load-error"
      />
    );
  }
  if (!s.version || !s.content || s.version.id !== versionId) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: 240 }}>
        <Spin />
      </div>
    );
  }

  return (
    <div className="editor-page" data-testid="standard-editor" data-status={s.version.status}>
      <EditorHeader problems={problems} />
      {s.saveError ? (
        <Alert
          type="error"
          showIcon
          data-testid="editor-save-error"
          title={errorText(s.saveError)}
          action={
            s.saveError.code === 'CONFLICT' ? (
              <Button size="small" onClick={() => void s.reload()} data-testid="editor-reload">
                {t('standardsUi.editor.conflictReload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <div className="editor-views">
        <Segmented<View>
          value={view}
          onChange={(v) => setParams(v === 'edit' ? {} : { view: v }, { replace: true })}
          options={VIEWS.map((v) => ({
            value: v,
            label: (
              <span data-testid={`editor-view-${v}`}>{t(`standardsUi.editor.views.${v}`)}</span>
            ),
          }))}
        />
      </div>
      {view === 'edit' ? (
        <EditView problems={problems} />
      ) : view === 'try' ? (
        <TryPane />
      ) : (
        <PrintView />
      )}
    </div>
  );
}
