// 案卷库: the registry list and the detail page of one file (nested routes under #/cases).
import { Route, Routes } from 'react-router';
import { CaseDetailPage } from './CaseDetailPage';
import { CaseListPage } from './CaseListPage';
import './cases.css';

export function CasesPage() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path=":id" element={<CaseDetailPage />} />
    </Routes>
  );
}
