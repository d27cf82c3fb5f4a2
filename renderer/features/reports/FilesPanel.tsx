// 案卷得分: every file of the campaign with its final score and grade (the results model's files),
// and per file its score sheets (评查表) as DOCX (results.scoreSheetDocx) or as PDF, printed from
// the same content (results.scoreSheetContent) through the print view.
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileOutcome } from '../../../core/results/results';
import { printPdf } from '../../components/print/print';
import { errorText } from '../../i18n/errors';
import { dataAttrs, gradeColor } from '../review/format';
import { useExport, XlsxButton } from './exports';
import { MIME, pts } from './format';
import { ScoreSheetDocument, SCORE_SHEET_PAGE_CSS } from './ScoreSheetDocument';
import { useReports, type Results } from './store';

function SheetButtons({ file }: { file: FileOutcome }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scoreSheetDocx = useReports((s) => s.scoreSheetDocx);
  const scoreSheetContent = useReports((s) => s.scoreSheetContent);
  const docx = useExport();
  const [printing, setPrinting] = useState(false);
  const none = file.sheets.length === 0;

  const pdf = async () => {
    setPrinting(true);
    try {
      const r = await scoreSheetContent(file.caseId);
      if (!r.ok) {
        void message.error(t('reportsUi.export.failed', { message: errorText(r.error) }));
        return;
      }
      const outcome = await printPdf({
        fileName: r.data.fileName,
        pageCss: SCORE_SHEET_PAGE_CSS,
        content: <ScoreSheetDocument sheets={r.data.sheets} />,
      });
      void message.success(
        outcome === 'saved'
          ? t('reportsUi.export.done', { fileName: r.data.fileName })
          : t('reportsUi.export.printed'),
      );
    } catch (e) {
      void message.error(
        t('reportsUi.export.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Space size={4}>
      <Button
        size="small"
        icon={<FileWordOutlined />}
        disabled={none}
        loading={docx.busy}
        onClick={() => void docx.run(() => scoreSheetDocx(file.caseId), MIME.docx)}
        data-testid="sheet-docx"
      >
        DOCX
      </Button>
      <Button
        size="small"
        icon={<FilePdfOutlined />}
        disabled={none}
        loading={printing}
        onClick={() => void pdf()}
        data-testid="sheet-pdf"
      >
        PDF
      </Button>
    </Space>
  );
}

export function FilesPanel({ model }: { model: Results['model'] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<FileOutcome> = [
    { key: 'caseNo', title: t('reportsUi.files.caseNo'), dataIndex: 'caseNo' },
    {
      key: 'department',
      title: t('reportsUi.files.department'),
      dataIndex: 'departmentName',
      ellipsis: true,
    },
    { key: 'caseType', title: t('reportsUi.files.caseType'), dataIndex: 'caseTypeName' },
    {
      key: 'total',
      title: t('reportsUi.files.total'),
      align: 'right',
      render: (_, f) => (f.final ? pts(f.final.total) : '—'),
    },
    {
      key: 'grade',
      title: t('reportsUi.files.grade'),
      render: (_, f) =>
        f.final ? (
          <Tag color={gradeColor(f.final.grade, f.final.bandIndex)}>{f.final.grade}</Tag>
        ) : null,
    },
    {
      key: 'state',
      title: t('reportsUi.files.state'),
      render: (_, f) => t(`reportsUi.files.states.${f.state}`),
    },
    {
      key: 'sheets',
      title: t('reportsUi.files.sheets'),
      render: (_, f) => <SheetButtons file={f} />,
    },
  ];
  return (
    <Card
      size="small"
      className="reports-card"
      title={`${t('reportsUi.files.title')}（${model.files.length}）`}
      extra={<XlsxButton table="files" />}
      data-testid="files-panel"
    >
      <Table
        size="small"
        rowKey="caseId"
        columns={columns}
        dataSource={model.files}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        onRow={(f) => dataAttrs({ 'data-testid': 'file-row', 'data-case': f.caseId })}
      />
    </Card>
  );
}
