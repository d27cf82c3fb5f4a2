// The editor's header: the template's name, which version this is, the autosave state, the
// version switcher, and the actions (save, publish, new draft, copy, discard, export).
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CloudUploadOutlined,
  CopyOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Input, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { errorText } from '../../i18n/errors';
import { usePreferences } from '../preferences/store';
import { categorySum, type EditorProblem } from './content-ops';
import { useEditor, type ExportKind, type SaveState } from './editor-store';
import { dateTime, pts } from './ui';

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const icon =
    state === 'saved' ? (
      <CheckCircleFilled style={{ color: '#389e0d' }} />
    ) : state === 'saving' ? (
      <LoadingOutlined />
    ) : (
      <ExclamationCircleFilled style={{ color: state === 'error' ? '#cf1322' : '#d48806' }} />
    );
  const text = (
    <Space size={4} data-testid="save-state" data-state={state} className="save-state">
      {icon}
      <span>{t(`standardsUi.editor.saveState.${state}`)}</span>
    </Space>
  );
  return state === 'invalid' ? (
    <Tooltip title={t('standardsUi.editor.invalidHelp')}>{text}</Tooltip>
  ) : (
    text
  );
}

export function EditorHeader({ problems }: { problems: EditorProblem[] }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const locale = usePreferences((s) => s.locale);
  const s = useEditor(
    useShallow((st) => ({
      version: st.version!,
      versions: st.versions,
      content: st.content!,
      saveState: st.saveState,
      flush: st.flush,
      publish: st.publish,
      newDraft: st.newDraft,
      copy: st.copy,
      discard: st.discard,
      exportFile: st.exportFile,
    })),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [copyOpen, setCopyOpen] = useState(false);
  const [copyName, setCopyName] = useState('');

  const v = s.version;
  const draft = v.status === 'draft';
  const draftVersion = s.versions.find((x) => x.status === 'draft');
  const basedOn = v.basedOn ? s.versions.find((x) => x.id === v.basedOn) : undefined;
  const sum = categorySum(s.content);
  const nextVersion = Math.max(0, ...s.versions.map((x) => x.version ?? 0)) + 1;

  const run = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };

  const publish = () =>
    modal.confirm({
      title: t('standardsUi.editor.publishTitle', { name: s.content.name }),
      content: t('standardsUi.editor.publishBody', { version: nextVersion }),
      okText: t('standardsUi.editor.publishOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'publish-ok' },
      onOk: () =>
        run('publish', async () => {
          const r = await s.publish();
          if (!r) return;
          if (r.ok) {
            void message.success(
              t('standardsUi.editor.publishedDone', { version: r.data.version ?? '' }),
            );
          } else void message.error(errorText(r.error));
        }),
    });

  const newDraft = () =>
    run('newDraft', async () => {
      const r = await s.newDraft();
      if (r.ok) {
        void navigate(`/standards/${r.data.id}`);
        return;
      }
      const existing = r.error.params?.draftId;
      if (r.error.key === 'errors.draftExists' && typeof existing === 'string') {
        modal.confirm({
          title: t('standardsUi.editor.draftExistsTitle'),
          content: t('standardsUi.editor.draftExistsBody'),
          okText: t('standardsUi.editor.openDraft'),
          cancelText: t('common.cancel'),
          onOk: () => void navigate(`/standards/${existing}`),
        });
      } else void message.error(errorText(r.error));
    });

  const discard = () =>
    modal.confirm({
      title: t('standardsUi.editor.discardTitle'),
      content: t('standardsUi.editor.discardBody'),
      okText: t('standardsUi.editor.discardOk'),
      okButtonProps: { danger: true, 'data-testid': 'discard-ok' },
      cancelText: t('common.cancel'),
      onOk: () =>
        run('discard', async () => {
          const r = await s.discard();
          if (!r.ok) {
            void message.error(errorText(r.error));
            return;
          }
          void message.success(t('standardsUi.editor.discardedDone'));
          const published = s.versions.find((x) => x.status === 'published');
          void navigate(published ? `/standards/${published.id}` : '/standards');
        }),
    });

  const copy = () =>
    run('copy', async () => {
      const name = copyName.trim();
      if (!name) return;
      const r = await s.copy(name);
      if (!r) return;
      if (r.ok) {
        setCopyOpen(false);
        void message.success(t('standardsUi.editor.copiedDone', { name }));
        void navigate(`/standards/${r.data.id}`);
      } else void message.error(errorText(r.error));
    });

  const exportAs = (kind: ExportKind) =>
    run(`export-${kind}`, async () => {
      const r = await s.exportFile(kind, locale);
      if (!r) return;
      if (r.ok) void message.success(t('standardsUi.editor.exported', { file: r.data.fileName }));
      else void message.error(errorText(r.error));
    });

  const status = draft ? (
    <Tag color="orange" data-testid="editor-status">
      {basedOn?.version
        ? t('standardsUi.editor.draftOf', { version: basedOn.version })
        : t('standardsUi.editor.draft')}
    </Tag>
  ) : (
    <Tag color="blue" data-testid="editor-status">
      {t('standardsUi.editor.published', { version: v.version ?? '' })}
    </Tag>
  );

  return (
    <div className="editor-head">
      <div className="editor-head-main">
        <div className="editor-head-left">
          <Link to="/standards" className="editor-back" data-testid="editor-back">
            <ArrowLeftOutlined /> {t('standardsUi.editor.back')}
          </Link>
          <div className="editor-title">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="editor-name">
              {s.content.name}
            </Typography.Title>
            {status}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {draft
                ? t('standardsUi.editor.updatedAt', { date: dateTime(v.updatedAt) })
                : t('standardsUi.editor.publishedAt', { date: dateTime(v.publishedAt) })}
            </Typography.Text>
            {draft ? <SaveIndicator state={s.saveState} /> : null}
          </div>
        </div>
        <Space size="middle" wrap>
          <span
            className={sum === s.content.total ? 'editor-total' : 'editor-total editor-total-bad'}
            data-testid="template-total"
            data-sum={sum}
            data-total={s.content.total}
          >
            {t('standardsUi.editor.total', { sum: pts(sum), total: pts(s.content.total) })}
          </span>
          {s.versions.length > 1 ? (
            <Space size={6}>
              <Typography.Text type="secondary">{t('standardsUi.editor.version')}</Typography.Text>
              <Select
                size="small"
                value={v.id}
                style={{ minWidth: 110 }}
                onChange={(id) => void navigate(`/standards/${id}`)}
                data-testid="editor-versions"
                options={s.versions.map((x) => ({
                  value: x.id,
                  label:
                    x.status === 'draft'
                      ? t('standardsUi.editor.draftOption')
                      : t('standardsUi.editor.versionOption', { version: x.version ?? '' }),
                }))}
              />
            </Space>
          ) : null}
        </Space>
      </div>
      <Space wrap className="editor-actions">
        {draft ? (
          <>
            <Button
              icon={<SaveOutlined />}
              disabled={s.saveState === 'saved' || s.saveState === 'saving'}
              onClick={() => void s.flush()}
              data-testid="editor-save"
            >
              {t('standardsUi.editor.save')}
            </Button>
            <Tooltip
              title={
                problems.length
                  ? t('standardsUi.editor.publishBlocked', { count: problems.length })
                  : undefined
              }
            >
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                disabled={problems.length > 0}
                loading={busy === 'publish'}
                onClick={publish}
                data-testid="editor-publish"
              >
                {t('standardsUi.editor.publish')}
              </Button>
            </Tooltip>
          </>
        ) : draftVersion ? (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => void navigate(`/standards/${draftVersion.id}`)}
            data-testid="editor-open-draft"
          >
            {t('standardsUi.editor.openDraft')}
          </Button>
        ) : (
          <Button
            type="primary"
            icon={<EditOutlined />}
            loading={busy === 'newDraft'}
            onClick={() => void newDraft()}
            data-testid="editor-new-draft"
          >
            {t('standardsUi.editor.newDraft')}
          </Button>
        )}
        <Button
          icon={<CopyOutlined />}
          onClick={() => {
            setCopyName(t('standardsUi.editor.copyDefault', { name: s.content.name }).slice(0, 60));
            setCopyOpen(true);
          }}
          data-testid="editor-copy"
        >
          {t('standardsUi.editor.copy')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: (['json', 'xlsx', 'docx'] as const).map((k) => ({
              key: k,
              label: (
                <span data-testid={`editor-export-${k}`}>
                  {t(
                    k === 'json'
                      ? 'standardsUi.editor.exportJson'
                      : k === 'xlsx'
                        ? 'standardsUi.editor.exportXlsx'
                        : 'standardsUi.editor.exportDocx',
                  )}
                </span>
              ),
              onClick: () => void exportAs(k),
            })),
          }}
        >
          <Button
            icon={<DownloadOutlined />}
            loading={busy?.startsWith('export') ?? false}
            data-testid="editor-export"
          >
            {t('standardsUi.editor.export')}
          </Button>
        </Dropdown>
        {draft ? (
          <Button danger icon={<DeleteOutlined />} onClick={discard} data-testid="editor-discard">
            {t('standardsUi.editor.discard')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={copyOpen}
        title={t('standardsUi.editor.copyTitle')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={busy === 'copy'}
        okButtonProps={{ disabled: !copyName.trim(), 'data-testid': 'copy-ok' }}
        onOk={() => void copy()}
        onCancel={() => setCopyOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph style={{ marginBottom: 6 }}>
          {t('standardsUi.editor.copyName')}
        </Typography.Paragraph>
        <Input
          value={copyName}
          maxLength={60}
          onChange={(e) => setCopyName(e.target.value)}
          onPressEnter={() => void copy()}
          data-testid="copy-name"
          autoFocus
        />
      </Modal>
    </div>
  );
}
