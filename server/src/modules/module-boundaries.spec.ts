import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ENTITIES } from '../database/data-source';

/**
 * Modules own their tables. A module reads another module's data through that module's read model
 * (`PeopleDirectory`, `OrgDirectory`, `OrgHierarchy`, `AccessPolicy`, or a service the owner exports) — never by
 * importing the other module's entity. `common/` and `config/` know no feature at all.
 *
 * The exceptions below are deliberate and each says why. "Not yet moved" entries are a ratchet: they may only
 * shrink — a file not listed, or a listed file reaching a module not named for it, fails this test.
 */
const EXCEPTIONS: Record<string, { reads: string[]; why: string }> = {
  'seed/demo-seed.service.ts': { reads: ['activity', 'brand', 'need', 'org', 'org-life', 'study', 'talk', 'user', 'visit'], why: 'builds the whole demo zone in one transaction' },
  'dashboard/dashboard.service.ts': { reads: ['activity', 'need', 'org', 'study', 'user', 'visit'], why: 'reporting read model: read-only COUNTs grouped by chain across the zone' },
  'dashboard/todo.service.ts': { reads: ['activity', 'brand', 'need', 'visit'], why: '待办 read model: read-only COUNTs of the rows each list shows, scoped by the AccessPolicy' },
  'access/access-policy.service.ts': { reads: ['need', 'org', 'visit'], why: 'resolves each object to the organisation that owns it, for every module (like an access repository)' },
  'user/onboarding/roster-attach.service.ts': { reads: ['org', 'visit'], why: 'merging a roster person re-points every table that references users.id (USER_REFERENCES, checked against the catalog)' },
};

/**
 * Hand-written SQL that names another module's table. The import check above cannot see these, so they are
 * listed here, with the same ratchet.
 */
const SQL_EXCEPTIONS: Record<string, { reads: string[]; why: string }> = {
  'activity/activity.repository.ts': {
    reads: ['org'],
    why: 'the activity list, detail and my-registrations reads are one query each (issue 11): `LEFT JOIN orgs` for the org name instead of a second round trip through OrgDirectory',
  },
};

const SRC = resolve(__dirname, '..');
const MODULES = join(SRC, 'modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => resolve(dirname(file), m[1]));
}

const moduleOf = (path: string): string | null => {
  const rel = relative(MODULES, path);
  return rel.startsWith('..') ? null : rel.split(sep)[0];
};

describe('module boundaries', () => {
  it('no module imports another module’s entity, except the listed read models', () => {
    const found: Record<string, string[]> = {};
    for (const file of sourceFiles(MODULES)) {
      const own = moduleOf(file)!;
      const reads = relativeImports(file)
        .filter((target) => target.endsWith('.entity'))
        .map(moduleOf)
        .filter((m): m is string => m !== null && m !== own);
      if (reads.length) found[relative(MODULES, file).split(sep).join('/')] = [...new Set(reads)].sort();
    }
    const unexpected = Object.entries(found)
      .filter(([file, reads]) => reads.some((m) => !EXCEPTIONS[file]?.reads.includes(m)))
      .map(([file, reads]) => `${file} reads the tables of ${reads.join(', ')}`);
    expect(unexpected).toEqual([]);
    // The ratchet: an exception nobody needs any more must be deleted.
    const stale = Object.entries(EXCEPTIONS)
      .filter(([file, allowed]) => allowed.reads.some((m) => !(found[file] ?? []).includes(m)))
      .map(([file]) => file);
    expect(stale).toEqual([]);
  });

  it('no module names another module’s table in hand-written SQL, except the listed ones', () => {
    const owners = new Map<string, string>();
    for (const file of sourceFiles(MODULES).filter((f) => f.endsWith('.entity.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)/g)) owners.set(m[1], moduleOf(file)!);
    }
    expect(owners.size).toBeGreaterThan(30);
    const found: Record<string, string[]> = {};
    for (const file of sourceFiles(MODULES)) {
      const own = moduleOf(file)!;
      const text = readFileSync(file, 'utf8');
      const reads = [...text.matchAll(/\b(?:FROM|JOIN)\s+`?([a-z_]+)`?/g)]
        .map((m) => owners.get(m[1]))
        .filter((m): m is string => m !== undefined && m !== own);
      if (reads.length) found[relative(MODULES, file).split(sep).join('/')] = [...new Set(reads)].sort();
    }
    const unexpected = Object.entries(found)
      .filter(([file, reads]) => reads.some((m) => !SQL_EXCEPTIONS[file]?.reads.includes(m) && !EXCEPTIONS[file]?.reads.includes(m)))
      .map(([file, reads]) => `${file} names the tables of ${reads.join(', ')}`);
    expect(unexpected).toEqual([]);
    const stale = Object.entries(SQL_EXCEPTIONS)
      .filter(([file, allowed]) => allowed.reads.some((m) => !(found[file] ?? []).includes(m)))
      .map(([file]) => file);
    expect(stale).toEqual([]);
  });

  it('every entity is declared by the module that owns it, and the data source is their union', () => {
    for (const file of sourceFiles(MODULES).filter((f) => f.endsWith('.entity.ts'))) {
      const owner = moduleOf(file)!;
      // Loaded by path: which files exist is what this test is about.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const declared: unknown[] = Object.values(require(join(MODULES, owner, `${owner}.entities`)) as Record<string, unknown[]>)[0];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      for (const exported of Object.values(require(file) as Record<string, unknown>).filter((v) => typeof v === 'function')) {
        expect({ file: relative(MODULES, file), declared: declared.includes(exported) }).toEqual({ file: relative(MODULES, file), declared: true });
        expect(ENTITIES).toContain(exported);
      }
    }
  });

  it('common/ and config/ import no feature module', () => {
    const offenders = [...sourceFiles(join(SRC, 'common')), ...sourceFiles(join(SRC, 'config'))].filter((file) => relativeImports(file).some((target) => moduleOf(target) !== null));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
