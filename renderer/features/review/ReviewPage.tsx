// 评查进度与复核: the coordinator's campaign dashboard and the 复核 screen (nested routes under #/review).
export function ReviewPage() {
  return null;
}
