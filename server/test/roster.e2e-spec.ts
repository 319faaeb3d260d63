import type { AuditLogResponse, ImportRosterResponse, ImportRowError, MarkLeftResponse, NeedDetail, Page, RosterPerson, UserResponse } from '@torch-red/shared';
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '@torch-red/shared';
import { OrgEntity } from '../src/modules/org/org.entity';
import { RoleGrantEntity } from '../src/modules/user/role-grant.entity';
import { UserEntity } from '../src/modules/user/user.entity';
import { adminLogin, devLogin } from './factories/auth.factory';
import { raiseNeed } from './factories/need.factory';
import { createPerson, createWorld, type World, type WorldPerson } from './factories/world.factory';
import { allPages } from './support/pages';
import { DATABASES, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
type Line = [string, string, string, string, string?, string?, string?];


async function rosterFile(lines: Line[], header: readonly string[] = ROSTER_COLUMNS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow([...header]);
  for (const line of lines) sheet.addRow(line.map((c) => c ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function binary(res: { on: (e: string, cb: (chunk?: Buffer) => void) => void }, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c) => chunks.push(c as Buffer));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe.each(DATABASES)('rosters on %s', (db) => {
  let t: TestApp;
  let admin: Auth;
  // A world of its own (createWorld): the names below are the world's, made by this suite.
  let world: World;
  let liuyang: Auth; // SECRETARY of world.branch
  let chenjing: Auth; // SECRETARY of world.otherBranch (another chain)
  let sunli: Auth; // COMMITTEE staff of world.committeeOrg, above world.branch
  let zhangwei: Auth; // member of world.branch (world.member)
  let activist: WorldPerson; // 入党积极分子 of world.branch
  let firstBranch: number;
  let otherBranch: number;
  let FIRST_BRANCH: string; // world.branch's name, as the roster file writes it
  let OTHER_BRANCH: string;
  let ENTERPRISE: string; // world.enterprise's name

  const importAs = (auth: Auth, file: Buffer) => t.http().post('/api/workspace/roster/import').set(auth).attach('file', file, 'roster.xlsx');
  const users = () => t.dataSource.getRepository(UserEntity);
  const list = async (auth: Auth, orgId: number, query = ''): Promise<Page<RosterPerson>> =>
    (await t.http().get(`/api/workspace/orgs/${orgId}/roster${query}`).set(auth).expect(200)).body as Page<RosterPerson>;

  beforeAll(async () => {
    t = await startTestApp(db);
    admin = await adminLogin(t);
    world = await createWorld(t);
    liuyang = world.secretary.auth;
    chenjing = world.otherSecretary.auth;
    sunli = world.committee.auth;
    zhangwei = world.member.auth;
    activist = await createPerson(t, admin, world.tag, 'activist', { name: `${world.tag}积极分子`, orgId: world.branch.id, politicalStatus: 'ACTIVIST' });
    FIRST_BRANCH = world.branch.name;
    OTHER_BRANCH = world.otherBranch.name;
    ENTERPRISE = world.enterprise.name;
    firstBranch = (await t.dataSource.getRepository(OrgEntity).findOneByOrFail({ name: FIRST_BRANCH })).id;
    otherBranch = (await t.dataSource.getRepository(OrgEntity).findOneByOrFail({ name: OTHER_BRANCH })).id;
    expect([String(firstBranch), String(otherBranch)]).toEqual([world.branch.id, world.otherBranch.id]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hands out the template to roster managers only', async () => {
    const res = await t.http().get('/api/workspace/roster/template').set(liuyang).expect(200).buffer(true).parse(binary);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([...ROSTER_COLUMNS]);
    await t.http().get('/api/workspace/roster/template').set(zhangwei).expect(403);
  });

  it('imports nothing when any row is bad, and lists every bad cell with row, column and reason', async () => {
    const before = await users().count();
    const file = await rosterFile([
      ['好人甲', '13911110001', FIRST_BRANCH, '正式党员'],
      ['', '1391111', '不存在的支部', '党员', '不存在的企业', '主席', '2099-01-01'],
      ['好人乙', '13911110001', FIRST_BRANCH, '群众', '', '书记'],
    ]);
    const res = await importAs(liuyang, file).expect(422);
    expect(res.body.code).toBe('ROSTER_IMPORT_INVALID');
    const errors = res.body.details as ImportRowError[];
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.column).sort();
    expect(at(3)).toEqual(['入党日期', '党内职务', '姓名', '所在企业', '所在党组织', '手机号', '政治面貌'].sort());
    expect(at(4)).toEqual(['党内职务']);
    expect(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    expect(await users().count()).toBe(before);

    // The duplicate phone is caught even when every other cell is fine.
    const dup = await importAs(liuyang, await rosterFile([['好人甲', '13911110001', FIRST_BRANCH, '正式党员'], ['好人乙', '139 1111 0001', FIRST_BRANCH, '群众']])).expect(422);
    expect(dup.body.details).toEqual([{ row: 3, column: '手机号', message: expect.stringContaining('与第 2 行重复') }]);

    await importAs(liuyang, Buffer.from('not a spreadsheet')).expect(422);
    await importAs(liuyang, await rosterFile([['a', '13911110001', FIRST_BRANCH, '正式党员']], ['姓名', '电话'])).expect(422);
    await importAs(zhangwei, file).expect(403);
    expect(await users().count()).toBe(before);
  });

  it('keeps a secretary to their own org: another org is a row error and nothing is written', async () => {
    const before = await users().count();
    const res = await importAs(liuyang, await rosterFile([['越界者', '13911110099', OTHER_BRANCH, '正式党员']])).expect(422);
    expect(res.body.details).toEqual([{ row: 2, column: '所在党组织', message: expect.stringContaining('不在您管理的范围内') }]);
    expect(await users().count()).toBe(before);
    // Not yours looks like not found.
    await t.http().get(`/api/workspace/orgs/${otherBranch}/roster`).set(liuyang).expect(404);
    await t.http().get(`/api/workspace/orgs/${otherBranch}/roster/export`).set(liuyang).expect(404);
  });

  describe('a clean roster', () => {
    let first: ImportRosterResponse;
    let lines: Line[];

    beforeAll(async () => {
      lines = [
        ['王建国', '13911110001', FIRST_BRANCH, '正式党员', ENTERPRISE, '书记', '2001-07-01'],
        ['李卫东', '13911110002', FIRST_BRANCH, '预备党员', '', '组织委员', '2025/6/30'],
        ['赵小红', '13911110003', FIRST_BRANCH, '入党积极分子'],
        ['钱多多', '+86 139-1111-0004', FIRST_BRANCH, '群众', ENTERPRISE],
      ];
      first = (await importAs(liuyang, await rosterFile(lines)).expect(201)).body as ImportRosterResponse;
    });

    it('creates the people, encrypted phones looked up by hash, and grants 书记 the SECRETARY role of that org', async () => {
      expect(first).toEqual({ created: 4, updated: 0, unchanged: 0, rolesGranted: 1, rolesRevoked: 0 });
      const wang = await users().findOneByOrFail({ name: '王建国' });
      expect(wang).toMatchObject({ orgId: firstBranch, openid: null, politicalStatus: 'FULL_MEMBER', partyPost: 'SECRETARY', partyJoinedAt: '2001-07-01' });
      expect(wang.phoneEnc).not.toContain('13911110001');
      const grants = await t.dataSource.getRepository(RoleGrantEntity).findBy({ userId: wang.id });
      expect(grants.map((g) => [g.role, g.orgId])).toEqual([['SECRETARY', firstBranch]]);
      expect((await users().findOneByOrFail({ name: '李卫东' })).partyJoinedAt).toBe('2025-06-30');
    });

    it('audits the import once with counts, and each person', async () => {
      const audit = (await t.http().get('/api/admin/audit-logs?entityType=roster').set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items[0]).toMatchObject({ action: 'roster.import', after: expect.objectContaining({ created: 4, rows: 4 }) });
      const wang = await users().findOneByOrFail({ name: '王建国' });
      const personal = (await t.http().get(`/api/admin/audit-logs?entityType=user&entityId=${wang.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(personal.items.map((i) => i.action)).toContain('roster.person.create');
      expect(JSON.stringify(personal.items)).not.toContain('13911110001');
    });

    it('imports the same file again without changing or duplicating anyone, and updates by phone', async () => {
      const count = await users().count();
      expect((await importAs(liuyang, await rosterFile(lines)).expect(201)).body).toEqual({ created: 0, updated: 0, unchanged: 4, rolesGranted: 0, rolesRevoked: 0 });
      const changed: Line[] = [['王建国', '13911110001', FIRST_BRANCH, '正式党员', ENTERPRISE, '党员', '2001-07-01'], ['李卫东（改）', '13911110002', FIRST_BRANCH, '正式党员', '', '书记'], ...lines.slice(2)];
      const again = (await importAs(sunli, await rosterFile(changed)).expect(201)).body as ImportRosterResponse;
      expect(again).toEqual({ created: 0, updated: 2, unchanged: 2, rolesGranted: 1, rolesRevoked: 1 });
      expect(await users().count()).toBe(count);
      const wang = await users().findOneByOrFail({ name: '王建国' });
      expect(await t.dataSource.getRepository(RoleGrantEntity).findBy({ userId: wang.id })).toEqual([]);
      const li = await users().findOneByOrFail({ name: '李卫东（改）' });
      expect(li.partyJoinedAt).toBeNull();
      expect((await t.dataSource.getRepository(RoleGrantEntity).findBy({ userId: li.id })).map((g) => g.role)).toEqual(['SECRETARY']);
    });

    it('refuses to move someone another org holds', async () => {
      const res = await importAs(chenjing, await rosterFile([['王建国', '13911110001', OTHER_BRANCH, '正式党员']])).expect(422);
      expect(res.body.details).toEqual([{ row: 2, column: '手机号', message: expect.stringContaining('其他党组织') }]);
    });

    it('lists, searches and filters the roster, paged, with phones masked for secretaries', async () => {
      const all = await list(liuyang, firstBranch, '?limit=100');
      const names = all.items.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['王建国', '李卫东（改）', '赵小红', '钱多多', world.member.name, world.secretary.name]));
      expect(all.items.find((p) => p.name === '赵小红')?.phone).toBe('139****0003');
      expect(all.items.find((p) => p.name === world.member.name)).toMatchObject({ bound: true, orgName: FIRST_BRANCH, canMarkLeft: true });
      expect(all.items.find((p) => p.name === world.secretary.name)?.canMarkLeft).toBe(false);

      const page1 = await list(liuyang, firstBranch, '?limit=2');
      expect(page1.items).toHaveLength(2);
      const page2 = await list(liuyang, firstBranch, `?limit=2&cursor=${page1.nextCursor}`);
      expect(page2.items[0].id).not.toBe(page1.items[1].id);
      expect(Number(page2.items[0].id)).toBeGreaterThan(Number(page1.items[1].id));

      expect((await list(liuyang, firstBranch, `?q=${encodeURIComponent('小红')}`)).items.map((p) => p.name)).toEqual(['赵小红']);
      expect((await list(liuyang, firstBranch, '?q=13911110004')).items.map((p) => p.name)).toEqual(['钱多多']);
      expect((await list(liuyang, firstBranch, '?q=%25')).items).toEqual([]);
      expect((await list(liuyang, firstBranch, '?politicalStatus=ACTIVIST&limit=100')).items.map((p) => p.name).sort()).toEqual([activist.name, '赵小红'].sort());
      const unbound = (await list(liuyang, firstBranch, '?bound=false&limit=100')).items.map((p) => p.name);
      expect(unbound).toEqual(expect.arrayContaining(['王建国', '赵小红']));
      expect(unbound).not.toContain(world.member.name);
      expect((await list(liuyang, firstBranch, '?role=SECRETARY&limit=100')).items.map((p) => p.name).sort()).toEqual([world.secretary.name, '李卫东（改）'].sort());
      // The committee above sees the branch; admins see full numbers.
      expect((await list(sunli, firstBranch, '?q=13911110003')).items).toHaveLength(1);
      expect((await list(admin, firstBranch, '?q=13911110003')).items[0].phone).toBe('13911110003');
      await t.http().get(`/api/workspace/orgs/${firstBranch}/roster?bound=maybe`).set(liuyang).expect(400);
    });

    it('edits one person (audited) and keeps them in the editor’s scope', async () => {
      const zhao = await users().findOneByOrFail({ name: '赵小红' });
      const body = { name: '赵小红', phone: '13911110033', orgId: String(firstBranch), enterpriseId: null, politicalStatus: 'PROBATIONARY_MEMBER', partyPost: 'PUBLICITY_MEMBER', partyJoinedAt: '2026-07-01' };
      const res = await t.http().put(`/api/workspace/roster/${zhao.id}`).set(liuyang).send(body).expect(200);
      expect(res.body as RosterPerson).toMatchObject({ phone: '139****0033', politicalStatus: 'PROBATIONARY_MEMBER', partyPost: 'PUBLICITY_MEMBER', partyJoinedAt: '2026-07-01' });
      expect((await list(liuyang, firstBranch, '?q=13911110033')).items.map((p) => p.name)).toEqual(['赵小红']);
      await t.http().put(`/api/workspace/roster/${zhao.id}`).set(liuyang).send({ ...body, orgId: String(otherBranch) }).expect(400);
      await t.http().put(`/api/workspace/roster/${zhao.id}`).set(liuyang).send({ ...body, phone: world.member.phone }).expect(409);
      await t.http().put(`/api/workspace/roster/${zhao.id}`).set(chenjing).send(body).expect(404);
      await t.http().get(`/api/workspace/roster/${zhao.id}`).set(chenjing).expect(404);
      await t.http().put(`/api/workspace/roster/${zhao.id}`).set(liuyang).send({ ...body, phone: '12345' }).expect(400);
      // Left out: the phone stays, no enterprise.
      const { phone: _phone, enterpriseId: _enterprise, ...partial } = body;
      expect((await t.http().put(`/api/workspace/roster/${zhao.id}`).set(liuyang).send(partial).expect(200)).body as RosterPerson).toMatchObject({ phone: '139****0033', enterpriseId: null });
      const audit = (await t.http().get(`/api/admin/audit-logs?entityType=user&entityId=${zhao.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items[0]).toMatchObject({ action: 'roster.person.update', after: expect.objectContaining({ phone: '139****0033' }) });
    });

    it('exports the roster in the import columns, which imports again unchanged', async () => {
      const res = await t.http().get(`/api/workspace/orgs/${firstBranch}/roster/export`).set(liuyang).expect(200).buffer(true).parse(binary);
      expect(res.headers['content-disposition']).toContain('roster.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...ROSTER_COLUMNS]);
      const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => (r.values as unknown[]).slice(1));
      expect(rows).toContainEqual(['王建国', '13911110001', FIRST_BRANCH, '正式党员', ENTERPRISE, '党员', '2001-07-01']);
      const again = (await importAs(liuyang, res.body as Buffer).expect(201)).body as ImportRosterResponse;
      expect(again.created).toBe(0);
      expect(again.updated + again.unchanged).toBe(rows.length);
      expect(again.rolesGranted).toBe(0);
      const audit = (await t.http().get(`/api/admin/audit-logs?entityType=org&entityId=${firstBranch}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items.find((i) => i.action === 'roster.export')?.after).toMatchObject({ rows: rows.length });
    });
  });

  describe('leaving', () => {
    it('ends membership, roles and sessions at once; history keeps the name', async () => {
      const person = activist; // another member of the branch, whose sessions must survive
      const need = await raiseNeed(t, zhangwei);
      const zw = await users().findOneByOrFail({ openid: world.member.openid });
      await t.dataSource.getRepository(RoleGrantEntity).insert({ userId: zw.id, role: 'INSTRUCTOR', orgId: null, departmentId: null, scopeKey: '-', grantedBy: null });

      await t.http().post(`/api/workspace/roster/${zw.id}/leave`).set(chenjing).send({}).expect(404);
      await t.http().post(`/api/workspace/roster/${zw.id}/leave`).set(sunli).send({}).expect(404);
      await t.http().post(`/api/workspace/roster/${zw.id}/leave`).set(zhangwei).send({}).expect(403);
      const res = await t.http().post(`/api/workspace/roster/${zw.id}/leave`).set(liuyang).send({ reason: '转出至其他园区' }).expect(201);
      expect(res.body as MarkLeftResponse).toMatchObject({ id: String(zw.id), name: world.member.name, leftOrgId: String(firstBranch), rolesRevoked: 1 });

      expect((await t.http().get('/api/me').set(zhangwei).expect(401)).body.code).toBe('SESSION_REVOKED');
      const after = await users().findOneByOrFail({ id: zw.id });
      expect(after).toMatchObject({ orgId: null, leftOrgId: firstBranch, partyPost: null });
      expect(after.leftAt).not.toBeNull();
      expect(await t.dataSource.getRepository(RoleGrantEntity).findBy({ userId: zw.id })).toEqual([]);
      expect((await list(liuyang, firstBranch, '?limit=100')).items.map((p) => p.name)).not.toContain(world.member.name);
      // The need they raised is still theirs, by name.
      expect(((await t.http().get(`/api/needs/${need.id}`).set(admin).expect(200)).body as NeedDetail).raisedByName).toBe(world.member.name);
      // Signing in again works, as a person without an org.
      const back = await devLogin(t, world.member.openid);
      expect((await t.http().get('/api/me').set(back.auth).expect(200)).body.orgId).toBeUndefined();
      // Leaving twice is not found; other people's tokens are untouched.
      await t.http().post(`/api/workspace/roster/${zw.id}/leave`).set(liuyang).send({}).expect(404);
      await t.http().get('/api/me').set(person.auth).expect(200);
      const audit = (await t.http().get(`/api/admin/audit-logs?entityType=user&entityId=${zw.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items[0]).toMatchObject({ action: 'roster.person.leave', after: expect.objectContaining({ reason: '转出至其他园区' }) });

      // Re-importing them is how they come back.
      const returned = (await importAs(liuyang, await rosterFile([[world.member.name, world.member.phone, FIRST_BRANCH, '正式党员', ENTERPRISE]])).expect(201)).body as ImportRosterResponse;
      expect(returned).toMatchObject({ created: 0, updated: 1 });
      expect(await users().findOneByOrFail({ id: zw.id })).toMatchObject({ orgId: firstBranch, leftAt: null, leftOrgId: null });
    });

    it('a secretary cannot mark themselves as left', async () => {
      const liu = await users().findOneByOrFail({ openid: world.secretary.openid });
      await t.http().post(`/api/workspace/roster/${liu.id}/leave`).set(liuyang).send({}).expect(409);
    });

    it('never leaves the zone without an active admin', async () => {
      // A second admin of the world's own, in the branch; the admin account's person joins the branch too.
      const xuhong = await createPerson(t, admin, world.tag, 'second-admin', { name: `${world.tag}管理员`, orgId: world.branch.id, roles: [{ role: 'ADMIN' }] });
      const adminId = Number(((await t.http().get('/api/me').set(admin).expect(200)).body as { id: string }).id);
      await users().update({ id: adminId }, { orgId: firstBranch });
      // Any other active admin (none of this suite's making) is set aside for the test and brought back after it.
      const others = (await allPages<UserResponse>(t, '/api/admin/users', admin)).filter(
        (u) => Number(u.id) !== adminId && u.id !== xuhong.id && !u.disabled && u.roles.some((g) => g.role === 'ADMIN'),
      );
      for (const u of others) await t.http().put(`/api/admin/users/${u.id}/status`).set(admin).send({ disabled: true }).expect(200);
      // Two admins: one may go.
      await t.http().put(`/api/admin/users/${xuhong.id}/status`).set(admin).send({ disabled: true }).expect(200);
      // Now the caller is the last active admin: not disabled (self), not marked as left by a secretary.
      expect((await t.http().put(`/api/admin/users/${adminId}/status`).set(admin).send({ disabled: true }).expect(409)).body.code).toBe('CONFLICT');
      const refused = await t.http().post(`/api/workspace/roster/${adminId}/leave`).set(liuyang).send({}).expect(409);
      expect(refused.body.message).toContain('最后一位管理员');
      await t.http().get('/api/me').set(admin).expect(200);
      await t.http().put(`/api/admin/users/${xuhong.id}/status`).set(admin).send({ disabled: false }).expect(200);
      const audit = (await t.http().get(`/api/admin/audit-logs?entityType=user&entityId=${xuhong.id}`).set(admin).expect(200)).body as Page<AuditLogResponse>;
      expect(audit.items.map((i) => i.action).slice(0, 2)).toEqual(['user.enable', 'user.disable']);
      // With another active admin again, the secretary may mark the admin's roster row as left.
      await t.http().post(`/api/workspace/roster/${xuhong.id}/leave`).set(liuyang).send({}).expect(201);
      for (const u of others) await t.http().put(`/api/admin/users/${u.id}/status`).set(admin).send({ disabled: false }).expect(200);
    });
  });
});
