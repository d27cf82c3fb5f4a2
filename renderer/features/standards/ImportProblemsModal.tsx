// A standard file that could not be imported: every problem with its place (评查项目!D3 for a
// spreadsheet cell, a dotted path for JSON), so it can be fixed in one pass.
import { Alert, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldError } from '../../../core/api/errors';
import { tr } from '../../i18n/errors';

export function ImportProblemsModal({
  value,
  onClose,
}: {
  value: { file: string; error: ApiError } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const problems = value?.error.fieldErrors ?? [];
  return (
    <Modal
      open={value !== null}
      title={t('standardsUi.import.title')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      okButtonProps={{ 'data-testid': 'import-problems-close' }}
      width={760}
      destroyOnHidden
    >
      <div data-testid="import-problems" data-count={problems.length}>
        <Alert
          type="error"
          showIcon
          title={t('standardsUi.import.problemsTitle', {
            file: value?.file ?? '',
            count: problems.length,
          })}
          description={t('standardsUi.import.problemsHelp')}
          style={{ marginBottom: 12 }}
        />
        <Table<FieldError & { n: number }>
          size="small"
          rowKey="n"
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={problems.map((p, n) => ({ ...p, n }))}
          onRow={(p) =>
            ({
              'data-testid': 'import-problem',
              'data-path': p.path,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'path',
              title: t('standardsUi.import.position'),
              width: 150,
              render: (_v, p) => (
                <Typography.Text code data-testid="import-problem-path">
                  {p.path || '—'}
                </Typography.Text>
              ),
            },
            {
              key: 'message',
              title: t('standardsUi.import.problem'),
              render: (_v, p) => tr(p.key, p.params),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
