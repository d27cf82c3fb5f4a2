// 我的评查任务: the evaluator's task list (#/tasks) and the scoring screen of one task
// (#/tasks/:campaignId/:caseId).
import { Route, Routes } from 'react-router';
import { ScoringPage } from './ScoringPage';
import { TaskListPage } from './TaskListPage';
import './tasks.css';

export function TasksPage() {
  return (
    <Routes>
      <Route index element={<TaskListPage />} />
      <Route path=":campaignId/:caseId" element={<ScoringPage />} />
    </Routes>
  );
}
