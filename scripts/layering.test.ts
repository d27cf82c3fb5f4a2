// Proves the layering rule bites: small fixtures placed (virtually) in each folder import what
// that folder may not import, and ESLint must report `no-restricted-imports` for each.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layering (docs/architecture.md) is enforced by lint', () => {
  it("fails a fixture in electron/services/ that imports 'electron'", async () => {
    const errors = await restrictedImports(
      'electron/services/layering-fixture.ts',
      "import { app } from 'electron';\nexport const name = app.getName();\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/never electron/);
  });

  it.each([
    ['core/x-fixture.ts', "import fs from 'node:fs';\nexport const f = fs;\n"],
    [
      'core/x-fixture.ts',
      "import { openWorkspace } from '../db';\nexport const f = openWorkspace;\n",
    ],
    ['core/x-fixture.ts', "import { useState } from 'react';\nexport const f = useState;\n"],
    [
      'db/x-fixture.ts',
      "import { createApp } from '../electron/services/app';\nexport const f = createApp;\n",
    ],
    [
      'electron/services/x-fixture.ts',
      "import { startWebServer } from '../web/server';\nexport const f = startWebServer;\n",
    ],
    [
      'electron/main/x-fixture.ts',
      "import { openWorkspace } from '../../db';\nexport const f = openWorkspace;\n",
    ],
    ['electron/web/x-fixture.ts', "import { app } from 'electron';\nexport const f = app;\n"],
    [
      'electron/preload/x-fixture.ts',
      "import { createApp } from '../services/app';\nexport const f = createApp;\n",
    ],
    [
      'renderer/x-fixture.ts',
      "import { openWorkspace } from '../db';\nexport const f = openWorkspace;\n",
    ],
    ['renderer/x-fixture.ts', "import path from 'node:path';\nexport const f = path;\n"],
    [
      'renderer/x-fixture.ts',
      "import { createApp } from '../electron/services/app';\nexport const f = createApp;\n",
    ],
  ])('fails %s importing %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each([
    [
      'electron/services/x-fixture.ts',
      "import { openWorkspace } from '../../db';\nexport const f = openWorkspace;\n",
    ],
    ['electron/main/x-fixture.ts', "import { app } from 'electron';\nexport const f = app;\n"],
    [
      'electron/web/x-fixture.ts',
      "import { createApp } from '../services/app';\nexport const f = createApp;\n",
    ],
    [
      'renderer/x-fixture.ts',
      "import { contract } from '../core/api/contract';\nexport const f = contract;\n",
    ],
    [
      'db/x-fixture.ts',
      "import { AppError } from '../core/api/errors';\nexport const f = AppError;\n",
    ],
  ])('allows %s importing %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
