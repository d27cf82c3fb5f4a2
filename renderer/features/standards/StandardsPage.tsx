// 评查标准: the list of templates and the problem tags (#/standards, #/standards/tags), and the
// editor of one version (#/standards/:versionId).
import { Route, Routes } from 'react-router';
import { EditorPage } from './EditorPage';
import { StandardsListPage } from './StandardsListPage';
import './standards.css';

export function StandardsPage() {
  return (
    <Routes>
      <Route index element={<StandardsListPage tab="templates" />} />
      <Route path="tags" element={<StandardsListPage tab="tags" />} />
      <Route path=":versionId" element={<EditorPage />} />
    </Routes>
  );
}
