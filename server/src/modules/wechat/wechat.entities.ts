import { WechatTokenEntity } from './wechat-token.entity';

/** The tables the wechat module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const WECHAT_ENTITIES = [WechatTokenEntity];
