// 导入评查任务包: choose the package file, see what it is and who signed it, then import it. On a
// fresh workspace the import makes this an evaluator workspace and creates the evaluator's
// account (the password is chosen here) and signs in; on an evaluator workspace it adds another
// or a newer package of the signed-in evaluator.
import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Progress, Spin, Typography, Upload } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, tr } from '../../i18n/errors';
import { AccountFields } from '../auth/AccountFields';
import { useAuth } from '../auth/store';
import { usePreferences } from '../preferences/store';
import { PackageSummary } from './PackageSummary';
import { useTaskImport, type Imported } from './store';

interface AccountForm {
  username: string;
  password: string;
  confirm: string;
}

export function TaskImportModal({
  open,
  fresh,
  onClose,
  onImported,
}: {
  open: boolean;
  /** A fresh workspace: the import creates the evaluator's account. */
  fresh: boolean;
  onClose: () => void;
  onImported?: (r: Imported) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountForm>();
  const s = useTaskImport();
  const adopt = useAuth((st) => st.adopt);
  const locale = usePreferences((st) => st.locale);
  const { reset } = s;

  useEffect(() => {
    if (open) reset();
  }, [open, reset]);
  const account = s.inspection?.account;
  useEffect(() => {
    if (account) form.setFieldsValue({ username: account.username });
  }, [account, form]);

  const ready = !!s.inspection?.verified && !!s.inspection.canImport;
  const run = async (v?: AccountForm) => {
    const r = await s.importChosen(
      fresh && v ? { password: v.password, username: v.username, locale } : undefined,
    );
    if (!r) return;
    if (!r.ok) {
      applyFieldErrors(form, r.error);
      return;
    }
    void message.success(
      r.data.alreadyImported
        ? t('packagesUi.import.alreadyImported')
        : t('packagesUi.import.imported', { campaign: r.data.campaignName, files: r.data.files }),
    );
    if (r.data.keptLocal.length) {
      void message.info(t('packagesUi.import.keptLocal', { count: r.data.keptLocal.length }));
    }
    onImported?.(r.data);
    onClose();
    if (r.data.session) await adopt(r.data.session);
  };

  return (
    <Modal
      open={open}
      title={t('packagesUi.import.title')}
      onCancel={onClose}
      footer={null}
      width={620}
      destroyOnHidden
      maskClosable={!s.importing}
      closable={!s.importing}
    >
      <div data-testid="task-import">
        <Upload.Dragger
          accept=".zip,application/zip"
          showUploadList={false}
          disabled={s.importing}
          beforeUpload={(file) => {
            void s.choose(file);
            return false;
          }}
          data-testid="task-import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{s.fileName ?? t('packagesUi.import.choose')}</p>
          <p className="ant-upload-hint">{t('packagesUi.import.chooseHelp')}</p>
        </Upload.Dragger>
        <div style={{ marginTop: 16 }}>
          {s.checking ? (
            <Spin tip={t('packagesUi.import.checking')}>
              <div style={{ height: 60 }} />
            </Spin>
          ) : null}
          <ErrorAlert error={s.error} testId="task-import-error" />
          {s.inspection ? <PackageSummary inspection={s.inspection} /> : null}
        </div>
        {s.importing && s.progress ? (
          <div data-testid="task-import-progress" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{tr(s.progress.phase)}</Typography.Text>
            <Progress
              percent={
                s.progress.total ? Math.round((100 * s.progress.done) / s.progress.total) : 100
              }
              status="active"
              size="small"
            />
          </div>
        ) : null}
        {ready && fresh ? (
          <Form<AccountForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            style={{ marginTop: 16 }}
            onFinish={(v) => void run(v)}
          >
            <AccountFields
              testPrefix="task-import"
              labels={{
                username: t('packagesUi.import.username'),
                password: t('packagesUi.import.password'),
                passwordHelp: t('packagesUi.import.passwordHelp'),
                confirm: t('packagesUi.import.confirm'),
              }}
            />
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={s.importing}
              data-testid="task-import-submit"
            >
              {t('packagesUi.import.submit')}
            </Button>
          </Form>
        ) : null}
        {ready && !fresh ? (
          <Button
            type="primary"
            block
            style={{ marginTop: 16 }}
            loading={s.importing}
            onClick={() => void run()}
            data-testid="task-import-submit"
          >
            {t('packagesUi.import.submitMore')}
          </Button>
        ) : null}
      </div>
    </Modal>
  );
}
