// The areas of the main window, who may open them, and whether they are built yet.
import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  IssuesCloseOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../core/accounts/schemas';

export type AreaKey =
  | 'dashboard'
  | 'cases'
  | 'standards'
  | 'campaigns'
  | 'review'
  | 'myTasks'
  | 'reports'
  | 'rectification'
  | 'people'
  | 'audit'
  | 'settings';

export interface Area {
  key: AreaKey;
  path: string;
  icon: ReactNode;
  roles: readonly Role[];
  built: boolean;
}

const BOTH = ['coordinator', 'evaluator'] as const;
const COORD = ['coordinator'] as const;

export const AREAS: readonly Area[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined />, roles: BOTH, built: true },
  { key: 'cases', path: '/cases', icon: <FolderOpenOutlined />, roles: COORD, built: true },
  { key: 'standards', path: '/standards', icon: <BookOutlined />, roles: COORD, built: true },
  { key: 'campaigns', path: '/campaigns', icon: <AuditOutlined />, roles: COORD, built: true },
  { key: 'review', path: '/review', icon: <FileSearchOutlined />, roles: COORD, built: true },
  { key: 'myTasks', path: '/tasks', icon: <CheckSquareOutlined />, roles: BOTH, built: true },
  { key: 'reports', path: '/reports', icon: <BarChartOutlined />, roles: COORD, built: true },
  {
    key: 'rectification',
    path: '/rectification',
    icon: <IssuesCloseOutlined />,
    roles: COORD,
    built: true,
  },
  { key: 'people', path: '/people', icon: <TeamOutlined />, roles: COORD, built: true },
  { key: 'audit', path: '/audit', icon: <SafetyCertificateOutlined />, roles: COORD, built: true },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, roles: BOTH, built: true },
];

export function areaForPath(pathname: string): Area | undefined {
  const matches = AREAS.filter((a) =>
    a.path === '/' ? pathname === '/' : pathname === a.path || pathname.startsWith(`${a.path}/`),
  );
  return matches[matches.length - 1];
}
