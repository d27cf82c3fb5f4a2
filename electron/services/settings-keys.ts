// Keys of the workspace settings table.
export const SETTING_ORG_NAME = 'org.name';
export const SETTING_DEFAULT_LOCALE = 'ui.defaultLocale';
export const SETTING_WORKSPACE_ID = 'workspace.id';
/** Set in the demo workspace: its documented accounts (JSON). */
export const SETTING_DEMO = 'demo.info';
