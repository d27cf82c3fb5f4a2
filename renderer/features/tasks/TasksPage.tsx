// 我的评查任务: the evaluator's task list and the scoring screen (nested routes under #/tasks).
export function TasksPage() {
  return null;
}
