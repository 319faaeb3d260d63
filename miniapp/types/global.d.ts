/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** API origin for the weapp build (`.env.*`); H5 calls the same origin. */
    TARO_APP_API_BASE?: string;
    TARO_APP_ID?: string;
    /** WeChat subscribe-message template ids for activity reminders, comma separated. */
    TARO_APP_SUBSCRIBE_TEMPLATE_IDS?: string;
  }
}
