// 我的评查任务: per campaign its deadline, mode and the evaluator's progress, and a table of the
// files assigned to them with the state of their sheet (a returned one with its reason) and
// their score. A click opens the scoring screen. Nothing of the rest of the workspace shows here.
// On an evaluator workspace (made from a task package) the packages and 导出评查结果包 come first.
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { Task } from '../../../core/api/methods/scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAuth } from '../auth/store';
import { ReceivedPackages } from '../packages/ReceivedPackages';
import { STATUS_COLORS, dateTime, daysLeft, pts } from './format';
import { useTasks, type TaskCampaign } from './store';

function Deadline({ campaign, done }: { campaign: TaskCampaign; done: boolean }) {
  const { t } = useTranslation();
  if (!campaign.deadline) {
    return <Typography.Text type="secondary">{t('tasksUi.list.noDeadline')}</Typography.Text>;
  }
  const days = daysLeft(campaign.deadline);
  const overdue = days < 0 && !done;
  return (
    <Space size={6} data-testid="task-deadline" data-overdue={overdue ? 'true' : 'false'}>
      <Typography.Text strong type={overdue ? 'danger' : undefined}>
        {campaign.deadline}
      </Typography.Text>
      {overdue ? (
        <Tag color="red" icon={<WarningOutlined />}>
          {t('tasksUi.list.overdue')}
        </Tag>
      ) : done ? null : (
        <Tag color={days <= 3 ? 'orange' : 'default'} icon={<ClockCircleOutlined />}>
          {days === 0 ? t('tasksUi.list.dueToday') : t('tasksUi.list.daysLeft', { days })}
        </Tag>
      )}
    </Space>
  );
}

function StatusCell({ task, joint }: { task: Task; joint: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="task-status">
      <Space size={4} wrap>
        <Tag color={STATUS_COLORS[task.status]} data-testid="task-status" data-status={task.status}>
          {t(`scoring.taskStatus.${task.status}`)}
        </Tag>
        {joint && task.status !== 'submitted' && task.signed !== null ? (
          <Tag color={task.signed ? 'green' : 'default'}>
            {task.signed ? t('tasksUi.list.signed') : t('tasksUi.list.notSigned')}
          </Tag>
        ) : null}
      </Space>
      {task.savedAt && task.status !== 'submitted' ? (
        <div className="task-saved">
          {t('tasksUi.list.savedAt', { time: dateTime(task.savedAt) })}
        </div>
      ) : null}
      {task.status === 'returned' && task.returnedReason ? (
        <div className="task-returned" data-testid="task-returned-reason">
          {t('tasksUi.list.returnedReason', { reason: task.returnedReason })}
        </div>
      ) : null}
    </div>
  );
}

function CampaignTasks({ campaign }: { campaign: TaskCampaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const total = campaign.tasks.length;
  const done = campaign.tasks.filter((x) => x.status === 'submitted').length;
  const joint = campaign.mode === 'joint';
  const open = (task: Task) => void navigate(`${campaign.campaignId}/${task.caseId}`);

  return (
    <Card
      className="task-campaign"
      data-testid="task-campaign"
      data-campaign={campaign.campaignId}
      title={
        <Space size={8} wrap>
          <span data-testid="task-campaign-name">{campaign.name}</span>
          <Tag>{t('tasksUi.list.year', { year: campaign.year })}</Tag>
          <Tag color={campaign.status === 'scoring' ? 'processing' : 'default'}>
            {t(`campaigns.statuses.${campaign.status}`)}
          </Tag>
        </Space>
      }
    >
      <div className="task-facts">
        <div className="task-fact">
          <div className="task-fact-label">{t('tasksUi.list.deadline')}</div>
          <Deadline campaign={campaign} done={done === total} />
        </div>
        <div className="task-fact">
          <div className="task-fact-label">{t('tasksUi.list.mode')}</div>
          <Tag color={joint ? 'purple' : 'blue'} data-testid="task-mode">
            {t(`tasksUi.list.modes.${campaign.mode}`)}
          </Tag>
        </div>
        <div className="task-fact task-fact-progress">
          <div className="task-fact-label">{t('tasksUi.list.progress')}</div>
          <Space size={12}>
            <Progress
              percent={total ? Math.round((done / total) * 100) : 0}
              size="small"
              showInfo={false}
              style={{ width: 160, margin: 0 }}
            />
            <span data-testid="task-progress" data-done={done} data-total={total}>
              {t('tasksUi.list.progressText', { done, total })}
            </span>
          </Space>
        </div>
      </div>
      <Table<Task>
        size="small"
        rowKey="caseId"
        dataSource={campaign.tasks}
        pagination={false}
        data-testid="task-table"
        rowClassName="task-row"
        onRow={(task) => ({
          onClick: () => open(task),
          'data-testid': 'task-row',
          'data-case-no': task.caseNo,
          'data-status': task.status,
        })}
        columns={[
          {
            key: 'caseNo',
            title: t('tasksUi.list.columns.caseNo'),
            width: 200,
            render: (_, task) => <Typography.Text strong>{task.caseNo}</Typography.Text>,
          },
          {
            key: 'caseType',
            title: t('tasksUi.list.columns.caseType'),
            width: 90,
            render: (_, task) => task.caseTypeName,
          },
          {
            key: 'department',
            title: t('tasksUi.list.columns.department'),
            width: 180,
            ellipsis: true,
            render: (_, task) => task.departmentName,
          },
          {
            key: 'title',
            title: t('tasksUi.list.columns.title'),
            ellipsis: true,
            render: (_, task) => task.title,
          },
          {
            key: 'status',
            title: t('tasksUi.list.columns.status'),
            width: 220,
            render: (_, task) => <StatusCell task={task} joint={joint} />,
          },
          {
            key: 'score',
            title: t('tasksUi.list.columns.score'),
            width: 130,
            render: (_, task) =>
              task.score && task.status !== 'not_started' ? (
                <Space size={4} data-testid="task-score">
                  <span className="task-total">{pts(task.score.total)}</span>
                  <Tag>{task.score.grade}</Tag>
                  {task.score.veto ? <Tag color="red">{t('tasksUi.list.veto')}</Tag> : null}
                </Space>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            key: 'action',
            title: '',
            width: 80,
            align: 'right',
            render: (_, task) => (
              <Button
                size="small"
                type={task.status === 'submitted' ? 'default' : 'primary'}
                ghost={task.status !== 'submitted'}
                autoInsertSpace={false}
                data-testid="task-open"
                onClick={(e) => {
                  e.stopPropagation();
                  open(task);
                }}
              >
                {task.status === 'submitted'
                  ? t('tasksUi.list.view')
                  : task.status === 'not_started'
                    ? t('tasksUi.list.open')
                    : t('tasksUi.list.continue')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function TaskListPage() {
  const { t } = useTranslation();
  const { campaigns, loaded, error, load } = useTasks(
    useShallow((s) => ({
      campaigns: s.campaigns,
      loaded: s.loaded,
      error: s.error,
      load: s.load,
    })),
  );
  useEffect(() => {
    void load();
  }, [load]);
  const evaluatorWorkspace = useAuth((st) => st.status?.mode === 'evaluator');

  return (
    <div className="task-list" data-testid="task-list" data-loaded={loaded ? 'true' : 'false'}>
      <Typography.Paragraph type="secondary">{t('tasksUi.list.intro')}</Typography.Paragraph>
      {evaluatorWorkspace ? <ReceivedPackages onChanged={() => void load()} /> : null}
      <ErrorAlert error={error} testId="task-error" />
      {!loaded ? (
        error ? null : (
          <Skeleton active paragraph={{ rows: 6 }} />
        )
      ) : campaigns.length === 0 ? (
        <Card>
          <Empty
            data-testid="task-empty"
            description={
              <>
                <div>{t('tasksUi.list.empty')}</div>
                <Typography.Text type="secondary">{t('tasksUi.list.emptyHelp')}</Typography.Text>
              </>
            }
          />
        </Card>
      ) : (
        campaigns.map((c) => <CampaignTasks key={c.campaignId} campaign={c} />)
      )}
    </div>
  );
}
