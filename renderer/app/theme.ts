import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1e5aa8',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: '#0f2a4a', headerHeight: 64 },
    Menu: {
      darkItemBg: '#0f2a4a',
      darkSubMenuItemBg: '#0b2038',
      darkItemSelectedBg: '#1e5aa8',
    },
  },
};
