// The small export buttons of the statistics screen: every table's 导出XLSX (made by the services
// from the results model, results.tableXlsx), and the shared way an export reports its outcome.
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope } from '../../../core/api/errors';
import type { ResultTableName } from '../../../core/api/methods/results';
import { saveBytes } from '../../api/download';
import { errorText } from '../../i18n/errors';
import { MIME } from './format';
import { useReports } from './store';

/** Runs an export that yields a file and saves it; says what happened in a message. */
export function useExport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (
    call: () => Promise<Envelope<{ fileName: string; bytes: Uint8Array }>>,
    mime: string,
  ) => {
    setBusy(true);
    try {
      const r = await call();
      if (!r.ok) {
        void message.error(t('reportsUi.export.failed', { message: errorText(r.error) }));
        return;
      }
      saveBytes(r.data.fileName, r.data.bytes, mime);
      void message.success(t('reportsUi.export.done', { fileName: r.data.fileName }));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

export function XlsxButton({ table }: { table: ResultTableName }) {
  const { t } = useTranslation();
  const tableXlsx = useReports((s) => s.tableXlsx);
  const { busy, run } = useExport();
  return (
    <Button
      size="small"
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={() => void run(() => tableXlsx(table), MIME.xlsx)}
      data-testid={`xlsx-${table}`}
    >
      {t('reportsUi.export.xlsx')}
    </Button>
  );
}
