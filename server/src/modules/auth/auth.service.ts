import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { POLITICAL_STATUS_LABELS, ROLE_LABELS, type AdminLoginResponse, type DemoPerson, type LoginResponse } from '@torch-red/shared';
import bcrypt from 'bcryptjs';
import { Tx } from '../../database/tx.service';
import { DataSource, In, Like } from 'typeorm';
import { isUniqueViolation } from '../../database/db-errors';
import { TokenService } from '../../common/auth/token.service';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OrgEntity } from '../org/org.entity';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { AdminAccountEntity } from '../user/admin-account.entity';
import { RoleGrantEntity } from '../user/role-grant.entity';
import { UserEntity } from '../user/user.entity';
import { UserService } from '../user/user.service';
import { WechatClient } from '../wechat/wechat.client';

const BCRYPT_COST = 10;
// Compared against when the username is unknown, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('torch-red-timing-equaliser', BCRYPT_COST);

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserService,
    private readonly tokens: TokenService,
    private readonly wechat: WechatClient,
    private readonly rateLimit: RateLimitService,
    private readonly tx: Tx,
  ) {}

  async wechatLogin(code: string, ip: string): Promise<LoginResponse> {
    await this.rateLimit.consume(`login:wechat:${ip}`, this.config.rateLimit.loginPerMinute, 60);
    const session = await this.wechat.code2Session(code);
    const user = await this.users.findOrCreateByOpenid(session.openid, '微信用户', session.unionid);
    return this.loginAs(user.id);
  }

  async devLogin(openid: string, name: string | undefined, ip: string): Promise<LoginResponse> {
    this.requireDevLogin();
    await this.rateLimit.consume(`login:dev:${ip}`, Math.max(this.config.rateLimit.loginPerMinute, 600), 60);
    const user = await this.users.findOrCreateByOpenid(openid, name ?? `体验用户${openid.slice(-4)}`);
    return this.loginAs(user.id);
  }

  async demoPeople(): Promise<DemoPerson[]> {
    this.requireDevLogin();
    const people = await this.dataSource.getRepository(UserEntity).find({
      where: { isSample: true, openid: Like('demo-%') },
      order: { id: 'ASC' },
    });
    if (people.length === 0) return [];
    const [grants, orgs] = await Promise.all([
      this.dataSource.getRepository(RoleGrantEntity).findBy({ userId: In(people.map((p) => p.id)) }),
      this.dataSource.getRepository(OrgEntity).find({ select: { id: true, name: true } }),
    ]);
    const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
    return people.map((p) => {
      const roles = grants.filter((g) => g.userId === p.id).map((g) => ROLE_LABELS[g.role]);
      const parts = [
        roles.length ? roles.join('、') : p.politicalStatus ? POLITICAL_STATUS_LABELS[p.politicalStatus] : '成员',
        p.orgId ? orgNames.get(p.orgId) : undefined,
      ].filter(Boolean);
      return { openid: p.openid!, name: p.name, description: `${parts.join(' · ')}（示例）` };
    });
  }

  async adminLogin(username: string, password: string, ip: string): Promise<AdminLoginResponse> {
    await this.rateLimit.consume(`login:admin:${ip}`, this.config.rateLimit.loginPerMinute, 60);
    await this.rateLimit.consume(`login:admin-user:${username.toLowerCase()}`, this.config.rateLimit.loginPerMinute, 60);
    const account = await this.dataSource.getRepository(AdminAccountEntity).findOneBy({ username });
    const ok = await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok) throw new AppError('INVALID_CREDENTIALS');
    const stillAdmin = await this.dataSource.getRepository(RoleGrantEntity).findOneBy({ userId: account.userId, role: 'ADMIN' });
    if (!stillAdmin) throw new AppError('INVALID_CREDENTIALS');
    return { accessToken: await this.tokens.issue(account.userId, 'admin') };
  }

  /** Creates the first admin account from ADMIN_USERNAME / ADMIN_PASSWORD when there is none. */
  async ensureFirstAdmin(): Promise<void> {
    const accounts = this.dataSource.getRepository(AdminAccountEntity);
    if ((await accounts.count()) > 0) return;
    const { username, password, fromDefaults } = this.config.admin;
    const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
    try {
      await this.tx.run(async (m) => {
        const user = await m.getRepository(UserEntity).save(m.getRepository(UserEntity).create({ name: '系统管理员', isSample: false }));
        await m.getRepository(RoleGrantEntity).insert({ userId: user.id, role: 'ADMIN', scopeKey: '-', orgId: null, departmentId: null, grantedBy: null });
        await m.getRepository(AdminAccountEntity).insert({ username, passwordHash, userId: user.id });
      });
    } catch (err) {
      // Another process created it at the same moment.
      if (isUniqueViolation(err)) return;
      throw err;
    }
    if (fromDefaults) {
      this.logger.warn(`Created the development admin account: username "${username}", password "${password}" — set ADMIN_USERNAME / ADMIN_PASSWORD for real use`);
    } else {
      this.logger.log(`Created the first admin account "${username}"`);
    }
  }

  private async loginAs(userId: number): Promise<LoginResponse> {
    const [accessToken, user] = await Promise.all([this.tokens.issue(userId, 'user'), this.users.me(userId)]);
    return { accessToken, user };
  }

  private requireDevLogin(): void {
    if (!this.config.devLogin) throw new AppError('ROUTE_NOT_FOUND');
  }
}
