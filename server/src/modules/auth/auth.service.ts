import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { POLITICAL_STATUS_LABELS, ROLE_LABELS, type AdminLoginResponse, type DemoPerson, type LoginResponse } from '@torch-red/shared';
import bcrypt from 'bcryptjs';
import { Tx } from '../../database/tx.service';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../database/db-errors';
import type { AuthUser } from '../../common/auth/auth-user';
import { TokenService } from '../../common/auth/token.service';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { passwordProblem, passwordProblemZh } from '../../config/secret-policy';
import { AuditService } from '../audit/audit.service';
import { OrgDirectory } from '../org/org-directory.service';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { AdminAccountEntity } from './admin-account.entity';
import { PeopleDirectory, type SignInSubject } from '../user/people-directory.service';
import { UserService } from '../user/user.service';
import { WechatClient } from '../wechat/wechat.client';

const BCRYPT_COST = 10;
// Compared against when the username is unknown, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('torch-red-timing-equaliser', BCRYPT_COST);

/**
 * Admin password guessing is throttled without giving attackers a lock-out switch:
 * - per IP (all usernames): LOGIN_RATE_LIMIT_PER_MINUTE attempts;
 * - per username and IP: `failuresPerIp` wrong passwords in `failureWindowSeconds`, then 429 for that IP only;
 * - per username over all IPs: no refusal, only a growing delay (capped) once many failures pile up,
 *   so the right password from a fresh IP always gets in.
 */
const ADMIN_LOGIN = { failuresPerIp: 10, failureWindowSeconds: 900, slowAfterFailures: 20, maxDelayMs: 3000 } as const;
const PASSWORD_CHANGE = { wrongPasswords: 5, windowSeconds: 900 } as const;

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
    private readonly audit: AuditService,
    private readonly people: PeopleDirectory,
    private readonly orgs: OrgDirectory,
  ) {}

  async wechatLogin(code: string, ip: string): Promise<LoginResponse> {
    await this.rateLimit.consume(`login:wechat:${ip}`, this.config.rateLimit.loginPerMinute, 60);
    const session = await this.wechat.code2Session(code);
    const user = await this.users.findOrCreateByOpenid(session.openid, '微信用户', session.unionid);
    return this.loginAs(user);
  }

  async devLogin(openid: string, name: string | undefined, ip: string): Promise<LoginResponse> {
    this.requireDevLogin();
    await this.rateLimit.consume(`login:dev:${ip}`, Math.max(this.config.rateLimit.loginPerMinute, 600), 60);
    const user = await this.users.findOrCreateByOpenid(openid, name ?? `体验用户${openid.slice(-4)}`);
    return this.loginAs(user);
  }

  async demoPeople(): Promise<DemoPerson[]> {
    this.requireDevLogin();
    const people = await this.people.samplePeople();
    const orgs = await this.orgs.orgs(people.map((p) => p.orgId));
    return people.map((p) => {
      const roles = p.roles.map((role) => ROLE_LABELS[role]);
      const parts = [
        roles.length ? roles.join('、') : p.politicalStatus ? POLITICAL_STATUS_LABELS[p.politicalStatus] : '成员',
        p.orgId ? orgs.get(p.orgId)?.name : undefined,
      ].filter(Boolean);
      return { openid: p.openid, name: p.name, description: `${parts.join(' · ')}（示例）` };
    });
  }

  async adminLogin(username: string, password: string, ip: string): Promise<AdminLoginResponse> {
    const name = username.toLowerCase();
    const now = new Date();
    await this.rateLimit.consume(`login:admin:${ip}`, this.config.rateLimit.loginPerMinute, 60, now);
    // Counted before checking (parallel guesses cannot slip past), given back when the password is right.
    const pair = `login:admin-pair:${name}:${ip}`;
    await this.rateLimit.consume(pair, ADMIN_LOGIN.failuresPerIp, ADMIN_LOGIN.failureWindowSeconds, now);
    await this.slowDownAfterFailures(name);
    const account = await this.dataSource.getRepository(AdminAccountEntity).findOneBy({ username });
    const ok = await bcrypt.compare(password, account?.passwordHash ?? DUMMY_HASH);
    const stillAdmin = account && ok ? await this.people.hasRole(account.userId, 'ADMIN') : false;
    const user = account && stillAdmin ? await this.people.signInSubject(account.userId) : null;
    if (!user) {
      await this.rateLimit.hit(`login:admin-failures:${name}`, ADMIN_LOGIN.failureWindowSeconds);
      throw new AppError('INVALID_CREDENTIALS');
    }
    await this.rateLimit.release(pair, ADMIN_LOGIN.failureWindowSeconds, now);
    if (user.disabledAt) throw new AppError('ACCOUNT_DISABLED');
    return { accessToken: await this.tokens.issue(user.id, 'admin', user.tokenVersion) };
  }

  /** Many recent failures for a username (from anywhere) slow every attempt down; none is refused for it. */
  private async slowDownAfterFailures(name: string): Promise<void> {
    const { failureWindowSeconds, slowAfterFailures, maxDelayMs } = ADMIN_LOGIN;
    const failures = await this.rateLimit.peek(`login:admin-failures:${name}`, failureWindowSeconds);
    if (failures < slowAfterFailures) return;
    const delay = Math.min(maxDelayMs, 250 * 2 ** Math.floor((failures - slowAfterFailures) / slowAfterFailures));
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  /**
   * An admin with a password login changes it. The new password follows the same rule as ADMIN_PASSWORD in
   * production; every other session of the person ends, and this one continues with the token returned.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<AdminLoginResponse> {
    const account = await this.dataSource.getRepository(AdminAccountEntity).findOneBy({ userId: user.id });
    if (!account) throw new AppError('NOT_FOUND', '该账号没有用户名密码登录，无需修改密码');
    const now = new Date();
    const attempts = `password-change:${user.id}`;
    await this.rateLimit.consume(attempts, PASSWORD_CHANGE.wrongPasswords, PASSWORD_CHANGE.windowSeconds, now, '当前密码错误次数过多，请 15 分钟后再试');
    if (!(await bcrypt.compare(currentPassword, account.passwordHash))) {
      throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    await this.rateLimit.release(attempts, PASSWORD_CHANGE.windowSeconds, now);
    const problem = passwordProblem(newPassword, account.username);
    if (problem) throw new AppError('VALIDATION_FAILED', passwordProblemZh(problem), [{ field: 'newPassword', message: passwordProblemZh(problem) }]);
    if (newPassword === currentPassword) throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同', [{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
    const passwordHash = await bcrypt.hash(newPassword, BCRYPT_COST);
    const version = await this.tx.run(async (m) => {
      const changed = await m.getRepository(AdminAccountEntity).update({ id: account.id, passwordHash: account.passwordHash }, { passwordHash });
      if (!changed.affected) throw new AppError('CONFLICT', '密码刚刚已被修改，请重新登录');
      const next = await this.users.endSessions(m, user.id);
      await this.audit.record({ actorId: user.id, action: 'auth.password-change', entityType: 'admin-account', entityId: account.id, after: { username: account.username, otherSessionsEnded: true } }, m);
      return next;
    });
    return { accessToken: await this.tokens.issue(user.id, 'admin', version) };
  }

  /** Signs the person out everywhere: every token they hold stops working on its next request. */
  async logout(user: AuthUser): Promise<void> {
    await this.tx.run((m) => this.users.endSessions(m, user.id));
  }

  /** Creates the first admin account from ADMIN_USERNAME / ADMIN_PASSWORD when there is none. */
  async ensureFirstAdmin(): Promise<void> {
    const accounts = this.dataSource.getRepository(AdminAccountEntity);
    if ((await accounts.count()) > 0) return;
    const { username, password, fromDefaults } = this.config.admin;
    const passwordHash = await bcrypt.hash(password, BCRYPT_COST);
    try {
      await this.tx.run(async (m) => {
        const userId = await this.users.createFirstAdmin(m);
        await m.getRepository(AdminAccountEntity).insert({ username, passwordHash, userId });
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

  private async loginAs(person: SignInSubject): Promise<LoginResponse> {
    if (person.disabledAt) throw new AppError('ACCOUNT_DISABLED');
    const [accessToken, user] = await Promise.all([this.tokens.issue(person.id, 'user', person.tokenVersion), this.users.me(person.id)]);
    return { accessToken, user };
  }

  private requireDevLogin(): void {
    if (!this.config.devLogin) throw new AppError('ROUTE_NOT_FOUND');
  }
}
