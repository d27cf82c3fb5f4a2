// 评查标准: the list of templates and the editor of one version (nested routes).
export function StandardsPage() {
  return null;
}
