// antd Select: click the box, then pick the option by its visible label in the open dropdown.
import { expect, type Locator, type Page } from '@playwright/test';

export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .locator(`.ant-select-item-option[title="${label}"]`)
    .filter({ visible: true });
  await option.click();
  await expect(select).toContainText(label);
}
