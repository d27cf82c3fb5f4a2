// On the first-run page: "在自己的电脑上评查？" — an evaluator imports the task package the
// coordinator gave them instead of setting up a coordinator's workspace.
import { ImportOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskImportModal } from './TaskImportModal';
import './packages.css';

export function TaskPackageSection({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="first-run-option" data-testid="task-package-section">
      <div style={{ flex: 1 }}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {t('packagesUi.import.sectionTitle')}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('packagesUi.import.sectionHelp')}
        </Typography.Text>
      </div>
      <Button
        icon={<ImportOutlined />}
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid="task-package-open"
      >
        {t('packagesUi.import.open')}
      </Button>
      <TaskImportModal open={open} fresh onClose={() => setOpen(false)} />
    </div>
  );
}
